"""The actor lexicon: ``actors.csv`` and the lists beside it (titles.txt, not_actors.txt,
places.txt, place_words.txt, person_verbs.txt, the one-word cues of cues.csv), compiled once per folder.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..lexicons import Lexicons, get, word_alternation


@dataclass(frozen=True)
class ActorLexicon:
    names: re.Pattern | None
    name_actor: dict
    compound: re.Pattern | None
    modifier_actor: dict
    fixed_labels: re.Pattern | None
    label_actor: dict
    titles: frozenset
    not_actors: frozenset
    demonyms: frozenset
    leaders: frozenset
    states: frozenset
    places: frozenset
    place_words: frozenset
    # one-word verbs of saying (cues.csv) and of a person's acts (person_verbs.txt): "Flake said",
    # "Trump accepted" name someone
    cues: frozenset = frozenset()
    # a state's city that stands for its government ("Moscow says"; _stand_ins), a place after "in"
    stand_ins: frozenset = frozenset()
    # word_lists.csv: the words the rules read (each list's "about" says what for)
    org_words: frozenset = frozenset()
    org_names: frozenset = frozenset()
    bodies: frozenset = frozenset()  # org_words and org_names together
    group_words: frozenset = frozenset()
    body_nouns: frozenset = frozenset()
    whole_article_roles: frozenset = frozenset()
    quantifying_words: frozenset = frozenset()
    street_words: frozenset = frozenset()
    place_endings: frozenset = frozenset()
    place_nouns: frozenset = frozenset()
    party_words: frozenset = frozenset()
    legislatures: frozenset = frozenset()
    work_nouns: frozenset = frozenset()
    title_openers: frozenset = frozenset()
    role_after_name: frozenset = frozenset()
    state_abbreviations: frozenset = frozenset()
    postal_codes: frozenset = frozenset()
    name_abbreviations: frozenset = frozenset()
    forms_of_address: frozenset = frozenset()
    group_re: re.Pattern | None = None  # groups of people and bodies named after their head
    description_re: re.Pattern | None = None  # a person named by their role ("the senator")


def _alternation(words, fold: bool = False) -> str:
    """The words as one alternation, longest first (a trie: lexicons.word_alternation); ``fold`` for a
    pattern that ignores case."""
    return word_alternation({w.lower() if fold else w for w in words})


def actor_lexicon(lexicons: Lexicons | str | Path | None = None) -> ActorLexicon:
    """``actors.csv`` (actor, alias, kind: name, demonym, leader or label) and the lists beside it, compiled."""
    return get(lexicons).compiled("actors", _build_actor_lexicon)


def _build_actor_lexicon(lex: Lexicons) -> ActorLexicon:
    rows = lex.table("actors.csv")
    names = _aliases(rows, {"name"})
    modifiers = _aliases(rows, {"demonym", "leader", "name"})
    fixed = {r["alias"].lower(): r["actor"] for r in rows if r["kind"] == "label" and r["actor"] != "@state"}
    state = [r["alias"] for r in rows if r["kind"] == "label" and r["actor"] == "@state"]
    return ActorLexicon(
        names=_names_pattern(names), name_actor={**names, **{k.lower(): v for k, v in names.items() if k == k.lower()}},
        compound=_compound_pattern(modifiers, state), modifier_actor=modifiers,
        fixed_labels=_whole_words(f"(?i:{_alternation(fixed, fold=True)})") if fixed else None, label_actor=fixed,
        titles=frozenset(lex.lines("titles.txt")), not_actors=frozenset(lex.lines("not_actors.txt")),
        demonyms=frozenset(_aliases(rows, {"demonym"})), leaders=frozenset(_aliases(rows, {"leader"})),
        states=frozenset(_aliases(rows, {"demonym"}).values()),
        places=frozenset(lex.lines("places.txt")), place_words=frozenset(lex.lines("place_words.txt")),
        cues=_one_word_cues(lex), stand_ins=_stand_ins(rows), **_word_lists(lex))


LISTS = ("org_words", "org_names", "group_words", "body_nouns", "whole_article_roles", "quantifying_words",
         "street_words", "place_endings", "place_nouns", "party_words", "legislatures", "work_nouns", "title_openers",
         "role_after_name", "state_abbreviations", "postal_codes", "name_abbreviations", "forms_of_address")


def _word_lists(lex: Lexicons) -> dict:
    """The actors' lists of word_lists.csv, and the patterns built from some of them."""
    lists = {name: frozenset(lex.word_list(name)) for name in LISTS}
    return {**lists, "bodies": lists["org_words"] | lists["org_names"],
            "group_re": _group_pattern(lex.word_list("people_nouns"), lex.word_list("body_nouns")),
            "description_re": _description_pattern(lex.word_list("role_nouns"))}


def _words_alternation(words) -> str:
    """The words as a pattern's alternation, in file order."""
    return "|".join(re.escape(w) for w in words)


def _group_pattern(people: tuple[str, ...], bodies: tuple[str, ...]) -> re.Pattern:
    """Groups of people ("Republican lawmakers", "protesters") and bodies named after their head
    ("Obama administration", "the Romney campaign")."""
    return re.compile(
        r"(?<![\w-])(?:(?!(?:But|And|Or|So|Yet|However|Also|Still|Then)\s)"
        r"(?P<mod>(?:[A-Z][\w.&’'-]*\s+(?:(?:[A-Z][\w.&’'-]*|of)\s+){0,2})?[A-Z][\w.&-]*)\s+)?"
        rf"(?P<noun>(?i:{_words_alternation(people)}))(?![\w-])"
        r"|(?<![\w-])(?!(?:The|A|An|This|That)\b)(?P<owner>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)(?:['’]s)?\s+"
        rf"(?P<body>{_words_alternation(bodies)})(?![\w-])")


def _description_pattern(roles: tuple[str, ...]) -> re.Pattern:
    """A person named by their role ("the senator", "the former president"; not "the President Obama")."""
    return re.compile(rf"(?<![\w-])[Tt]he\s+(?:(?:former|new|current|late|then|incoming|outgoing)\s+)?"
                      rf"(?P<role>(?i:{_words_alternation(roles)}))(?![\w-])(?!\s+[A-Z])")


def _aliases(rows, kinds: set[str]) -> dict[str, str]:
    """alias -> actor of the rows of actors.csv of these kinds."""
    return {r["alias"]: r["actor"] for r in rows if r["kind"] in kinds}


def _whole_words(alternation: str) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")


def _names_pattern(names: dict[str, str]) -> re.Pattern | None:
    """The aliases: those written with capitals match case-sensitively ("US", not "us"); lower-case
    ones in any case."""
    cased = [a for a in names if a != a.lower()]
    plain = [a for a in names if a == a.lower()]
    parts = [f"(?:{_alternation(cased)})"] if cased else []
    parts += [f"(?i:{_alternation(plain)})"] if plain else []
    return _whole_words("|".join(parts)) if parts else None


def _compound_pattern(modifiers: dict[str, str], state: list[str]) -> re.Pattern | None:
    """A country's name or adjective before a label of its state ("Obama Regime", "Assad's regime")."""
    if not (modifiers and state):
        return None
    return re.compile(rf"(?<![\w])(?P<mod>{_alternation(modifiers)})(?:['’]s)?\s+"
                      rf"(?P<lab>(?i:{_alternation(state, fold=True)}))(?![\w])")


def _one_word_cues(lex: Lexicons) -> frozenset:
    """The one-word verbs of saying (cues.csv) and of a person's acts (person_verbs.txt)."""
    said = frozenset(r["cue"].lower() for r in lex.table("cues.csv") if " " not in r["cue"].strip())
    return said | frozenset(lex.lines("person_verbs.txt"))


def _stand_ins(rows) -> frozenset:
    """The aliases of actors.csv that name a state by one of its places (a capital: "Moscow", "Ankara",
    "Washington"; "America"): one capitalised word of kind name, not the state's own name, not a
    people ("Turks") or an acronym ("US"), for an actor that has a demonym (a state)."""
    demonyms = defaultdict(set)
    for r in rows:
        if r["kind"] == "demonym":
            demonyms[r["actor"]].add(r["alias"][:3])

    def people(alias: str, actor: str) -> bool:  # "Turks", "Russians"
        return alias.endswith("s") and alias[:3] in demonyms[actor]

    return frozenset(r["alias"] for r in rows
                     if r["kind"] == "name" and r["actor"] in demonyms and r["alias"] != r["actor"]
                     and re.fullmatch(r"[A-Z][a-z]+", r["alias"]) and not people(r["alias"], r["actor"]))


def is_title(word: str, lex: ActorLexicon) -> bool:
    """A title of titles.txt, or one with a prefix ("Co-Chairwoman", "Vice-Chair")."""
    return word in lex.titles or re.sub(r"^(?:Co|Vice|Deputy|Acting|Ex)-", "", word) in lex.titles


def is_address(word: str, lex: ActorLexicon) -> bool:
    """A title or form of address as written before a name, with or without its full stop ("Sen.",
    "Rep", "Mr.")."""
    return is_title(word, lex) or is_title(word.rstrip("."), lex) or word.rstrip(".") in lex.forms_of_address
