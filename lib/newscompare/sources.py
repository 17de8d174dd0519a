"""Named sources: who each article quotes or cites, how, with which verb, and what kind of source it is.

Rule-based and offline (textblob's bundled pattern tagger; no spaCy model). For every sentence it
finds attributions of these kinds:

- ``direct``: a quotation set off as a clause (at the sentence start, or after a colon or comma) with
  a speaker and a cue verb before or after it; a paragraph that is all quotation continues the
  previous speaker's quote;
- ``partial``: a quoted phrase woven into the author's sentence ("a “stab in the back”"), or a
  quotation of five words or more with a speaker but no cue verb;
- ``indirect``: reported speech with a cue verb and no quotation ("Turkey claims ...");
- ``according_to``: "according to X" (also "according to a statement by X");
- ``statement``: "a statement by X", "X said in a statement", claims of responsibility;
- ``media``: videos, photos and posts distributed by someone, and the outlet's own earlier reporting;
- ``credit``: image credits (from the cleaning log: they are not in the clean text).

Speakers are noun phrases next to the cue; pronouns and phrases such as "the ministry" or "these
groups" resolve to the nearest fitting source named in the same or the previous sentence, and
"the alliance", "the bloc"... to the organisation such a source or its role names. Lexicons:
``data/cues.csv`` (cue, stance, kind), ``data/source_types.csv`` (pattern, source_type) and
``data/descriptions.csv`` (description, refers_to).
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path

import pandas as pd

from .actors import GROUP_WORDS, ORG_NAMES, ORG_WORDS, WEEKDAYS, ActorLexicon, actor_lexicon, find_mentions, gazetteer
from .lexicons import Lexicons, get
from .segment import Document, Sentence

Lex = Lexicons | str | Path | None

SOURCE_COLUMNS = ["article", "sentence", "source", "role", "source_type", "kind", "cue", "cue_stance", "quote",
                  "start", "end", "text", "mention", "mention_start", "mention_end", "cue_start", "cue_end"]
SELF = "the outlet (self)"
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "him": "person", "her": "person"}
NP_TAGS = ("NN", "JJ", "DT", "PRP$", "POS", "CD", "NNP", "NNPS", "NNS")
SKIP_LEFT = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "may", "might", "could", "would",
             "will", "also", "publicly", "allegedly", "reportedly", "later", "then", "repeatedly", "again",
             "previously", "not", "never", "already", "still", "now", "openly", "once", "first", "earlier",
             "which", "who", "that", "apparently", "officially", "both", "recently", "quickly", "further", "since",
             "long"}
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
MEDIA_OBJECTS = re.compile(r"\b(?:videos?|photos?|images?|footage|posts?|statements?|pictures?|recordings?|"
                           r"communiqués?|clips?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SourceLexicon:
    """What the sources analysis reads from the lexicons, compiled once per state of the files."""

    cues: dict[str, tuple[str, str]]  # cue (lower case) -> (stance, kind)
    cue_re: re.Pattern
    type_rules: list[tuple[re.Pattern, str]]
    descriptions: dict[str, re.Pattern]
    actors: ActorLexicon


def _build_source_lexicon(lex: Lexicons) -> SourceLexicon:
    cues = {r["cue"].lower(): (r["stance"], r["kind"]) for r in lex.table("cues.csv")}
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return SourceLexicon(
        cues=cues,
        cue_re=re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])", re.IGNORECASE),
        type_rules=[(re.compile(r["pattern"]), r["source_type"]) for r in lex.table("source_types.csv")],
        descriptions={r["description"].lower(): re.compile(rf"(?<![\w-])(?:{r['refers_to']})(?![\w-])")
                      for r in lex.table("descriptions.csv")},
        actors=actor_lexicon(lex))


def source_lexicon(lexicons: Lex = None) -> SourceLexicon:
    """cues.csv, source_types.csv, descriptions.csv and the actor lexicon, compiled."""
    return get(lexicons).compiled("sources", _build_source_lexicon)


def cue_table(lexicons: Lex = None) -> dict[str, tuple[str, str]]:
    """cue (lower case) -> (stance, kind) from ``cues.csv``."""
    return source_lexicon(lexicons).cues


def cue_regex(lexicons: Lex = None) -> re.Pattern:
    """Any cue word or phrase, as a whole word."""
    return source_lexicon(lexicons).cue_re


def _source_type(source: str, role: str, slex: SourceLexicon) -> str:
    """What the source phrase is (the outlet itself, an unnamed source, a document: the first rule of
    those that matches), or else the type of the role word nearest the name ("longtime Democratic
    pollster Pat Caddell" is an expert; "president of the NAACP" a union or NGO)."""
    for pattern, kind in slex.type_rules:
        if kind not in PERSON_TYPES and pattern.search(source):
            return kind
    kind = _nearest_type(f"{role} {source}".strip(), "", slex)
    if kind != "other":
        return kind
    if source.split() and source.split()[-1] in slex.actors.leaders:
        return "politician"
    if source in slex.actors.states:
        return "government or official"
    return "other"


# Where the words before a name stop being its role: punctuation, a sentence end, a verb of saying ("...
# this week, said Brian Baker": the words before "said" are the quote's), a titled name joined by "and"
# ("the policies of President Obama and Clinton": "President" is Obama's; but "my parents, James and
# Olive Meehan" are both parents, and "voters, Tyresha McClenney and Bryan Anderson" both voters).
_CONTEXT_BREAK = re.compile(r"[;:“”\"\n(]|[a-z]{3,}[.!?]\s|\b(?:said|says|told|tells|according to|like|such as)\s|"
                            # "people like Larry King": a likeness, no role; another name doing something:
                            # "Activist Angela Davis talks to DuVernay"
                            r"\b[A-Z][\w’'-]+\s+(?:[a-z]{3,}ed|talks|asks|meets|joins|thanks|praises|attacks|"
                            r"spoke|met|wrote|took|gave)\s|"
                            r"\b(?:President|Senator|Governor|Secretary|Mayor|Judge|General|Sen\.|Rep\.|Gov\.|Gen\.|Dr\.|"
                            r"Mr\.|Mrs\.|Ms\.)\s+(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]+ and\s")
_APPOSITIVE = re.compile(r"\s*\([^)]{1,30}\)|,\s+[^,;“”\"]{3,80}")
# A relative clause after a name that tells what the person did, not their role (", who is a senator"
# and ", who heads the NAACP" tell a role).
_WHO_DOES = re.compile(r",\s+who\s+(?!(?:as|is|was|has been|had been|serves|served|heads|headed|leads|led|runs|ran|"
                       r"chairs|chaired|works|worked|represents|represented|teaches|taught|directs|directed)\b)")
# Types a role around a person's name can give (a person is never a document, an outlet's "we"...).
PERSON_TYPES = frozenset({"politician", "government or official", "police or justice", "military", "company",
                          "union or NGO", "expert", "media or outlet", "citizen or witness",
                          "international organisation", "armed group"})


def _name_contexts(text: str, name: str, near: int | None = None) -> list[list[tuple[str, str]]]:
    """How the article introduces a person: for each time it names them, the words before the name in
    its clause ("Transport Secretary", "longtime Democratic pollster") and after it: a party ("(R-S.C.)")
    or an appositive (", president of the NAACP"). The full name's contexts come first, then the
    surname's, each a list; with ``near`` (where the person is quoted), each list runs from the
    mention nearest before it backwards, then on after it (of two namesakes, "Johnson" is the one
    introduced last). A name in capitals (a transcript's "PENCE") is looked up as "Pence"."""
    words = [w.title() if w.isupper() and len(w) > 3 else w for w in name.split()]
    if not words or not words[-1][:1].isupper() or words[-1].rstrip(".") in ABBREVIATED_TITLES:
        return []
    out = []
    for probe in dict.fromkeys([name, " ".join(words), words[-1]]):
        found = []
        for m in re.finditer(rf"(?<![\w-]){re.escape(probe)}(?![\w-])", text):
            before = text[max(0, m.start() - 70) : m.start()]
            cut = max((b.end() for b in _CONTEXT_BREAK.finditer(before)), default=0)
            after = _APPOSITIVE.match(text[m.end() : m.end() + 100])
            if after and _WHO_DOES.match(after.group(0)):
                after = None  # ", who saw Clinton’s running mate": what they did, not what they are
            found.append((m.start(), before[cut:].strip(), after.group(0) if after else ""))
        if near is not None:
            found.sort(key=lambda f: (f[0] > near, -f[0] if f[0] <= near else f[0]))
        out.append([(b, a) for _, b, a in found])
    return out


_FORMER = re.compile(r"(?i)\b(?:former|ex-|onetime|one-time|erstwhile|retired)\s*(?:[\w.-]+\s+){0,2}$")


def _nearest_type(before: str, after: str, slex: SourceLexicon, former: bool = True) -> str:
    """The type of the role word nearest the name: the last one before it ("Democratic pollster" is
    an expert), else the first after it (", president of the NAACP"); rules of ``source_types.csv``
    break ties in the file's order. ``former=False`` leaves out a role the person no longer holds
    ("the former secretary of State")."""
    best: tuple | None = None
    for order, (pattern, kind) in enumerate(slex.type_rules):
        if kind not in PERSON_TYPES:
            continue
        for m in pattern.finditer(before):
            key = (0, -m.end(), m.start(), order)  # the nearest; of two ending there, the longer
            best = min(best, (key, kind, before, m.start())) if best else (key, kind, before, m.start())
        m = pattern.search(after)
        if m:
            key = (1, m.start(), -m.end(), order)
            best = min(best, (key, kind, after, m.start())) if best else (key, kind, after, m.start())
    if best is None or (not former and _FORMER.search(best[2], 0, best[3])):
        return "other"  # the words before a former role are about it: "in the administration of former President"
    return best[1]


def _context_type(contexts: list[tuple[str, str]], slex: SourceLexicon, former: bool = True) -> str:
    """The type most of the contexts give (ties: the earliest), or "other"; ``former``: see _nearest_type."""
    kinds = [k for k in (_nearest_type(b, a, slex, former) for b, a in contexts) if k != "other"]
    if not kinds:
        return "other"
    counts = {k: kinds.count(k) for k in kinds}
    return max(counts, key=lambda k: (counts[k], -kinds.index(k)))


PERSONAL = {"he", "she", "him", "her"}
NOT_PERSON = frozenset("""News Show Times Post Journal Report Board Court Street Road House Church University
Institute Center Centre Foundation Company Inc Corp Caucus Association Society Coalition Alliance Fund Bank""".split())


def _is_person(actor: str, kind: str, slex: SourceLexicon) -> bool:
    """A capitalised name of one to four words that is not a state, an organisation, a group or a
    place ("Melanie", "Helen Carver"; not "FBI", "Congress", "Republicans", "Texas"); or a person
    named by a role ("the senator")."""
    words = actor.split()
    if kind == "description":
        return True
    if kind != "proper name" or not 1 <= len(words) <= 4 or actor in slex.actors.states:
        return False
    if any(actor in names for names in gazetteer()):
        return False  # a country or region ("West Virginia")
    if len(words) == 1 and (actor.isupper() or actor in GROUP_WORDS or actor in ORG_NAMES):
        return False  # an acronym or a body named by one word
    return (words[-1] not in ORG_WORDS and words[-1] not in NOT_PERSON
            and all(w[:1].isupper() or w in {"de", "van", "von", "al", "bin"} for w in words))


def _named(doc: Document, lexicons: Lex, mentions: pd.DataFrame | None) -> list[tuple[int, int, str, bool]]:
    """The actor mentions of the article's body outside quotations as (sentence, end, actor, is a
    person): a name inside someone's quoted words ("“No one writes songs for Hillary,” he said") is
    not who "he" is."""
    slex = source_lexicon(lexicons)
    if mentions is None:
        mentions = find_mentions([doc], names_across_articles=False, lexicons=lexicons)
    heading = {s.sentence for s in doc.sentences if s.heading}
    return [(sid, end, actor, _is_person(actor, kind, slex))
            for sid, end, actor, kind in zip(mentions["sentence"], mentions["end"], mentions["actor"], mentions["kind"])
            if sid not in heading and not doc.quoted_at(end - 1)]


def _resolved_by_mentions(doc: Document, rows: list[Attribution], lexicons: Lex,
                          mentions: pd.DataFrame | None = None) -> list[Attribution]:
    """A pronoun no earlier source fits -> what the article named last before it (in that sentence
    or the four before), from the actor mentions: a person for "he" and "she", anyone else for "it"
    and "they". The pronoun stays in ``mention``."""
    if not any(r.source.lower() in PRONOUNS for r in rows):
        return rows
    names = _named(doc, lexicons, mentions)
    genders = _genders(doc, names)
    out = []
    resolved: dict[str, str] = {}  # pronoun -> the name it was last resolved to, for continued quotations
    for r in rows:
        low = r.source.lower()
        if low in PRONOUNS and r.mention_start >= 0:
            want = low in PERSONAL
            other = OTHER_GENDER.get(low)  # "she" is no man the article calls "Mr."
            before = [actor for sid, end, actor, person in names
                      if person == want and end <= r.mention_start and sid >= r.sentence - 4
                      and (other is None or genders.get(actor) != other)]
            if before:
                resolved[low] = before[-1]
                r = replace(r, source=before[-1], role=r.source)
        elif low in PRONOUNS and r.cue == "(continued)" and low in resolved:
            r = replace(r, source=resolved[low], role=r.source)
        out.append(r)
    return out


HONORIFIC_GENDER = {"Mr": 0, "Mrs": 1, "Ms": 1, "Miss": 1}  # as [male, female] votes are indexed
OTHER_GENDER = {"he": 1, "him": 1, "she": 0, "her": 0}  # the gender a pronoun rules out
_ROLE_WORD = re.compile(r"(?i)\b(?:(?P<f>congresswoman|chairwoman|spokeswoman|businesswoman|councilwoman|"
                        r"mother|wife|daughter|sister|actress|widow|grandmother|queen|first lady|woman|girl)|"
                        r"(?P<m>congressman|chairman|spokesman|businessman|councilman|father|husband|son|brother|"
                        r"actor|widower|grandfather|king|man|boy))\b")
_PRONOUN_GENDER = re.compile(r"\b(?:(?P<m>he|himself)|(?P<f>she|herself))\b", re.IGNORECASE)


def _genders(doc: Document, names: list[tuple[int, int, str, bool]]) -> dict[str, int]:
    """What the article itself says of each person's gender (0 male, 1 female, as the votes are
    indexed; absent when it says nothing or both): an honorific before the surname ("Mr. Haddad",
    "Ms. Moss") and a gendered role just before the name ("his wife, Ana Ruiz", "spokeswoman Lea
    Park"), each worth three of the last kind: "he" or "she" after the name, outside quotations, in a
    sentence that names that person and no other."""
    votes = {actor: _titled_gender(doc, actor) for actor in sorted({a for _, _, a, person in names if person})}
    by_sentence: dict[int, set] = {}
    first_end: dict[int, int] = {}  # where the person named in a sentence is first named
    for sid, end, actor, person in names:
        if person:
            by_sentence.setdefault(sid, set()).add(actor)
            first_end.setdefault(sid, end)
    for sid, actors in by_sentence.items():
        if len(actors) == 1 and 0 <= sid < len(doc.sentences):
            (actor,) = actors
            sent = doc.sentences[sid]
            for p in _PRONOUN_GENDER.finditer(sent.text):
                at = sent.clean_start + p.start()
                # "Haddad said he ...": a subject pronoun after the name, outside quotations
                if at > first_end[sid] and not doc.quoted_at(at):
                    votes[actor][0 if p.group("m") else 1] += 1
    return {a: (0 if m > f else 1) for a, (m, f) in votes.items() if m != f}


_HONORIFIC_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})")
_NAME_AFTER = re.compile(r"\s*,?\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")


def _title_votes(doc: Document) -> dict[str, list[int]]:
    """[male, female] votes by name, read once per article: an honorific votes for each word of the
    name after it ("Mr. Pell Dorsey": Pell, Dorsey), a gendered role for each leading part of the name
    right after it ("his wife, Mira Brand": Mira, Mira Brand)."""
    if "title_votes" in doc._starts:
        return doc._starts["title_votes"]
    votes: dict[str, list[int]] = {}
    for h in _HONORIFIC_NAME.finditer(doc.text):
        for word in h.group(2).split():
            votes.setdefault(word.rstrip(".,"), [0, 0])[HONORIFIC_GENDER[h.group(1)]] += 3
    for role in _ROLE_WORD.finditer(doc.text):
        name = _NAME_AFTER.match(doc.text, role.end())
        if name:
            words = name.group(1).split()
            for k in range(1, len(words) + 1):
                votes.setdefault(" ".join(words[:k]).rstrip(".,"), [0, 0])[bool(role.group("f"))] += 3
    doc._starts["title_votes"] = votes
    return votes


def _titled_gender(doc: Document, actor: str) -> list[int]:
    """[male, female] votes of the honorifics before the surname and the gendered roles before the name."""
    votes = _title_votes(doc)
    by_surname, by_name = votes.get(actor.split()[-1], [0, 0]), votes.get(actor, [0, 0]) if " " in actor else [0, 0]
    return [by_surname[0] + by_name[0], by_surname[1] + by_name[1]]


# Words of an election: a person the article never introduces but writes beside them runs for office
# ("Sanders won the Michigan primary", "the Rubio campaign").
ELECTION = re.compile(r"(?i)\b(?:campaign\w*|candidat\w+|nomin(?:ee|ation|ated?)s?|primar(?:y|ies)|caucus(?:es)?|"
                      r"voters|ballots?|elect(?:ion|ions|oral|ed)|re-?election|running mate|presidential|"
                      r"delegates|rally|rallies|stump)\b")


def _runs_for_office(doc: Document, source: str) -> bool:
    """Does a sentence that names this person (by their last name) hold a word of an election?"""
    words = source.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or words[-1].isupper():
        return False
    name = re.compile(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])")
    return any(name.search(s.text) and ELECTION.search(s.text) for s in doc.sentences)


def _typed_from_context(doc: Document, rows: list[Attribution], slex: SourceLexicon) -> list[Attribution]:
    """Attributions typed "other" whose source the article introduces elsewhere with a role ("Sen.
    Lindsey Graham (R-S.C.)" before "Graham said"; another attribution's role) get that role's type."""
    kinds: dict[str, str] = {}
    for r in rows:
        if r.source_type == "other" and r.source not in kinds:
            roles = [(x.role, "") for x in rows if x.source == r.source and x.role]
            kind = _source_type(r.source, "", slex)  # a pronoun resolved to a name since it was typed
            # the full name's contexts speak for this person first; the surname's may be a namesake's.
            # What they are now comes first, then running for office, then what they were.
            every = [roles, *_name_contexts(doc.text, r.source, r.mention_start if r.mention_start >= 0 else r.start)]
            for contexts in every:
                if kind != "other":
                    break
                kind = _context_type(contexts, slex, former=False)
            if kind == "other" and any(x.source == r.source and x.cue in DASHES for x in rows):
                kind = "citizen or witness"  # a reader or passer-by credited by name alone ('...” ― Ana Ruiz')
            if kind == "other" and _runs_for_office(doc, r.source):
                kind = "politician"
            for contexts in every:
                if kind != "other":
                    break
                kind = _context_type(contexts, slex)
            kinds[r.source] = kind
    return [replace(r, source_type=kinds.get(r.source, r.source_type)) for r in rows]


def source_type(source: str, role: str = "", lexicons: Lex = None) -> str:
    """Classify a source by ``source_types.csv`` (first matching rule wins); states are governments."""
    return _source_type(source, role, source_lexicon(lexicons))


# ----------------------------------------------------------------------------------------- noun phrases
def _skip_left(toks, i: int) -> int | None:
    """The token before ``i`` that can end the speaker's noun phrase, skipping auxiliaries, adverbs,
    relative pronouns, a parenthesis and a comma-delimited aside; None when a plain comma stops it."""
    j = i - 1
    while j >= 0:
        tok, tag = toks[j][0], toks[j][1]
        if tok.lower() in SKIP_LEFT or tag in ("RB", "MD"):
            j -= 1
        elif tag == "CD" and 0 < j < len(toks) - 1 and toks[j - 1][0] == "," and toks[j + 1][0] == ",":
            j -= 2  # "Tom Ruiz, 56, who has led the union, told": an age between commas
        elif tok == ")":  # "Jaysh al-Nasr (Army of Victory) which ..."
            while j >= 0 and toks[j][0] != "(":
                j -= 1
            j -= 1
        elif tok == "," and j + 1 < len(toks) and toks[j + 1][0].lower() in {"who", "which"} and j > 0:
            j -= 1  # "Omar Haddad, who said": the name before the relative clause
            break
        elif tok == ",":
            after = _before_comma_chunk(toks, j)
            if after is None and not (j > 0 and toks[j - 1][0] == ")"):
                return None
            j = j - 1 if after is None else after  # "Gov. John Kasich (R-OH), said": the bracket is skipped next
        else:
            break
    return j if j >= 0 else None


def _before_comma_chunk(toks, j: int) -> int | None:
    """The token before the chunk that the comma at ``j`` closes, when that chunk is an aside or an
    appositive after a name; None when the comma ends a clause."""
    k = _previous_comma(toks, j)
    if _region_between(toks, k, j) and _previous_comma(toks, k) >= 0 and _opens_aside(toks, _previous_comma(toks, k)):
        k = _previous_comma(toks, k)  # ", during a meeting in Columbus, Ohio," is one aside
    # ", in a meeting with ..., told" or ", speaking on condition of anonymity, said": skip the aside;
    # "Phil Lovas, a spokesman for the union, said": the appositive describes the name before it
    aside = k >= 0 and _opens_aside(toks, k)
    # (a party and state in brackets ends the name too: "Rep. Jim Jordan (R-Ohio), an oversight panel member,")
    appositive = k >= 1 and _ends_name(toks, k - 1) and j - k <= 25
    if not (aside or appositive):
        return None
    return _before_appositives(toks, k) if appositive else k - 1


def _opens_aside(toks, k: int) -> bool:
    """Does the chunk after the comma at ``k`` open an aside: ", in a meeting with", ", speaking on
    condition of anonymity", ", who asked not to be named"?"""
    return k >= 0 and (toks[k + 1][1] in ("IN", "VBG", "VBN") or toks[k + 1][0].lower() in {"who", "which"})


def _previous_comma(toks, j: int) -> int:
    """The index of the last comma before token ``j``, or -1."""
    k = j - 1
    while k >= 0 and toks[k][0] != ",":
        k -= 1
    return k


# Regions written after a town ("Flint, Mich.", "Columbus, Ohio"): AP's state abbreviations
STATE_ABBREVIATIONS = frozenset("""Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo D.C""".split())


def _region_between(toks, k: int, j: int) -> bool:
    """Tokens k+1..j-1 are a region after a place name before comma ``k`` (", Ohio,", ", Mich.,")."""
    words = "".join(t[0] for t in toks[k + 1 : j]).rstrip(".")
    return k >= 1 and toks[k - 1][1].startswith("NNP") and (
        words in STATE_ABBREVIATIONS or words in gazetteer()[1])


def _ends_name(toks, n: int) -> bool:
    """Does a name end at token ``n``, before an appositive? "Phil Lovas", "Sexton" (a capital the
    tagger took for a common noun), "Ramil Carr, 31", "Rep. Jim Jordan (R-Ohio)"."""
    if toks[n][1] == "CD" and n >= 2 and toks[n - 1][0] == ",":
        n -= 2  # an age between commas
    return toks[n][1].startswith("NNP") or toks[n][0] == ")" or (toks[n][1].startswith("NN") and _proper(toks[n][0]))


def _before_appositives(toks, comma: int) -> int:
    """The last token of the name before a chain of appositives that ends at ``comma``: in "Jean Roux,
    the foreign minister of France, a member of the council, said" the name is Roux, not France."""
    j = comma - 1
    while True:
        k = j - 1
        while k >= 0 and toks[k][0] not in {",", "(", ")", ";", ":"}:
            k -= 1
        # the chunk toks[k+1 .. j] is itself an appositive when it opens with a determiner after a name
        if k >= 1 and toks[k][0] == "," and toks[k + 1][1] in ("DT", "PRP$") and toks[k - 1][1].startswith("NNP") \
                and j - k <= 25:
            j = k - 1
            continue
        return j


def _np_start(toks, b: int) -> int:
    """The first token of the noun phrase that ends before token ``b`` ("the Turkish Foreign Ministry")."""
    a = b
    while a > 0:
        if _nickname_before(toks, a):
            a -= 3  # Marcia “Cia” Price: a nickname in quotation marks inside the name
            continue
        if not (toks[a - 1][1].startswith(NP_TAGS) or toks[a - 1][0] in {"’s", "'s", "of", "and", "the"}
                or toks[a - 1][0].startswith("al-")):
            break
        if toks[a - 1][0] in {"of", "and"} and not (a - 2 >= 0 and toks[a - 2][1].startswith(NP_TAGS)):
            break
        a -= 1
    while a < b and toks[a][0] in {"of", "and"}:
        a += 1
    return a


def _nickname_before(toks, a: int) -> bool:
    """Tokens a-3..a-1 are a one-word nickname in quotation marks between two parts of a name."""
    return (a >= 4 and toks[a - 1][0] in QUOTE_TOKENS and toks[a - 3][0] in QUOTE_TOKENS
            and toks[a - 2][1] == "NNP" and toks[a - 4][1].startswith("NNP") and a < len(toks)
            and toks[a][1].startswith("NNP"))


QUOTE_TOKENS = frozenset({'"', "“", "”"})
TIME_WORDS = frozenset("""the last this next early late earlier later month months week weeks year years day days
morning afternoon evening night weekend today yesterday tonight""".split())


def _np_left(toks, i: int, not_actors: frozenset = frozenset()) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase that ends just before token i (see _skip_left), or the
    speaker before a time ("on Tuesday") or a phrase that follows it (_outer_speaker)."""
    j = _skip_left(toks, i)
    if j is None:
        return None
    if toks[j][1] == "PRP":  # "he said": resolved to a named source later
        return j, j + 1
    b = j + 1
    a = _np_start(toks, b)
    if a < b and all(t[0] in not_actors or t[0].lower() in TIME_WORDS for t in toks[a:b]):
        if a >= 1 and toks[a - 1][1] == "IN":
            return _np_left(toks, a - 1, not_actors)  # "on Tuesday"
        # "Wells Fargo just this month announced", "a report released last year found": the speaker
        # stands before the time (and the participle)
        if a >= 1 and toks[a - 1][1] in ("RB", "VBN"):
            return _np_left(toks, a - 1 if toks[a - 1][1] == "VBN" else a, not_actors)
        return None
    outer = _outer_speaker(toks, a, b, not_actors)
    if outer is not None:
        return outer
    relative = _who_before(toks, a, not_actors) if a >= 1 and toks[a - 1][1] in ("VB", "VBD", "VBP", "VBZ") else None
    if relative is not None:
        return relative  # "an official who spoke anonymously to discuss strategy said": not "strategy"
    if toks[b - 1][0].lower() in OCCASIONS and _after_preposition(toks, a):
        return None  # "but in a later interview said", "on camera said": the occasion, not the speaker
    while b - a > 1 and toks[b - 1][0].lower() in TIME_WORDS and toks[b - 2][0].lower() in TIME_WORDS - {"the"}:
        b -= 2  # "Trump this week said": the speaker without the time
    return (a, b) if a < b and toks[b - 1][1] not in ("DT", "IN", "POS") else None


OCCASIONS = frozenset("interview interviews camera statement speech letter email call meeting debate conference "
                      "hearing briefing rally".split())


def _after_preposition(toks, a: int) -> bool:
    """Does a preposition of occasion ("in", "on", "during") open the phrase ending at token ``a``, perhaps
    before a determiner or a modifier ("in a later interview")?"""
    k = a - 1
    while k >= 0 and toks[k][1] in ("RB", "DT", "JJ"):
        k -= 1
    return k >= 0 and toks[k][0].lower() in {"in", "on", "during"}


def _who_before(toks, a: int, not_actors: frozenset) -> tuple[int, int] | None:
    """The noun phrase before the "who" that opens the relative clause ending at token ``a`` (the object
    of the clause's verb is no speaker): "a White House official who spoke anonymously to discuss
    internal strategy said"."""
    k = a - 1
    while k >= max(0, a - 15) and toks[k][0].lower() != "who" and toks[k][0] not in QUOTE_TOKENS | {",", ";", ":"}:
        k -= 1
    if k < 1 or toks[k][0].lower() != "who":
        return None
    return _np_left(toks, k, not_actors)


def _outer_speaker(toks, a: int, b: int, not_actors: frozenset) -> tuple[int, int] | None:
    """The speaker before a phrase that the noun phrase [a, b) ends: "witnesses in the village of
    Yamadi said", "protesters marching through the streets chanted", "sources close to the Kremlin"."""
    outer = None
    if a >= 2 and toks[a - 1][1] == "IN" and toks[a - 1][0].lower() in {"in", "from", "at", "near", "inside", "on"}:
        outer = _np_left(toks, a - 1, not_actors)
    if outer is None and a >= 3 and toks[a - 1][1] in ("IN", "TO") and toks[a - 2][1] == "VBG":
        outer = _np_left(toks, a - 2, not_actors)
    close_to = a >= 3 and toks[a - 1][0] in {"to", "with"} and toks[a - 2][0] in {"close", "familiar", "near"}
    if outer is None and close_to:
        outer = _np_left(toks, a - 2, not_actors)
        return (outer[0], b) if outer is not None else None
    return outer


ABBREVIATED_TITLES = frozenset("Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Adm Prof Rev St".split())


def _np_right(toks, i: int) -> tuple[int, int] | None:
    """The noun phrase starting just after token i ("..., said Putin")."""
    a = i + 1
    b = a
    while b < len(toks) and (toks[b][1].startswith(NP_TAGS) or toks[b][0] in {"’s", "'s"}
                             or (toks[b][0] == "." and b > a and toks[b - 1][0] in ABBREVIATED_TITLES)
                             or _glued(toks, b, a) or _capital_in_name(toks, b)):
        b += 1
    if b == a + 1 and toks[a][0].lower() in PARTITIVES and b < len(toks) - 1 and toks[b][0] == "of":
        rest = _np_right(toks, b)  # "one of those advisers"
        b = rest[1] if rest else b
    return (a, b) if b > a else None


PARTITIVES = frozenset("one some many most several two three another each all none".split())


def _capital_in_name(toks, b: int) -> bool:
    """A capitalised word the tagger took for a verb, inside a name or its description: "Will Doyle",
    "Florida-based Republican strategist"."""
    word = toks[b][0]
    return _proper(word) and b + 1 < len(toks) and ("-" in word or toks[b + 1][1] == "NNP")


def _glued(toks, b: int, a: int) -> bool:
    """A slash or hyphen written without spaces inside one word the tagger split ("9/11 widow",
    "45-year-old teacher")."""
    return (toks[b][0] in {"/", "-"} and a < b < len(toks) - 1 and toks[b - 1][3] == toks[b][2]
            and toks[b][3] == toks[b + 1][2])


def _clause_subject_at(toks, k: int) -> tuple[int, int] | None:
    """The noun phrase just before the verb at token ``k``, if the verb has one as its subject."""
    j = k - 1
    while j >= 0 and toks[j][1] == "RB":
        j -= 1
    if j < 0 or not toks[j][1].startswith(("NN", "PRP")) or toks[j][1] == "PRP$":
        return None
    a = j
    while a > 0 and (toks[a - 1][1].startswith(NP_TAGS) or toks[a - 1][0].startswith("al-")):
        a -= 1
    # "Turkey on Tuesday rejected": the noun phrase in a prepositional phrase is not the subject
    while a >= 2 and toks[a - 1][1] == "IN" and toks[a - 2][1].startswith(NP_TAGS):
        j = a - 2
        a = j
        while a > 0 and toks[a - 1][1].startswith(NP_TAGS):
            a -= 1
    if a > 0 and toks[a - 1][1] == "IN":
        return None
    return a, j + 1


def _subject(toks, upto: int, first: bool = False) -> tuple[int, int] | None:
    """The last noun phrase before token ``upto`` that is followed by its verb ("the Turkish Foreign
    Ministry allegedly summoned", "Turkey is"): the subject of the clause the token belongs to."""
    best = None
    for k in range(1, upto):
        if not toks[k][1].startswith("VB") and toks[k][1] != "MD":
            continue
        span = _clause_subject_at(toks, k)
        if span is not None:
            best = span
            if first:
                break
    return best


def _proper(word: str) -> bool:
    return word[:1].isupper() or bool(re.match(r"(?:al|el|bin|ibn)-[A-Z]", word))


def _actor_alias(name: str, alex: ActorLexicon) -> str:
    """A lexicon alias's actor ("Moscow" -> "Russia"); other names as they are."""
    if alex.names is not None and alex.names.fullmatch(name):
        return alex.name_actor.get(name) or alex.name_actor.get(name.lower()) or name
    return name


HYPHENATED_ADJECTIVE = re.compile(r"^[A-Z][\w.]*-[a-z]+$")  # "Oregon-based", "Kremlin-backed": not a name's part


def _person_split(words: list[str], alex: ActorLexicon) -> tuple[str, str]:
    """A person: the name follows the last title word ("NATO Secretary General Jens Stoltenberg")."""
    cut = 0
    for k, w in enumerate(words[:-1]):
        # Titles count in lower case too: "European Union spokesman Peter Stano".
        if w in alex.titles or w.capitalize() in alex.titles or (k == cut and (
                w in alex.demonyms or not _proper(w) or HYPHENATED_ADJECTIVE.match(w))):
            cut = k + 1
    return _actor_alias(" ".join(words[cut:]), alex), " ".join(words[:cut]).rstrip(",")


def split_name(phrase: str, lexicons: Lex = None) -> tuple[str, str]:
    """'Turkish Prime Minister Ahmet Davutoğlu' -> ('Ahmet Davutoğlu', 'Turkish Prime Minister');
    organisations and plain noun phrases keep their words; lexicon aliases map to their actor
    ('Moscow' -> 'Russia')."""
    return _split_name(phrase, actor_lexicon(lexicons))


def _split_name(phrase: str, alex: ActorLexicon) -> tuple[str, str]:
    words = phrase.strip(" ,;:“”\"'").split()
    while len(words) > 1 and (words[0].lower() in {"the", "a", "an"} or (
            words[0].lower() in {"these", "those", "this", "that", "some"} and any(_proper(w) for w in words[1:]))):
        words = words[1:]
    if not words:
        return "", ""
    prepositions = {"to", "of", "with", "in", "from", "near", "at", "for"}
    if words[-1] not in ORG_WORDS and _proper(words[-1]) and not prepositions & set(words):
        return _person_split(words, alex)
    # A person's name and where they come from: "Michael Brown of Washington", "Ana Ruiz from Leeds"
    at = next((k for k, w in enumerate(words) if w in prepositions), len(words))
    head = words[:at]
    if 2 <= len(head) < len(words) and all(_proper(w) and w not in ORG_WORDS for w in head) \
            and head[-1] not in alex.titles:
        name, title = _person_split(head, alex)
        return name, " ".join([title] * bool(title) + words[at:])
    # A descriptive phrase: a proper name after "of"/"from" names the source ("segments of the FSA").
    joined = " ".join(words)
    m = re.search(r"\b(?:of|from)\s+(?:the\s+)?((?:al-)?[A-Z][\w’'.-]*(?:\s+(?:al-)?[A-Z][\w’'.-]*)*)", joined)
    if m and words[-1] not in ORG_WORDS:
        name = m.group(1)
        if alex.names is not None and alex.names.fullmatch(name):
            name = alex.name_actor.get(name) or name
        return name, joined
    return joined, ""


# ------------------------------------------------------------------------------------- coreference
ANAPHORS = {"he", "she", "him", "her", "they", "it", "these", "the minister", "the ministry", "the president",
            "the group", "these groups", "this group", "those groups", "the spokesman", "the spokeswoman",
            "the prime minister", "the official", "the officials", "the army", "the military", "the government"}


def descriptions(lexicons: Lex = None) -> dict[str, re.Pattern]:
    """Descriptions that name an organisation met just before ("the alliance" -> NATO), from
    ``descriptions.csv``: the head word and a pattern for the names it can stand for."""
    return source_lexicon(lexicons).descriptions


def _resolve_description(pattern: re.Pattern, history: list[Attribution]) -> str | None:
    """"the alliance" -> the name it stands for, found in a recent source or its role ("NATO" in
    "NATO Secretary General")."""
    for row in reversed(history):
        for value in (row.source, row.role):
            m = pattern.search(value or "")
            if m:
                return m.group(0)
    return None


def _fits(head: str, row: Attribution, slex: SourceLexicon) -> bool:
    """Can the pronoun or description head ("he", "they", "group", "ministry") refer to this source?"""
    if head in {"he", "she", "him", "her"}:
        person = row.source not in slex.actors.states and row.source.split()[-1] not in ORG_WORDS
        return person and row.source[:1].isupper() and row.source_type != "armed group"
    if head in {"they", "it", "these"}:
        return True
    named = f"{row.source} {row.role}".lower()
    if head == "group":
        return row.source_type == "armed group" or "group" in named
    return head in named


def _resolve(phrase: str, history: list[Attribution], slex: SourceLexicon, doc: Document | None = None) -> str | None:
    """A pronoun or a description ("the ministry", "these groups", "the alliance") -> the nearest
    fitting source named before it in the same or the previous sentence; None when nothing fits.
    ``doc`` (the article) lets "she" pass over a man it calls "Mr." or "her husband" (_titled_gender)."""
    low = phrase.lower().strip()
    words = low.split()
    if len(words) == 2 and words[0] == "the" and words[1] in slex.descriptions:
        return _resolve_description(slex.descriptions[words[1]], history)
    if low not in ANAPHORS:
        return None
    head = low.split()[-1].rstrip("s") if low not in PRONOUNS else low
    other = OTHER_GENDER.get(head)
    for row in reversed(history):
        if row.source == SELF or row.source_type == "document":
            continue
        if other is not None and doc is not None and row.source[:1].isupper():
            votes = _titled_gender(doc, row.source)
            if votes[other] > votes[1 - other]:
                continue
        if _fits(head, row, slex):
            return row.source
    return None


# ------------------------------------------------------------------------------------------ records
@dataclass(frozen=True)
class Candidate:
    """An attribution as one extractor finds it: the speaker as written (or SELF), before it is
    resolved, split into name and role, and typed. ``start``/``end``: clean offsets of cue or quote."""

    speaker: str
    kind: str
    cue: str
    quote: str
    start: int
    end: int
    mention_at: tuple[int, int] = (-1, -1)  # clean offsets of the speaker as written (-1: none)
    cue_at: tuple[int, int] = (-1, -1)  # clean offsets of the cue (-1: none)


@dataclass(frozen=True)
class Attribution:
    """One row of the sources table (SOURCE_COLUMNS)."""

    article: str
    sentence: int
    source: str
    role: str
    source_type: str
    kind: str
    cue: str
    cue_stance: str
    quote: str
    start: int
    end: int
    text: str
    mention: str = ""  # the source as written in this sentence, or the pronoun or description resolved
    mention_start: int = -1
    mention_end: int = -1
    cue_start: int = -1
    cue_end: int = -1


@dataclass
class _Sentence:
    """What every extractor reads about one sentence; ``used`` holds tokens already attributed."""

    doc: Document
    sent: Sentence
    toks: list
    quotes: list
    slex: SourceLexicon
    used: set = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.sent.text

    def offset(self, m: re.Match) -> tuple[int, int]:
        return self.sent.clean_start + m.start(), self.sent.clean_start + m.end()

    def span(self, m: re.Match, group: str) -> tuple[int, int]:
        """Clean offsets of a named group of a match in the sentence."""
        return self.sent.clean_start + m.start(group), self.sent.clean_start + m.end(group)

    def phrase(self, a: int, b: int) -> str:
        """The words of tokens [a, b); a common noun starting the sentence loses its capital."""
        phrase = self.doc.text[self.toks[a][2] : self.toks[b - 1][3]]
        if a == 0 and self.toks[0][1] in ("DT", "NN", "NNS", "PRP", "PRP$", "CD") \
                and not re.match(r"[A-Z][\w.-]*['’]s$", self.toks[0][0]):  # "Officials told", not "Rubio’s campaign"
            phrase = phrase[:1].lower() + phrase[1:]
        return phrase

    def mark_used(self, m: re.Match) -> None:
        self.used.update(i for i, t in enumerate(self.toks) if m.start() <= t[2] - self.sent.clean_start < m.end())


def _finish(c: Candidate, ctx: _Sentence, history: list[Attribution]) -> Attribution | None:
    """Resolve a candidate's speaker (pronoun, description, title + name) and type it."""
    source, role = c.speaker, ""
    resolved = None if source == SELF else _resolve(source, history, ctx.slex, ctx.doc)
    if resolved:
        role, source = source, resolved
    elif source != SELF:
        source, role = _split_name(source, ctx.slex.actors)
    if not source or source.lower() == "you":
        return None  # "if you can't already tell", "You could say": the reader, no source
    stance = ctx.slex.cues.get(c.cue.lower(), ("neutral", ""))[0] if c.cue else "neutral"
    if c.cue.lower().startswith("according to"):
        stance = "neutral"
    written = ctx.doc.text[c.mention_at[0] : c.mention_at[1]] if c.mention_at[0] >= 0 else ""
    return Attribution(ctx.doc.id, ctx.sent.sentence, source, role, _source_type(source, role, ctx.slex), c.kind,
                       c.cue, stance, c.quote, c.start, c.end, ctx.text, written, *c.mention_at, *c.cue_at)


# --------------------------------------------------------------------------------------- extractors
def according_to(ctx: _Sentence) -> list[Candidate]:
    """"according to X", "according to a statement by X"."""
    out = []
    for m in ACCORDING_RE.finditer(ctx.text):
        np = re.split(r"\s+(?:that|which|who|after|before|when|while|as)\s+", m.group("np"))[0]
        at = ctx.sent.clean_start + m.start("np")
        cue_at = ctx.sent.clean_start + m.start()
        out.append(Candidate(np, "according_to", "according to", "", *ctx.offset(m), (at, at + len(np)),
                             (cue_at, cue_at + len("according to"))))
    return out


def nominal_claims(ctx: _Sentence) -> list[Candidate]:
    """"Trump's claim that ...", "Clinton's remarks about “...”": a noun of saying that a name owns."""
    out = []
    for m in CLAIM_RE.finditer(ctx.text):
        if m.group("np").split()[0] in {"The", "A", "An", "This", "That"}:
            continue
        out.append(Candidate(m.group("np"), _cue_kind(ctx, m, "speech"), m.group("cue"), "", *ctx.offset(m),
                             ctx.span(m, "np"), ctx.span(m, "cue")))
    return out


def statements(ctx: _Sentence) -> list[Candidate]:
    """"a statement by X", "a communiqué from X"."""
    return [Candidate(m.group("np"), "statement", m.group("cue"), "", *ctx.offset(m), ctx.span(m, "np"),
                      ctx.span(m, "cue")) for m in STATEMENT_RE.finditer(ctx.text)]


def passive_media(ctx: _Sentence) -> list[Candidate]:
    """"a video posted by X": X distributed the material (its words are not cue verbs of their own).
    The noun phrase X ends before the clause's verb ("by a resident shows ...")."""
    out = []
    for m in PASSIVE_MEDIA_RE.finditer(ctx.text):
        np_start, np_end = ctx.sent.clean_start + m.start("np"), ctx.sent.clean_start + m.end("np")
        verb = next((t[2] for t in ctx.toks if np_start < t[2] < np_end and t[1].startswith("VB")), np_end)
        written = ctx.doc.text[np_start:verb].rstrip()
        out.append(Candidate(written, "media", m.group("cue"), "", *ctx.offset(m), (np_start, np_start + len(written)),
                             ctx.span(m, "cue")))
        ctx.mark_used(m)
    return out


PASSIVE_BY_RE = re.compile(
    r"\b(?:was|were|been|being|is|are|as)\s+(?:(?:first|also|initially|previously|earlier|\w+ly)\s+)?"
    r"(?P<cue>reported|disclosed|revealed|announced|confirmed|noted|described|stated|claimed|alleged|quoted)"
    r"\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w.&’'-]*){0,5})")


def passive_by(ctx: _Sentence) -> list[Candidate]:
    """A passive with its agent: "was first reported by The Wall Street Journal", "as noted by the
    Congressional Budget Office": the agent is the source."""
    out = []
    for m in PASSIVE_BY_RE.finditer(ctx.text):
        np = m.group("np")
        out.append(Candidate(np, "indirect", m.group("cue"), "", *ctx.span(m, "cue"), ctx.span(m, "np"),
                             ctx.span(m, "cue")))
        ctx.mark_used(m)
    return out


def self_reports(ctx: _Sentence) -> list[Candidate]:
    """The outlet's own earlier reporting ("as we reported")."""
    out = []
    for m in SELF_RE.finditer(ctx.text):
        group = "cue" if m.group("cue") else "cue2"
        out.append(Candidate(SELF, "media", m.group(group).lower(), "", *ctx.offset(m), (-1, -1), ctx.span(m, group)))
        ctx.mark_used(m)
    return out


# Verbs that attribute only with a clause after them ("the poll found that ...").
# Studies and polls find and show without a "that": "one study found Trump would raise taxes"
FINDERS = frozenset("study studies poll polls survey surveys report analysis research review audit data".split())
NEEDS_THAT = frozenset("found finds find showed shows show revealed reveals indicated indicates proved proves proven "
                       "ruled"
                       .split())
THAT_NEXT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:that|how|what|why|whether)\b|\s*[:,]?\s*[“\"]")
CALLED_NOT_SPEECH = re.compile(r"\s+(?:off|up|in|out|back|on)\b|\s+for\b(?!\s*[“\"])"  # for "calm": quoted
                               # a telephone call: "called Alicia Machado on Friday to", "called him back"
                               r"|\s+(?:(?:[A-Z][\w.’'-]*\s+){1,3}|(?:him|her|them)\s+)"
                               r"(?:on|to|at|back|last|this|from|early|late|after|before)\b")
# "called" + a name and then no complement ("a stream called Miracle Run.", "a group called Lashkar-e-Taiba
# belongs"), unlike "called Trump a liar"
CALLED_A_NAME = re.compile(r"\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w’'-]*)"
                           r"(?:[,;:)]|\.(?:\s|$)|\s+(?:belongs?|is|was|has|had|will)\b)")
# Words before a cue that make it a noun: "many calls", "some reports", "these claims"
QUANTIFIERS = frozenset("many some several few these those such numerous multiple".split())


DECLINED_TO = re.compile(r"\s+(?:to\s+(?:comment|say|discuss|elaborate|answer|respond|speak|be\s+interviewed)|comment)",
                         re.IGNORECASE)
SPEAKER_NOUNS = frozenset("""source sources official officials spokesman spokeswoman spokesperson aide aides
adviser advisers advisor lawmaker lawmakers senator analyst analysts expert experts witness witnesses resident
residents""".split())
# Texts that speak after a quotation only: '"...," said the ruling' (not "said no immediate decision")
TEXT_NOUNS = frozenset("ruling letter report statement article memo order complaint lawsuit filing opinion".split())
# A noun phrase that ends here is cut short, not a speaker: "Samuelson and Bentel and", "Kadzik wouldn’t"
LOOSE_ENDS = frozenset({"and", "or", "of", "but", "nor"})
ANONYMITY_ASKED = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|anonymity)\b")
# "phone calls.", "too many of their calls are not getting through": "calls" as a noun
CALLS_NOUN = re.compile(r"\s*(?:[.,;:)]|(?:are|were|is|was|came|come|from|into|that\s+came)\b)")
# "read" is a cue only right after a quotation: '"...," the letter reads.'
READ_CUES = frozenset({"read", "reads"})
# "responded" attributes only with the words given: after a quotation, or before one, a colon or "that"
# ('"...," Sanders responded'; 'responded: "..."'), not "responded to the crisis"
REPLY_CUES = frozenset({"responded", "responds"})
REPLY_NEXT = re.compile(r"\s*,?\s*[“\"]|\s*:|\s+(?:by\s+saying\s+)?that\b")
AFTER_QUOTE = re.compile(r"[”\"]\s*,?\s*(?:the|a|an|his|her|its|their)?\s*[\w’' -]{1,40}$")
DETERMINERS = frozenset("the a an his her their its our my your ’s 's".split())
LISTENER_CUES = frozenset({"told", "tells", "tell", "telling", "asked", "asks", "ask", "urged", "urges", "warned",
                           "warns", "assured", "reminded", "informed"})


def _cue_applies(ctx: _Sentence, i: int, m: re.Match, cue_kind: str) -> bool:
    """Does the cue word at token ``i`` attribute? Not as a noun ("the claim"), a media cue without
    media ("posted" with no video), a word that says no statement (_no_statement) or a passive ("the
    jet was warned")."""
    toks, cue = ctx.toks, m.group(0)
    if cue[:1].isupper() and i > 0 and toks[i - 1][0] not in {"“", '"', "‘", "(", ":", "—", "–"}:
        return False  # a capital inside a sentence is a name: "the United States", "Says Who"
    # "the claim", "reports" as nouns do not attribute; "Turkey claims" (tagged as a noun) does.
    progressive = (cue.lower().endswith("ing") and i > 0  # "is promising": tagged as an adjective
                   and toks[i - 1][0].lower() in {"is", "are", "was", "were", "been", "’s", "'s"})
    # "Turkey claims", "the memo states that": a verb the tagger took for a plural noun
    says_what = re.match(r"\s+that\b|\s*[:,]?\s*[“\"]", ctx.text[m.end():])
    third_person = i > 0 and cue.lower().endswith("s") and (
        # "Turkey states that"; but "Rust Belt states like Ohio" is the noun
        (toks[i - 1][1] in ("NNP", "NNPS", "PRP") and (cue.lower() != "states" or says_what))
        or (toks[i - 1][1] == "NN" and says_what))
    if cue_kind == "speech" and not toks[i][1].startswith("VB") and not progressive and not third_person:
        return False
    if cue_kind == "media" and not MEDIA_OBJECTS.search(ctx.text[m.end() : m.end() + 60]):
        return False
    if _no_statement(ctx, i, m):
        return False
    j = i - 1
    while j > 0 and toks[j][1] == "RB":  # "was once asked", "has been harshly criticized"
        j -= 1
    passive = j >= 0 and toks[j][0].lower() in {"was", "were", "been", "being", "be", "is", "are"}
    return not (passive and toks[i][1] in ("VBN", "VBD"))


# The words after a cue that make it an act, not a statement (each rare as an attribution on PolNeAR train)
_ADDED_TO = re.compile(r"\s+to\b")
_MAINTAINS_A = re.compile(r"\s+(?:a|an|the|some|its)\b")
NOT_SAYING_BEFORE = {
    **dict.fromkeys(["added", "adding", "adds", "add"], _ADDED_TO),
    **dict.fromkeys(["maintained", "maintains", "maintaining", "maintain"], _MAINTAINS_A),
    "accused": re.compile(r"\s+of\b"),  # "a contractor accused of spying" (the accused, not the accuser)
    "charged": re.compile(r"\s+with\b"),
    **dict.fromkeys(["reported", "reports", "reporting"], re.compile(r"\s+from\b")),  # a reporter's whereabouts
}


def _no_statement(ctx: _Sentence, i: int, m: re.Match) -> bool:
    """The words around a cue that say it reports no statement: an adjective, a noun, a name given, a
    demand or an action, a refusal."""
    toks, low = ctx.toks, m.group(0).lower()
    before = toks[i - 1][0].lower() if i > 0 else ""
    owner = before in DETERMINERS or before.endswith(("’s", "'s"))  # "the", "his", "Trump’s"
    if (owner and toks[i][1] in ("VBN", "VBD", "JJ")) or _participle_before_noun(toks, i):
        return True  # "the alleged terrorist", "Trump’s repeated calls", "20 pledged delegates": adjectives
    if (before in QUANTIFIERS and low.endswith("s")) or (before in DETERMINERS and low.endswith("ing")) \
            or (before in DETERMINERS and low == "say"):
        return True  # "many calls", "his questioning", "had their say": nouns
    if before == "worth" or (before == "so" and low == "called"):
        return True  # "it is worth noting that", "the so called Never Trumpers"
    follows = NOT_SAYING_BEFORE.get(low)
    if follows and follows.match(ctx.text, m.end()) and before not in {"has", "have", "had"}:
        return True  # "added to the list", "maintains a lead", "accused of spying", "reported from Iowa"
    if low in NEEDS_THAT and not THAT_NEXT.match(ctx.text, m.end()) and before not in FINDERS:
        return True  # "found a way", "chemicals found in", "showed up": not what a source found or showed
    return _act_not_words(ctx, m, low) or _noun_or_name_given(toks, i, low)


def _act_not_words(ctx: _Sentence, m: re.Match, low: str) -> bool:
    """The words after a cue that make it an act or a name given: "called for", "called off", "a group
    called Lashkar-e-Taiba", "asked not to be named", "phone calls came", "reads the news", "declined"."""
    if low in ("called", "calls", "call") and CALLED_NOT_SPEECH.match(ctx.text, m.end()):
        return True  # "called for tax fairness" is a demand (unless it quotes one), "called off" an action
    named = CALLED_A_NAME.match(ctx.text, m.end()) if low == "called" else None
    if named and named.group("name").split()[-1] not in ABBREVIATED_TITLES:  # not "called Mr. Obama's remarks"
        return True  # "a group called Lashkar-e-Taiba belongs", "a stream called Miracle Run.": a name given
    if low in ("asked", "asks", "requested") and ANONYMITY_ASKED.match(ctx.text, m.end()):
        return True  # "who asked not to be named": a condition of the source's, not its words
    if low == "calls" and CALLS_NOUN.match(ctx.text, m.end()):
        return True  # "phone calls came in"
    return _no_words_given(ctx, m, low)


def _noun_or_name_given(toks, i: int, low: str) -> bool:
    """ "phone calls", "150 calls", "their calls": a noun; "a band called Sophistafunk", "a move called
    the boneless": a name given (a common noun after "a" or "an" before "called")."""
    if i == 0:
        return False
    if low == "calls" and (toks[i - 1][1] in ("JJ", "NN", "NNS", "CD", "VB") or toks[i - 1][0].lower() in DETERMINERS):
        return True
    k = i - 1
    while k > 0 and toks[k][1] in ("NN", "NNS", "JJ"):
        k -= 1
    return low == "called" and toks[i - 1][1] in ("NN", "NNS") and toks[k][0].lower() in {"a", "an"}


def _no_words_given(ctx: _Sentence, m: re.Match, low: str) -> bool:
    """ "reads" away from a quotation, "responded" with no words, "declined" but not to comment."""
    if low in READ_CUES | REPLY_CUES and not AFTER_QUOTE.search(ctx.text[: m.start()].rstrip()) and not (
            low in REPLY_CUES and REPLY_NEXT.match(ctx.text, m.end())):
        return True  # "he reads the news", "responded to the attack": no words given
    return low == "declined" and not DECLINED_TO.match(ctx.text, m.end())  # a refusal, unless "declined to comment"


PREPOSITIONS_BEFORE_NOUNS = frozenset("of in on at for with about among from by".split())  # not "have since released"


def _participle_before_noun(toks, i: int) -> bool:
    """A participle between a number, a preposition or an adjective and a common noun: "20 pledged
    delegates", "eight reported incidents", "of repeated refusals"."""
    if not (0 < i < len(toks) - 1 and toks[i][0].lower().endswith("ed")):
        return False
    word, tag = toks[i - 1][0], toks[i - 1][1]
    adjective_before = tag == "CD" or word in PREPOSITIONS_BEFORE_NOUNS or (tag == "JJ" and word.islower())
    return adjective_before and toks[i + 1][1] in ("NN", "NNS") and toks[i + 1][0].islower()


def _relative_subject(toks, i: int) -> int | None:
    """The token of "who"/"which" when it is the subject of the cue at ``i`` ("Haddad, who later said")."""
    k = i - 1
    while k >= max(0, i - 6) and (toks[k][1] in ("RB", "MD", "IN", "CD", "DT", "NNP")
                                  or toks[k][0].lower() in SKIP_LEFT - {"who", "which", "that"}):
        k -= 1  # auxiliaries, adverbs and a short time phrase: "who in 2010 said", "which on Monday announced"
    return k if k >= 0 and toks[k][0].lower() in {"who", "which"} else None


def _appositive_name(toks, i: int) -> tuple[int, int] | None:
    """The name set off by commas just before the cue: "The group's director, Rami Abdulrahman, told"."""
    if i < 3 or toks[i - 1][0] != ",":
        return None
    k = i - 2
    while k >= 0 and (toks[k][1].startswith("NNP") or (toks[k][0] == "." and k > 0 and len(toks[k - 1][0]) == 1)):
        k -= 1
    return (k + 1, i - 1) if k < i - 2 and k >= 0 and toks[k][0] == "," else None


def _speaker_span(ctx: _Sentence, i: int) -> tuple[int, int] | None:
    """The tokens of the speaker of the cue at token ``i``: before it, or after it ('..." said Putin')."""
    toks = ctx.toks
    span = None
    if i > 0 and toks[i - 1][0] in {",", "by"} and toks[i][1] == "VBG":
        span = _subject(toks, i - 1)  # ", denying ...", "responded by saying": the subject of the clause before
    elif i > 1 and toks[i - 1][0] == "and" and toks[i - 2][1] in ("VBD", "VBZ", "VBP"):
        # "..., I laughed and said": the subject of the verb joined to the cue
        span = _clause_subject_at(toks, i - 2) or _subject(toks, i - 1, first=True)
    elif i > 0 and toks[i - 1][0] == "and":
        span = _subject(toks, i - 1, first=True)  # "X rejected ... and said": the sentence's subject
    if span is None:
        span = _np_left(toks, i, ctx.slex.actors.not_actors) or _appositive_name(toks, i)
        span = _issuer(toks, i, span) or span
    after_quote = i > 0 and (toks[i - 1][0] in {"”", '"'} or (
        i > 1 and toks[i - 1][0] == "," and toks[i - 2][0] in {"”", '"'}))
    if toks[i][0].lower() in LISTENER_CUES and not (span is None and after_quote):
        return span  # the noun phrase after "told" or "asked" is the listener ("told NBC"), not the speaker
        # (unless a quotation comes just before: '"Why?" asked Bennett')
    if span is None or (ctx.quotes and after_quote):
        span = _speaker_right(ctx, i, after_quote) or span
    if span is not None and (toks[span[1] - 1][0].lower() in LOOSE_ENDS or re.search(r"n[’']t$", toks[span[1] - 1][0])):
        return None
    return span


ISSUED = frozenset("""statement release ad ads video tweet post email message letter memo report note""".split())


def _issuer(toks, i: int, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The subject who put out the text before a participle cue: "the Trump campaign issued a statement
    saying", "Rubio's campaign sent out a press release saying" (the campaign speaks, not the statement)."""
    if span is None or toks[i][1] != "VBG" or toks[span[1] - 1][0].lower() not in ISSUED:
        return None
    v = span[0] - 1
    if v >= 0 and toks[v][0].lower() in {"out", "off"}:
        v -= 1  # "sent out", "fired off"
    if v < 1 or toks[v][1] not in ("VBD", "VBZ", "VBN", "VBP"):
        return None
    return _clause_subject_at(toks, v)


def _speaker_right(ctx: _Sentence, i: int, after_quote: bool) -> tuple[int, int] | None:
    """The speaker after the cue at token ``i``: a name, or a person by role ('..." said Putin', '..." said
    one Democratic source on the panel', '..." said the 46-year-old'), or a text after a quotation."""
    toks, not_actors = ctx.toks, ctx.slex.actors.not_actors
    right = _np_right(toks, i)
    if right is None:
        return None
    right = _right_appositive(toks, right)
    # a capitalised word other than "Monday" or "Republican" names someone; "Democratic Rep. Dina Titus"
    # may open with one that is an adjective, "said Wednesday Trump would" may not open with a day
    if toks[right[0]][0] in not_actors and (toks[right[0]][1] != "JJ" and toks[right[0]][0] in WHEN
                                            or right[1] - right[0] == 1):
        return None
    if i == 0 and not ctx.quotes and not (right[1] < len(toks) and toks[right[1]][0] == ":"):
        return None  # "Declared 2016 Presidential Candidates": a headline, not a cue and its speaker
    if not after_quote and right[1] < len(toks) and toks[right[1]][1] in ("VBD", "VBZ", "VBP", "MD"):
        return None  # "another says the United States has": the subject of what was said
    # a name: a capitalised noun the tagger may have taken for a common one ("said Sexton"), not an
    # adjective ("the British vote") nor an owner ("denounced Trump’s comments")
    named = any(_proper(toks[k][0]) and toks[k][1].startswith("NN") and toks[k][0] not in not_actors
                and not toks[k][0].endswith(("’s", "'s")) for k in range(*right))
    last = toks[right[1] - 1][0].lower()
    by_role = last in SPEAKER_NOUNS or (after_quote and (last.endswith("year-old") or last in TEXT_NOUNS
                                                         or last.capitalize() in ctx.slex.actors.titles))
    if named or _one_of_a_party(toks, right) or by_role or (after_quote and _speaker_head(toks, right)):
        return right
    return None


# Words that say when, not who ("said Wednesday Trump would", "said last week")
WHEN = WEEKDAYS | frozenset("""January February March April May June July August September October November
December Today Yesterday Tonight Last This Next""".split())


def _speaker_head(toks, span: tuple[int, int]) -> bool:
    """Right after a quotation, any noun phrase after the cue is its speaker ('..." says the ad’s narrator',
    '..." wrote one commenter', '..." tweeted another'), unless it says when ('said last week')."""
    last = toks[span[1] - 1]
    if any(t[0].lower() in TIME_WORDS - {"the"} or t[0] in WHEN for t in toks[span[0] : span[1]]):
        return False
    return last[1] in ("NN", "NNS", "NNP", "NNPS") or last[0].lower() in {"another", "one", "others"} \
        or _proper(last[0])  # "said Small, who ...": a surname the tagger took for an adjective


def _right_appositive(toks, right: tuple[int, int]) -> tuple[int, int]:
    """A role after the cue and the name it is set off from ("said Rubio’s deputy campaign manager, Rich
    Beeson, who ..."): the role and the name together; otherwise the noun phrase as it is."""
    a, b = right
    k = b + 1
    while k < len(toks) and toks[k][1].startswith("NNP"):
        k += 1
    closed = k == len(toks) or toks[k][0] in {",", ".", ";"}
    if b < len(toks) - 1 and toks[b][0] == "," and k - b >= 3 and closed and not toks[b - 1][1].startswith("NNP"):
        return a, k
    return right


def _one_of_a_party(toks, span: tuple[int, int]) -> bool:
    """ "one Republican", "a Democrat": a person named by a capitalised group word, not a name."""
    a, b = span
    return b - a == 2 and toks[a][0].lower() in {"one", "a", "an", "another"} and toks[b - 1][0][:1].isupper()


def _cue_kind(ctx: _Sentence, m: re.Match, cue_kind: str) -> str:
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


def cue_verbs(ctx: _Sentence) -> list[Candidate]:
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
        if not _cue_applies(ctx, i, m, cue_kind):
            continue
        span = _speaker_span(ctx, i)
        if span is None:
            continue
        kind = _cue_kind(ctx, m, cue_kind)
        # the mention as written: the relative pronoun the speaker was reached through ("the department,
        # which reported"), else the speaker's words
        rel = _relative_subject(ctx.toks, i)
        mention = (ctx.toks[rel][2], ctx.toks[rel][3]) if rel is not None and rel >= span[1] else (
            ctx.toks[span[0]][2], ctx.toks[span[1] - 1][3])
        out.append(Candidate(ctx.phrase(*span), kind, m.group(0), quoted_words if kind in ("direct", "partial") else "",
                             cs, ce, mention, (cs, ce)))
    return out


# Labels in capitals that open an editor's notice, not a speaker's words ("CLARIFICATION: The first sentence...")
NOTICE_LABELS = frozenset({"Clarification", "Correction", "Corrections", "Update", "Updated", "Editor's Note",
                           "Editor’s Note", "Note", "Watch", "Read", "Read More", "Related", "Photos", "Video"})
DASHES = frozenset("―—–")
DASH_CREDIT_RE = re.compile(r"[”\"]\s*(?P<cue>[―—–])\s*(?P<np>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})")
SPEAKER_LABEL_RE = re.compile(r"^[\"“]?(?P<np>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})(?P<cue>:)\s+\S")


# A name and a colon before a quotation: 'Clinton: "Our goal is ..."', "POLLS WRONG - Ana Ruiz: “...”"
NAME_COLON_RE = re.compile(r"(?:^(?!(?:More\s+)?From\s)(?:[Hh]ere['’]s\s+)?|(?<=[-–—―”\"])\s+"
                           r"|(?<![\w-])(?:[Mm]ore\s+)?[Ff]rom\s+)"  # "More from Jones:", "Here's Clinton:"
                           r"(?P<np>the\s+[a-z]+|(?:the\s+)?[A-Z][\w.'’-]*"  # "From the report:", or a name
                           r"(?:\s+(?:[A-Z][\w.'’-]*|and|of|(?!from|in|on|at|to)[a-z]+))*?"
                           r"(?:\s*\([A-Z][\w.-]{0,12}\))?)"  # "Rep. Trey Gowdy (R-S.C.):"
                           # "Clinton in December 1992:"
                           r"(?:\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{4})?)?(?P<cue>:)\s*[“\"]")
# A credit in a sentence of its own, after a quotation: '"... the economy."  - Sanders.'
LEADING_DASH_RE = re.compile(r"^(?P<cue>[-―—–])\s*(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?=\s*(?:,|\.?$))")


def _credited_name(name: str, slex: SourceLexicon) -> bool:
    """A name that credits a quotation: capitalised, not a cue verb ("Continued Stone:" is a cue
    verb's), not a word that names no one, not a notice ("Update:")."""
    words = name.rstrip(".").split()
    if not words or words[0].lower() in slex.cues or name.rstrip(".").title() in NOTICE_LABELS:
        return False
    if words[0] == "the" and words[-1].lower() in TEXT_NOUNS | FINDERS:
        return True  # "From the report: “...”"
    not_actors = slex.actors.not_actors
    return _proper(words[-1]) and words[-1] not in not_actors and words[0] not in not_actors


def _quote_before(ctx: _Sentence, offset: int) -> str:
    """The words of the last quotation that closes before this clean offset, if it closes just before."""
    before = [q for q in ctx.doc.quotes if q.end <= offset]
    if not before or ctx.doc.text[before[-1].end : offset].strip(" \n,.") != "":
        return ""
    return before[-1].text(ctx.doc.text).strip(" ,")


def _name_credits(ctx: _Sentence) -> list[Candidate]:
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


def credited_quotes(ctx: _Sentence) -> list[Candidate]:
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
    if m and len(m.group("np")) > 1 and m.group("np").rstrip(".").title() not in NOTICE_LABELS:
        rest = ctx.text[m.end("cue"):].strip()
        out.append(Candidate(m.group("np"), "direct", ":", rest, *ctx.offset(m), ctx.span(m, "np"),
                             ctx.span(m, "cue")))
    return out


NOT_CHARACTERISING = frozenset("""is was are were be been being am served serve serves serving work works worked
working known seen regarded listed described ranked rated""".split())


def characterisations(ctx: _Sentence) -> list[Candidate]:
    """A verb that casts someone as a quoted label: "Trump openly admires Putin as a “strong leader”",
    "Reid has been pounding Trump as a “con artist”": the verb's subject gives the label."""
    out = []
    toks = ctx.toks
    for q in ctx.quotes:
        i = next((k for k, t in enumerate(toks) if t[2] >= q.start), len(toks))
        k = i - 1 - (i > 1 and toks[i - 1][0].lower() in {"a", "an", "the"})
        if k < 2 or toks[k][0].lower() != "as":
            continue
        near = range(k - 1, max(-1, k - 8), -1)
        if any(toks[j][0].lower() in ctx.slex.cues for j in near):
            continue  # "described the downing as “...”": a cue verb, found by cue_verbs
        v = next((j for j in near if toks[j][1].startswith("VB") and toks[j - 1][0].lower() not in DETERMINERS), None)
        if v is None or toks[v][0].lower() in NOT_CHARACTERISING or (v > 0 and toks[v - 1][0].lower() in
                                                                        {"was", "were", "is", "are", "been", "being"}):
            continue
        span = _np_left(toks, v, ctx.slex.actors.not_actors)
        if span:
            out.append(Candidate(ctx.phrase(*span), "partial", toks[v][0], q.text(ctx.doc.text).strip(" ,"), q.start,
                                 q.end, (toks[span[0]][2], toks[span[1] - 1][3]), (toks[v][2], toks[v][3])))
    return out


def _speaker_and_verb_after(toks, k: int) -> tuple[tuple[int, int], int] | None:
    """After a quotation that opens the sentence (token ``k`` follows it), a speaker and one verb that
    end the clause: '"...," Toomey fumed on Tuesday.', '"...?" Hannity pressed.'"""
    a = b = k
    while b < len(toks) and (toks[b][1].startswith(("NN", "DT", "PRP", "JJ", "POS", "CD")) or _glued(toks, b, a)):
        b += 1
    v = b + (b < len(toks) and toks[b][1] == "RB")
    if b == a or v >= len(toks) or toks[v][1] not in ("VBD", "VBZ", "VBN") \
            or toks[v][0].lower() in NOT_CHARACTERISING | NOT_SPOKEN:
        return None  # "Cruz was brilliantly articulate", "The crowd booed."
    ends = v + 1 == len(toks) or toks[v + 1][0] in {".", ",", "!", ";"} or toks[v + 1][1] in ("IN", "RB")
    return ((a, b), v) if ends else None


NAMING = frozenset("titled entitled named dubbed labeled labelled".split())
NOT_SPOKEN = frozenset("""booed applauded cheered laughed nodded smiled shrugged paused left did does got comes came
went sat stood waited""".split())
QUESTION_CLOSED = re.compile(r"[?!][”\"]\s*$")


def _after_question(ctx: _Sentence) -> list[Candidate]:
    """A speaker and a verb alone in a sentence after a quotation that ends with a question or an
    exclamation (the sentence splitter ends a sentence there): '"Would it be negotiable?" Hannity pressed.'"""
    start = ctx.sent.clean_start
    if not QUESTION_CLOSED.search(ctx.doc.text[max(0, start - 4) : start]):
        return []
    found = _speaker_and_verb_after(ctx.toks, 0)
    quote = _quote_before(ctx, start)
    if not found or not quote:
        return []
    (a, b), v = found
    verb = ctx.toks[v]
    clause_ends = v + 1 == len(ctx.toks) or ctx.toks[v + 1][0] in {".", ","}
    if not clause_ends:
        return []
    mention = (ctx.toks[a][2], ctx.toks[b - 1][3])
    return [Candidate(ctx.phrase(a, b), "direct", verb[0], quote, verb[2], verb[3], mention, (verb[2], verb[3]))]


def cueless_quotes(ctx: _Sentence) -> list[Candidate]:
    """A quotation of five words or more with no cue verb: the clause subject said it; or, after a
    quotation that opens the sentence, the speaker and the verb that follow it ('..." Toomey fumed')."""
    out = []
    first = ctx.quotes[0] if ctx.quotes else None
    said_whole = first and re.search(r"[,?!.—–]\W*$", first.text(ctx.doc.text))  # not a title: “Jane The Virgin” star
    if said_whole and first.start <= ctx.sent.clean_start + 1:
        k = next((n for n, t in enumerate(ctx.toks) if t[2] >= first.end), len(ctx.toks))
        found = _speaker_and_verb_after(ctx.toks, k)
        if found:
            (a, b), v = found
            verb = ctx.toks[v]
            out.append(Candidate(ctx.phrase(a, b), "direct", verb[0], first.text(ctx.doc.text).strip(" ,"),
                                 first.start, first.end, (ctx.toks[a][2], ctx.toks[b - 1][3]), (verb[2], verb[3])))
            return out
    if not ctx.quotes:
        return _after_question(ctx)
    for q in ctx.quotes:
        if len(q.text(ctx.doc.text).split()) >= 5 and q.start > ctx.sent.clean_start + 1:
            i = next((k for k, t in enumerate(ctx.toks) if t[2] >= q.start), len(ctx.toks))
            span = _subject(ctx.toks, i)
            at = next((k for k in range(span[1], i) if ctx.toks[k][1].startswith("VB")), None) if span else None
            verb = ctx.toks[at] if at is not None else None
            passive = at is not None and at + 1 < i and verb[0].lower() in NOT_CHARACTERISING \
                and ctx.toks[at + 1][1] == "VBN"
            if passive or (verb is not None and verb[0].lower() in NAMING):
                continue  # "a speech titled “...”", "The challenge is exemplified by this finding: “...”"
            if span:
                quote = q.text(ctx.doc.text).strip(" ,")
                out.append(Candidate(ctx.phrase(*span), "partial", verb[0] if verb else "", quote, q.start, q.end,
                                     (ctx.toks[span[0]][2], ctx.toks[span[1] - 1][3]),
                                     (verb[2], verb[3]) if verb else (-1, -1)))
    return out


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
    ctx = _Sentence(doc, sent, doc.tagged(sent), _quotes_in(doc, sent), slex)
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


def _continued_quote(sent: Sentence, history: list[Attribution], prev: Sentence | None) -> list[Attribution]:
    """A sentence that is all quotation right after a direct quote continues that speaker's quote."""
    if not (sent.in_quote and history and prev is not None):
        return []
    last = history[-1]
    if last.kind != "direct" or last.sentence != prev.sentence:
        return []
    return [replace(last, sentence=sent.sentence, cue="(continued)", quote=sent.text.strip("“”\" "),
                    start=sent.clean_start, end=sent.clean_end, text=sent.text, mention="", mention_start=-1,
                    mention_end=-1, cue_start=-1, cue_end=-1)]


def _image_credits(doc: Document, slex: SourceLexicon) -> list[Attribution]:
    """Image credits from the cleaning log (they are not in the clean text): sentence -1, raw offsets."""
    out = []
    for e in doc.cleaned.edits:
        if e.rule == "image_credit":
            credit = re.sub(r"^\s*[\w ]+?:\s*", "", e.text).strip()
            typ = _source_type(credit, "", slex)
            out.append(Attribution(doc.id, -1, credit, "", typ if typ != "other" else "media or outlet", "credit",
                                   e.text.split(":")[0].strip(), "neutral", "", e.start, e.end, e.text.strip()))
    return out


def find_sources(docs: list[Document], lexicons: Lex = None, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attribution: article, sentence, source, role, source_type, kind, cue, cue_stance,
    quote, start, end (clean offsets of the cue or quote), text (the evidence sentence).

    Image credits come from the cleaning log: their ``sentence`` is -1 and start/end are raw offsets.
    ``mentions`` (actors.find_mentions of the same documents), when given, saves finding them again
    to resolve a pronoun that no earlier source fits.
    """
    slex = source_lexicon(lexicons)
    rows: list[Attribution] = []
    by_article = dict(iter(mentions.groupby("article", sort=False))) if mentions is not None else None
    for doc in docs:
        history: list[Attribution] = []
        prev: Sentence | None = None
        for sent in doc.sentences:
            if sent.heading:  # a headline or sub-heading is not a sentence of the body
                continue
            found = sentence_attributions(doc, sent, history[-3:], slex) or _continued_quote(sent, history, prev)
            history.extend(found)
            prev = sent
        mine = None if by_article is None else by_article.get(doc.id, mentions.iloc[:0])
        rows.extend(_typed_from_context(doc, _resolved_by_mentions(doc, history, lexicons, mine), slex))
        rows.extend(_image_credits(doc, slex))
    return pd.DataFrame([astuple(r) for r in rows], columns=SOURCE_COLUMNS)


# ------------------------------------------------------------------------------------- summaries
def quoted_share(docs: list[Document]) -> pd.DataFrame:
    """Share of each article's words that stand inside quotation marks."""
    rows = []
    for d in docs:
        quoted = sum(len(q.text(d.text).split()) for q in d.quotes)
        rows.append((d.id, quoted, d.words, quoted / max(1, d.words)))
    return pd.DataFrame(rows, columns=["article", "quoted_words", "words", "share_quoted"])


def source_comparison(sources: pd.DataFrame) -> pd.DataFrame:
    """Source x article: attributions per source, and which articles use it (``only_in``)."""
    if sources.empty:
        return pd.DataFrame(columns=["source", "source_type"])
    table = sources.pivot_table(index=["source", "source_type"], columns="article", values="kind",
                                aggfunc="count", fill_value=0)
    users = (table > 0).sum(axis=1)
    table["only_in"] = [table.columns[(row > 0).values][0] if n == 1 else "" for (_, row), n in
                        zip(table.iterrows(), users)]
    return table.reset_index()


CHECKABLE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?:st|nd|rd|th|km|m|%)?(?![\w-])"
                       r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
                       r"last (?:week|month|year)|killed|died|downed|shot down|launched|authori[sz]ed|formed)\b")


def unsourced_claims(docs: list[Document], sources: pd.DataFrame) -> pd.DataFrame:
    """Sentences that state checkable facts (numbers, dates, named events) with no attribution in them."""
    attributed = set(zip(sources["article"], sources["sentence"]))
    rows = []
    for d in docs:
        for s in d.sentences:
            if s.heading or (d.id, s.sentence) in attributed:
                continue
            hits = sorted({m.group(0) for m in CHECKABLE.finditer(s.text)})
            if hits:
                rows.append((d.id, s.sentence, ", ".join(hits), s.text))
    return pd.DataFrame(rows, columns=["article", "sentence", "checkable", "text"])


# ------------------------------------------------------------------------------------- evaluation
def _norm(value) -> str:
    return re.sub(r"\s+", " ", str(value).replace("’", "'").strip().lower())


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame,
             fields=("attribution", "source", "kind", "cue")) -> pd.DataFrame:
    """Precision, recall and F1 per field against hand annotations (article, sentence, source, kind, cue).

    A field's unit is (article, sentence, value); ``attribution`` is (article, sentence) alone.
    """
    rows = []
    for f in fields:
        def keys(df):
            if f == "attribution":
                return {(a, int(s)) for a, s in zip(df["article"], df["sentence"])}
            return {(a, int(s), _norm(v)) for a, s, v in zip(df["article"], df["sentence"], df[f])}
        p, g = keys(predicted), keys(gold)
        tp = len(p & g)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((f, len(g), len(p), tp, prec, rec, f1))
    return pd.DataFrame(rows, columns=["field", "gold", "predicted", "correct", "precision", "recall", "f1"])
