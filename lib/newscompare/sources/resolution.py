"""Who a pronoun or a description speaks for: the nearest fitting source of the same or the previous
sentence, by gender and kind, or a person the article names once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import pandas as pd

from ..actors import find_mentions, gazetteer, given_name, is_address
from ..segment import Document
from .lexicon import Lex, SourceLexicon, source_lexicon
from .records import CONTINUED, SELF, Attribution

PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "him": "person", "her": "person"}


PERSONAL = {"he", "she", "him", "her"}


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
    if len(words) == 1 and (actor.isupper() or actor in slex.actors.group_words or actor in slex.actors.org_names):
        return False  # an acronym or a body named by one word
    return (words[-1] not in slex.actors.org_words and words[-1] not in slex.not_person
            and all(w[:1].isupper() or w in {"de", "van", "von", "al", "bin"} for w in words))


def _named(doc: Document, lexicons: Lex, mentions: pd.DataFrame) -> list[tuple[int, int, str, bool]]:
    """The actor mentions of the article's body outside quotations as (sentence, end, actor, is a
    person): a name inside someone's quoted words ("“No one writes songs for Hillary,” he said") is
    not who "he" is."""
    slex = source_lexicon(lexicons)
    heading = {s.sentence for s in doc.sentences if s.heading}
    return [(sid, end, actor, _is_person(actor, kind, slex))
            for sid, end, actor, kind in zip(mentions["sentence"], mentions["end"], mentions["actor"], mentions["kind"])
            if sid not in heading and not doc.quoted_at(end - 1)]


def resolved_by_mentions(doc: Document, rows: list[Attribution], lexicons: Lex,
                          mentions: pd.DataFrame | None = None) -> list[Attribution]:
    """A pronoun no earlier source fits -> what the article named last before it (in that sentence
    or the four before), from the actor mentions: a person for "he" and "she", anyone else for "it"
    and "they". The pronoun stays in ``mention``."""
    if not any(r.source.lower() in PRONOUNS for r in rows):
        return rows
    if mentions is None:
        mentions = find_mentions([doc], names_across_articles=False, lexicons=lexicons)
    names = _named(doc, lexicons, mentions)
    genders = _genders(doc, names)
    slex = source_lexicon(lexicons)
    known = _titled_actors(mentions, slex) | _acting(doc, names)
    names = _with_support(names, genders, known, slex.actors.group_words | slex.actors.org_words)
    out = []
    resolved: dict[str, str] = {}  # pronoun -> the name it was last resolved to, for continued quotations
    for r in rows:
        low = r.source.lower()
        if low in PRONOUNS and r.mention_start >= 0:
            before = _fitting_names(r, names, genders)
            if before:
                resolved[low] = before[-1]
                r = replace(r, source=before[-1], role=r.source)
        elif low in PRONOUNS and r.cue == CONTINUED and low in resolved:
            r = replace(r, source=resolved[low], role=r.source)
        out.append(r)
    return out


def _titled_actors(mentions: pd.DataFrame, slex: SourceLexicon) -> set[str]:
    """The actors one of whose labels carries a title before the name ("Rep. Bruce Braley", "Mr. Haddad")."""
    lex = slex.actors
    return {actor for actor, label in zip(mentions["actor"], mentions["label"])
            if any(is_address(w, lex) for w in label.split()[:-1])}


def _acting(doc: Document, names: list[tuple[int, int, str, bool]]) -> set[str]:
    """The one-word actors named right before a verb somewhere in the article ("Melba waved"): they act."""
    out = set()
    by_id = {s.sentence: s for s in doc.sentences}
    starts: dict[int, list[int]] = {}  # sentence -> its tokens' starts, for bisection
    for sid, end, actor, person in names:
        if person and " " not in actor and actor not in out and sid in by_id:
            toks = doc.tagged(by_id[sid])
            k = bisect.bisect_left(starts.setdefault(sid, [t.start for t in toks]), end)
            if k < len(toks) and toks[k].tag.startswith(("VB", "MD")) and not doc.text[end:toks[k].start].strip():
                out.add(actor)
    return out


def _with_support(names: list[tuple[int, int, str, bool]], genders: dict[str, int], known: set[str],
                  bodies: frozenset) -> list[tuple]:
    """The names with "is a person" kept only where the article supports it: a gender it gives the
    person (an honorific, a gendered role, "he" or "she" in a sentence naming them alone), a title
    before the name in one of its labels ("Rep. Bruce Braley") or a verb right after a one-word name
    somewhere ("Melba waved": ``known`` holds both), a first word that is a given name ("Elizabeth
    Lauten"), a last word English has no common noun for and no group or organisation ends with
    ("Omar Haddad", not "American Revolution" or "House Republicans"), or a role in lower case ("the
    aide"). A capitalised name with none of these ("Facebook") is no one "he" or "she" can be, nor
    "it" or "they" (None: neither)."""
    from textblob.en import lexicon  # English words and their tags (offline, with TextBlob)

    def supported(actor: str) -> bool:
        words = actor.split()
        surname_like = (len(words) >= 2 and lexicon.get(words[-1].lower()) not in ("NN", "NNS")
                        and words[-1] not in bodies)
        return (actor in genders or actor in known or actor[:1].islower() or given_name(words[0])
                or surname_like)

    return [(sid, end, actor, None if person and not supported(actor) else person) for sid, end, actor, person in names]


def _fitting_names(r: Attribution, names: list[tuple[int, int, str, bool]], genders: dict[str, int]) -> list[str]:
    """The names before the pronoun of ``r`` that it may stand for, in order: a person for "he" and
    "she", anyone else for "it" and "they", in its sentence or the four before, not of the other
    gender ("she" is no man the article calls "Mr.")."""
    low = r.source.lower()
    want, other = low in PERSONAL, OTHER_GENDER.get(low)
    return [actor for sid, end, actor, person in names
            if person == want and end <= r.mention_start and sid >= r.sentence - 4
            and (other is None or genders.get(actor) != other)]


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
            for k, n in enumerate(_pronoun_votes(doc, doc.sentences[sid], first_end[sid])):
                votes[actor][k] += n
    return {a: (0 if m > f else 1) for a, (m, f) in votes.items() if m != f}


def _pronoun_votes(doc: Document, sent, after: int) -> list[int]:
    """[male, female] counts of "he" and "she" in the sentence after clean offset ``after`` (the name),
    outside quotations: "Haddad said he ..."."""
    votes = [0, 0]
    for p in _PRONOUN_GENDER.finditer(sent.text):
        at = sent.clean_start + p.start()
        if at > after and not doc.quoted_at(at):
            votes[0 if p.group("m") else 1] += 1
    return votes


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


ANAPHORS = {"he", "she", "him", "her", "they", "it", "these", "the minister", "the ministry", "the president",
            "the group", "these groups", "this group", "those groups", "the spokesman", "the spokeswoman",
            "the prime minister", "the official", "the officials", "the army", "the military", "the government"}


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
        person = row.source not in slex.actors.states and row.source.split()[-1] not in slex.actors.org_words
        return person and row.source[:1].isupper() and row.source_type != "armed group"
    if head in {"they", "it", "these"}:
        return True
    named = f"{row.source} {row.role}".lower()
    if head == "group":
        return row.source_type == "armed group" or "group" in named
    return head in named


def resolve(phrase: str, history: list[Attribution], slex: SourceLexicon, doc: Document | None = None) -> str | None:
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
