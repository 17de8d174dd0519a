"""Cleaning: separate the article's own prose from what surrounds it, and log every change.

Every change is an Edit: the raw span it covers, the raw text, what stands in its place in the clean
text ("" for a removal) and the name of the rule. ``rebuild_raw(clean)`` puts the raw text back
together from the clean text and the log, exactly; tests hold it to that.

The rules are data: ``data/cleaning_rules.csv`` (name, scope, pattern, replacement, description).
Scopes: ``line`` removes a whole line that matches; ``before:RULE`` removes the line just before a line
removed by RULE (an image caption before its credit); ``prefix`` removes a dateline before the first
sentence and keeps its parts as metadata; ``char`` replaces characters in kept lines. Two rules are
code, not patterns: ``mojibake`` (ftfy repairs text decoded with the wrong encoding, curly quotes kept)
and ``unicode_nfc`` (composed Unicode form).
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .lexicons import Lexicons, get
from .load import Article

REMOVALS_COLUMNS = ["article", "start", "end", "text", "replacement", "rule"]


@dataclass(frozen=True)
class Rule:
    name: str
    scope: str
    pattern: re.Pattern
    replacement: str
    description: str


@dataclass
class Edit:
    """One change: raw[start:end] == text became ``replacement`` at ``clean_start`` in the clean text."""

    start: int
    end: int
    text: str
    replacement: str
    rule: str
    clean_start: int = 0


@dataclass
class Cleaned:
    """An article's clean text, the log of edits that made it, and what the edits kept as metadata."""

    article_id: str
    raw: str
    text: str
    edits: list[Edit]
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self._starts = [e.clean_start for e in self.edits]

    def to_raw(self, pos: int, side: str = "start") -> int:
        """Map a clean-text offset to the raw text. ``side='end'`` maps a span's end before a removal."""
        i = bisect.bisect_right(self._starts, pos) - 1
        # Walk back over edits at the same clean position so removals there are seen.
        while i >= 0 and self.edits[i].clean_start == pos and side == "end":
            i -= 1
        if i < 0:
            return pos
        e = self.edits[i]
        rep_end = e.clean_start + len(e.replacement)
        if pos >= rep_end:
            return e.end + (pos - rep_end)
        return e.start + min(pos - e.clean_start, len(e.text))

    def removals(self) -> pd.DataFrame:
        """The log as a table: article, start, end, text, replacement, rule (raw offsets)."""
        rows = [(self.article_id, e.start, e.end, e.text, e.replacement, e.rule) for e in self.edits]
        return pd.DataFrame(rows, columns=REMOVALS_COLUMNS)


def _build_rules(lex: Lexicons) -> tuple[Rule, ...]:
    return tuple(Rule(row["name"], row["scope"], re.compile(row["pattern"]),
                      (row.get("replacement") or "").encode().decode("unicode_escape"), row["description"])
                 for row in lex.table("cleaning_rules.csv"))


def load_rules(lexicons: Lexicons | str | Path | None = None) -> tuple[Rule, ...]:
    """The cleaning rules of ``data/cleaning_rules.csv`` (shipped, or your edited copy)."""
    return get(lexicons).compiled("cleaning_rules", _build_rules)


def _split_lines(text: str) -> list[tuple[int, str, str]]:
    """(offset, content, line ending) for every line; endings are kept so offsets add up."""
    out = []
    for m in re.finditer(r"([^\r\n]*)(\r\n|\r|\n)|([^\r\n]+)$", text):
        if m.group(3) is not None:
            out.append((m.start(), m.group(3), ""))
        else:
            out.append((m.start(), m.group(1), m.group(2)))
    return out


def _repair(content: str) -> tuple[str, str | None]:
    """Return (fixed text, rule name) for mojibake or non-NFC text; rule is None when nothing changed."""
    import ftfy

    fixed = ftfy.fix_encoding(content)
    rule = "mojibake" if fixed != content else None
    nfc = unicodedata.normalize("NFC", fixed)
    if nfc != fixed:
        rule = rule or "unicode_nfc"
    return nfc, rule


def _char_edits(segment: str, offset: int, rules) -> list[Edit]:
    edits = []
    for rule in rules:
        for m in rule.pattern.finditer(segment):
            edits.append(Edit(offset + m.start(), offset + m.end(), m.group(0), rule.replacement, rule.name))
    edits.sort(key=lambda e: e.start)
    kept, last = [], -1
    for e in edits:  # the first rule to claim a character wins
        if e.start >= last:
            kept.append(e)
            last = e.end
    return kept


def _apply_char_rules(text: str, rules) -> str:
    for rule in rules:
        text = rule.pattern.sub(lambda m, r=rule: r.replacement, text)
    return text


def _removed_lines(lines: list[tuple[int, str, str]], rules) -> dict[int, str]:
    """Line index -> the rule that removes it: ``line`` rules, then ``before:RULE`` (the line just
    above one RULE removed, blank lines between skipped)."""
    removed: dict[int, str] = {}
    for i, (_, content, _) in enumerate(lines):
        rule = next((r for r in rules if r.scope == "line" and r.pattern.search(content)), None)
        if rule is not None:
            removed[i] = rule.name
    for rule in (r for r in rules if r.scope.startswith("before:")):
        target = rule.scope.split(":", 1)[1]
        for i in [i for i, name in removed.items() if name == target]:
            j = _line_above(lines, i, removed)
            if j >= 0 and j not in removed and rule.pattern.search(lines[j][1].strip()):
                removed[j] = rule.name
    return removed


def _line_above(lines: list[tuple[int, str, str]], i: int, removed: dict[int, str]) -> int:
    """The index of the line above line ``i``, blank lines not yet removed skipped (-1: none)."""
    j = i - 1
    while j >= 0 and not lines[j][1].strip() and j not in removed:
        j -= 1
    return j


def looks_like_headline(line: str) -> bool:
    """A line that reads as a headline: at most 30 words and no closing sentence punctuation (a closing
    quotation mark alone is none: "Jostling Over Benghazi ‘Talking Points’")."""
    words = line.split()
    return 0 < len(words) <= 30 and not CLOSING_PUNCTUATION.search(line)


# What closes a sentence or a clause at the end of a line, perhaps inside quotation marks, or a bracket:
# a line without it may be a headline.
CLOSING_PUNCTUATION = re.compile(r"(?:[.!?:;,][\"”’']*|[)\]])\s*$")


def _dateline(content: str, start: int, rules) -> tuple[Edit, dict] | None:
    """A dateline before the first sentence ("Damascus (GPA) –"): its removal and its parts."""
    for rule in rules:
        m = rule.pattern.match(content)
        # A dateline is short and is followed by the sentence proper.
        if m and m.end() < len(content) and m.end() <= 60:
            parts = {f"dateline_{k}": v.strip() for k, v in m.groupdict().items() if v}
            return Edit(start, start + m.end(), m.group(0), "", rule.name), parts
    return None


def _line_edits(raw: str, start: int, content: str, ending: str, char_rules) -> list[Edit]:
    """Repairs (mojibake, NFC) or character replacements within one kept line, and its ending."""
    body = raw[start : start + len(content)]
    fixed, rule_name = _repair(body)
    if rule_name:
        # Only the characters the repair changed, so offsets elsewhere in the line map back exactly
        # (one edit for the whole line would stretch or squeeze every offset after the first change).
        final = _apply_char_rules(fixed, char_rules)
        ops = difflib.SequenceMatcher(None, body, final, autojunk=False).get_opcodes()
        edits = [Edit(start + i1, start + i2, body[i1:i2], final[j1:j2], rule_name)
                 for op, i1, i2, j1, j2 in ops if op != "equal"]
    else:
        edits = _char_edits(body, start, char_rules)
    return edits + _char_edits(ending, start + len(content), char_rules)


def _apply_edits(raw: str, edits: list[Edit]) -> str:
    """The clean text; sets each edit's offset in it (``clean_start``)."""
    parts, pos, shift = [], 0, 0
    for e in edits:
        parts.append(raw[pos : e.start])
        e.clean_start = e.start - shift
        parts.append(e.replacement)
        shift += len(e.text) - len(e.replacement)
        pos = e.end
    parts.append(raw[pos:])
    return "".join(parts)


def clean_text(raw: str, article: str = "", lexicons: Lexicons | str | Path | None = None) -> Cleaned:
    """Clean one raw text; see the module docstring for the rules."""
    rules = load_rules(lexicons)
    prefix_rules = [r for r in rules if r.scope == "prefix"]
    char_rules = [r for r in rules if r.scope == "char"]
    lines = _split_lines(raw)
    removed = _removed_lines(lines, rules)
    edits: list[Edit] = []
    meta: dict = {}
    # a dateline opens the first prose line, or the first after a headline and perhaps its subheading
    prose_seen, headlines = 0, True
    for i, (start, content, ending) in enumerate(lines):
        if i in removed:
            edits.append(Edit(start, start + len(content + ending), content + ending, "", removed[i]))
            continue
        body_start = start
        if content.strip() and not meta.get("dateline_place") and prose_seen < 3 and headlines:
            prose_seen += 1
            found = _dateline(content, start, prefix_rules)
            if found is not None:
                edits.append(found[0])
                meta.update(found[1])
                body_start = found[0].end
            headlines = looks_like_headline(content)
        edits.extend(_line_edits(raw, body_start, raw[body_start : start + len(content)], ending, char_rules))
    return Cleaned(article_id=article, raw=raw, text=_apply_edits(raw, edits), edits=edits, meta=meta)


def clean(article: Article, lexicons: Lexicons | str | Path | None = None) -> Cleaned:
    """Clean an Article (which is left as it is; see cleaned_article for its metadata after cleaning)."""
    return clean_text(article.raw, article.id, lexicons)


def cleaned_article(article: Article, cleaned: Cleaned) -> Article:
    """A copy of ``article`` with what cleaning found: the dateline parts in ``meta``, and a title made of
    the first words remade from the clean text (so it does not start with a dateline)."""
    from .load import first_words

    title, meta = article.title, {**article.meta, **cleaned.meta}
    if article.meta.get("title_source") == "first words" and cleaned.text.strip():
        first_line = cleaned.text.strip().splitlines()[0].strip()
        has_body = len(cleaned.text.strip().splitlines()) > 1
        if has_body and looks_like_headline(first_line):
            title, meta["title_source"] = first_line, "headline"
        else:
            title = first_words(cleaned.text)
    return replace(article, title=title, meta=meta)


def rebuild_raw(text: str, edits: list[Edit]) -> str:
    """Put the raw text back together from the clean text and the log of edits."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[pos : e.clean_start])
        out.append(e.text)
        pos = e.clean_start + len(e.replacement)
    out.append(text[pos:])
    return "".join(out)
