"""Quotations credited without a verb before them: transcript labels and "Name: ...", dash credits,
"X is ..." characterisations and a quotation with its speaker and verb after it.
"""

from __future__ import annotations

import re

from .cue_checks import DETERMINERS
from .lexicon import SourceLexicon
from .phrases import glued, np_left, proper, subject
from .records import Candidate, SentenceContext

DASH_CREDIT_RE = re.compile(r"[”\"]\s*(?P<cue>[―—–])\s*(?P<np>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})")


SPEAKER_LABEL_RE = re.compile(r"^[\"“]?(?P<np>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})(?P<cue>:)\s+\S")


# A name and a colon before a quotation: 'Clinton: "Our goal is ..."', "POLLS WRONG - Ana Ruiz: “...”"
NAME_COLON_RE = re.compile(r"(?:^(?!(?:More\s+)?From\s)(?:[Hh]ere['’]s\s+)?|(?<=[-–—―”\"])\s+"
                           r"|(?<![\w-])(?:[Mm]ore\s+)?[Ff]rom\s+)"  # "More from Jones:", "Here's Clinton:"
                           r"(?P<np>the\s+[a-z]+|(?:the\s+)?[A-Z][\w.'’-]*"  # "From the report:", or a name
                           # one way to read each word (a lower-case word covers "and" and "of"): a
                           # long sentence of names with no colon fails fast instead of backtracking
                           r"(?:\s+(?:[A-Z][\w.'’-]*|(?!from|in|on|at|to)[a-z]+))*?"
                           r"(?:\s*\([A-Z][\w.-]{0,12}\))?)"  # "Rep. Trey Gowdy (R-S.C.):"
                           # "Clinton in December 1992:"
                           r"(?:\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{4})?)?(?P<cue>:)\s*[“\"]")


# A credit in a sentence of its own, after a quotation: '"... the economy."  - Sanders.'
LEADING_DASH_RE = re.compile(r"^(?P<cue>[-―—–])\s*(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?=\s*(?:,|\.?$))")


def _label_names_someone(label: str, slex: SourceLexicon) -> bool:
    """A label in capitals before a colon that names a speaker ("TAPPER:", "JAKE TAPPER:"), not an
    editor's notice ("UPDATE:", "BYLINE:") nor words of English other than nouns ("EXCLUSIVE:",
    "PREVIOUSLY:", "FIX IS IN:")."""
    from textblob.en import lexicon

    if label.rstrip(".").title() in slex.notice_labels:
        return False
    return not any((lexicon.get(w.lower()) or "NN")[:2] != "NN" for w in label.rstrip(".").split())


def _credited_name(name: str, slex: SourceLexicon) -> bool:
    """A name that credits a quotation: capitalised, not a cue verb ("Continued Stone:" is a cue
    verb's), not a word that names no one, not a notice ("Update:")."""
    words = name.rstrip(".").split()
    if not words or words[0].lower() in slex.cues or name.rstrip(".").title() in slex.notice_labels:
        return False
    if words[0] == "the" and words[-1].lower() in slex.text_nouns | slex.finders:
        return True  # "From the report: “...”"
    not_actors = slex.actors.not_actors
    return proper(words[-1]) and words[-1] not in not_actors and words[0] not in not_actors


def _quote_before(ctx: SentenceContext, offset: int) -> str:
    """The words of the last quotation that closes before this clean offset, if it closes just before."""
    before = [q for q in ctx.doc.quotes if q.end <= offset]
    if not before or ctx.doc.text[before[-1].end : offset].strip(" \n,.") != "":
        return ""
    return before[-1].text(ctx.doc.text).strip(" ,")


def _name_credits(ctx: SentenceContext) -> list[Candidate]:
    """Quotations credited with a name and a colon before them, or with a dash and a name in a sentence
    of their own after them."""
    out = []
    for m in NAME_COLON_RE.finditer(ctx.text):
        name = re.sub(r"\s*\([^)]*\)$", "", m.group("np"))  # "Rep. Trey Gowdy (R-S.C.)" -> the name
        if _credited_name(name, ctx.slex):
            rest = ctx.text[m.end("cue"):].strip()
            out.append(Candidate(name, "direct", ":", rest, *ctx.offset(m), ctx.span(m, "np"), ctx.span(m, "cue")))
            ctx.mark_used(m)
    m = LEADING_DASH_RE.match(ctx.text)
    quote = _quote_before(ctx, ctx.sent.clean_start) if m else ""
    if m and quote and _credited_name(m.group("np"), ctx.slex):
        name, ns = m.group("np").rstrip("."), ctx.span(m, "np")[0]
        out.append(Candidate(name, "direct", m.group("cue"), quote, *ctx.offset(m), (ns, ns + len(name)),
                             ctx.span(m, "cue")))
        ctx.mark_used(m)
    return out


def credited_quotes(ctx: SentenceContext) -> list[Candidate]:
    """Quotations credited without a verb: a name after a dash that follows the closing quote mark
    ('... president.” ― Ana Ruiz'), a transcript's speaker label in capitals ('PENCE: Well, ...'), and
    the credits of _name_credits."""
    out = _name_credits(ctx)
    for m in DASH_CREDIT_RE.finditer(ctx.text):
        before = [q for q in ctx.quotes if q.end <= ctx.sent.clean_start + m.start() + 1]
        quote = before[-1].text(ctx.doc.text).strip(" ,") if before else ""
        name, (ns, ne) = m.group("np"), ctx.span(m, "np")
        if name.endswith(".") and len(name.split()[-1]) > 2:  # the sentence's full stop, not an initial ("A.")
            name, ne = name[:-1], ne - 1
        out.append(Candidate(name, "direct", m.group("cue"), quote, *ctx.offset(m), (ns, ne), ctx.span(m, "cue")))
        ctx.mark_used(m)
    m = SPEAKER_LABEL_RE.match(ctx.text)
    if m and len(m.group("np")) > 1 and _label_names_someone(m.group("np"), ctx.slex):
        rest = ctx.text[m.end("cue"):].strip()
        out.append(Candidate(m.group("np"), "direct", ":", rest, *ctx.offset(m), ctx.span(m, "np"),
                             ctx.span(m, "cue")))
    return out


def characterisations(ctx: SentenceContext) -> list[Candidate]:
    """A verb that casts someone as a quoted label: "Trump openly admires Putin as a “strong leader”",
    "Reid has been pounding Trump as a “con artist”": the verb's subject gives the label."""
    out = []
    toks = ctx.toks
    for q in ctx.quotes:
        v = _casting_verb(ctx, q)
        span = np_left(toks, v, ctx.slex) if v is not None else None
        if span:
            out.append(Candidate(ctx.phrase(*span), "partial", toks[v].word, q.text(ctx.doc.text).strip(" ,"), q.start,
                                 q.end, (toks[span[0]].start, toks[span[1] - 1].end), (toks[v].start, toks[v].end)))
    return out


def _casting_verb(ctx: SentenceContext, q) -> int | None:
    """The token of the active verb before "as (a)" and the quotation ``q`` ("admires Putin as a “...”"),
    or None: no "as", a cue verb near it ("described the downing as “...”", found by cue_verbs), a
    verb that does not characterise, a passive."""
    toks = ctx.toks
    i = next((k for k, t in enumerate(toks) if t[2] >= q.start), len(toks))
    k = i - 1 - (i > 1 and toks[i - 1].word.lower() in {"a", "an", "the"})
    if k < 2 or toks[k].word.lower() != "as":
        return None
    near = range(k - 1, max(-1, k - 8), -1)
    if any(toks[j].word.lower() in ctx.slex.cues for j in near):
        return None
    v = next((j for j in near if toks[j].tag.startswith("VB") and toks[j - 1].word.lower() not in DETERMINERS), None)
    if v is None or toks[v].word.lower() in ctx.slex.not_characterising:
        return None
    return None if v > 0 and toks[v - 1].word.lower() in {"was", "were", "is", "are", "been", "being"} else v


def _speaker_and_verb_after(toks, k: int, slex: SourceLexicon) -> tuple[tuple[int, int], int] | None:
    """After a quotation that opens the sentence (token ``k`` follows it), a speaker and one verb that
    end the clause: '"...," Toomey fumed on Tuesday.', '"...?" Hannity pressed.'"""
    a = b = k
    while b < len(toks) and (toks[b].tag.startswith(("NN", "DT", "PRP", "JJ", "POS", "CD")) or glued(toks, b, a)):
        b += 1
    v = b + (b < len(toks) and toks[b].tag == "RB")
    if b == a or v >= len(toks) or toks[v].tag not in ("VBD", "VBZ", "VBN") \
            or toks[v].word.lower() in slex.not_characterising | slex.not_spoken:
        return None  # "Cruz was brilliantly articulate", "The crowd booed."
    ends = v + 1 == len(toks) or toks[v + 1].word in {".", ",", "!", ";"} or toks[v + 1].tag in ("IN", "RB")
    return ((a, b), v) if ends else None


QUESTION_CLOSED = re.compile(r"[?!][”\"]\s*$")


def _after_question(ctx: SentenceContext) -> list[Candidate]:
    """A speaker and a verb alone in a sentence after a quotation that ends with a question or an
    exclamation (the sentence splitter ends a sentence there): '"Would it be negotiable?" Hannity pressed.'"""
    start = ctx.sent.clean_start
    if not QUESTION_CLOSED.search(ctx.doc.text[max(0, start - 4) : start]):
        return []
    found = _speaker_and_verb_after(ctx.toks, 0, ctx.slex)
    quote = _quote_before(ctx, start)
    if not found or not quote:
        return []
    (a, b), v = found
    verb = ctx.toks[v]
    clause_ends = v + 1 == len(ctx.toks) or ctx.toks[v + 1].word in {".", ","}
    if not clause_ends:
        return []
    mention = (ctx.toks[a].start, ctx.toks[b - 1].end)
    return [Candidate(ctx.phrase(a, b), "direct", verb[0], quote, verb[2], verb[3], mention, (verb[2], verb[3]))]


def cueless_quotes(ctx: SentenceContext) -> list[Candidate]:
    """A quotation of five words or more with no cue verb: the clause subject said it; or, after a
    quotation that opens the sentence, the speaker and the verb that follow it ('..." Toomey fumed')."""
    opening = _opening_quote_credit(ctx)
    if opening:
        return [opening]
    if not ctx.quotes:
        return _after_question(ctx)
    return [c for c in (_subject_of_quote(ctx, q) for q in ctx.quotes) if c]


def _opening_quote_credit(ctx: SentenceContext) -> Candidate | None:
    """A quotation that opens the sentence and ends in punctuation (not a title: “Jane The Virgin”
    star), credited to the speaker and verb after it ('..." Toomey fumed')."""
    first = ctx.quotes[0] if ctx.quotes else None
    said_whole = first and re.search(r"[,?!.—–]\W*$", first.text(ctx.doc.text))
    if not (said_whole and first.start <= ctx.sent.clean_start + 1):
        return None
    k = next((n for n, t in enumerate(ctx.toks) if t[2] >= first.end), len(ctx.toks))
    found = _speaker_and_verb_after(ctx.toks, k, ctx.slex)
    if not found:
        return None
    (a, b), v = found
    verb = ctx.toks[v]
    return Candidate(ctx.phrase(a, b), "direct", verb[0], first.text(ctx.doc.text).strip(" ,"),
                     first.start, first.end, (ctx.toks[a].start, ctx.toks[b - 1].end), (verb[2], verb[3]))


def _subject_of_quote(ctx: SentenceContext, q) -> Candidate | None:
    """A quotation of five words or more inside the sentence, credited to the clause's subject, unless
    the verb names or titles it ("a speech titled “...”", "exemplified by this finding: “...”")."""
    if len(q.text(ctx.doc.text).split()) < 5 or q.start <= ctx.sent.clean_start + 1:
        return None
    i = next((k for k, t in enumerate(ctx.toks) if t[2] >= q.start), len(ctx.toks))
    span = subject(ctx.toks, i)
    if not span:
        return None
    at = next((k for k in range(span[1], i) if ctx.toks[k].tag.startswith("VB")), None)
    if _naming_verb(ctx.toks, at, i, ctx.slex):
        return None
    verb = ctx.toks[at] if at is not None else None
    return Candidate(ctx.phrase(*span), "partial", verb[0] if verb else "", q.text(ctx.doc.text).strip(" ,"),
                     q.start, q.end, (ctx.toks[span[0]].start, ctx.toks[span[1] - 1].end),
                     (verb[2], verb[3]) if verb else (-1, -1))


def _naming_verb(toks, at: int | None, i: int, slex: SourceLexicon) -> bool:
    """Is the verb at ``at`` (before the quotation at token ``i``) one that names, or a passive that
    characterises ("is exemplified by")?"""
    if at is None:
        return False
    word = toks[at].word.lower()
    passive = at + 1 < i and word in slex.not_characterising and toks[at + 1].tag == "VBN"
    return passive or word in slex.naming
