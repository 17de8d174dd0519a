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

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .lexicons import Lexicons, get

LABELS = ("negative", "neutral", "positive")
TARGET_COLUMNS = ["score", "label", "p_negative", "p_neutral", "p_positive", "evidence"]
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[“”\"]|[;:—–]|[.,!?]")
CLAUSE_WORDS = frozenset("but while although though whereas yet however because".split())
CLAUSE_MARKS = frozenset(";:—–")
QUOTE_MARKS = frozenset("“”\"")
PRONOUNS = frozenset("he she him her his hers they them their i we you it".split())
WINDOWS = (3, 6, 12)


CURLY_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def as_scored(text: str) -> str:
    """The text as the sentiment tools read it: curly apostrophes straightened. Cleaning keeps them
    (quote marks are evidence), but VADER knows "isn't" and "wasn't" only with a straight one: with
    "isn’t" it misses the negation and reads "isn’t bad" as negative. Offsets do not change."""
    return text.translate(CURLY_APOSTROPHES) if "’" in text or "‘" in text else text


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


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import NEGATE

    return vader_analyser(), frozenset(NEGATE)


def _pattern():
    return pattern_sentiment()


class ScoredToken(NamedTuple):
    """A word or mark of a sentence with its VADER valence (targets.tokens): another shape than
    segment.Token, which carries the part-of-speech tag."""

    text: str
    low: str
    start: int
    end: int
    valence: float  # VADER's, negation applied; 0 for words it does not know


_make_token = tuple.__new__  # ScoredToken(...) without the keyword handling of a namedtuple's __new__


def tokens(sentence: str) -> list[ScoredToken]:
    """Words and the marks that matter (quotes, clause breaks), with VADER valences; a valence is
    flipped when one of the three words before it negates ("not good")."""
    p = _parse(sentence, {})
    return [_make_token(ScoredToken, (sentence[a:b], low, a, b, p.valence[i]))
            for i, (low, a, b) in enumerate(zip(p.lows, p.starts, p.ends))]


def _words(p: "_Parsed", idx) -> list[str]:
    words, lows = p.is_word, p.lows
    return [lows[i] for i in idx if words[i]]


def _scores(text: str, memo: dict) -> tuple[float, float]:
    """VADER's compound and TextBlob's polarity of a text, remembered in ``memo`` (a sentence naming
    several actors is scored once)."""
    if text not in memo:
        analyzer, _ = _vader()
        scored = as_scored(text)
        memo[text] = (analyzer.polarity_scores(scored)["compound"], float(_pattern()(scored)[0]))
    return memo[text]


@dataclass(frozen=True)
class _Parsed:
    """What every target of one sentence shares: its tokens (as parallel lists, one entry a token),
    their clauses and quotation flags, and the sums the features take over the whole sentence (so a
    target subtracts its own tokens)."""

    lows: list[str]  # each token lower-cased (curly apostrophes straightened)
    starts: list[int]  # each token's start in the sentence
    ends: list[int]  # each token's end, for finding a span's tokens by bisection
    valence: list[float]  # VADER's, negation applied; 0 for words it does not know
    clause: list[int]  # the clause number: a new clause after ; : — – and before but, while...
    quoted: list[bool]  # inside a quotation (between opening and closing marks)
    is_name: list[bool]  # a capitalised word not right after a quotation mark
    is_word: list[bool]  # whether a token is a word (not a mark)
    has_quote: bool
    members: dict[int, list[int]]  # clause -> its tokens
    scored: list[int]  # the tokens with a valence (few): every valence sum runs over these only
    names: int  # how many tokens are names
    quoted_tokens: frozenset  # the tokens inside quotations


def _parse(sentence: str, memo: dict) -> _Parsed:
    """The tokens of ``sentence`` and what is known of each, in one pass, remembered in ``memo``."""
    key = ("parsed", sentence)
    if key not in memo:
        memo[key] = _parse_once(sentence)
    return memo[key]


def _parse_once(sentence: str) -> _Parsed:
    """One pass over the tokens: VADER's valence (flipped when one of the three words before negates),
    the clause, inside or outside a quotation, a name or not. Parallel lists, not a tuple a token: the
    parse runs for every sentence naming an actor, and fewer objects mean less garbage to collect."""
    analyzer, negate = _vader()
    valence_of = analyzer.lexicon.get
    curly = "’" in sentence
    lows, starts, ends, valence, clause, quoted, is_name = [], [], [], [], [], [], []
    members: dict[int, list[int]] = {}
    scored: list[int] = []
    negated_at, cur, inside, previous = -10, 0, False, ""
    for n, m in enumerate(_TOKEN.finditer(sentence)):
        word = m.group()
        low = word.lower().replace("’", "'") if curly else word.lower()
        val = valence_of(low)
        if val:
            valence.append(float(-0.74 * val if n - negated_at <= 3 else val))  # VADER's damping of a negated word
            scored.append(n)
        else:
            valence.append(0.0)
        if low in negate or low.endswith("n't"):
            negated_at = n
        if low in CLAUSE_WORDS:
            cur += 1
        clause.append(cur)
        members.setdefault(cur, []).append(n)
        if word in CLAUSE_MARKS:
            cur += 1
        inside = _inside_after(word, inside)
        quoted.append(inside)
        is_name.append(n > 0 and word[:1].isupper() and previous not in QUOTE_MARKS)
        previous = word
        lows.append(low)
        start, end = m.span()
        starts.append(start)
        ends.append(end)
    return _Parsed(lows, starts, ends, valence, clause, quoted, is_name, [w[:1].isalpha() for w in lows],
                   not QUOTE_MARKS.isdisjoint(lows), members, scored,
                   sum(is_name), frozenset(i for i, q in enumerate(quoted) if q))


def _inside_after(word: str, inside: bool) -> bool:
    """Inside a quotation after this token? An opening mark opens, a closing one closes, a straight one
    toggles."""
    if word == "“":
        return True
    if word == "”":
        return False
    return not inside if word == '"' else inside


def _target_tokens(p: _Parsed, start: int, end: int) -> list[int]:
    starts, ends = p.starts, p.ends
    first = bisect.bisect_right(ends, start)  # the first token ending after start
    target = []
    for i in range(first, len(ends)):
        if starts[i] >= end:
            break
        if ends[i] > start:
            target.append(i)
    if not target and ends:  # a span of punctuation only: the nearest token stands for it
        target = [min(range(len(ends)), key=lambda i: abs(starts[i] - start))]
    return target


def _clause_features(sentence: str, p: _Parsed, target: list[int], memo: dict, unheard: set[int]
                     ) -> tuple[dict, list[int]]:
    """The target's clause: its VADER score (the sentence's own when the clause is the whole sentence,
    else VADER's normalisation of its valences, so the tool does not run again), the valences in it
    before, after and by distance, and whether the target opens it. ``unheard`` tokens (the words of
    a quotation the target itself speaks) are left out."""
    valence, first, last = p.valence, target[0], target[-1]
    mine, skip = p.clause[first], set(target) | unheard
    members = p.members[mine]
    in_clause = [i for i in members if i not in skip]
    # Sums over the tokens with a valence only (a zero adds nothing: the results are the same).
    valued = [i for i in p.scored if p.clause[i] == mine and i not in skip]
    f: dict[str, float] = {"clause_vader": _clause_vader(sentence, p, mine, unheard, memo)}
    f["other_clauses_valence"] = sum(valence[i] for i in p.scored if p.clause[i] != mine) / 4
    f["clause_valence_by_distance"] = sum(valence[i] / (1 + min(abs(i - first), abs(i - last)))
                                          for i in valued) / 4
    f["clause_valence_before"] = sum(valence[i] for i in valued if i < first) / 4
    f["clause_valence_after"] = sum(valence[i] for i in valued if i > last) / 4
    f["target_is_subject"] = float(sum(p.is_word[members[0]:first]) <= 1)
    return f, in_clause


def _clause_vader(sentence: str, p: _Parsed, mine: int, unheard: set[int], memo: dict) -> float:
    """VADER's score of the clause ``mine``: the sentence's own when the clause is the whole sentence,
    else VADER's normalisation of the clause's valences, without running the tool again."""
    if not unheard and len(p.members[mine]) == len(p.valence):
        return _scores(sentence, memo)[0]
    total = sum(p.valence[i] for i in p.scored if p.clause[i] == mine and i not in unheard)
    return total / math.sqrt(total * total + 15)


def features(sentence: str, start: int, end: int, memo: dict | None = None, cues: frozenset | None = None
             ) -> tuple[dict[str, float], list[str], list[str]]:
    """The numeric features of one target, and the words of its clause and near it (for the
    bag-of-words part). Raises ValueError when the span is not inside the sentence. ``memo`` keeps
    what targets of the same sentence share (tokens, the tools' scores) across calls. ``cues``: the
    verbs of saying that make a target the speaker (speaker_cues; the shipped ones when None)."""
    cues = load_model().cues if cues is None else cues  # the shipped model's, built once
    f, p, in_clause, near = _target_features(sentence, start, end, {} if memo is None else memo, cues)
    return f, _words(p, in_clause), _words(p, near)


def _target_features(sentence: str, start: int, end: int, memo: dict, cues: frozenset
                     ) -> tuple[dict[str, float], "_Parsed", list[int], list[int]]:
    """features(), with the tokens of the target's clause and of its neighbourhood by position."""
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"target span ({start}, {end}) is outside the sentence of {len(sentence)} characters: "
                         f"{sentence[:80]!r}")
    p = _parse(sentence, memo)
    target, valence, lows, n = _target_tokens(p, start, end), p.valence, p.lows, len(p.lows)
    sentence_vader, sentence_textblob = _scores(sentence, memo)
    f: dict[str, float] = {"bias_sentence_vader": sentence_vader, "bias_sentence_textblob": sentence_textblob}
    if not target:
        return f, p, [], []
    first, last = target[0], target[-1]
    speaker = _target_speaks(p, target, cues)
    # A speaker's own quoted words are about someone else: they are not read as sentiment toward it.
    unheard = p.quoted_tokens if speaker else frozenset()
    skip = set(target) | unheard
    clause_f, in_clause = _clause_features(sentence, p, target, memo, unheard)
    f.update(clause_f)
    valued = [i for i in p.scored if i not in skip]
    f.update(_window_features(valence, valued, first, last))
    f["target_in_quote"] = float(any(p.quoted[i] for i in target))
    f["sentence_has_quote"] = float(p.has_quote)
    f["target_is_speaker"] = float(speaker)
    f["target_is_pronoun"] = float(all(lows[i] in PRONOUNS for i in target))
    names = p.names - sum(p.is_name[i] for i in skip)
    f["other_names"] = math.log1p(names)
    f["quoted_valence"] = sum(valence[i] for i in valued if p.quoted[i]) / 4
    near_words = [i for i in range(max(0, first - 4), min(n, last + 5)) if i not in skip]
    return f, p, in_clause, near_words


def _target_speaks(p: _Parsed, target: list[int], cues: frozenset) -> bool:
    """Is the target the speaker of a quotation in its sentence: a verb of saying near it, a quotation
    in the sentence, the target outside it?"""
    first, last, lows = target[0], target[-1], p.lows
    around = {lows[i] for i in range(max(0, first - 2), min(len(lows), last + 4)) if i not in target}
    return bool(cues & around) and p.has_quote and not any(p.quoted[i] for i in target)


def _window_features(valence: list[float], valued: list[int], first: int, last: int) -> dict[str, float]:
    """The positive and negative valences within each of WINDOWS tokens of the target."""
    f = {}
    for k in WINDOWS:
        near = [valence[i] for i in valued if first - k <= i <= last + k]
        f[f"near{k}_positive"] = sum(v for v in near if v > 0) / 4
        f[f"near{k}_negative"] = sum(v for v in near if v < 0) / 4
    return f


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
    push_list: list[float]  # the same, as a list
    shown: list[str]  # each feature as evidence names it: "honest" (clause word), "near honest", "clause_vader"
    clause_columns: dict[str, int]  # a clause word ("w:word" in the vocabulary) -> its design-matrix column
    near_columns: dict[str, int]  # a near word ("n:word") -> its column
    cues: frozenset = frozenset()  # verbs of saying that make a target the speaker (speaker_cues)


def load_model(lexicons: Lexicons | str | Path | None = None) -> TargetModel:
    """The model of ``data/target_sentiment.json`` (shipped, or your own copy)."""
    return get(lexicons).compiled("target_sentiment", _build_model)


def _build_model(lex: Lexicons) -> TargetModel:
    data = lex.json("target_sentiment.json")
    vocab = {w: i for i, w in enumerate(data["vocabulary"])}
    offset = len(data["numeric"])
    columns = {kind: {w[2:]: offset + i for w, i in vocab.items() if w.startswith(kind)} for kind in ("w:", "n:")}
    return TargetModel(data["numeric"], np.array(data["mean"]), np.array(data["scale"]), vocab,
                       np.array(data["weights"]), np.array(data["intercept"]), data.get("info", {}),
                       list(data["numeric"]) + list(data["vocabulary"]),
                       np.array(data["weights"])[2] - np.array(data["weights"])[0],
                       (np.array(data["weights"])[2] - np.array(data["weights"])[0]).tolist(),
                       [n.replace("w:", "").replace("n:", "near ")
                        for n in list(data["numeric"]) + list(data["vocabulary"])],
                       columns["w:"], columns["n:"], speaker_cues(lex))


def speaker_cues(lex: Lexicons) -> frozenset:
    """The verbs of saying after which a target is the speaker of the sentence's quotation: the rows
    of cues.csv marked ``speaker_feature`` (the 25 the shipped model was fitted with); in a cues.csv
    without that column, every one-word cue of kind speech."""
    rows = lex.table("cues.csv")
    if rows and "speaker_feature" in rows[0]:
        return frozenset(r["cue"].lower() for r in rows if r["speaker_feature"].strip() == "1")
    return frozenset(r["cue"].lower() for r in rows if r["kind"] == "speech" and " " not in r["cue"].strip())


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


def _token_columns(sentence: str, p: "_Parsed", model: TargetModel, memo: dict) -> tuple[list[int], list[int]]:
    """Each token's design-matrix column as a clause word and as a near word (-1: not a word of the
    vocabulary), once per sentence."""
    key = ("columns", sentence)
    if key not in memo:
        clause, near = model.clause_columns, model.near_columns
        memo[key] = ([clause.get(w, -1) if ok else -1 for w, ok in zip(p.lows, p.is_word)],
                     [near.get(w, -1) if ok else -1 for w, ok in zip(p.lows, p.is_word)])
    return memo[key]


def _bag(columns: tuple[list[int], list[int]], in_clause: list[int], near: list[int]) -> dict[int, float]:
    """A target's clause and near words as {column: value} (clause words as ``w:word``, near words as
    ``n:word``, as design_row has them), counts scaled by the square root of their number."""
    clause_at, near_at = columns
    known = [clause_at[i] for i in in_clause if clause_at[i] >= 0] + [near_at[i] for i in near if near_at[i] >= 0]
    words: dict[int, float] = {}
    if known:
        share = 1.0 / math.sqrt(len(known))
        for j in known:
            words[j] = words.get(j, 0.0) + share
    return words


EVIDENCE_AT_LEAST = 0.05  # a feature or word pushing the score less than this is not shown as evidence


def _strong_features(pushed: np.ndarray) -> list[list[tuple[float, float, int]]]:
    """Per target, its numeric features that pushed the score by at least EVIDENCE_AT_LEAST, as
    (size, push, feature index) in feature order. ``pushed``: the targets' numeric features times
    their push (``model.push``)."""
    rows, cols = np.nonzero(np.abs(pushed) >= EVIDENCE_AT_LEAST)
    strong: list[list[tuple[float, float, int]]] = [[] for _ in range(len(pushed))]
    for r, c, v in zip(rows.tolist(), cols.tolist(), pushed[rows, cols].tolist()):
        strong[r].append((abs(v), v, c))
    return strong


def _evidence(strong: list[tuple[float, float, int]], words: dict[int, float], model: TargetModel,
              top: int = 4) -> str:
    """The features and words that pushed the score most: 'honest +0.42; clause_vader -0.31'.
    ``strong``: the target's numeric features that pushed it (_strong_features)."""
    push = model.push_list
    pushes = list(strong)
    for j, v in words.items():
        w = v * push[j]
        if abs(w) >= EVIDENCE_AT_LEAST:
            pushes.append((abs(w), w, j))
    pushes.sort(key=lambda t: -t[0])
    shown = model.shown
    return "; ".join(f"{shown[j]} {v:+.2f}" for _, v, j in pushes[:top])


def target_sentiment(items, lexicons: Lexicons | str | Path | None = None, memo: dict | None = None) -> pd.DataFrame:
    """Sentiment toward each target: ``items`` an iterable of (sentence, start, end), the target's
    character span in the sentence. One row per item, in order: score (P(positive) - P(negative),
    -1..1), label (negative, neutral, positive), the three probabilities, and evidence (what drove
    the score). A span outside its sentence raises ValueError naming it. ``memo`` may hold the tools'
    scores of sentences already scored (text -> (VADER compound, TextBlob polarity))."""
    model = load_model(lexicons)
    memo = {} if memo is None else memo
    n = len(model.numeric)
    rows, bags = [], []
    columns: list[int] = []  # every target's word columns and their values, flat, for one np.add.at
    values: list[float] = []
    for sentence, start, end in items:
        f, p, in_clause, near = _target_features(sentence, int(start), int(end), memo, model.cues)  # ValueError: off it
        rows.append([f.get(name, 0.0) for name in model.numeric])
        bag = _bag(_token_columns(sentence, p, model, memo), in_clause, near)
        bags.append(bag)
        columns.extend(bag)
        values.extend(bag.values())
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith(("score", "p_")) else object)
                             for c in TARGET_COLUMNS})
    numeric = (np.array(rows) - model.mean) / model.scale  # all targets at once
    z = numeric @ model.weights[:, :n].T + model.intercept
    k = np.repeat(np.arange(len(bags)), [len(bag) for bag in bags])  # target of each (word column, value)
    if len(k):
        j, v = np.array(columns, dtype=int), np.array(values, dtype=float)
        np.add.at(z, k, model.weights[:, j].T * v[:, None])
    strong = _strong_features(numeric * model.push[:n])
    evidence = [_evidence(features, bag, model) for features, bag in zip(strong, bags)]
    p = softmax(z)
    return pd.DataFrame({"score": p[:, 2] - p[:, 0], "label": [LABELS[i] for i in p.argmax(axis=1)],
                         "p_negative": p[:, 0], "p_neutral": p[:, 1], "p_positive": p[:, 2],
                         "evidence": evidence})
