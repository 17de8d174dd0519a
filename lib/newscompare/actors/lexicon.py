"""The actor lexicon: ``actors.csv`` and the lists beside it (titles.txt, not_actors.txt,
places.txt, place_words.txt, person_verbs.txt, the one-word cues of cues.csv), compiled once per folder.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..lexicons import Lexicons, get


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


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def actor_lexicon(lexicons: Lexicons | str | Path | None = None) -> ActorLexicon:
    """``actors.csv`` (actor, alias, kind: name, demonym, leader or label) and the lists beside it, compiled."""
    return get(lexicons).compiled("actors", _build_actor_lexicon)


def _build_actor_lexicon(lex: Lexicons) -> ActorLexicon:
    rows = lex.table("actors.csv")
    names = {r["alias"]: r["actor"] for r in rows if r["kind"] == "name"}
    modifiers = {r["alias"]: r["actor"] for r in rows if r["kind"] in {"demonym", "leader", "name"}}
    fixed = {r["alias"].lower(): r["actor"] for r in rows if r["kind"] == "label" and r["actor"] != "@state"}
    state = [r["alias"] for r in rows if r["kind"] == "label" and r["actor"] == "@state"]
    # Aliases written with capitals match case-sensitively ("US", not "us"); lower-case ones in any case.
    cased = [a for a in names if a != a.lower()]
    plain = [a for a in names if a == a.lower()]
    parts = []
    if cased:
        parts.append(f"(?:{_alternation(cased)})")
    if plain:
        parts.append(f"(?i:{_alternation(plain)})")
    name_re = re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])") if parts else None
    compound = (re.compile(rf"(?<![\w])(?P<mod>{_alternation(modifiers)})(?:['’]s)?\s+"
                           rf"(?P<lab>(?i:{_alternation(state)}))(?![\w])") if modifiers and state else None)
    fixed_re = re.compile(rf"(?<![\w])(?i:{_alternation(fixed)})(?![\w])") if fixed else None
    return ActorLexicon(
        names=name_re, name_actor={**names, **{k.lower(): v for k, v in names.items() if k == k.lower()}},
        compound=compound, modifier_actor=modifiers, fixed_labels=fixed_re, label_actor=fixed,
        titles=frozenset(lex.lines("titles.txt")), not_actors=frozenset(lex.lines("not_actors.txt")),
        demonyms=frozenset(r["alias"] for r in rows if r["kind"] == "demonym"),
        leaders=frozenset(r["alias"] for r in rows if r["kind"] == "leader"),
        states=frozenset(r["actor"] for r in rows if r["kind"] == "demonym"),
        places=frozenset(lex.lines("places.txt")), place_words=frozenset(lex.lines("place_words.txt")),
        cues=frozenset(r["cue"].lower() for r in lex.table("cues.csv") if " " not in r["cue"].strip())
        | frozenset(lex.lines("person_verbs.txt")),
        stand_ins=_stand_ins(rows))


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
