"""Loaded language learned from expert annotations: how likely an expert would mark each word, and
how likely a sentence is biased.

Two logistic regressions, fitted with scikit-learn by ``benchmarks/loaded_model.py --fit`` on the
train split of BABE (Spinde et al. 2021: news sentences labelled biased or not by trained experts,
with the words they marked) and chosen on its dev split. Their weights ship in
``data/loaded_model.json``, which derives from BABE and is under BABE's licence, the GNU AGPL-3.0
(``data/loaded_model.NOTICE.md``). Nothing here fits anything: run time is a dot product.

- The **word model** reads each word with its part of speech, its neighbours' tags, its suffix,
  whether BABE's bias word lexicon, ``loaded.csv``, VADER or TextBlob's lexicon know it, whether it
  is capitalised inside the sentence (a name) and whether it stands in a quotation. Its output is the
  probability that an expert marks the word.
- The **sentence model** reads the sentence's words (tf-idf) and what the word model says of them
  (the highest word probability, how many words pass the threshold). Its output is the probability
  that experts call the sentence biased.

A sentence gets rows in the ``loaded`` table when its probability reaches the sentence threshold;
its rows are the words whose probability reaches the word threshold (at least its strongest word).
A word inside a quotation whose probability reaches the word threshold is a row wherever it stands.
Both thresholds were chosen on BABE dev and are in the JSON file.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .lexicons import Lexicons, get

MODEL_FILE = "loaded_model.json"
_WORD = re.compile(r"[^\W\d_]")
_QUOTE_MARKS = frozenset('"“”')
_STOP = frozenset("""a an the and or but of to in on at by for with from as is are was were be been being it its
this that these those he she they we i you his her their our my your him them us me who whom which what
when where why how not no so if than then there here has have had do does did will would can could should
may might must shall s 's ’s""".split())


@dataclass(frozen=True)
class WordContext:
    """The lexicons a word's features read: VADER's and TextBlob's valences, BABE's bias words and the
    terms of ``loaded.csv`` with their kinds."""
    vader: dict
    pattern: object
    bias_words: frozenset
    loaded: dict


@dataclass(frozen=True)
class LoadedModel:
    """The fitted weights of ``loaded_model.json``: each feature's weight by name, and the thresholds."""
    word_weights: dict[str, float]
    word_intercept: float
    word_threshold: float
    sentence_idf: dict[str, float]
    sentence_weights: dict[str, float]
    sentence_intercept: float
    sentence_threshold: float
    bias_words: frozenset
    meta: dict


def load_model(lexicons: Lexicons | str | Path | None = None) -> LoadedModel:
    """The model of ``data/loaded_model.json`` (shipped, or your own copy in a lexicon folder)."""
    return get(lexicons).compiled("loaded_model", _build_model)


def _build_model(lex: Lexicons) -> LoadedModel:
    data = lex.json(MODEL_FILE)
    word, sent = data["word"], data["sentence"]
    return LoadedModel(
        word_weights=dict(zip(word["features"], word["weights"])), word_intercept=word["intercept"],
        word_threshold=word["threshold"], sentence_idf=dict(zip(sent["terms"], sent["idf"])),
        sentence_weights=dict(zip(sent["features"], sent["weights"])), sentence_intercept=sent["intercept"],
        sentence_threshold=sent["threshold"], bias_words=frozenset(data["bias_words"]),
        meta={k: v for k, v in data.items() if k not in ("word", "sentence", "bias_words")})


def word_context(loaded: dict, bias_words: frozenset) -> WordContext:
    """The lexicons the word features read (VADER's and TextBlob's ship with those packages)."""
    from .targets import pattern_sentiment, vader_analyser

    return WordContext(vader_analyser().lexicon, pattern_sentiment(), bias_words, loaded)


def _pattern_scores(pattern, low: str) -> tuple[float, float]:
    entry = pattern.get(low) if _WORD.match(low) else None
    if not entry:
        return 0.0, 0.0
    pol, subj, _ = entry.get(None, next(iter(entry.values())))
    return pol, subj


def quoted_flags(tokens: list[tuple[str, str, int, int]]) -> list[bool]:
    """Whether each token stands inside a pair of double quotation marks of the sentence (a word of a
    quotation). The document's own quotation spans are used instead where a document is at hand."""
    flags, inside = [], False
    for tok, _, _, _ in tokens:
        if tok in _QUOTE_MARKS:
            inside = tok != "”" and (not inside or tok == "“")
            flags.append(False)
        else:
            flags.append(inside)
    return flags


def word_features(tagged: list[tuple[str, str, int, int]], i: int, quoted: bool, first: int,
                  ctx: WordContext) -> dict[str, float]:
    """The features of token ``i`` of a tagged sentence (``segment.tag_many``); ``first`` is the index
    of the sentence's first word (a capital there says nothing)."""
    tok, tag = tagged[i][0], tagged[i][1]
    low = tok.lower().replace("’", "'")
    prev_tag = tagged[i - 1][1] if i > 0 else "<s>"
    next_tag = tagged[i + 1][1] if i + 1 < len(tagged) else "</s>"
    prev_low = tagged[i - 1][0].lower() if i > 0 else "<s>"
    f = {f"w={low}": 1.0, f"t={tag}": 1.0, f"pt={prev_tag}|{tag}": 1.0, f"nt={tag}|{next_tag}": 1.0,
         f"suf={low[-3:]}|{tag[:2]}": 1.0, f"p={prev_low}": 1.0}
    if i != first and tok[:1].isupper():
        f["capital"] = 1.0
    if low in _STOP:
        f["stop"] = 1.0
    if quoted:
        f["quoted"] = 1.0
    if low in ctx.bias_words:
        f["bias_lexicon"] = 1.0
    kind = ctx.loaded.get(low)
    if kind:
        f[f"loaded={kind[0]}"] = 1.0
    valence = ctx.vader.get(low, 0.0)
    if valence:
        f["vader_abs"] = abs(valence) / 4
        f["vader_neg" if valence < 0 else "vader_pos"] = 1.0
    pol, subj = _pattern_scores(ctx.pattern, low)
    if subj:
        f["pattern_subj"] = subj
        f["pattern_abs"] = abs(pol)
    return f


def is_word(tok: str) -> bool:
    """A token that can be loaded: it holds a letter."""
    return bool(_WORD.search(tok))


def sentence_word_features(tagged: list[tuple[str, str, int, int]], quoted: list[bool],
                           ctx: WordContext) -> list[tuple[int, dict[str, float]]]:
    """(token index, features) for each word of a tagged sentence."""
    first = next((i for i, t in enumerate(tagged) if is_word(t[0])), 0)
    return [(i, word_features(tagged, i, quoted[i], first, ctx)) for i, t in enumerate(tagged) if is_word(t[0])]


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def word_probabilities(model: LoadedModel, feats: list[dict[str, float]]) -> list[float]:
    """The probability that an expert marks each word."""
    w = model.word_weights
    return [sigmoid(model.word_intercept + sum(w.get(k, 0.0) * v for k, v in f.items())) for f in feats]


def sentence_terms(tagged: list[tuple[str, str, int, int]]) -> list[str]:
    """The sentence model's terms: lower-case words and word pairs (the tf-idf's vocabulary)."""
    words = [t[0].lower().replace("’", "'") for t in tagged if is_word(t[0])]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def sentence_numeric(probs: list[float]) -> dict[str, float]:
    """What the word model says of a sentence, as the sentence model reads it: its strongest word, how
    many words are more likely marked than not, and the sum of the word probabilities."""
    if not probs:
        return {"max_word": 0.0, "words_over": 0.0, "sum_word": 0.0}
    return {"max_word": max(probs), "words_over": math.log1p(sum(p >= 0.5 for p in probs)),
            "sum_word": math.log1p(sum(probs))}


def tfidf(terms: list[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear tf-idf of the terms the model knows, L2-normalised (as scikit-learn computes it)."""
    counts = Counter(t for t in terms if t in idf)
    vec = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {f"term={t}": v / norm for t, v in vec.items()}


def sentence_probability(model: LoadedModel, terms: list[str], probs: list[float]) -> float:
    """The probability that experts call the sentence biased."""
    feats = tfidf(terms, model.sentence_idf) | sentence_numeric(probs)
    w = model.sentence_weights
    return sigmoid(model.sentence_intercept + sum(w.get(k, 0.0) * v for k, v in feats.items()))


@dataclass(frozen=True)
class ScoredSentence:
    """One sentence read by the model: its probability, each word's (token index, probability), and
    the token indices that stand in a quotation."""
    score: float
    words: list[tuple[int, float]]
    quoted: frozenset = frozenset()


def score_sentence(model: LoadedModel, ctx: WordContext, tagged: list[tuple[str, str, int, int]],
                   quoted: list[bool]) -> ScoredSentence:
    """The sentence's probability of being biased and each word's probability of being marked."""
    idx_feats = sentence_word_features(tagged, quoted, ctx)
    probs = word_probabilities(model, [f for _, f in idx_feats])
    score = sentence_probability(model, sentence_terms(tagged), probs)
    return ScoredSentence(score, [(i, p) for (i, _), p in zip(idx_feats, probs)],
                          frozenset(i for i, q in enumerate(quoted) if q))


def loaded_tokens(scored: ScoredSentence, sentence_threshold: float, word_threshold: float
                  ) -> list[tuple[int, float]]:
    """The words that get rows. In a sentence at or over the sentence threshold: the words at or over
    the word threshold, or its strongest word when none is. Anywhere: a word of a quotation at or over
    the word threshold (a source's insult is loaded even where experts do not call the reporting
    biased; ``in_quote`` tells it apart)."""
    over = [(i, p) for i, p in scored.words if p >= word_threshold]
    if scored.score >= sentence_threshold and scored.words:
        return over or [max(scored.words, key=lambda ip: ip[1])]
    return [(i, p) for i, p in over if i in scored.quoted]
