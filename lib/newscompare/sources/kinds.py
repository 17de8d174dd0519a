"""Source types: what kind of source a name is, from its own words, its role, and the words the
article puts beside the name elsewhere (``data/source_types.csv``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable

from ..actors import SUFFIXES, given_name
from ..segment import DASHES, Document
from .lexicon import Lex, SourceLexicon, source_lexicon
from .records import Attribution


def type_by_lexicon(source: str, role: str, slex: SourceLexicon) -> str:
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


def _a_persons_surname(text: str, m: re.Match) -> bool:
    """Is the outlet word a rule found at the end of ``text`` the surname of a person named there
    ("Vicente Fox"; not "Fox", "Fox News" or "The Fox")? One word, after a capitalised word that is
    not "The", and no newspaper word the rule reads at the end of a name (" Times": its match opens
    with the space)."""
    before = text[: m.start()].split()
    return (m.end() == len(text.rstrip()) and " " not in m.group(0) and m.group(0)[:1].isupper()
            and bool(before) and before[-1][:1].isupper() and before[-1] != "The")


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


_RUN = re.compile(r"[\w-]+")


class WordIndex:
    """Where each run of word characters and hyphens starts in a text, built in one pass, so that an
    article is not scanned again for every source it names."""

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[str, list[int]] = {}
        for m in _RUN.finditer(text):
            self.starts.setdefault(m.group(0), []).append(m.start())

    def find(self, probe: str) -> list[tuple[int, int]]:
        """(start, end) of each occurrence of ``probe`` with no word character or hyphen just before or
        after it, in order: what ``(?<![\\w-])probe(?![\\w-])`` finds."""
        first = _RUN.match(probe)
        if first is None:  # a probe that does not open with a word: the pattern itself
            return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(probe)}(?![\w-])", self.text)]
        text, out = self.text, []
        for i in self.starts.get(first.group(0), ()):
            j = i + len(probe)
            if text.startswith(probe, i) and (j == len(text) or not _RUN.match(text[j])):
                out.append((i, j))
        return out


def _name_contexts(text: str, name: str, near: int | None = None, index: WordIndex | None = None,
                   abbreviations: frozenset = frozenset()) -> list[list[tuple[str, str]]]:
    """How the article introduces a person: for each time it names them, the words before the name in
    its clause ("Transport Secretary", "longtime Democratic pollster") and after it: a party ("(R-S.C.)")
    or an appositive (", president of the NAACP"). The full name's contexts come first, then the
    surname's, each a list; with ``near`` (where the person is quoted), each list runs from the
    mention nearest before it backwards, then on after it (of two namesakes, "Johnson" is the one
    introduced last). A name in capitals (a transcript's "PENCE") is looked up as "Pence". ``index``:
    the text's WordIndex, when the caller looks up many names in one text."""
    words = [w.title() if w.isupper() and len(w) > 3 else w for w in name.split()]
    last = words[-1] if words else ""
    titled = last.rstrip(".") in abbreviations and last.lower() not in SUFFIXES  # "Sen.", not "Jr."
    if not words or not last[:1].isupper() or titled:
        return []
    index = WordIndex(text) if index is None else index
    out = []
    for probe in dict.fromkeys([name, " ".join(words), words[-1]]):
        found = [(start, *_context_at(text, start, end)) for start, end in index.find(probe)]
        if near is not None:
            found.sort(key=lambda f: (f[0] > near, -f[0] if f[0] <= near else f[0]))
        out.append([(b, a) for _, b, a in found])
    return out


def _context_at(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before a name in its clause and the appositive after it (not ", who saw Clinton’s
    running mate": what they did, not what they are)."""
    before = text[max(0, start - 70) : start]
    cut = max((b.end() for b in _CONTEXT_BREAK.finditer(before)), default=0)
    after = _APPOSITIVE.match(text[end : end + 100])
    if after and _WHO_DOES.match(after.group(0)):
        after = None
    return before[cut:].strip(), after.group(0) if after else ""


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
            if kind == "media or outlet" and _a_persons_surname(before, m):
                continue  # "Vicente Fox" is a person, whatever "Fox" is elsewhere
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


def _first_name_only(doc: Document, source: str) -> bool:
    """Is the source a given name that the article never writes beside another name ("Melanie"; not
    "Hillary" where it writes "Hillary Clinton", not "King" where it writes "Charlie King" or "Mr.
    King")? News calls a public figure by surname; a person it calls by first name alone is a private
    person: a voter, a patient, a child."""
    if " " in source or not source[:1].isupper() or source.isupper() or not given_name(source):
        return False
    name = re.escape(source)
    # "Del. Stacey Plaskett", "Jan. 31", "Sophie in 't Veld"; "the Brady bill", "an Orlando nightclub"
    after = re.search(rf"(?<![\w-]){name}\.?\s+(?:[A-Z\d]|in\s|van\s|de\s)", doc.text)
    modifier = re.search(rf"\b(?:the|a|an|his|her|their|its|our)\s+{name}(?![\w-])", doc.text)
    return not after and not modifier and not any(_names_someone(m.group(1)) for m in
                                 re.finditer(rf"([A-Z][\w.’'-]*)\s+{name}(?![\w-])", doc.text))


def _names_someone(word: str) -> bool:
    """Is a capitalised word before a name part of it (a given name, a title, a word the tagger's lexicon
    has as a proper noun or lacks), not a sentence's first word ("But", "When")?"""
    from textblob.en import lexicon

    common = lexicon.get(word.lower())
    return common is None or common.startswith("NNP") or (lexicon.get(word) or "").startswith("NNP")


def typed_from_context(doc: Document, rows: list[Attribution], slex: SourceLexicon) -> list[Attribution]:
    """Attributions typed "other" whose source the article introduces elsewhere with a role ("Sen.
    Lindsey Graham (R-S.C.)" before "Graham said"; another attribution's role) get that role's type."""
    kinds: dict[str, str] = {}
    by_source: dict[str, list[Attribution]] = {}
    for x in rows:
        by_source.setdefault(x.source, []).append(x)
    index: WordIndex | None = None
    for r in rows:
        if r.source_type == "other" and r.source not in kinds:
            index = WordIndex(doc.text) if index is None else index
            kinds[r.source] = _type_in_context(doc, r, by_source[r.source], slex, index)
    return [replace(r, source_type=kinds.get(r.source, r.source_type)) for r in rows]


def _type_in_context(doc: Document, r: Attribution, same: list[Attribution], slex: SourceLexicon,
                     index: WordIndex) -> str:
    """The type of source ``r`` (typed "other") from how the article introduces it; ``same``: every
    attribution to that source."""
    roles = [(x.role, "") for x in same if x.role]
    kind = type_by_lexicon(r.source, "", slex)  # a pronoun resolved to a name since it was typed
    # the full name's contexts speak for this person first; the surname's may be a namesake's.
    # What they are now comes first, then running for office, then what they were.
    near = r.mention_start if r.mention_start >= 0 else r.start
    every = [roles, *_name_contexts(doc.text, r.source, near, index, slex.actors.name_abbreviations)]
    for contexts in every:
        if kind != "other":
            break
        kind = _context_type(contexts, slex, former=False)
    if kind == "other" and any(x.cue in DASHES for x in same):
        kind = "citizen or witness"  # a reader or passer-by credited by name alone ('...” ― Ana Ruiz')
    if kind == "other" and _first_name_only(doc, r.source):
        kind = "citizen or witness"  # "Melanie said to the TV": a private person, whatever the story's about
    if kind == "other" and _runs_for_office(doc, r.source):
        kind = "politician"
    for contexts in every:
        if kind != "other":
            break
        kind = _context_type(contexts, slex)
    return kind


def one_type_per_source(rows: list[Attribution], pronouns) -> list[Attribution]:
    """One type for each source across the set of articles: each article votes once, with the type
    most of its attributions to that source have (other than "other"), and the type more articles
    give than any other wins, for every attribution to that source, those typed "other" too (articles
    that disagree evenly keep their own types). A source most articles type alike is that one thing
    in every table; an article that quotes someone ten times weighs as
    much as one that quotes them once. Pronouns left unresolved (``pronouns``) keep theirs."""
    person = _same_person(r.source for r in rows)
    per_article: dict[str, dict[str, list[str]]] = {}
    for r in rows:
        if r.source_type != "other" and r.source.lower() not in pronouns:
            per_article.setdefault(person(r.source), {}).setdefault(r.article, []).append(r.source_type)
    chosen = {}
    for source, articles in per_article.items():
        votes = Counter(max(dict.fromkeys(types), key=types.count) for types in articles.values())
        (first, n), *rest = votes.most_common(2) + [("", 0)]
        if n > rest[0][1]:  # articles that disagree evenly keep their own types
            chosen[source] = first
    return [replace(r, source_type=chosen[person(r.source)]) if person(r.source) in chosen else r for r in rows]


def _same_person(sources) -> Callable[[str], str]:
    """source -> the source it is one with: a one-word name that ends exactly one longer capitalised
    name among the sources ("Bruning" and "Jon Bruning") is that name, so both take one type."""
    names = {s for s in sources if s[:1].isupper()}
    longer: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            longer.setdefault(words[-1], set()).add(name)
    return lambda s: next(iter(longer[s])) if " " not in s and len(longer.get(s, ())) == 1 else s


def source_type(source: str, role: str = "", lexicons: Lex = None) -> str:
    """Classify a source by ``source_types.csv`` (first matching rule wins); states are governments."""
    return type_by_lexicon(source, role, source_lexicon(lexicons))
