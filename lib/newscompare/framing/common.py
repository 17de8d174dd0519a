"""What the framing analyses share: the column lists, stop words and house-style words, the unit
of comparison (``with_unit``, ``unit_totals``), word equivalents and stems, and the length check.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

from ..groups import group_map, unit_column
from ..lexicons import Lexicons, get
from ..load import NewsCompareWarning
from ..segment import Document

TERM_COLUMNS = ["term", "article", "count", "z", "ranks"]


FRAME_HIT_COLUMNS = ["article", "sentence", "frame", "words", "text"]


FRAME_COLUMNS = ["article", "frame", "sentences", "share"]


STANCE_COLUMNS = ["article", "marker", "category", "sentence", "words", "start", "end", "text"]


# Markers found by rule rather than by stance.csv, after that file's categories.
RULE_CATEGORIES = ("scare_quote", "rhetorical_question", "exclamation")


MIN_HITS = 5  # fewer hits than this and a comparison is flagged as resting on thin evidence


MIN_WORDS = 150  # shorter articles give unstable shares and rates


TERM = re.compile(r"(?<![\w’'-])(?:[^\W\d_][\w’'-]*[^\W_]|[^\W\d_])")


WORD = re.compile(r"[^\W\d_][\w’'-]*")


Lex = Lexicons | str | Path | None


def warn(message: str) -> None:
    warnings.warn(message, NewsCompareWarning, stacklevel=3)


def check_lengths(docs: list[Document]) -> None:
    """Warn about articles too short for stable shares and rates."""
    for d in docs:
        if d.words < MIN_WORDS:
            warn(f"{d.id}: only {d.words} words; shares and rates per 1,000 words are unstable below {MIN_WORDS}")


def with_unit(table: pd.DataFrame, docs: list[Document], compare_by: str) -> tuple[pd.DataFrame, str]:
    """``table`` with the column of the compared unit ("article" is there already; "group" is added)."""
    unit = unit_column(compare_by)
    if unit != "article":
        table = table.assign(group=table["article"].map(group_map(docs, compare_by)))
    return table, unit


def unit_totals(docs: list[Document], compare_by: str) -> tuple[pd.Series, pd.Series]:
    """Sentences (not headings) and words per compared unit, in the order the articles come."""
    groups = group_map(docs, compare_by)
    sentences: Counter = Counter()
    words: Counter = Counter()
    for d in docs:
        sentences[groups[d.id]] += sum(not s.heading for s in d.sentences)
        words[groups[d.id]] += d.words
    return pd.Series(sentences, dtype=int), pd.Series(words, dtype=int)


# ======================================================================================== 4. selection
def equivalents(lexicons: Lex = None) -> dict[str, str]:
    """Words that report the same content ("downed", "shot" -> "down"), from ``equivalents.csv``."""
    return get(lexicons).compiled("equivalents", lambda lex: {
        r["word"].lower(): r["concept"] for r in lex.table("equivalents.csv")})


def stem(word: str, same: dict[str, str]) -> str:
    word = word.lower().replace("’", "'")
    if word in same:
        return same[word]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stopwords(lexicons: Lex = None) -> frozenset:
    """The stopwords of word_lists.csv: English function words, never content."""
    return get(lexicons).compiled("stopwords", lambda lex: frozenset(lex.word_list("stopwords")))


def content_skip(lexicons: Lex = None) -> frozenset:
    """The words that are never content terms: the stopwords and house style of word_lists.csv
    (honorifics, reporting verbs, outlets, bylines: how an outlet writes, not what it frames)."""
    return get(lexicons).compiled(
        "content_skip", lambda lex: frozenset(lex.word_list("stopwords")) | frozenset(lex.word_list("house_style")))
