"""The extractors, each a small function over one sentence returning ``Candidate``s, and
``sentence_attributions`` that runs them in order and resolves, splits and types what they find.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..segment import Document, Sentence
from .cue_checks import cue_applies
from .kinds import type_by_lexicon
from .lexicon import SourceLexicon
from .names import name_and_role
from .phrases import (
    QUOTE_TOKENS,
    VERB_TAGS,
    WHEN,
    appositive_name,
    clause_subject_at,
    issuer,
    np_head,
    np_left,
    np_right,
    np_start,
    one_of_a_party,
    proper,
    relative_subject,
    right_appositive,
    speaker_head,
    subject,
)
from .quote_credits import characterisations, credited_quotes, cueless_quotes
from .records import CONTINUED, SELF, Attribution, Candidate, SentenceContext
from .resolution import resolve

SELF_RE = re.compile(r"\b(?:as\s+)?we\s+(?:have\s+)?(?:previously\s+|earlier\s+|already\s+)?(?P<cue>reported|revealed|"
                     r"noted|wrote|learned)\b|\b(?:as\s+)?(?:this|our)\s+(?:outlet|newspaper|site)\s+(?:has\s+)?"
                     r"(?P<cue2>reported)\b", re.IGNORECASE)


NP_TEXT = r"(?P<np>(?:[^,;:!?.]|(?<=[A-Z])\.)+)"  # up to a clause break; "U.S." stays whole


ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|post|video|"
                          r"communiqué|release)\s+(?:by|from)\s+)?" + NP_TEXT)


STATEMENT_RE = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?P<cue>statements?|communiqué)\s+(?:by|from)\s+" + NP_TEXT)


# "Trump's claim that", "Clinton's remarks about", "the senator's warning: “...”": a noun of saying owned by a name
CLAIM_RE = re.compile(r"(?P<np>(?:[A-Z][\w.’'-]+\s+){0,3}[A-Z][\w.’'-]*?)['’]s?\s+(?:(?:latest|earlier|recent|repeated|"
                      r"false|new|own|public|initial|famous|infamous)\s+)?(?P<cue>claims?|assertions?|contention|"
                      r"allegations?|accusations?|insistence|statements?|remarks|comments|warnings?|promises?|pledges?|"
                      r"predictions?|suggestion|argument|charges?|denials?|admission|description)"
                      r"(?=\s+(?:that|about)\b|\s*[:,]?\s*[“\"])")


PASSIVE_MEDIA_RE = re.compile(r"\b(?i:videos?|photos?|images?|footage|posts?|statements?|pictures?|recordings?"
                              r"|clips?)\s+"
                              r"(?P<cue>posted|released|distributed|published|issued|shared|broadcast|uploaded)\s+by\s+"
                              r"(?P<np>(?:(?!\s+(?:on|in|at|via|from|to|that|which|and)\b)[^,;:!?.])+)")


def _finish(c: Candidate, ctx: SentenceContext, history: list[Attribution]) -> Attribution | None:
    """Resolve a candidate's speaker (pronoun, description, title + name) and type it."""
    source, role = c.speaker, ""
    if _adjective_alone(source):
        return None  # "easier said than done", "more accurately predicted", "other telling signs": no one
    resolved = None if source == SELF else resolve(source, history, ctx.slex, ctx.doc)
    if resolved:
        role, source = source, resolved
    elif source != SELF:
        source, role = name_and_role(source, ctx.slex.actors)
    if not source or source.lower() == "you":
        return None  # "if you can't already tell", "You could say": the reader, no source
    stance = ctx.slex.cues.get(c.cue.lower(), ("neutral", ""))[0] if c.cue else "neutral"
    if c.cue.lower().startswith("according to"):
        stance = "neutral"
    written = ctx.doc.text[c.mention_at[0] : c.mention_at[1]] if c.mention_at[0] >= 0 else ""
    return Attribution(ctx.doc.id, ctx.sent.sentence, source, role, type_by_lexicon(source, role, ctx.slex), c.kind,
                       c.cue, stance, c.quote, c.start, c.end, ctx.text, written, *c.mention_at, *c.cue_at)


# Adjectives that stand for people ("Many said", "Few agreed")
PEOPLE_ADJECTIVES = frozenset("many few several most some all both others".split())


def _adjective_alone(speaker: str) -> bool:
    """Is the speaker one adjective or adverb in lower case (Brill's lexicon), which names no one ("easier",
    "more", "possible"; on PolNeAR train 14 such speakers were wrong, 1 right, "many" and "few" aside)?"""
    from textblob.en import lexicon

    word = speaker.strip()
    return (" " not in word and "-" not in word and word.islower() and (lexicon.get(word) or "")[:2] in ("JJ", "RB")
            and word not in PEOPLE_ADJECTIVES)  # not "Brown said", "Jolly said"


def according_to(ctx: SentenceContext) -> list[Candidate]:
    """"according to X", "according to a statement by X"."""
    out = []
    for m in ACCORDING_RE.finditer(ctx.text):
        np = re.split(r"\s+(?:that|which|who|after|before|when|while|as)\s+", m.group("np"))[0]
        at = ctx.sent.clean_start + m.start("np")
        cue_at = ctx.sent.clean_start + m.start()
        out.append(Candidate(np, "according_to", "according to", "", *ctx.offset(m), (at, at + len(np)),
                             (cue_at, cue_at + len("according to"))))
    return out


def nominal_claims(ctx: SentenceContext) -> list[Candidate]:
    """"Trump's claim that ...", "Clinton's remarks about “...”": a noun of saying that a name owns."""
    out = []
    for m in CLAIM_RE.finditer(ctx.text):
        if m.group("np").split()[0] in {"The", "A", "An", "This", "That"}:
            continue
        out.append(Candidate(m.group("np"), _cue_kind(ctx, m, "speech"), m.group("cue"), "", *ctx.offset(m),
                             ctx.span(m, "np"), ctx.span(m, "cue")))
    return out


def statements(ctx: SentenceContext) -> list[Candidate]:
    """"a statement by X", "a communiqué from X"."""
    return [Candidate(m.group("np"), "statement", m.group("cue"), "", *ctx.offset(m), ctx.span(m, "np"),
                      ctx.span(m, "cue")) for m in STATEMENT_RE.finditer(ctx.text)]


def passive_media(ctx: SentenceContext) -> list[Candidate]:
    """"a video posted by X": X distributed the material (its words are not cue verbs of their own).
    The noun phrase X ends before the clause's verb ("by a resident shows ...")."""
    out = []
    for m in PASSIVE_MEDIA_RE.finditer(ctx.text):
        np_from, np_to = ctx.sent.clean_start + m.start("np"), ctx.sent.clean_start + m.end("np")
        verb = next((t[2] for t in ctx.toks if np_from < t[2] < np_to and t[1].startswith("VB")), np_to)
        written = ctx.doc.text[np_from:verb].rstrip()
        out.append(Candidate(written, "media", m.group("cue"), "", *ctx.offset(m), (np_from, np_from + len(written)),
                             ctx.span(m, "cue")))
        ctx.mark_used(m)
    return out


PASSIVE_BY_RE = re.compile(
    r"\b(?:was|were|been|being|is|are|as)\s+(?:(?:first|also|initially|previously|earlier|\w+ly)\s+)?"
    r"(?P<cue>reported|disclosed|revealed|announced|confirmed|noted|described|stated|claimed|alleged|quoted)"
    r"\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w.&’'-]*){0,5})")


def passive_by(ctx: SentenceContext) -> list[Candidate]:
    """A passive with its agent: "was first reported by The Wall Street Journal", "as noted by the
    Congressional Budget Office": the agent is the source."""
    out = []
    for m in PASSIVE_BY_RE.finditer(ctx.text):
        np = m.group("np")
        out.append(Candidate(np, "indirect", m.group("cue"), "", *ctx.span(m, "cue"), ctx.span(m, "np"),
                             ctx.span(m, "cue")))
        ctx.mark_used(m)
    return out


def self_reports(ctx: SentenceContext) -> list[Candidate]:
    """The outlet's own earlier reporting ("as we reported")."""
    out = []
    for m in SELF_RE.finditer(ctx.text):
        group = "cue" if m.group("cue") else "cue2"
        out.append(Candidate(SELF, "media", m.group(group).lower(), "", *ctx.offset(m), (-1, -1), ctx.span(m, group)))
        ctx.mark_used(m)
    return out


# A noun phrase that ends here is cut short, not a speaker: "Samuelson and Bentel and", "Kadzik wouldn’t"
LOOSE_ENDS = frozenset({"and", "or", "of", "but", "nor"})


def _after_clause(toks, i: int) -> bool:
    """The participle at token ``i`` follows a clause: after a comma, within quotation marks or not
    (', denying', '"bold," telling'), or after "by" ("responded by saying")."""
    return i > 0 and (toks[i - 1].word in {",", "by"} or (i > 1 and toks[i - 1].word in QUOTE_TOKENS
                                                          and toks[i - 2].word == ","))


def _object_of_verb(toks, i: int, slex: SourceLexicon) -> tuple[int, int] | None:
    """For a participle cue ("saying", "writing"), the subject of the verb whose object is the noun
    phrase just before it, over up to two prepositional phrases: "The senator emailed supporters
    saying" and "Ward responded to a question on Twitter writing" are the senator and Ward speaking.
    Not after a verb that presents its object speaking ("quoted officials saying", "a video showed him
    saying") or a copula ("The trouble is people saying")."""
    if toks[i].tag != "VBG" or (pos := np_start(toks, i)) == i or toks[i - 1].word.lower() in slex.speaking_objects:
        return None  # "held up a sign saying": the sign speaks
    for _ in range(3):
        if pos < 2 or toks[pos - 1].tag not in ("IN", "TO"):
            break
        if toks[pos - 1].word.lower() in ("with", "without"):
            return None  # "ended with Maddow asking": Maddow asks
        k = np_start(toks, pos - 1)
        if k == pos - 1:  # no noun phrase before the preposition: "responded to"
            pos -= 1
            break
        pos = k
    verb = toks[pos - 1] if pos > 0 else ("", "")
    if verb[1] not in VERB_TAGS or verb[0].lower() in slex.presenting_verbs:
        return None
    return clause_subject_at(toks, pos - 1)


def _infinitive_of_saying(toks, i: int, slex: SourceLexicon) -> bool:
    """ "to say", "to argue", "to insist"... after a verb or an adjective that does not judge the saying
    ("went on to say", "declined to say", "more likely to say"; not "hard to say", "too soon to say")."""
    return (i > 1 and toks[i - 1].tag == "TO" and toks[i].tag in ("VB", "VBP")
            and toks[i].word.lower() in slex.infinitive_cues
            and toks[i - 2].word.lower() not in slex.judging_the_saying)


def _speaker_span(ctx: SentenceContext, i: int) -> tuple[int, int] | None:
    """The tokens of the speaker of the cue at token ``i``: before it, or after it ('..." said Putin')."""
    toks = ctx.toks
    span = _clause_speaker(toks, i, ctx.slex)
    if span == ():
        return None  # "It is too soon to say"
    if span is None:
        span = np_left(toks, i, ctx.slex) or appositive_name(toks, i)
        span = issuer(toks, i, span, ctx.slex.issued) or _object_of_verb(toks, i, ctx.slex) or span
    after_quote = _right_after_a_quotation(toks, i)
    if toks[i].word.lower() in ctx.slex.listener_cues and not (span is None and after_quote):
        return span  # the noun phrase after "told" or "asked" is the listener ("told NBC"), not the speaker
        # (unless a quotation comes just before: '"Why?" asked Bennett')
    span = _right_or_inverted(ctx, i, span, after_quote)
    last = toks[span[1] - 1].word if span is not None else ""
    if span is not None and (last.lower() in LOOSE_ENDS or re.search(r"n[’']t$", last)):
        return None
    return span


def _right_after_a_quotation(toks, i: int) -> bool:
    """Does a closing quotation mark stand just before token ``i``, perhaps before a comma?"""
    closing = {"”", '"'}
    before = toks[i - 1].word if i > 0 else ""
    return i > 0 and (before in closing or (i > 1 and before == "," and toks[i - 2].word in closing))


def _clause_speaker(toks, i: int, slex: SourceLexicon) -> tuple | None:
    """The speaker of a cue that is not a clause's own verb: a participle after a clause (", denying
    ...", "responded by saying"), an infinitive ("went on to say", "took to Twitter to say"; () for
    "It is too soon to say": no speaker), a verb after "and" ("..., I laughed and said", "X rejected
    ... and said"); None for a cue with a subject of its own."""
    if toks[i].tag == "VBG" and _after_clause(toks, i):
        return subject(toks, i - 1)
    if _infinitive_of_saying(toks, i, slex):
        span = subject(toks, i - 1)
        return () if span and toks[span[0]].word.lower() == "it" else span
    if i > 1 and toks[i - 1].word == "and" and toks[i - 2].tag in ("VBD", "VBZ", "VBP"):
        return clause_subject_at(toks, i - 2) or subject(toks, i - 1, first=True)
    if i > 0 and toks[i - 1].word == "and":
        return subject(toks, i - 1, first=True)
    return None




def _right_or_inverted(ctx: SentenceContext, i: int, span: tuple[int, int] | None,
                       after_quote: bool) -> tuple[int, int] | None:
    """The speaker right of the cue where none stands left of it or a quotation comes just before
    ('"...," said Putin'), or in the inverted order of reported speech ('..., said Brad Bannon.');
    else ``span``, the one found left of it."""
    if span is None or (ctx.quotes and after_quote):
        return _speaker_right(ctx, i, after_quote) or span
    if i > 0 and ctx.toks[i - 1].word == "," and ctx.toks[i].word.lower() in ctx.slex.inverted_cues:
        return _inverted_speaker(ctx, i) or span
    return span


def _inverted_speaker(ctx: SentenceContext, i: int) -> tuple[int, int] | None:
    """The speaker of '..., said Brad Bannon, a pollster.' without quotation marks: a speaker right of
    the cue that ends the sentence or a clause (not '..., said Trump campaign strategists plan to')."""
    right = _speaker_right(ctx, i, False)
    toks = ctx.toks
    return right if right and (right[1] >= len(toks) or toks[right[1]].word in {",", ".", ";"}) else None


def _speaker_right(ctx: SentenceContext, i: int, after_quote: bool) -> tuple[int, int] | None:
    """The speaker after the cue at token ``i``: a name, or a person by role ('..." said Putin', '..." said
    one Democratic source on the panel', '..." said the 46-year-old'), or a text after a quotation."""
    toks = ctx.toks
    right = np_right(toks, i, ctx.slex.actors.name_abbreviations)
    if right is None:
        return None
    right = right_appositive(toks, right)
    if _no_speaker_right(ctx, i, right, after_quote):
        return None
    head = np_head(toks, right)
    if _named(toks, head, ctx.slex.actors.not_actors) or one_of_a_party(toks, head):
        return right
    return right if _by_role(ctx, head, after_quote) else None


def _no_speaker_right(ctx: SentenceContext, i: int, right: tuple[int, int], after_quote: bool) -> bool:
    """Is the phrase after the cue no speaker: a day or a lone word of not_actors.txt (a capitalised
    word other than "Monday" or "Republican" names someone; "Democratic Rep. Dina Titus" may open with
    an adjective, "said Wednesday Trump would" may not open with a day), a headline's words ("Declared
    2016 Presidential Candidates"), or the subject of what was said ("another says the United States has")?"""
    toks, not_actors = ctx.toks, ctx.slex.actors.not_actors
    first = toks[right[0]]
    if first[0] in not_actors and (first[1] != "JJ" and first[0] in WHEN or right[1] - right[0] == 1):
        return True
    if i == 0 and not ctx.quotes and not (right[1] < len(toks) and toks[right[1]].word == ":"):
        return True
    return not after_quote and right[1] < len(toks) and toks[right[1]].tag in ("VBD", "VBZ", "VBP", "MD")


def _named(toks, head: tuple[int, int], not_actors: frozenset) -> bool:
    """A name in the phrase's head: a capitalised noun the tagger may have taken for a common one ("said
    Sexton"), not an adjective ("the British vote") nor an owner ("denounced Trump’s comments")."""
    return any(proper(toks[k].word) and toks[k].tag.startswith("NN") and toks[k].word not in not_actors
               and not toks[k].word.endswith(("’s", "'s")) for k in range(*head))


def _by_role(ctx: SentenceContext, head: tuple[int, int], after_quote: bool) -> bool:
    """A speaker by role ("a spokesman"), or after a quotation an age, a text or a title ("the
    46-year-old", "the statement", "the Senator")."""
    last = ctx.toks[head[1] - 1].word.lower()
    if last in ctx.slex.speaker_nouns:
        return True
    return after_quote and (last.endswith("year-old") or last in ctx.slex.text_nouns
                            or last.capitalize() in ctx.slex.actors.titles or speaker_head(ctx.toks, head))


def _cue_kind(ctx: SentenceContext, m: re.Match, cue_kind: str) -> str:
    """media, statement, direct (a quotation set off as a clause), partial, or indirect."""
    if cue_kind in ("media", "statement"):
        return cue_kind
    if ctx.quotes:
        kind = "direct" if any(_standalone(ctx.doc.text, q, ctx.sent) for q in ctx.quotes) else "partial"
    else:
        kind = "indirect"
    if re.search(r"\bin a statement\b", ctx.text[m.end() : m.end() + 30]):
        kind = "statement"
    return kind


def cue_verbs(ctx: SentenceContext) -> list[Candidate]:
    """A cue verb ("said", "claimed", "told") outside quotation marks and its speaker."""
    inside = [(q.start, q.end) for q in ctx.quotes]
    quoted_words = " … ".join(q.text(ctx.doc.text).strip(" ,") for q in ctx.quotes)
    starts: dict[int, int] = {}
    for k, t in enumerate(ctx.toks):
        starts.setdefault(t[2], k)
    out = []
    for m in ctx.slex.cue_re.finditer(ctx.text):
        cs, ce = ctx.offset(m)
        i = starts.get(cs)
        if any(a <= cs < b for a, b in inside) or i is None or i in ctx.used:
            continue
        cue_kind = ctx.slex.cues[m.group(0).lower()][1]
        if not cue_applies(ctx, i, m, cue_kind):
            continue
        span = _speaker_span(ctx, i)
        if span is None:
            continue
        kind = _cue_kind(ctx, m, cue_kind)
        # the mention as written: the relative pronoun the speaker was reached through ("the department,
        # which reported"), else the speaker's words
        rel = relative_subject(ctx.toks, i)
        mention = (ctx.toks[rel].start, ctx.toks[rel].end) if rel is not None and rel >= span[1] else (
            ctx.toks[span[0]].start, ctx.toks[span[1] - 1].end)
        out.append(Candidate(ctx.phrase(*span), kind, m.group(0), quoted_words if _quoting(kind, cue_kind) else "",
                             cs, ce, mention, (cs, ce)))
    return out


def _quoting(kind: str, cue_kind: str) -> bool:
    """Does the row carry the sentence's quoted words: a direct or partial quote, or a statement a cue
    verb reports ("..., Smith said in a statement"), whose quoted words are its words?"""
    return kind in ("direct", "partial") or (kind == "statement" and cue_kind != "statement")


def _standalone(text: str, q, sent: Sentence) -> bool:
    """A quote set off as a clause of its own (sentence start, or after a colon or comma) is a direct
    quote; one woven into the author's syntax ("a “stab in the back”") is partial."""
    before = text[sent.clean_start : q.start].rstrip()
    return not before or before.endswith((":", ",", "—", "–"))


def _quotes_in(doc: Document, sent: Sentence):
    return doc.quotes_in(sent)


def sentence_attributions(doc: Document, sent: Sentence, history: list[Attribution],
                          slex: SourceLexicon) -> list[Attribution]:
    """Every attribution in one sentence: the extractors in turn, each speaker resolved against the
    attributions of the previous sentence and those found so far in this one."""
    ctx = SentenceContext(doc, sent, doc.tagged(sent), _quotes_in(doc, sent), slex)
    recent = [r for r in history if r.sentence >= sent.sentence - 1]
    rows: list[Attribution] = []

    def accept(candidates: list[Candidate]) -> None:
        for c in candidates:
            row = _finish(c, ctx, recent + rows)
            # the same source with the same cue twice in a sentence is two attributions ("X said that ...,
            # but he said that ...") unless it is the same cue word found twice
            if row and not any((r.source, r.kind, r.cue) == (row.source, row.kind, row.cue)
                               and (r.cue_start == row.cue_start or r.cue_start < 0 or row.cue_start < 0)
                               for r in rows):
                rows.append(row)

    accept(according_to(ctx))
    if not any(r.kind == "according_to" for r in rows):
        accept(statements(ctx))
    accept(passive_media(ctx))
    accept(passive_by(ctx))
    accept(self_reports(ctx))
    accept(credited_quotes(ctx))
    accept(cue_verbs(ctx))
    accept(characterisations(ctx))
    accept([c for c in nominal_claims(ctx) if not any(r.source.endswith(c.speaker.split()[-1]) for r in rows)])
    if not rows:
        accept(cueless_quotes(ctx))
    return rows


def continued_quote(sent: Sentence, history: list[Attribution], prev: Sentence | None) -> list[Attribution]:
    """A sentence that is all quotation right after a direct quote continues that speaker's quote."""
    if not (sent.in_quote and history and prev is not None):
        return []
    last = history[-1]
    if last.kind != "direct" or last.sentence != prev.sentence:
        return []
    return [replace(last, sentence=sent.sentence, cue=CONTINUED, quote=sent.text.strip("“”\" "),
                    start=sent.clean_start, end=sent.clean_end, text=sent.text, mention="", mention_start=-1,
                    mention_end=-1, cue_start=-1, cue_end=-1)]


def image_credits(doc: Document, slex: SourceLexicon) -> list[Attribution]:
    """Image credits from the cleaning log (they are not in the clean text): sentence -1, raw offsets."""
    out = []
    for e in doc.cleaned.edits:
        if e.rule == "image_credit":
            credit = re.sub(r"^\s*[\w ]+?:\s*", "", e.text).strip()
            typ = type_by_lexicon(credit, "", slex)
            out.append(Attribution(doc.id, -1, credit, "", typ if typ != "other" else "media or outlet", "credit",
                                   e.text.split(":")[0].strip(), "neutral", "", e.start, e.end, e.text.strip()))
    return out
