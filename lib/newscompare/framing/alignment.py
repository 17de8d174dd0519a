"""Selection: which content each article shares with the others and which it alone reports,
by aligning sentences on their content words.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pandas as pd

from ..lexicons import get
from ..segment import Document
from ..sources import source_lexicon
from .common import WORD, Lex, equivalents, stem, stopwords, warn


def _no_content(lexicons: Lex) -> frozenset:
    """Words that carry no content for alignment: stopwords (pronouns among them), the one-word cue
    verbs of cues.csv and the attribution words of word_lists.csv ("..., she told reporters")."""
    cues = {c for c in source_lexicon(lexicons).cues if " " not in c}
    return stopwords(lexicons) | frozenset(get(lexicons).word_list("attribution_words")) | frozenset(cues)


def _vectors(docs: list[Document], same: dict[str, str], skip: frozenset):
    keys, bags = [], []
    for d in docs:
        for s in d.sentences:
            if s.heading:
                continue
            words = [stem(w, same) for w in WORD.findall(s.text) if w.lower().replace("’", "'") not in skip]
            keys.append((d.id, s.sentence, s.text))
            bags.append(Counter(words))
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    vecs = []
    for bag in bags:
        v = {w: c * math.log((1 + n) / (1 + df[w])) + 1e-9 for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return keys, vecs


COMMON_POSTINGS = 2000  # a word in more sentences than this is too common to align on


def _postings(keys, vecs) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """word -> article -> [(sentence index, weight)]; words in more than COMMON_POSTINGS sentences are
    left out, so that aligning a sentence costs at most that many look-ups a word, whatever the length
    of the texts: the time grows with the sentences, not with sentences x sentences. Kept by article,
    a sentence looks only at the other articles' sentences."""
    index: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    sizes: Counter = Counter()
    for j, vec in enumerate(vecs):
        for w, x in vec.items():
            index[w][keys[j][0]].append((j, x))
            sizes[w] += 1
    return {w: p for w, p in index.items() if sizes[w] <= COMMON_POSTINGS}


def _best_matches(i: int, keys, vecs, index, firsts: dict) -> dict[str, tuple[float, int, str]]:
    """For sentence i, the most similar sentence of each other article: (similarity, sentence, text);
    with no shared word, similarity 0 and that article's first sentence (``firsts``)."""
    art = keys[i][0]
    sims: dict[int, float] = defaultdict(float)
    for w, x in vecs[i].items():
        for art2, postings in index.get(w, {}).items():
            if art2 != art:
                for j, y in postings:
                    sims[j] += x * y
    best = {art2: (0.0, *first) for art2, first in firsts.items() if art2 != art}
    for j in sorted(sims):
        art2, sid2, text2 = keys[j]
        if sims[j] > best[art2][0]:
            best[art2] = (sims[j], sid2, text2)
    return best


def align_content(docs: list[Document], threshold: float = 0.15, lexicons: Lex = None) -> pd.DataFrame:
    """For each sentence, its most similar sentence in each other article (TF-IDF cosine on stemmed
    content words): article, sentence, other, other_sentence, similarity, shared, text, other_text.

    ``shared`` is similarity >= threshold: both articles report that content. Pronouns, cue verbs and
    attribution words ("she told reporters") are not content, so sentences alike only in them score 0.
    """
    columns = ["article", "sentence", "other", "other_sentence", "similarity", "shared", "text", "other_text"]
    types = {"sentence": int, "other_sentence": int, "similarity": float, "shared": bool}
    if len({d.id for d in docs}) < 2:
        warn("content alignment needs at least two articles; the table is empty")
        return pd.DataFrame(columns=columns).astype(types)
    keys, vecs = _vectors(docs, equivalents(lexicons), _no_content(lexicons))
    index = _postings(keys, vecs)
    firsts: dict[str, tuple[int, str]] = {}
    for art, sid, text in keys:
        firsts.setdefault(art, (sid, text))
    rows = []
    for i, (art, sid, text) in enumerate(keys):
        for art2, (sim, sid2, text2) in _best_matches(i, keys, vecs, index, firsts).items():
            rows.append((art, sid, art2, sid2, round(sim, 3), sim >= threshold, text, text2))
    return pd.DataFrame(rows, columns=columns).astype(types)


def selection_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article and other article: sentences whose content the other also reports, and the share."""
    if alignment.empty:
        return pd.DataFrame(columns=["article", "other", "sentences", "shared", "share_shared"])
    g = alignment.groupby(["article", "other"])
    out = g.agg(sentences=("sentence", "count"), shared=("shared", "sum")).reset_index()
    out["share_shared"] = out["shared"] / out["sentences"]
    return out
