"""How sure an article sounds: hedges, boosters and the rest of stance.csv, scare quotes,
rhetorical questions and exclamations, per thousand words.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from ..lexicons import Lexicons, get
from ..segment import Document
from ..sources import cue_regex
from .common import RULE_CATEGORIES, STANCE_COLUMNS, Lex, unit_totals, with_unit


# =========================================================================================== 3. stance
def _build_stance(lex: Lexicons) -> tuple[re.Pattern, list[tuple[str, str]]]:
    rows = lex.table("stance.csv")
    alternatives = "|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(rows))
    return (re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE),
            [(r["marker"], r["category"]) for r in rows])


def stance_patterns(lexicons: Lex = None) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One pattern for all hedges and boosters of ``stance.csv`` (group ``m<i>`` is row i), and the
    (marker, category) of each row."""
    return get(lexicons).compiled("stance", _build_stance)


def stance_categories(lexicons: Lex = None) -> list[str]:
    """The categories of ``stance.csv`` in the file's order, then those found by rule (RULE_CATEGORIES)."""
    return list(dict.fromkeys([c for _, c in stance_patterns(lexicons)[1]] + list(RULE_CATEGORIES)))


def stance_markers(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """Hedges, boosters, scare quotes, rhetorical questions and exclamations, one row each, with
    the clean-text offsets of the marker (``start``, ``end``) and its sentence.

    A scare quote is a quoted phrase of at most four words that no one is said to have said (no cue
    verb just before or after it, as in "called it a “farce”"), and not a title ("Axios on HBO");
    "so-called" and its kin are scare markers of stance.csv. Questions and exclamations count only in the
    author's own sentences, not inside quotations.
    """
    rows = []
    cue = cue_regex(lexicons)
    pattern, kinds = stance_patterns(lexicons)
    for d in docs:
        for s in d.sentences:
            for m in pattern.finditer(s.text):
                marker, category = kinds[int(m.lastgroup[1:])]
                rows.append((d.id, marker, category, s.sentence, m.group(0), s.clean_start + m.start(),
                             s.clean_start + m.end(), s.text))
            said_until = -1  # the end of the last quotation someone is said to have said
            for q in d.quotes_in(s):
                words = q.text(d.text).strip(" ,.;:!?")
                # a quotation right after one that is attributed belongs to it ("a “stab” from the “allies”")
                attributed = (_attributed(d.text, q, cue, s.clean_start)
                              or (said_until >= 0 and q.start - said_until <= 25))
                if attributed:
                    said_until = q.end
                elif 0 < len(words.split()) <= 4 and not _title(words):
                    rows.append((d.id, "scare quote", "scare_quote", s.sentence, words, q.start, q.end, s.text))
            rows.extend(_closing_marks(d, s))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'")).split())


def drop_credited_scare_quotes(markers: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """The markers without the scare quotes that are words a source is credited with: a quotation the
    sources table gives to a speaker (its quote holds the words, in that sentence or the one before or
    after) is reported speech, not the author's distance from a word."""
    scare = markers["category"] == "scare_quote"
    if not scare.any() or attributions.empty:
        return markers
    quotes: dict[tuple[str, int], list[str]] = defaultdict(list)  # (article, sentence) -> credited quotes
    for r in attributions[attributions["quote"].astype(str) != ""].itertuples(index=False):
        quotes[(r.article, r.sentence)].append(_fold(str(r.quote)))

    def credited(r) -> bool:
        words = _fold(r.words)
        return bool(words) and any(words in q for k in (r.sentence - 1, r.sentence, r.sentence + 1)
                                   for q in quotes.get((r.article, k), ()))

    keep = [not (is_scare and credited(r)) for is_scare, r in zip(scare, markers.itertuples(index=False))]
    return markers[pd.Series(keep, index=markers.index, dtype=bool)].reset_index(drop=True)


def _attributed(text: str, q, cue: re.Pattern, sentence_start: int = 0) -> bool:
    """Is the quoted phrase someone's words: a cue verb just before it in its sentence ("called it a
    “farce”") or just after it ("“a farce,” she said")? A cue elsewhere in the sentence, or in the
    sentence before, does not make it so."""
    before, after = text[max(0, sentence_start, q.start - 40) : q.start], text[q.end : q.end + 25]
    return bool(cue.search(before.split(",")[-1]) or cue.match(after.lstrip(" ,—–")))


def _title(words: str) -> bool:
    """A quoted title ("Axios on HBO", "Talking Points"): every longer word capitalised."""
    long = [w for w in words.split() if len(w) > 3]
    return len(words.split()) >= 2 and bool(long) and all(w[:1].isupper() for w in long)


def _closing_marks(d: Document, s) -> list[tuple]:
    """A question or exclamation mark closing one of the author's own sentences (not a quotation)."""
    end = len(s.text.rstrip("”\"’' )"))
    if s.in_quote or not s.text[:end].endswith(("?", "!")):
        return []
    question = s.text[:end].endswith("?")
    marker, category = ("question", "rhetorical_question") if question else ("exclamation", "exclamation")
    return [(d.id, marker, category, s.sentence, s.text[end - 1], s.clean_start + end - 1, s.clean_start + end, s.text)]


def marker_rates(markers: pd.DataFrame, words: pd.Series, categories: list[str], unit: str = "article") -> pd.DataFrame:
    """Markers per 1,000 words per unit and category, from ``markers`` with a ``unit`` column and the
    ``words`` per unit. Columns: unit, category, count, words, per_1000."""
    rows = []
    for u, n in words.items():
        mine = markers[markers[unit] == u]
        for cat in categories:
            k = int((mine["category"] == cat).sum())
            rows.append((u, cat, k, int(n), 1000 * k / max(1, int(n))))
    return pd.DataFrame(rows, columns=[unit, "category", "count", "words", "per_1000"])


def stance_rates(docs: list[Document], markers: pd.DataFrame | None = None, compare_by: str = "article", *,
                 lexicons: Lex = None, by: str | None = None) -> pd.DataFrame:
    """Markers per 1,000 words, per article (or group) and category: article (or group), category,
    count, words, per_1000."""
    compare_by = by or compare_by
    markers = stance_markers(docs, lexicons) if markers is None else markers
    markers, unit = with_unit(markers, docs, compare_by)
    _, words = unit_totals(docs, compare_by)
    return marker_rates(markers, words, stance_categories(lexicons), unit)
