"""Sentiment toward a target in a sentence, not the sentence's sentiment.

"Critics praised Smith but attacked Jones" is positive toward Smith and negative toward Jones. For
each (sentence, start, end) with the target's character span, ``target_sentiment`` looks at the words
about the target: those of its clause (split at semicolons, colons, dashes and "but", "while"...),
those near it (weighted by distance), with VADER's valences and negations, whether the target is the
clause's subject, whether it stands inside a quotation or is the speaker of one (its own words are
not sentiment toward it), and the words themselves.

The model is a multinomial logistic regression over those features, fitted on the NewsMTSC training
set (Hamborg & Donnay 2021, MIT licence) by ``benchmarks/target_sentiment.py --fit`` and shipped as
``data/target_sentiment.json``: its weights, the vocabulary, how it was fitted and how well it does.
It is explainable: ``evidence`` lists the features and words that pushed the score most, with their
signed contribution (positive minus negative log-odds).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .lexicons import Lexicons, get

LABELS = ("negative", "neutral", "positive")
TARGET_COLUMNS = ["score", "label", "p_negative", "p_neutral", "p_positive", "evidence"]
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[“”\"]|[;:—–]|[.,!?]")
CLAUSE_WORDS = frozenset("but while although though whereas yet however because".split())
CLAUSE_MARKS = frozenset(";:—–")
QUOTE_MARKS = frozenset("“”\"")
CUES = frozenset("""said says say told tells added adds stated claimed claims argued argues insisted wrote writes
noted notes explained asked replied tweeted announced declared warned warns""".split())
PRONOUNS = frozenset("he she him her his hers they them their i we you it".split())
WINDOWS = (3, 6, 12)


@lru_cache(maxsize=1)
def vader_analyser():
    """VADER's analyser, built once per process (it ships its lexicon; no file of ours). The sentence
    scores of ``sentiment`` use it too."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def pattern_sentiment():
    """What TextBlob(text).sentiment returns, without the TextBlob object and the namedtuple class that
    PatternAnalyzer.analyze builds on every call (a fifth of its time)."""
    from textblob.en import sentiment

    return sentiment


def _vader():
    from vaderSentiment.vaderSentiment import NEGATE

    return vader_analyser(), frozenset(NEGATE)


def _pattern():
    return pattern_sentiment()


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    valence: float  # VADER's, negation applied; 0 for words it does not know


def tokens(sentence: str) -> list[Token]:
    """Words and the marks that matter (quotes, clause breaks), with VADER valences; a valence is
    flipped when one of the three words before it negates ("not good")."""
    analyzer, negate = _vader()
    out: list[Token] = []
    for m in _TOKEN.finditer(sentence):
        low = m.group(0).lower().replace("’", "'")
        val = float(analyzer.lexicon.get(low, 0.0))
        if val and any(t.low in negate or t.low.endswith("n't") for t in out[-3:]):
            val = -0.74 * val  # VADER's own damping of a negated word
        out.append(Token(m.group(0), low, m.start(), m.end(), val))
    return out


def _clauses(toks: list[Token]) -> list[int]:
    """The clause number of each token: a new clause after ; : — – and before but, while, although..."""
    ids, cur = [], 0
    for t in toks:
        if t.low in CLAUSE_WORDS:
            cur += 1
        ids.append(cur)
        if t.text in CLAUSE_MARKS:
            cur += 1
    return ids


def _inside_quotes(toks: list[Token]) -> list[bool]:
    """Whether each token stands inside a quotation (between opening and closing marks)."""
    inside, state = [], False
    for t in toks:
        if t.text == "“":
            state = True
        elif t.text == "”":
            state = False
        elif t.text == '"':
            state = not state
        inside.append(state)
    return inside


def _words(toks, idx) -> list[str]:
    return [toks[i].low for i in idx if toks[i].low[:1].isalpha()]


def _scores(text: str, memo: dict) -> tuple[float, float]:
    """VADER's compound and TextBlob's polarity of a text, remembered in ``memo`` (a sentence naming
    several actors is scored once)."""
    if text not in memo:
        analyzer, _ = _vader()
        memo[text] = (analyzer.polarity_scores(text)["compound"], float(_pattern()(text)[0]))
    return memo[text]


@dataclass(frozen=True)
class _Parsed:
    """What every target of one sentence shares: its tokens, their clauses and quotation flags."""

    toks: list[Token]
    clause: list[int]
    quoted: list[bool]
    has_quote: bool


def _parse(sentence: str, memo: dict) -> _Parsed:
    key = ("parsed", sentence)
    if key not in memo:
        toks = tokens(sentence)
        memo[key] = _Parsed(toks, _clauses(toks), _inside_quotes(toks), any(t.text in QUOTE_MARKS for t in toks))
    return memo[key]


def _target_tokens(toks: list[Token], start: int, end: int) -> list[int]:
    target = [i for i, t in enumerate(toks) if t.end > start and t.start < end]
    if not target and toks:  # a span of punctuation only: the nearest token stands for it
        target = [min(range(len(toks)), key=lambda i: abs(toks[i].start - start))]
    return target


def _clause_features(sentence: str, p: _Parsed, target: list[int], memo: dict, unheard: set[int]
                     ) -> tuple[dict, list[int]]:
    """The target's clause: its VADER score (the sentence's own when the clause is the whole sentence,
    else VADER's normalisation of its valences, so the tool does not run again), the valences in it
    before, after and by distance, and whether the target opens it. ``unheard`` tokens (the words of
    a quotation the target itself speaks) are left out."""
    toks, first, last = p.toks, target[0], target[-1]
    mine, skip = p.clause[first], set(target) | unheard
    members = [i for i in range(len(toks)) if p.clause[i] == mine]
    in_clause = [i for i in members if i not in skip]
    f: dict[str, float] = {}
    if not unheard and len(members) == len(toks):
        f["clause_vader"] = _scores(sentence, memo)[0]  # the clause is the sentence: its own score
    else:  # VADER's normalisation of the clause's valences, without running the tool again
        total = sum(toks[i].valence for i in members if i not in unheard)
        f["clause_vader"] = total / math.sqrt(total * total + 15)
    f["other_clauses_valence"] = sum(t.valence for i, t in enumerate(toks) if p.clause[i] != mine) / 4
    f["clause_valence_by_distance"] = sum(toks[i].valence / (1 + min(abs(i - first), abs(i - last)))
                                          for i in in_clause) / 4
    f["clause_valence_before"] = sum(toks[i].valence for i in in_clause if i < first) / 4
    f["clause_valence_after"] = sum(toks[i].valence for i in in_clause if i > last) / 4
    f["target_is_subject"] = float(sum(toks[i].low[:1].isalpha() for i in range(members[0], first)) <= 1)
    return f, in_clause


def features(sentence: str, start: int, end: int, memo: dict | None = None
             ) -> tuple[dict[str, float], list[str], list[str]]:
    """The numeric features of one target, and the words of its clause and near it (for the
    bag-of-words part). Raises ValueError when the span is not inside the sentence. ``memo`` keeps
    what targets of the same sentence share (tokens, the tools' scores) across calls."""
    memo = {} if memo is None else memo
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"target span ({start}, {end}) is outside the sentence of {len(sentence)} characters: "
                         f"{sentence[:80]!r}")
    p = _parse(sentence, memo)
    toks, target = p.toks, _target_tokens(p.toks, start, end)
    sentence_vader, sentence_textblob = _scores(sentence, memo)
    f: dict[str, float] = {"bias_sentence_vader": sentence_vader, "bias_sentence_textblob": sentence_textblob}
    if not target:
        return f, [], []
    first, last = target[0], target[-1]
    around = {toks[i].low for i in range(max(0, first - 2), min(len(toks), last + 4)) if i not in target}
    speaker = bool(CUES & around) and p.has_quote and not any(p.quoted[i] for i in target)
    # A speaker's own quoted words are about someone else: they are not read as sentiment toward it.
    unheard = {i for i in range(len(toks)) if p.quoted[i]} if speaker else set()
    skip = set(target) | unheard
    clause_f, in_clause = _clause_features(sentence, p, target, memo, unheard)
    f.update(clause_f)
    for k in WINDOWS:
        near = [toks[i].valence for i in range(max(0, first - k), min(len(toks), last + k + 1)) if i not in skip]
        f[f"near{k}_positive"] = sum(v for v in near if v > 0) / 4
        f[f"near{k}_negative"] = sum(v for v in near if v < 0) / 4
    f["target_in_quote"] = float(any(p.quoted[i] for i in target))
    f["sentence_has_quote"] = float(p.has_quote)
    f["target_is_speaker"] = float(speaker)
    f["target_is_pronoun"] = float(all(toks[i].low in PRONOUNS for i in target))
    names = sum(1 for i in range(1, len(toks)) if i not in skip and toks[i].text[:1].isupper()
                and toks[i - 1].text not in QUOTE_MARKS)
    f["other_names"] = math.log1p(names)
    f["quoted_valence"] = sum(t.valence for i, t in enumerate(toks) if p.quoted[i] and i not in skip) / 4
    near_words = [i for i in range(max(0, first - 4), min(len(toks), last + 5)) if i not in skip]
    return f, _words(toks, in_clause), _words(toks, near_words)


# -------------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class TargetModel:
    """The shipped weights: numeric feature names with their mean and scale, the vocabulary of clause
    and near words, a (3 x features) weight matrix and intercepts, for the classes in LABELS."""

    numeric: list[str]
    mean: np.ndarray
    scale: np.ndarray
    vocab: dict[str, int]
    weights: np.ndarray
    intercept: np.ndarray
    info: dict
    names: list[str]  # the numeric features, then the vocabulary in column order

    push: np.ndarray  # each feature's weight toward positive against negative (what evidence ranks by)


def load_model(lexicons: Lexicons | str | Path | None = None) -> TargetModel:
    """The model of ``data/target_sentiment.json`` (shipped, or your own copy)."""
    return get(lexicons).compiled("target_sentiment", _build_model)


def _build_model(lex: Lexicons) -> TargetModel:
    data = lex.json("target_sentiment.json")
    vocab = {w: i for i, w in enumerate(data["vocabulary"])}
    return TargetModel(data["numeric"], np.array(data["mean"]), np.array(data["scale"]), vocab,
                       np.array(data["weights"]), np.array(data["intercept"]), data.get("info", {}),
                       list(data["numeric"]) + list(data["vocabulary"]),
                       np.array(data["weights"])[2] - np.array(data["weights"])[0])


def design_row(f: dict[str, float], clause_words: list[str], near_words: list[str], numeric: list[str],
               mean: np.ndarray, scale: np.ndarray, vocab: dict[str, int]) -> np.ndarray:
    """One row of the design matrix: standardised numeric features, then word counts (clause words as
    ``w:word``, near words as ``n:word``), scaled down by the square root of their number."""
    row = np.zeros(len(numeric) + len(vocab))
    row[: len(numeric)] = (np.array([f.get(n, 0.0) for n in numeric]) - mean) / scale
    bag = [f"w:{w}" for w in clause_words] + [f"n:{w}" for w in near_words]
    known = [vocab[w] for w in bag if w in vocab]
    for j in known:
        row[len(numeric) + j] += 1.0 / math.sqrt(len(known))
    return row


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _sparse_row(f: dict[str, float], clause_words: list[str], near_words: list[str], model: TargetModel
                ) -> tuple[np.ndarray, dict[int, float]]:
    """design_row without the zeros: the standardised numeric features and {column: value} of the
    words, so a target costs its own words, not the whole vocabulary."""
    numeric = (np.array([f.get(n, 0.0) for n in model.numeric]) - model.mean) / model.scale
    known = [model.vocab[w] for w in [f"w:{w}" for w in clause_words] + [f"n:{w}" for w in near_words]
             if w in model.vocab]
    words: dict[int, float] = {}
    for j in known:
        words[len(model.numeric) + j] = words.get(len(model.numeric) + j, 0.0) + 1.0 / math.sqrt(len(known))
    return numeric, words


def _evidence(numeric: np.ndarray, words: dict[int, float], model: TargetModel, top: int = 4) -> str:
    """The features and words that pushed the score most: 'honest +0.42; clause_vader -0.31'."""
    push = model.push
    pushes = [(numeric[i] * push[i], i) for i in range(len(numeric))] + [(v * push[j], j) for j, v in words.items()]
    pushes.sort(key=lambda t: -abs(t[0]))
    names = model.names
    return "; ".join(f"{names[j].replace('w:', '').replace('n:', 'near ')} {v:+.2f}" for v, j in pushes[:top]
                     if abs(v) >= 0.05)


def target_sentiment(items, lexicons: Lexicons | str | Path | None = None, memo: dict | None = None) -> pd.DataFrame:
    """Sentiment toward each target: ``items`` an iterable of (sentence, start, end), the target's
    character span in the sentence. One row per item, in order: score (P(positive) - P(negative),
    -1..1), label (negative, neutral, positive), the three probabilities, and evidence (what drove
    the score). A span outside its sentence raises ValueError naming it. ``memo`` may hold the tools'
    scores of sentences already scored (text -> (VADER compound, TextBlob polarity))."""
    model = load_model(lexicons)
    memo = {} if memo is None else memo
    n = len(model.numeric)
    logits, evidence = [], []
    for sentence, start, end in items:
        f, clause_words, near_words = features(sentence, int(start), int(end), memo)
        numeric, words = _sparse_row(f, clause_words, near_words, model)
        z = model.weights[:, :n] @ numeric + model.intercept
        for j, v in words.items():
            z = z + model.weights[:, j] * v
        logits.append(z)
        evidence.append(_evidence(numeric, words, model))
    if not logits:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith(("score", "p_")) else object)
                             for c in TARGET_COLUMNS})
    p = softmax(np.vstack(logits))
    return pd.DataFrame({"score": p[:, 2] - p[:, 0], "label": [LABELS[i] for i in p.argmax(axis=1)],
                         "p_negative": p[:, 0], "p_neutral": p[:, 1], "p_positive": p[:, 2],
                         "evidence": evidence})
