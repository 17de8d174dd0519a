"""News frames: the sentences that match each frame's patterns (frames.csv) and each article's share.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from ..lexicons import Lexicons, get
from ..segment import Document
from .common import FRAME_COLUMNS, FRAME_HIT_COLUMNS, MIN_HITS, WORD, Lex, unit_totals, warn, with_unit


# =========================================================================================== 2. frames
def _build_frame_patterns(lex: Lexicons) -> dict[str, re.Pattern]:
    by_frame: dict[str, list[str]] = defaultdict(list)
    for row in lex.table("frames.csv"):
        by_frame[row["frame"]].append(f"(?:{row['indicator']})")
    return {f: re.compile(rf"(?<![\w])(?:{'|'.join(p)})(?![\w])", re.IGNORECASE) for f, p in by_frame.items()}


def frame_patterns(lexicons: Lex = None) -> dict[str, re.Pattern]:
    """One compiled pattern per frame of ``frames.csv``, in the file's order."""
    return get(lexicons).compiled("frames", _build_frame_patterns)


def frame_names(lexicons: Lex = None) -> list[str]:
    """The frames of ``frames.csv`` in the file's order (a frame added there shows up everywhere)."""
    return list(frame_patterns(lexicons))


_NAME_LINK = frozenset("and of for the de".split())


def _in_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a word of a name ("Justice and Development Party", "In God We Trust")? A
    capitalised match inside a sentence whose neighbouring word (across and/of/for/the) is capitalised
    too. A capitalised word on its own ("Catholic teaching", "God") is not."""
    if start == 0 or not text[start:start + 1].isupper():
        return False
    before = [w for w in WORD.findall(text[max(0, start - 40) : start])][-3:]
    after = [w for w in WORD.findall(text[end : end + 40])][:3]
    near = [w for w in reversed(before) if w.lower() not in _NAME_LINK][:1] + \
        [w for w in after if w.lower() not in _NAME_LINK][:1]
    return any(w[:1].isupper() for w in near)


_LITERAL_CAPITAL = re.compile(r"(?<!\\)[A-Z]")  # a capital letter of a pattern that is not an escape (\W)


def _lower_frame_patterns(lex: Lexicons) -> dict[str, re.Pattern]:
    """The frame patterns in lower case without IGNORECASE, for lower-cased text: three times faster
    (case-insensitive matching is slow in ``re``) and the same matches."""
    return {f: re.compile(_LITERAL_CAPITAL.sub(lambda m: m.group(0).lower(), p.pattern))
            for f, p in frame_patterns(lex).items()}


def frame_hits(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """One row per sentence and frame it signals: article, sentence, frame, the matching words, text."""
    lex = get(lexicons)
    patterns, lowered = frame_patterns(lex), lex.compiled("frames_lower", _lower_frame_patterns)
    rows = []
    for d in docs:
        for s in d.sentences:
            low = s.text.lower()
            same = len(low) == len(s.text)  # lower-casing kept every offset (it nearly always does)
            for frame, pattern in (lowered if same else patterns).items():
                words = sorted({s.text[m.start():m.end()].lower() for m in pattern.finditer(low if same else s.text)
                                if not _in_name(s.text, m.start(), m.end())})
                if words:
                    rows.append((d.id, s.sentence, frame, ", ".join(words), s.text))
    return pd.DataFrame(rows, columns=FRAME_HIT_COLUMNS)


def frame_shares(hits: pd.DataFrame, sentences: pd.Series, frames: list[str], unit: str = "article") -> pd.DataFrame:
    """Share of each unit's sentences that signal each frame, plus ``none`` (no frame at all).

    ``hits`` are frame hits with a ``unit`` column, ``sentences`` the number of sentences per unit.
    Columns: unit, frame, sentences, share. Warns when a frame rests on fewer than MIN_HITS sentences.
    """
    rows = []
    for u, n in sentences.items():
        mine = hits[hits[unit] == u]
        for frame in [*frames, "none"]:
            if frame == "none":
                k = int(n) - len(mine[["article", "sentence"]].drop_duplicates())
            else:
                k = int((mine["frame"] == frame).sum())
            rows.append((u, frame, k, k / max(1, int(n))))
    table = pd.DataFrame(rows, columns=[unit, *FRAME_COLUMNS[1:]])
    thin = table[(table["frame"] != "none")].groupby("frame")["sentences"].sum()
    for frame in thin[thin < MIN_HITS].index:
        warn(f"frame {frame!r}: only {int(thin[frame])} sentences in all articles; compare its shares with care")
    return table


def frames_table(docs: list[Document], hits: pd.DataFrame | None = None, compare_by: str = "article", *,
                 lexicons: Lex = None, by: str | None = None) -> pd.DataFrame:
    """Share of each article's (or group's, see groups.group_map) sentences that signal each frame,
    plus ``none`` (no frame at all). Columns: article (or group), frame, sentences, share."""
    compare_by = by or compare_by
    hits = frame_hits(docs, lexicons) if hits is None else hits
    hits, unit = with_unit(hits, docs, compare_by)
    sentences, _ = unit_totals(docs, compare_by)
    return frame_shares(hits, sentences, frame_names(lexicons), unit)
