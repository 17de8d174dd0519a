"""Selection: which content each article shares with the others and which it alone reports,
by aligning sentences on their content words.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np
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


def _matches(i: int, keys, vecs, index) -> dict[str, tuple[float, int, str]]:
    """For sentence i, the most similar sentence of each other article it shares a content word with:
    article -> (similarity, sentence, text). Articles it shares no word with are left out (the caller
    gives them similarity 0 and their first sentence)."""
    art = keys[i][0]
    sims: dict[int, float] = defaultdict(float)
    for w, x in vecs[i].items():
        for art2, postings in index.get(w, {}).items():
            if art2 != art:
                for j, y in postings:
                    sims[j] += x * y
    best: dict[str, tuple[float, int, str]] = {}
    for j in sorted(sims):
        art2, sid2, text2 = keys[j]
        if sims[j] > best.get(art2, (0.0,))[0]:
            best[art2] = (sims[j], sid2, text2)
    return best


def _grid(keys, firsts: dict[str, tuple[int, str]], matches: list[dict], threshold: float) -> dict:
    """The table's columns, one row per sentence and other article in the order of ``firsts``: the
    matches found, and for every other pair similarity 0 and the other article's first sentence. Built
    as arrays, so that the rows of pairs with nothing in common (most of them, with many articles) cost
    no Python loop: the table grows with sentences x articles, its making stays cheap."""
    arts = list(firsts)
    col = {a: k for k, a in enumerate(arts)}
    n, m = len(keys), len(arts)
    similarity = np.zeros((n, m))
    other_sentence = np.tile(np.array([firsts[a][0] for a in arts]), (n, 1))
    other_text = np.tile(np.array([firsts[a][1] for a in arts], dtype=object), (n, 1))
    shared = np.full((n, m), 0.0 >= threshold)
    for i, found in enumerate(matches):
        for art2, (sim, sid2, text2) in found.items():
            k = col[art2]
            similarity[i, k], other_sentence[i, k], other_text[i, k] = round(sim, 3), sid2, text2
            shared[i, k] = sim >= threshold
    own = np.array([col[a] for a, _, _ in keys])
    keep = np.arange(m)[None, :] != own[:, None]
    return {"article": np.repeat(np.array([a for a, _, _ in keys], dtype=object), m).reshape(n, m)[keep],
            "sentence": np.repeat(np.array([s for _, s, _ in keys], dtype=int), m).reshape(n, m)[keep],
            "other": np.tile(np.array(arts, dtype=object), (n, 1))[keep],
            "other_sentence": other_sentence[keep], "similarity": similarity[keep], "shared": shared[keep],
            "text": np.repeat(np.array([t for _, _, t in keys], dtype=object), m).reshape(n, m)[keep],
            "other_text": other_text[keep]}


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
    matches = [_matches(i, keys, vecs, index) for i in range(len(keys))]
    return pd.DataFrame(_grid(keys, firsts, matches, threshold), columns=columns).astype(types)


def selection_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article and other article: sentences whose content the other also reports, and the share."""
    if alignment.empty:
        return pd.DataFrame(columns=["article", "other", "sentences", "shared", "share_shared"])
    g = alignment.groupby(["article", "other"])
    out = g.agg(sentences=("sentence", "count"), shared=("shared", "sum")).reset_index()
    out["share_shared"] = out["shared"] / out["sentences"]
    return out
