"""Actors: who each article names and how, with the evidence of every mention.

Actors come from the lexicon ``actors.csv`` (aliases, demonyms, leaders, descriptive labels) and from
capitalised names the tagger marks as proper nouns, grouped across variants ("Putin" joins "Vladimir
Putin"). Places are kept out of the actors (``places.txt``, or mentions that read like a place).
Lexicons: actors.csv, titles.txt, not_actors.txt, places.txt, place_words.txt, person_verbs.txt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .clean import CLOSING_PUNCTUATION
from .lexicons import Lexicons, get
from .segment import ABBREVIATIONS, Document

MENTION_COLUMNS = ["article", "sentence", "actor", "label", "kind", "start", "end", "text"]
PLACE_COLUMNS = ["article", "sentence", "place", "label", "reason", "start", "end", "text"]
ACTOR_COLUMNS = ["article", "actor", "label", "count", "only_in", "label_kind", "actor_kind"]
# Words after which a capitalised name reads as a place ("in Idlib", "above the Idlib zone").
LOCATIVES = frozenset("in near above over across around outside inside into within throughout toward towards".split())
LOCATIVE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(LOCATIVES))})\s+$", re.IGNORECASE)
# "victory over Clinton", "influence over Kim Jong-Un", "an inquiry into Flynn": after these nouns the
# preposition takes a person or a body, not a place
NOT_LOCATIVE_AFTER = {
    "over": frozenset("victory win lead edge advantage influence power control authority pressure triumph upset"
                      .split()),
    "into": frozenset("inquiry inquiries investigation investigations probe probes look insight".split()),
    # "rallied around Trump": people gather around a person
    "around": frozenset("rally rallied rallies rallying unite united unites uniting unify unified coalesce coalesced "
                        "coalescing consolidate consolidated consolidating".split()),
}
ORG_WORDS = frozenset("""Ministry Party Army Front Council Office Agency Forces Force Department Committee Group
Union Organization Organisation Navy Guard Guards Brigade Brigades Movement Command Parliament Assembly
Nations""".split())


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


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def _reads_as_place(toks, first: int, last: int, lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a place: after a locative ("in", "near the"), or before a
    place word ("Idlib province", "Afrin, a city")? Not before a possessive ("in Smith's view")."""
    after = [t[0] for t in toks[last + 1 : last + 4]]
    if (after[:1] and after[0] in {"’s", "'s", "’", "'"}) or POSSESSIVE.match(toks[last][0]):
        return False
    if after[:1] and after[0].lower() in lex.place_words or toks[last][0] in STREET_WORDS:
        return True  # "Idlib province"; "Pennsylvania Avenue", "Drax Road" (unless it speaks: "Downing Street said")
    if after[:2] == [",", "a"] or after[:2] == [",", "the"]:
        if len(after) > 2 and after[2].lower() in lex.place_words:
            return True
    before = [t[0].lower() for t in toks[max(0, first - 2) : first]]
    if before[-1:] == ["of"] and len(before) == 2 and before[0] in lex.place_words:
        return True  # "the village of Yamadi", "the province of Idlib"
    if len(before) == 2 and before[0] in NOT_LOCATIVE_AFTER.get(before[1], ()):
        return False
    if before[-1:] == ["over"] and first >= 2 and toks[first - 2][1].startswith("NNP"):
        return False  # "supporting Sanders over Clinton": one person preferred to another
    return bool(before) and (before[-1] in LOCATIVES
                             or (before[-1] == "the" and len(before) == 2 and before[0] in LOCATIVES))


# Last words of the names of streets, squares and bridges: places wherever they stand
STREET_WORDS = frozenset("Street Road Avenue Boulevard Lane Square Bridge Highway Parkway Turnpike Expressway".split())


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset, frozenset]:
    """Country names and the names of regions (states, provinces, counties: ISO 3166-1 and 3166-2),
    from pycountry's bundled data (no download). Built once per process, like VADER's lexicon."""
    import pycountry

    countries = set()
    for c in pycountry.countries:
        countries.update(getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k))
    regions = set()
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|,\s*City of$", "", sub.name).strip()
        if name and name not in countries:
            regions.add(name)
    return frozenset(countries), frozenset(regions)


# Abbreviations a dot ends inside a name: "Rep. Omar Haddad", "St. Louis"
NAME_ABBREVIATIONS = frozenset("""Mr Mrs Ms Dr Prof Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep Reps Rev Fr St Jr Sr
Mt Ft""".split())
POSSESSIVE = re.compile(r"^[A-Z][\w.-]*['’]s$")  # "Trump’s" is one token, tagged as a common noun
OPENERS = frozenset("“\"‘'(—–―:")


INNER_CAPITAL = re.compile(r"^(?:Mc|Mac|O['’]|De|La|Le|Di|Da|El|Van)?[A-Z][a-z]+[A-Z][a-z]+$|^O['’][A-Z][a-z]+$"
                           r"|^[A-Z][a-z]+(?:-(?!of-|for-|the-|and-)[a-z]+)+-[A-Z]\w*$")  # "Chick-fil-A"


def _speaks(toks, i: int, cues: frozenset) -> bool:
    """Is token i followed by a verb of saying, perhaps after an adverb ("Flake also said")?"""
    j = i + 1
    if j < len(toks) and toks[j][1] == "RB":
        j += 1
    return j < len(toks) and toks[j][0].lower() in cues


def _opening_subject(toks, i: int) -> bool:
    """A capitalised common noun that opens a sentence before its verb ("Brat received", "Holder was"):
    a candidate name, doubtful (_common_word) until a name of the article ends in it."""
    from textblob.en import lexicon

    tok = toks[i][0]
    if not (toks[i][1] == "NN" and tok[:1].isupper() and tok[1:].islower() and tok.isalpha()
            and (i == 0 or toks[i - 1][0] in OPENERS) and i + 1 < len(toks) and toks[i + 1][1] in ("VBD", "VBZ", "MD")):
        return False
    tag = lexicon.get(tok.lower())
    return tag is not None and not tag.startswith("NNP")


def _is_proper(toks, i: int, inside_run: bool, cues: frozenset = frozenset()) -> bool:
    tok, tag = toks[i][0], toks[i][1]
    if i > 0 and toks[i - 1][0] == "@":
        return False  # "@MichelleObama": a handle, named beside it
    if tag == "NN" and tok[:1].isupper() and tok[1:].islower() and _speaks(toks, i, cues):
        return True  # "Flake said", "Cole outlined": the tagger reads a capitalised common word
    if _opening_subject(toks, i):
        return True  # "Brat received his doctorate": a sentence's subject; doubtful until a name ends in it
    if tag.startswith("NNP") or POSSESSIVE.match(tok) or INNER_CAPITAL.match(tok):
        return True  # "LaPierre", "McConnell", "O'Neill" are names whatever the tagger made of them
    if tag == "NN" and _unknown_acronym(toks, i):
        return True  # "the EU", "the NHS", "the DCCC": an acronym the tagger's lexicon lacks
    if _capital_before_name(toks, i):
        return True  # "Democratic Party", "Kit Bond": a word the tagger reads as common, opening a name
    if tok.isupper() and len(tok) > 2 and i + 1 < len(toks) and toks[i + 1][0] == ":" and i == 0:
        return True  # a transcript's speaker label: "PENCE: Well, ..."
    if _in_speaker_label(toks, i):
        return True  # "CHUCK TODD: ...", "ARI SHAPIRO, HOST: ..."
    if inside_run and _dotted(tok) and i + 1 < len(toks) and toks[i + 1][0] == ".":
        return True  # the initial in "Peter T. King", which the tagger reads as a noun
    # "United States": a capitalised word that continues a name, whatever the tagger made of it
    return inside_run and tok[:1].isupper() and tok[1:].islower() and len(tok) > 1


def _capital_before_name(toks, i: int) -> bool:
    """A capitalised common word right before a proper noun that opens that name, whatever the tagger
    made of it: an adjective before an organisation's word ("Democratic Party", "Republican Guard"),
    or, inside a sentence (not at its start or a quotation's), a given name ("Kit Bond")."""
    tok, tag = toks[i][0], toks[i][1]
    if not (i + 1 < len(toks) and tok[:1].isupper() and tok[1:].islower() and toks[i + 1][1].startswith("NNP")):
        return False
    if tag in ("JJ", "NN", "NNS") and toks[i + 1][0] in ORG_WORDS:
        return True
    return (i > 0 and tag in ("NN", "JJ", "VB") and toks[i - 1][0] not in OPENERS | {".", "!", "?"}
            and toks[i + 1][1] == "NNP" and toks[i + 1][0][:1].isupper())


def _unknown_acronym(toks, i: int) -> bool:
    """Token i is two to six capitals that Brill's lexicon lacks in any case ("EU", "NHS", "DCCC"; it
    has "FBI" and "GDP", which the tagger reads as proper nouns anyway), in a sentence not written in
    capitals. Acronyms that name no actor ("COVID", "SUV") are in not_actors.txt."""
    from textblob.en import lexicon

    tok = toks[i][0]
    return bool(ACRONYM.fullmatch(tok)) and tok not in lexicon and tok.lower() not in lexicon and not _in_capitals(toks)


ACRONYM = re.compile(r"[A-Z]{2,6}")


def _in_speaker_label(toks, i: int) -> bool:
    """Token ``i`` is in the name of a transcript's speaker label of two to four words in capitals that
    opens the sentence: "CHUCK TODD: ...", "ARI SHAPIRO, HOST: ..."."""
    k = 0
    while k < min(len(toks), 5) and toks[k][0].isupper() and toks[k][0].isalpha():
        k += 1
    if not (2 <= k <= 4 and i < k) or k >= len(toks):
        return False
    role = k + 2 < len(toks) and toks[k][0] == "," and toks[k + 1][0].isupper() and toks[k + 2][0] == ":"
    return (toks[k][0] == ":" or role) and _unlike_words([t[0] for t in toks[:k]])


def _unlike_words(words: list[str]) -> bool:
    """Does some word read as a name rather than English: a given name, or a word English lacks ("TODD",
    "SHAPIRO"; not "BREAKING NEWS", "THE FACTS")?"""
    from textblob.en import lexicon

    return any(given_name(w.capitalize()) or w.lower() not in lexicon for w in words)


def _org_head(word: str) -> bool:
    """A word that heads an organisation's name ("Office", "Centers", "Organization")."""
    bodies = ORG_WORDS | ORG_NAMES
    return word in bodies or (word.endswith("s") and word[:-1] in bodies)


def _org_connector(toks, cur: list[int], i: int) -> bool:
    """Does the word at ``i`` go on with an organisation's name begun in ``cur``: "for" before a capital
    ("Centers for Disease Control", "National Organization for Marriage"), "of the" before one
    ("Office of the Historian"), "of" before a capitalised adjective ("Office of Special Counsel"), "to"
    before a capitalised verb ("Coalition to Stop Gun Violence")?"""
    tok, n = toks[i][0], len(toks)
    state_of_the_union = toks[cur[-1]][0] == "State" and [t[0] for t in toks[i : i + 3]] == ["of", "the", "Union"]
    head = any(_org_head(toks[k][0]) for k in cur) or state_of_the_union or (
        tok == "the" and i >= 2 and toks[i - 2][0] == "State" and i + 1 < n and toks[i + 1][0] == "Union")

    def capital_at(k: int) -> bool:
        return k < n and toks[k][0][:1].isupper() and toks[k][0][1:2].islower()

    if not head:
        return False
    if tok == "for":
        return capital_at(i + 1) and toks[i + 1][0] not in WEEKDAYS
    if tok == "to":  # "Coalition to Stop Gun Violence", "Campaign to End Hunger"
        return capital_at(i + 1) and toks[i + 1][1].startswith("VB")
    if tok == "of":
        return (toks[i + 1][0] == "the" and capital_at(i + 2)) if i + 1 < n and toks[i + 1][0] == "the" else (
            i + 1 < n and toks[i + 1][1] == "JJ" and capital_at(i + 1) and capital_at(i + 2))
    return tok == "the" and toks[i - 1][0] == "of" and capital_at(i + 1)


def _split_joined(run: list[int], toks) -> list[list[int]]:
    """Names joined by "and"/"or" are two names ("Clinton and Obama"), unless the whole is an
    organisation ("Justice and Development Party")."""
    words = [toks[i][0] for i in run]
    joins = [k for k, w in enumerate(words) if w in {"and", "or", "&"}]
    if not joins:
        return [run]
    # "Office of Management and Budget", "Committee on Oversight and Government Reform": an organisation's
    # word with "of"/"on" before the "and"
    if any(_org_head(w) and words[k + 1] in {"of", "on", "for"} for k, w in enumerate(words[: joins[0]])):
        return [run]
    # "House Ways and Means Committee", but not "IRS and Treasury Department" (an acronym is a whole name):
    # an organisation's name splits only where an acronym stands beside "and"/"or" ("Justice and
    # Development Party or AK Party")
    if words[-1] in ORG_WORDS:
        joins = [k for k in joins if words[k - 1].isupper() or words[k + 1].isupper()]
    parts, cur = [], []
    for k, i in enumerate(run):
        if k in joins:
            parts.append(cur)
            cur = []
        else:
            cur.append(i)
    return [p for p in parts + [cur] if p]


def _of_a_place(toks, run: list[int], i: int) -> bool:
    """Is "of" at ``i`` followed by a country or region from the gazetteer, after a name that is not an
    organisation's ("Senator Robert Menendez of New Jersey", "a Republican of New York")? Then it ends the name."""
    if any(toks[k][0] in ORG_WORDS | ORG_NAMES for k in run):
        return False  # "University of Texas", "Attorney General of Ohio" is a role, kept whole below
    words = []
    for tok in toks[i + 1 : i + 4]:
        if not tok[0][:1].isupper():
            break
        words.append(tok[0])
    countries, regions = gazetteer()
    names = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    return any(name in countries or name in regions for name in names)


def _persons_name(toks, run: list[int]) -> bool:
    """Is the run so far a person's name: two or three words after any title, the first a given name,
    none an organisation's word ("Greg Miller", "Sheriff Joe Arpaio"; not "Bank" or "John Jay College")?"""
    words = [toks[k][0] for k in run if toks[k][0] != "."]
    while len(words) > 2 and not given_name(words[0]):
        words = words[1:]  # "Sheriff Joe Arpaio of Maricopa County", "Rep. Darrell Issa of California"
    return _given_name_first(words) and not set(words) & (ORG_WORDS | ORG_NAMES)


def _given_name_first(words: list[str]) -> bool:
    """Two or three words opening with a given name that opens no place's name ("Greg Miller", not
    "West Hartford")."""
    return 2 <= len(words) <= 3 and given_name(words[0]) and words[0] not in PLACE_OPENINGS


WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())


def _dotted(word: str) -> bool:
    """An initial or an abbreviation that a dot ends inside a name ("T", "Rep", "St", "Jr")."""
    return (len(word) == 1 and word.isupper()) or word in NAME_ABBREVIATIONS


def _connector(toks, cur: list[int], i: int) -> bool:
    """Does the small word at ``i`` join the name begun in ``cur`` to the proper noun after it?"""
    tok = toks[i][0]
    # the next word goes on with the name: a proper noun, or a capital the tagger read as a noun
    # ("Departments of Homeland Security"), not an adjective ("Russian and Syrian forces")
    ahead = i + 1 < len(toks) and (_is_proper(toks, i + 1, False)
                                   or _is_proper(toks, i + 1, True) and toks[i + 1][1] != "JJ")
    return ahead and (tok in {"and", "or", "&", "al", "bin", "de"}
                      # "Bank of America", but not "Robert Menendez of New Jersey" or "Ronan Farrow of MSNBC"
                      or tok == "of" and not _of_a_place(toks, cur, i) and not _persons_name(toks, cur)
                      # "Committee on Oversight", "Center on Budget and Policy Priorities"
                      or tok == "on" and toks[cur[-1]][0] in ORG_WORDS | ORG_NAMES and toks[i + 1][0] not in MONTHS
                      # "Peter T. King", "Rep. Darrell Issa", "St. Louis": the tokenizer splits the dot off
                      or tok == "." and cur[-1] == i - 1 and _dotted(toks[i - 1][0]))


def _proper_runs(toks, cues: frozenset = frozenset()) -> list[list[int]]:
    """Runs of proper-noun tokens (pattern tagger, and "Trump’s"), joined over "and"/"or"/"of"/"al"
    before another proper noun and over "al-" prefixes, then split where "and"/"or" joins two names;
    trailing connectors dropped."""
    runs, cur = [], []
    caps = _in_capitals(toks)
    nickname = _nickname_tokens(toks)
    for i, (tok, _, _, _) in enumerate(toks):
        if cur and i in nickname:
            cur.append(i)  # William “Mo” Cowan
            continue
        if tok in WEEKDAYS:  # "President Obama Monday": a day ends a name and is none
            if cur:
                runs.append(cur)
            cur = []
            continue
        if cur and _org_connector(toks, cur, i):
            cur.append(i)  # "Centers for Disease Control", "Office of the Historian", "Office of Special Counsel"
            continue
        connector = bool(cur) and _connector(toks, cur, i)
        proper = _caps_name(toks, i) if caps else _is_proper(toks, i, bool(cur), cues)
        if proper or connector or (cur and tok.startswith("al-")):
            cur.append(i)
            if POSSESSIVE.match(tok) and not _possessive_in_name(toks, i):  # the possessive ends the name
                runs.append(cur)
                cur = []
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    return _finished_runs(runs, toks)


def _with_shared_surname(name: str, text: str, toks, i: int, lex: ActorLexicon) -> str:
    """A given name alone that shares the surname of the person after it ("Sarah and Tom Hollis":
    Sarah Hollis), unless the article writes it as someone's surname elsewhere ("Warren and Bernie
    Sanders" beside "Elizabeth Warren" or "Sen. Warren")."""
    if " " in name or not given_name(name):
        return name
    surname = _shared_surname(toks, i)  # first: the article is read for the name only when one follows
    if not surname:
        return name
    for m in re.finditer(rf"([A-Z][a-z]+)\.? {re.escape(name)}\b", text):
        if given_name(m.group(1)) or _title(m.group(1), lex) or _title(f"{m.group(1)}.", lex):
            return name
    return f"{name} {surname}"


def _shared_surname(toks, i: int) -> str:
    """The surname a given name at token i shares with the next person ("Sarah and Tom Hollis":
    "Hollis"), or "" when no given name and surname follow after "and"."""
    if i + 3 >= len(toks) or toks[i + 1][0] not in {"and", "&"}:
        return ""
    given, surname = toks[i + 2][0], toks[i + 3][0]
    ends = i + 4 >= len(toks) or not toks[i + 4][0][:1].isupper()
    if not (given[:1].isupper() and given_name(given) and surname[:1].isupper() and ends
            and toks[i + 3][1].startswith("NNP")):
        return ""
    return surname[:-2] if POSSESSIVE.match(surname) else surname


def _possessive_in_name(toks, i: int) -> bool:
    """Is the possessive token i part of a name that goes on: one capitalised common noun that names
    a place or body after it ("Sam's Club", "Joey's Diner"), or any name after a common word inside a
    sentence ("Children's Defense Fund", "Freedom’s Lighthouse")? Not "Russia's Defense Ministry"."""
    after = []
    for tok, tag, _, _ in toks[i + 1 : i + 5]:
        if not (tag.startswith("NNP") and tok[:1].isupper()):
            break
        after.append(tok)
    if not after:
        return False
    owner = toks[i][0][:-2]
    if len(after) == 1 and after[0] in ORG_NAMES | PLACE_NOUNS:
        return True
    # a common word's possessive inside a sentence opens a name ("Freedom’s Lighthouse", "Women's March")
    return i > 0 and toks[i - 1][0] not in OPENERS and _lexicon_noun(owner)


# Common nouns that end the name of a shop, a restaurant or a place ("Joey's Diner")
PLACE_NOUNS = frozenset("Diner Place Boutique Restaurant Cafe Café Bar Grill Pub Store Shop Market Kitchen".split())


NICKNAME = re.compile(r"[\"“‘'][A-Z][\w.-]*[\"”’']")


def _nickname_tokens(toks) -> set[int]:
    """The tokens of a nickname in quotes between the parts of a name (William “Mo” Cowan, Dwayne “The
    Rock” aside: one capitalised word only): the quotes and the word."""
    out = set()
    for j in range(1, len(toks) - 3):
        if (toks[j][0] in _QUOTE_OPEN and toks[j + 2][0] in _QUOTE_CLOSE and toks[j - 1][1].startswith("NNP")
                and toks[j + 1][0][:1].isupper() and toks[j + 3][0][:1].isupper()):
            out.update((j, j + 1, j + 2))
    return out


def _in_capitals(toks) -> bool:
    """Is the sentence written in capitals ("TRUMP SLAMS BANNON AFTER CRITICISM")? Then a capital tells
    nothing and _caps_name judges its words."""
    words = [t[0] for t in toks if t[0][:1].isalpha()]
    return len(words) >= 3 and sum(w.isupper() for w in words) * 2 > len(words)


def _caps_name(toks, i: int) -> bool:
    """A word of a sentence in capitals that English does not have in lower case ("BANNON", "PELOSI",
    "KAMALA"; not "SLAMS", "MANNING" or "TRUMP", which Brill's lexicon has as words)."""
    from textblob.en import lexicon

    tok = toks[i][0]
    return (len(tok) > 1 and tok.isupper() and bool(re.fullmatch(r"[A-Z][A-Z'’]*[A-Z]", tok))
            and tok.lower().replace("’", "'") not in lexicon and tok not in ABBREVIATIONS)


def _finished_runs(runs: list[list[int]], toks) -> list[list[int]]:
    """The runs without trailing connectors, names joined by "and"/"or" split (_split_joined)."""
    out = []
    for run in runs:
        while run and toks[run[-1]][0] in {"and", "or", "&", "of"}:
            run = run[:-1]
        out.extend(_split_joined(run, toks) if run else [])
    return out


def _common_word(toks, run: list[int], heading: bool, cues: frozenset = frozenset(),
                 lower_words: frozenset = frozenset()) -> bool:
    """A capital that a position explains, not a name: one word opening a sentence, a quotation or a
    heading ("Hope", "Rigged"), or in capitals ("SHUTDOWN"), that English has in lower case; or an
    initial or abbreviation standing alone ("W", "Rep", "St"). Not before a verb of saying (``cues``):
    "Flake said" names a person, unless the article writes the word in lower case too (``lower_words``:
    "Teachers should teach" beside "all teachers")."""
    from textblob.en import lexicon

    if len(run) != 1:
        return False
    i, word = run[0], toks[run[0]][0]
    if word in GROUP_WORDS:
        return False  # "Democrats", "Republicans": groups, wherever they stand
    if _abbreviation(toks, i):
        return True
    tag = lexicon.get(word.lower().replace("’", "'"))
    if tag is None or tag.startswith("NNP"):
        return False
    opens = i == 0 or toks[i - 1][0] in OPENERS
    if (opens or heading) and word.lower() in lower_words:
        return True  # the article's own lower-case word, capitalised by its position
    if cues and _speaks(toks, i, cues) and not word.isupper():
        return False  # "Flake said", "Rose told": someone who speaks
    if [t[0] for t in toks[i + 1 : i + 3]] == [",", "who"]:
        return False  # "Graham, who has never sent an email"
    if _known_name_acting(toks, i, lexicon):
        return False  # "Trump has", "Warren would": a name the tagger's lexicon knows, before an auxiliary
    if word.isupper() and i + 1 < len(toks) and toks[i + 1][0] == ":" and i == 0:
        return False  # a transcript's speaker label
    return opens or heading or (word.isupper() and len(word) > 1)


def _abbreviation(toks, i: int) -> bool:
    """An initial or abbreviation standing alone ("W", "Mo", "Rep", "Gen", "St"), or a state after its
    town ("Peoria, Ill.", "Bellingham, Wash.")."""
    word = toks[i][0]
    if len(word) <= 2 and not _short_name(toks, i) or word in ABBREVIATIONS:
        return True
    return (word in STATE_ABBREVIATIONS and 0 < i < len(toks) - 1 and toks[i - 1][0] == ","
            and toks[i + 1][0] == ".")


def _short_name(toks, i: int) -> bool:
    """A two-letter word that names: two capitals ("UK", "EU", "UN"; not a state after its town) or a
    capital and a small letter inside a sentence ("Xi", "Li"), with no dot after it ("Mo.", "St.")."""
    word = toks[i][0]
    after_comma = i > 0 and toks[i - 1][0] == ","
    # a dot after it, unless the sentence's own full stop ("pleased the UK."), or after a town ("Ferguson, Mo.")
    dotted = i + 1 < len(toks) and toks[i + 1][0] == "." and (i + 2 < len(toks) or after_comma)
    if after_comma and word in POSTAL_CODES:
        return False  # "Parris Island, SC": a state after its town
    return len(word) == 2 and not dotted and (word.isupper() or word[1].islower() and i > 0
                                              and toks[i - 1][0] not in OPENERS)


# The US states' postal codes ("Columbia, SC")
POSTAL_CODES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())


def _known_name_acting(toks, i: int, lexicon) -> bool:
    """A capitalised word that the tagger's lexicon (Brill's, from news text) has as a proper noun in
    that very spelling ("Trump", "Sessions", "Warren"), that is rare as a common word (COMMON_WORD_COUNT:
    not "Hope is fading", "Rain fell", "Freedom means") and that acts (_acts_after). Someone acting, even
    where a sentence's first capital explains nothing. (A verb of saying after it is _speaks'.)"""
    from textblob.en import spelling

    word = toks[i][0]
    return (not word.isupper() and (lexicon.get(word) or "").startswith("NNP")
            and (spelling.get(word.lower()) or 0) < COMMON_WORD_COUNT and _acts_after(toks, i))


# A word seen this often in TextBlob's spelling counts (Norvig's big.txt: books and the British National
# Corpus's lists, lower-cased) is a common word first: "Hope" (149), "Rain" (39), "Freedom" (172); "Trump",
# "Pence" (4) and "Sessions" (9) are names first.
COMMON_WORD_COUNT = 30


def _acts_after(toks, i: int) -> bool:
    """Does the word after token i make it someone acting: a finite verb or an auxiliary, perhaps after
    adverbs ("Trump has", "Trump hasn’t", "Graham also took", "Bush addressed his"), a comma opening an
    aside ("Trump, meanwhile,", "Sessions, speaking", "Trump, Cohen discussed"), the role of someone
    serving them ("Trump spokesman"), "and" before another name ("Pence and Abe"), or a headline's
    participle or infinitive ("Trump doing real work", "Trump to award")?"""
    j = i + 1
    while j < len(toks) and toks[j][1] == "RB":
        j += 1
    if j >= len(toks):
        return False
    tok, tag = toks[j][0], toks[j][1]
    after = toks[j + 1][1] if j + 1 < len(toks) else ""
    verb = re.sub(r"n['’]t$", "", tok)  # "hasn’t", "isn’t", which the tagger reads as nouns
    if verb in AUXILIARIES or verb != tok and verb in {"is", "was", "do"} or tag in ("VBD", "VBZ"):
        return True
    if tag == "VBN":  # "Sessions recused himself": the tagger reads the verb after a first name as a participle
        return after in ("PRP", "PRP$", "DT", "NNS", "NNPS", "TO")
    adjacent = j == i + 1
    if adjacent and (tag == "VBG" or tok == "to" and after in ("VB", "NN")):  # "Trump doing", "Trump to award"
        return after in ("DT", "JJ", "NN", "NNS", "NNP", "PRP", "PRP$", "VB")
    return (tok in ROLE_AFTER_NAME or adjacent and tok == "," and after in ("RB", "PRP", "VBG", "IN", "NNP")
            or adjacent and tok == "and" and after.startswith("NNP"))


AUXILIARIES = frozenset("has had will would could can should must might may did does".split())
# People's roles after the name of the person they serve ("Trump spokesman Jason Miller")
ROLE_AFTER_NAME = frozenset("spokesman spokeswoman spokesperson aide aides adviser advisers lawyer lawyers".split())


def _list_fragment(toks, run: list[int]) -> bool:
    """One common word continuing a list of capitalised words ("Bureau of Alcohol, Tobacco, Firearms and
    Explosives", "Departments of Homeland Security, Education and Justice"): part of a longer name."""
    from textblob.en import lexicon

    if len(run) != 1 or run[0] < 2:
        return False
    i, word = run[0], toks[run[0]][0]
    tag = lexicon.get(word.lower())
    if (tag is None or tag.startswith("NNP") or word in GROUP_WORDS | ORG_NAMES
            or toks[i - 1][0] not in {",", "and", "&"}):
        return False
    # the list continues an organisation's name: back over capitals, commas and "and" to "of"/"on"
    j = i - 2
    while j >= 0 and (toks[j][0][:1].isupper() or toks[j][0] in {",", "and", "&"}):
        j -= 1
    org = toks[j - 1][0] if j >= 1 else ""
    bodies = ORG_WORDS | ORG_NAMES
    return j < i - 2 and toks[j][0] in {"of", "on"} and (org in bodies or org[:-1] in bodies)  # "Departments"


def _title(word: str, lex: ActorLexicon) -> bool:
    """A title of titles.txt, or one with a prefix ("Co-Chairwoman", "Vice-Chair")."""
    return word in lex.titles or re.sub(r"^(?:Co|Vice|Deputy|Acting|Ex)-", "", word) in lex.titles


def _run_name(words: list[str], lex: ActorLexicon) -> str:
    """A person's name without titles and demonyms ("Russian President Vladimir Putin" -> "Vladimir
    Putin"); an organisation keeps every word ("Syrian Arab Army", "American University", "House
    Republican Conference")."""
    if words[-1] in LEGISLATURES and words[0] in PARTY_WORDS:
        return words[-1]  # "the Republican Senate": the Senate, under a label
    if words[-1] in ORG_WORDS | ORG_NAMES or words[-1] in LAW_WORDS:  # "Defense of Marriage Act" is no "Act"
        return " ".join(words)
    # a role ending in a title before the name: "Colorado Attorney General John Suthers", "House
    # Speaker Newt Gingrich", "Secretary of State Hillary Clinton"
    last = max((k for k, w in enumerate(words[:-1]) if _title(w, lex)), default=-1)
    if last >= 0:
        rest = words[last + 1 :]
        if len(rest) == 1 and words[last] in TITLE_OPENERS:
            return " ".join(words)  # "Veterans of Foreign Wars", "House Foreign Affairs": no role before a name
        if len(rest) > 2 and rest[0] == "of":  # "of State", "of Homeland Security"
            rest = rest[2:] if len(rest) <= 4 else rest[3:]
        if rest and rest[0][:1].isupper():
            words = rest
    whole = words
    while len(words) > 1 and (_title(words[0], lex) or words[0] in lex.demonyms):
        words = words[1:]
    if len(words) == 1 and all(w in lex.demonyms for w in whole[:-1]) and _lexicon_noun(words[0]):
        return " ".join(whole)  # "American Dream", "American Revolution": one name, not a country's dream
    return " ".join(words)


# Words of titles.txt that only open a title ("Foreign Minister", "Prime Minister") and never stand
# right before a name: after them a lone word is no person ("Veterans of Foreign Wars").
TITLE_OPENERS = frozenset("Prime Foreign Defense Defence Interior Vice Deputy".split())


def _lexicon_noun(word: str) -> bool:
    """A word that TextBlob's lexicon has in lower case as a common noun ("dream", "revolution")."""
    from textblob.en import lexicon

    return (lexicon.get(word.lower()) or "") in ("NN", "NNS")


LAW_WORDS = frozenset({"Act", "Acts"})
LEGISLATURES = frozenset({"Senate", "Congress", "House", "Assembly", "Parliament"})
PARTY_WORDS = frozenset({"Republican", "Democratic", "Democrat", "GOP", "Labour", "Conservative", "Tory"})
_QUOTE_OPEN, _QUOTE_CLOSE = frozenset({'"', "“", "‘"}), frozenset({'"', "”", "’"})
WORK_NOUNS = frozenset("program programme show series book film movie documentary podcast column".split())


def _quoted_title(toks, first: int, last: int) -> bool:
    """Is the run the whole of a short quotation in title case after a broadcaster's possessive or a
    word for a work ('on ABC's “This Week,”', 'the CNN program “State of the Union”'): the title of a
    programme, a book or a film, not an actor? The quotation may hold other capitalised words and
    small ones ('the Fox News program “Fox and Friends,”', 'Fox News' “America’s Newsroom”')."""
    def in_title(tok: str) -> bool:
        return tok in TITLE_SMALL_WORDS or tok[:1].isupper()

    a, b = first - 1, last + 1
    while a >= 0 and in_title(toks[a][0]):
        a -= 1
    while b < len(toks) and (toks[b][0] in {",", "."} or in_title(toks[b][0])):
        b += 1
    if not (a >= 1 and b < len(toks) and toks[a][0] in _QUOTE_OPEN and toks[b][0] in _QUOTE_CLOSE and b - a <= 10):
        return False
    before = toks[a - 1][0]
    return (bool(POSSESSIVE.match(before)) or before.endswith(("'s", "’s", "'", "’"))
            or before.lower() in WORK_NOUNS)


TITLE_SMALL_WORDS = frozenset("the a an and of & on in for to this".split())


# Forms of address before a surname: what follows is a name even where it is a word ("Mrs May", "Dr King")
ADDRESS_TITLES = frozenset("Mr Mrs Ms Miss Mx Dr".split())


def _proper_names(doc: Document, sent, taken, lex: ActorLexicon, lower_words: frozenset = frozenset()):
    """Runs of proper-noun tokens with a leading demonym kept in the label:
    (start, end, name, label, reads as a place, reads as a person, doubtful). ``lower_words``: the
    article's words written in lower case (_lower_words)."""
    toks = doc.tagged(sent)
    out = []
    for run in _proper_runs(toks, lex.cues):
        run = _after_known(toks, run, taken)
        if not run:
            continue
        # kept if a name elsewhere ends in it
        doubtful = _common_word(toks, run, sent.heading, lex.cues, lower_words) or _list_fragment(toks, run)
        first = run[0]
        if first > 0 and toks[first - 1][0] in lex.demonyms:
            first -= 1
        s, e = toks[first][2], toks[run[-1]][3]
        words = doc.text[s:e].split()  # "T." and "Rep." keep their dots
        if POSSESSIVE.match(words[-1]):  # "Trump’s" -> Trump
            words[-1], e = words[-1][:-2], e - 2
        label = doc.text[s:e]
        name = _run_name([w for w in words if not NICKNAME.fullmatch(w)], lex)  # William “Mo” Cowan
        name = _with_shared_surname(name, doc.text, toks, run[-1], lex)  # "Sarah and Tom Hollis"
        addressed = len(words) > 1 and words[0].rstrip(".") in ADDRESS_TITLES  # "Mrs May", "Dr King": names
        if not name or not addressed and (name in lex.not_actors or label in lex.not_actors) or not _free(taken, s, e):
            continue
        if _quoted_title(toks, first, run[-1]):
            continue  # ABC's “This Week”, the CNN program “State of the Union”: a programme's title
        if (" " not in name and not name.isupper() and not addressed
                and (name in lex.titles or f"{name}." in lex.titles)):
            continue  # "As President, I will...", "Rep." alone: a title, not a name
        city = name in lex.stand_ins and first > 0 and toks[first - 1][0].lower() in LOCATIVES
        if lex.names is not None and lex.names.fullmatch(name) and not city:
            continue  # the lexicon's (but "in Moscow" is the city: a place, _lexicon_mentions)
        if PARTY_STATE.fullmatch(name):
            continue  # "(D-Ore.)": a senator's party and state, not an actor
        placelike = city or words[-1] not in LAW_WORDS and _reads_as_place(toks, first, run[-1], lex)
        person = not city and _reads_as_person(toks, first, run[-1], words[: len(words) - len(name.split())], lex)
        out.append((s, e, name, label, placelike, person, doubtful))
    return out


# A name inside a hyphenated word: "anti-Trump voters", "a pro-Clinton district", "a Sanders-backed
# candidate", "his Trump-induced hell". Not two names ("Pence-Schumer", "Coca-Cola"), not "anti-American".
HYPHENATED_NAME = re.compile(r"^(?:(?:anti|pro)-(?P<after>[A-Z][\w’']+)|(?P<before>[A-Z][a-z][\w’']*)-(?:backed|led|"
                             r"era|style|appointed|allied|aligned|friendly|supporting|linked|controlled|induced|"
                             r"endorsed|funded|inspired|mocking|bashing))$")


def _hyphenated_names(doc: Document, sent, taken, lex: ActorLexicon):
    """Names inside hyphenated words (HYPHENATED_NAME), as _proper_names gives them; not a demonym or
    adjective ("anti-American", "anti-Semitic") and not a name of not_actors.txt ("anti-YouTube")."""
    from textblob.en import lexicon

    out = []
    for tok, _, start, _ in doc.tagged(sent):
        m = HYPHENATED_NAME.match(tok)
        name = m and (m.group("after") or m.group("before"))
        if (not name or name in lex.demonyms or name in lex.not_actors or lexicon.get(name.lower()) == "JJ"
                or name.endswith(("ic", "ist", "ism", "ian", "ish", "ese"))):  # "anti-Semitic", "anti-Communist"
            continue
        s = start + m.start("after" if m.group("after") else "before")
        if _free(taken, s, s + len(name)):
            out.append((s, s + len(name), name, name, False, False, False))
    return out


def _after_known(toks, run: list[int], taken: list[tuple[int, int]]) -> list[int]:
    """The run without the words at its start that a lexicon mention took: "U.S. President Donald Trump"
    -> "President Donald Trump" beside the mention "U.S."; nothing where one common word is left ("U.S.
    Embassy": the lexicon's actor's own body), unless it names a body ("Senate")."""
    from textblob.en import lexicon

    whole = len(run)
    while run and (not _free(taken, toks[run[0]][2], toks[run[0]][3]) or toks[run[0]][0] in {".", "of", "and", "'s"}):
        run = run[1:]
    if len(run) == 1 < whole and toks[run[0]][0] not in ORG_NAMES | GROUP_WORDS:
        tag = lexicon.get(toks[run[0]][0].lower())
        return [] if tag and not tag.startswith("NNP") else run
    return run


def _reads_as_person(toks, first: int, last: int, before_name: list[str], lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a person (so never a place): a title before it ("Mr. Paul",
    "Secretary Kerry"), ", who" or an age after it ("Santiago, who surrendered", "Rivera, 24,"), a
    verb of saying or a person's act ("Texas said": a government), or a given name opening a name of
    two or three words that no place word ends ("Hannah Graham", not "Virginia Beach")? ``before_name``:
    the run's words before the name (titles, demonyms)."""
    before = [t[0] for t in toks[max(0, first - 2) : first]]  # "Mr. Paul": "Mr" and "." are tokens of their own
    after = [t[0] for t in toks[last + 1 : last + 4]]
    name = [t[0] for t in toks[first + len(before_name) : last + 1]]
    given = _given_name_first(name) and name[-1].lower() not in lex.place_words and name[-1] not in PLACE_ENDINGS
    return (any(w in lex.titles for w in before_name) or before[-1:] == ["."] and before[0] in lex.titles
            or after[:2] == [",", "who"] or _speaks(toks, last, lex.cues) or given
            or len(after) == 3 and after[0] == after[2] == "," and after[1].isdigit() and len(after[1]) <= 3)


# Words that open place names and are given names too ("West Hartford", "Sandy Hook"); last words of place
# names that may open with a given name ("Virginia Beach", "Lee County", "Carson City")
PLACE_OPENINGS = frozenset({"West", "Sandy"})
PLACE_ENDINGS = frozenset("""County City Beach Heights Park Island Islands Springs Falls Hills Hill Lake Bay Harbor
Harbour Town Township Village Square Street Road Avenue Valley Parish""".split())


# The Associated Press's abbreviations of US states (one word; "N.Y." and the like are initials anyway)
# The AP abbreviations of US states after a town ("Peoria, Ill."), without their last dot: one list for
# the actors and the sources (sources.phrases used to keep a longer copy of its own).
STATE_ABBREVIATIONS = frozenset("""Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
Miss Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo D.C""".split())
PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
NAME_CONNECTORS = frozenset({"of", "the", "for", "and"})  # an organisation's name, not a person's
_NAME_PREFIX = re.compile(r"^(al|el|bin|de)-")


def _name_key(token: str) -> str:
    return _NAME_PREFIX.sub("", token.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _nicknamer():
    """English given names and their nicknames (the ``nicknames`` package: a hand-curated list, Apache
    2.0, bundled; no download)."""
    from nicknames import NickNamer

    return NickNamer()


def given_name(name: str) -> bool:
    """Is this one word an English given name with nicknames ("Paul", "Kerry", "Mary")?"""
    namer = _nicknamer()
    return " " not in name and bool(namer.nicknames_of(name.lower()) or namer.canonicals_of(name.lower()))


def _fold(word: str) -> str:
    """A name's word without accents ("Raúl" -> "raul")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _same_first_name(a: str, b: str) -> bool:
    """"David" and "Dave", "Charles" and "Chuck", "Raúl" and "Raul": one given name."""
    a, b = _fold(a).rstrip("."), _fold(b).rstrip(".")
    if a == b:
        return True
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b)


def _variant_of(keys: list[str], tokens: list[str]) -> bool:
    """Is the name of ``keys`` a form of the fuller one of ``tokens`` (both lower-cased words, same last
    word)? Every word of it occurs in the fuller one; or, initials aside, the first names are one given
    name ("Chuck Grassley", "Charles E. Grassley"; "Dave Brat", "David Brat") and the rest occur."""
    if set(keys) <= set(tokens):
        return True
    short = [k for k in keys if len(k.rstrip(".")) > 1]
    full = [t for t in tokens if len(t.rstrip(".")) > 1]
    return (len(short) >= 2 and len(full) >= 2 and _same_first_name(short[0], full[0])
            and {_fold(k) for k in short[1:]} <= {_fold(t) for t in full[1:]})


def _group_names(names: list[str]) -> dict[str, str]:
    """Map each proper name to its fullest variant: 'Putin' -> 'Vladimir Putin' when both occur.

    A shorter name joins a longer one when it ends with the same word and all its words occur in it,
    or when it is the same name with a nickname, an accent or an initial more or less (_variant_of).
    Of two forms as long, the one written more often is the actor's name. A bare surname joins the
    person of that surname whose forms are written most often.
    """
    canon: dict[str, str] = {}
    counts = Counter(names)
    groups: dict[str, list[tuple[list, str]]] = defaultdict(list)  # last word -> (words, full name)
    for name in sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n)):
        keys = [_name_key(t) for t in name.split()]
        core = keys[:-1] if len(keys) > 1 and keys[-1] in SUFFIXES else keys  # "Jesse Jackson Jr." ends in Jackson
        heads = [(tokens, full) for tokens, full in groups[_fold(core[-1])]
                 if not set(tokens[1:]) & NAME_CONNECTORS or set(keys) & NAME_CONNECTORS]  # not "News of the Clinton"
        if len(keys) == 1:  # a bare surname: the person named most often ("Bill Clinton" over "Hillary Rodham Clinton")
            written = Counter({full: 0 for _, full in heads})
            written.update({full: counts[n] for n, full in canon.items() if full in written})
            heads.sort(key=lambda head: -written[head[1]])
        for tokens, full in heads:
            # a bare surname joins "Jesse Jackson Jr."; the full name "Jesse Jackson" (his father) does not
            suffixed = bool(set(tokens) & SUFFIXES) and not set(keys) & SUFFIXES and len(core) > 1
            if _variant_of(keys, tokens) and not suffixed:
                canon[name] = full
                break
        else:
            groups[_fold(core[-1])].append((keys, name))
            canon[name] = name
    return canon


def _lexicon_mentions(text: str, base: int, lex: ActorLexicon, caps: bool = False) -> list[tuple]:
    """Mentions the lexicon knows in one sentence, longest first and never overlapping: compound
    labels ("Obama Regime"), then aliases (names), then descriptive labels. (start, end, actor, label,
    kind), clean offsets. Not an alias that begins a newspaper's or a university's name ("Washington
    Post") or stands inside a longer name ("Secure America Now"), nor, in a sentence written in capitals
    (``caps``), one that is an English word ("IS"), nor a state's city after "in" and the like ("talks
    in Moscow": the place; "Moscow says" is the state)."""
    from textblob.en import lexicon

    found: list[tuple] = []
    taken: list[tuple[int, int]] = []
    if lex.compound is not None:
        for m in lex.compound.finditer(text):
            found.append((base + m.start(), base + m.end(), lex.modifier_actor[m.group("mod")], m.group(0), "label"))
            taken.append((base + m.start(), base + m.end()))
    for pattern, lookup, kind in ((lex.names, lex.name_actor, "name"), (lex.fixed_labels, lex.label_actor, "label")):
        for m in pattern.finditer(text) if pattern is not None else ():
            s, e = base + m.start(), base + m.end()
            if kind == "name" and (INSTITUTION_AFTER.match(text, m.end()) or _inside_a_name(text, m.start(), m.end())
                                   or caps and (lexicon.get(m.group(0).lower()) or "NNP")[:3] != "NNP"
                                   or m.group(0) in lex.stand_ins and LOCATIVE_BEFORE.search(text, 0, m.start())):
                continue  # "in Moscow": the city, found as a place by the proper names' rules
            if _free(taken, s, e):
                actor = lookup.get(m.group(0)) or lookup.get(m.group(0).lower())
                found.append((s, e, actor, m.group(0) if kind == "name" else m.group(0).lower(), kind))
                taken.append((s, e))
    return found


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Does the text from start to end stand between two capitalised words of a longer name ("Secure
    America Now"; not a sentence's first word: "Former Syria envoy"), or after a body's "of" ("Bank of
    America", "University of Texas")?"""
    before = re.search(r"(?<=\S)\s+[A-Z][\w’'-]*\s+$", text[:start])
    body = re.search(r"(?:^|\s)([A-Z]\w+)\s+of\s+(?:the\s+)?$", text[:start])  # "Bank of America"
    return (before is not None and re.match(r"\s+[A-Z]", text[end:]) is not None
            or body is not None and body.group(1) in ORG_WORDS | ORG_NAMES)


# The word after a place's name that makes it a newspaper's or a university's ("Washington Post")
INSTITUTION_AFTER = re.compile(r"\s+(?:Post|Times|Journal|Herald|Tribune|Examiner|Globe|Gazette|Chronicle|Review|"
                               r"University|College)(?![\w-])")


PEOPLE_NOUNS = ("lawmakers|legislators|officials|leaders|members|senators|protesters|protestors|demonstrators|"
                "plaintiffs|defendants|prosecutors|police|officers|voters|residents|activists|critics|supporters|"
                "opponents|advocates|conservatives|liberals|workers|employees|students|parents|immigrants|refugees|"
                "veterans|troops|soldiers|donors|delegates|investigators|regulators|executives|unions")
BODY_NOUNS = "administration|campaign|government|camp"
GROUP_RE = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?:[A-Z][\w.&’'-]*\s+(?:(?:[A-Z][\w.&’'-]*|of)\s+){0,2})?[A-Z][\w.&-]*)\s+)?"
    rf"(?P<noun>(?i:{PEOPLE_NOUNS}))(?![\w-])"
    r"|(?<![\w-])(?!(?:The|A|An|This|That)\b)(?P<owner>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)(?:['’]s)?\s+"
    rf"(?P<body>{BODY_NOUNS})(?![\w-])")


def _group_mentions(text: str, base: int, taken: list[tuple[int, int]]) -> list[tuple]:
    """Groups of people ("Republican lawmakers", "Colorado officials", "protesters", "police") and
    bodies named after their head ("Obama administration", "the Romney campaign"): (start, end, actor,
    label, "group"). The actor is the modifier with the noun ("Republican lawmakers"), or the noun
    alone; a modifier that opens the sentence is kept only when it is not a common word. A describing
    word before the noun goes to the label, not the actor ("illegal immigrants" and "undocumented
    immigrants" are two labels of the group "immigrants"; _described_from)."""
    out = []
    for m in GROUP_RE.finditer(text):
        if m.group("body"):
            s, e, actor = m.start(), m.end(), f"{m.group('owner')} {m.group('body')}"
        elif m.group("noun")[:1].isupper() and m.start("noun") > 0:
            continue  # a capitalised word inside a sentence is part of a name ("Rail Workers Union")
        else:
            mod = m.group("mod") or ""
            s = m.start("mod") if mod else _described_from(text, m.start("noun"))
            e, actor = m.end(), f"{mod} {m.group('noun').lower()}".strip()
        if _free(taken, base + s, base + e):
            out.append((base + s, base + e, actor, text[s:e], "group"))
            taken = [*taken, (base + s, base + e)]
    return out


def _described_from(text: str, noun: int) -> int:
    """Where a group's label starts: at the describing word right before its noun ("illegal",
    "unarmed", "low-income", "grass-roots"): an adjective or participle of TextBlob's lexicon, a word it
    lacks with an adjective's ending ("undocumented") or a hyphenated word, but not one that counts or
    ranks (QUANTIFYING_WORDS: "many", "other", "former", "senior"); else at the noun."""
    from textblob.en import lexicon

    m = re.search(r"(?<![\w’'-])([a-z]+(?:-[a-z]+)*)\s+$", text[:noun])
    if m is None or m.group(1) in QUANTIFYING_WORDS:
        return noun
    word, tag = m.group(1), lexicon.get(m.group(1))
    adjective = tag in ("JJ", "VBN") or tag is None and word.endswith(ADJECTIVE_ENDINGS)  # "undocumented"
    return m.start(1) if "-" in word or adjective else noun


# How an adjective TextBlob's lexicon lacks ends ("undocumented", "antigovernment"... "-al", "-ive")
ADJECTIVE_ENDINGS = ("ed", "al", "ous", "ive", "ic", "ful", "less", "ant", "ent", "ary", "ist")


# Adjectives that count, order or rank a group rather than describe it: no label of their own
QUANTIFYING_WORDS = frozenset("""many other several some few fewer more most all both various certain such same own
former current top senior junior local federal new recent numerous fellow individual additional key major
possible potential average first last next previous only main chief further""".split())


ROLE_NOUNS = ("president|vice president|senator|congressman|congresswoman|governor|mayor|minister|prime minister|"
              "secretary|chairman|chairwoman|speaker|candidate|nominee|lawmaker|commissioner|chancellor|"
              "attorney general|ambassador|spokesman|spokeswoman|judge|administration|campaign")
# Bodies named by a description ("the administration") reach back over the whole article, not five sentences
WHOLE_ARTICLE_ROLES = frozenset({"administration", "campaign"})
DESCRIPTION_RE = re.compile(rf"(?<![\w-])[Tt]he\s+(?:(?:former|new|current|late|then|incoming|outgoing)\s+)?"
                            rf"(?P<role>(?i:{ROLE_NOUNS}))(?![\w-])(?!\s+[A-Z])")


def _description_mentions(text: str, base: int, taken: list[tuple[int, int]]) -> list[tuple]:
    """A person named by their role ("the senator", "the former president"; not "the President
    Obama", which is a name): (start, end, role, label, "description"). resolve_descriptions then
    gives it the person the article named with that role before."""
    out = []
    for m in DESCRIPTION_RE.finditer(text):
        if _free(taken, base + m.start(), base + m.end()):
            out.append((base + m.start(), base + m.end(), m.group(0).lower(), m.group(0), "description"))
    return out


def _resolve_descriptions(table: pd.DataFrame) -> pd.DataFrame:
    """Each description ("the senator") -> the person last named before it in the same article (five
    sentences back at most) with that role in their label ("Sen. Maria Lopez", "Senator Lopez"); "the
    administration" -> the last body named with that word ("the Obama administration"), anywhere before
    it in the article; a description with no such antecedent stays its own actor ("the senator")."""
    rows = table.reset_index(drop=True)
    actors = rows["actor"].tolist()
    named = []
    for i, (a, sid, lab, kind, text) in enumerate(zip(rows["article"], rows["sentence"], rows["label"], rows["kind"],
                                                      rows["text"])):
        if kind != "description":
            at = text.find(lab)
            named.append((i, a, sid, (text[max(0, at - 6):at] + lab).lower() if at >= 0 else lab.lower()))
    for i, (art, sid, kind, label) in enumerate(zip(rows["article"], rows["sentence"], rows["kind"], rows["label"])):
        if kind != "description":
            continue
        role = DESCRIPTION_RE.match(label).group("role").lower()
        short = {"senator": "sen", "governor": "gov", "congressman": "rep", "congresswoman": "rep"}.get(role, role)
        for j, a, s, lab in reversed(named):
            near = s <= sid and (role in WHOLE_ARTICLE_ROLES or sid - 5 <= s)
            if j < i and a == art and near and (role in lab or re.search(rf"\b{short}\.", lab)):
                actors[i] = rows.at[j, "actor"]
                break
    return rows.assign(actor=actors)


DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+$")


def _mention_rows(docs: list[Document], lex: ActorLexicon) -> pd.DataFrame:
    """Every mention, lexicon ones first in each sentence, with whether it reads like a place."""
    rows = []
    for doc in docs:
        lower_words = _lower_words(doc.text)
        per_paragraph = Counter(s.paragraph for s in doc.sentences)
        for sent in doc.sentences:
            known = _lexicon_mentions(sent.text, sent.clean_start, lex, _in_capitals(doc.tagged(sent)))
            known += _group_mentions(sent.text, sent.clean_start, [(m[0], m[1]) for m in known])
            known += _description_mentions(sent.text, sent.clean_start, [(m[0], m[1]) for m in known])
            rows.extend([doc.id, sent.sentence, *m, sent.text, False, False, False, False] for m in known)
            taken = [(m[0], m[1]) for m in known]
            titled = (sent.heading or _headline_paragraph(doc, sent, per_paragraph)) and _title_case(sent.text)
            names = _proper_names(doc, sent, taken, lex, lower_words)
            for s, e, name, label, placelike, person, doubtful in names + _hyphenated_names(doc, sent, taken, lex):
                if name in lex.demonyms and not DETERMINER_BEFORE.search(sent.text[: s - sent.clean_start]):
                    # "rejected Russian accusations": the country of actors.csv (not "the Russian", a person)
                    rows.append([doc.id, sent.sentence, s, e, lex.modifier_actor[name], label, "name", sent.text,
                                 False, False, False, False])
                    continue
                rows.append([doc.id, sent.sentence, s, e, name, label, "proper name", sent.text, placelike, person,
                             doubtful, titled])
    table = pd.DataFrame(rows, columns=["article", "sentence", "start", "end", "actor", "label", "kind", "text",
                                        "_placelike", "_person", "_doubtful", "_titled"])
    return table[[*MENTION_COLUMNS, "_placelike", "_person", "_doubtful", "_titled"]]


def _headline_paragraph(doc: Document, sent, per_paragraph: Counter) -> bool:
    """A first or second paragraph of one sentence, in a text of several, with no full stop of its own:
    where a headline or its repetition stands even when it runs past a heading's length or ends in an
    acronym's dots ("... New Jersey G.O.P."), so segment does not call it a heading."""
    text = sent.text.rstrip()
    return (len(doc.paragraphs) > 1 and sent.paragraph <= 1 and per_paragraph[sent.paragraph] == 1
            and (not CLOSING_PUNCTUATION.search(text) or DOTTED_END.search(text) is not None))


DOTTED_END = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "G.O.P.", "U.S.": a headline may end in an acronym


def _lower_words(text: str) -> frozenset:
    """The words a text writes in lower case ("teachers", "progressivism"): beside them, the same word
    capitalised at the start of a sentence or quotation is that word, not a name."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]", text))


def _title_case(text: str) -> bool:
    """A headline in title case ("Obama Gun Control Proposals Unveiled"): most of its words capitalised,
    so capitals say nothing about names. Not a tweet's signature ("— Jo Ames (@joames) May 2, 2019")."""
    if re.search(r"\(@\w+\)", text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) >= 0.7


def _names_in_titles(table: pd.DataFrame) -> pd.DataFrame:
    """In a title-case headline, a run of capitals is not one name: keep only the names the article's
    other sentences give (the longest first: "Bill Clinton", "Joe Sestak" in "White House Asked Bill
    Clinton To Talk To Joe Sestak"), a surname of one, or initials ("NAACP"), each with its own
    offsets; drop the rest."""
    titled = table["_titled"] & (table["kind"] == "proper name")
    if not titled.any():
        return table
    body = table[~titled & (table["kind"] == "proper name")]
    known: dict[str, set[str]] = {}
    for sc, actor in zip(body["_scope"], body["actor"]):
        known.setdefault(sc, set()).add(actor)
    out = [table[~titled]]
    for r in table[titled].to_dict("records"):
        names = sorted(known.get(r["_scope"], ()), key=len, reverse=True)
        taken: list[tuple[int, int]] = []
        acronyms = re.findall(r"(?<![\w-])[A-Z][A-Z.&]{1,9}(?![\w-])", r["label"])  # "NAACP", "GOP": names anyway
        surnames = [n.split()[-1] for n in names if len(n.split()) > 1 and _person_like(n)]
        for name in names + surnames + acronyms + _given_and_surname(r["label"]):
            found = find_whole(r["label"], name)
            if found and _free(taken, *found):
                taken.append(found)
                out.append(pd.DataFrame([{**r, "start": r["start"] + found[0], "end": r["start"] + found[1],
                                          "actor": name, "label": name}]))
    return pd.concat(out, ignore_index=True).sort_values(["article", "sentence", "start"], kind="stable")


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def find_whole(text: str, word: str) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of ``word`` in ``text`` with no word character or hyphen
    just before or after it, as ``(?<![\\w-])word(?![\\w-])`` finds it, without compiling a pattern
    for every name (hundreds of names overflow Python's cache of compiled patterns)."""
    i = text.find(word) if word else -1
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
            return i, j
        i = text.find(word, i + 1)
    return None


def _given_and_surname(text: str) -> list[str]:
    """The people a title-case headline names by itself: an English given name and one or two words
    English lacks ("Jay Inslee Says ...", "Ada Quill Wins"), whatever the article's other sentences say."""
    from textblob.en import lexicon

    out = []
    for m in re.finditer(r"\b([A-Z][a-z]+)((?: [A-Z][a-z’'-]+){1,2})", text):
        words = [m.group(1)]
        for w in m.group(2).split():
            if lexicon.get(w.lower()) is not None:
                break
            words.append(w)
        if len(words) > 1 and given_name(words[0]):
            out.append(" ".join(words))
    return out


def _nicknames(table: pd.DataFrame) -> pd.DataFrame:
    """A nickname written alone ("Mo") is the person whose name held it in quotes (William “Mo” Cowan)
    in the same scope."""
    proper = table["kind"] == "proper name"
    known = {}
    for sc, actor, label in zip(table.loc[proper, "_scope"], table.loc[proper, "actor"], table.loc[proper, "label"]):
        for word in label.split():
            if NICKNAME.fullmatch(word):
                known[(sc, word[1:-1])] = actor
    if not known:
        return table
    return _rename_proper(table, "_scope", lambda sc, a: known.get((sc, a), a))


def _given_names(table: pd.DataFrame) -> pd.DataFrame:
    """A first name written alone ("Hillary", "Bernie") is the one person of the article whose full name
    begins with it (Hillary Clinton), unless it is also a surname there or two people share it."""
    proper = table["kind"] == "proper name"
    firsts: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames = set()
    for article, actor in set(zip(table.loc[proper, "article"], table.loc[proper, "actor"])):
        words = actor.split()
        if len(words) > 1 and _person_like(actor):
            firsts[(article, _fold(words[0]))].add(actor)
            surnames.add((article, _fold(words[-1])))
    if not firsts:
        return table

    def full_name(article: str, actor: str) -> str:
        people = firsts.get((article, _fold(actor)), ())
        alone = " " not in actor and len(people) == 1 and (article, _fold(actor)) not in surnames
        return next(iter(people)) if alone else actor

    return _rename_proper(table, "article", full_name)


def _rename_proper(table: pd.DataFrame, by: str, rename) -> pd.DataFrame:
    """A copy of the table with each proper name's actor replaced by ``rename(value of by, actor)``."""
    proper = table["kind"] == "proper name"
    table = table.copy()
    table.loc[proper, "actor"] = [rename(k, a) for k, a in zip(table.loc[proper, by], table.loc[proper, "actor"])]
    return table


def _person_like(name: str) -> bool:
    """Could the name be a person's (its last word a surname)? Every word capitalised, and the last no
    organisation's word: not "National Organization for Marriage", "Centers for Disease Control"."""
    words = name.split()
    return all(w[:1].isupper() for w in words) and words[-1] not in ORG_WORDS | ORG_NAMES


def _titled_surnames(table: pd.DataFrame, lex: ActorLexicon) -> pd.DataFrame:
    """A surname after a role ("Vice President Cheney", "President Clinton") is the person of that surname
    whom the articles give that role with their full name ("Vice President Dick Cheney"), when exactly one
    is, though the grouping gave the surname to another ("Mary Cheney", written more often)."""
    proper = table[table["kind"] == "proper name"]
    roles: dict[tuple, set[str]] = defaultdict(set)  # (scope, surname, role) -> full names written with it
    for sc, actor, label in zip(proper["_scope"], proper["actor"], proper["label"]):
        role, name = _role_and_name(label, lex)
        words = [w for w in name.split() if _name_key(w) not in SUFFIXES]
        if role and len(words) > 1 and name == actor:
            roles[(sc, words[-1], role)].add(actor)  # "Joseph R. Biden Jr." under "Biden"
    if not roles:
        return table
    table = table.copy()
    for k in proper.index:
        role, name = _role_and_name(table.at[k, "label"], lex)
        people = roles.get((table.at[k, "_scope"], name, role), set()) if role and " " not in name else set()
        if len(people) == 1 and table.at[k, "actor"] not in people:
            table.at[k, "actor"] = next(iter(people))
    return table


def _role_and_name(label: str, lex: ActorLexicon) -> tuple[str, str]:
    """("Vice President", "Dick Cheney") from "former Vice President Dick Cheney": the titles before the
    name, honorifics ("Mr.") aside, and the name."""
    words = label.split()
    k = 0
    while k < len(words) - 1 and _title(words[k], lex):
        k += 1
    role = " ".join(w for w in words[:k] if w.rstrip(".") not in ADDRESS_TITLES)
    return role, " ".join(words[k:])


def _confirm_doubtful(table: pd.DataFrame) -> pd.DataFrame:
    """Keep a capital its position explains ("Carver" opening a sentence) only where a name of the same
    scope ends in it where no position explains the capital ("Helen Carver", or "Carver" mid-sentence):
    then it is that person, not a common word. A title-case headline's capitals confirm nothing ("Pleads
    Guilty" does not make the "Guilty" opening a quotation a name)."""
    sure = table[(table["kind"] == "proper name") & ~table["_doubtful"] & ~table["_titled"]]
    surnames = {(sc, a.split()[-1]) for sc, a in zip(sure["_scope"], sure["actor"])}
    keep = ~table["_doubtful"] | pd.Series([(sc, a) in surnames for sc, a in zip(table["_scope"], table["actor"])],
                                           index=table.index, dtype=bool)
    return table[keep]


def mentions_and_places(docs: list[Document], names_across_articles: bool = True,
                        lexicons: Lexicons | str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """find_mentions and find_places in one pass (both tables come from the same names)."""
    lex = actor_lexicon(lexicons)
    table = _mention_rows(docs, lex)
    # Names are grouped, and judged to be places, within a scope: all the articles, or each one.
    table["_scope"] = "" if names_across_articles else table["article"]
    table = _names_in_titles(_confirm_doubtful(table))
    proper = table["kind"] == "proper name"
    canon = {sc: _group_names(names.tolist()) for sc, names in table[proper].groupby("_scope")["actor"]}
    table = _rename_proper(table, "_scope", lambda sc, a: canon[sc].get(a, a))
    table = _resolve_descriptions(_titled_surnames(_given_names(_nicknames(table)), lex))
    proper = table["kind"] == "proper name"
    # A name is a place when listed in places.txt, or when at least half its mentions read like one or the
    # gazetteer has it as a region (ISO 3166-2), and no mention reads like a person (_reads_as_person:
    # "Texas said" is a government, "Mr. Paul" a person).
    share = table[proper].groupby(["_scope", "actor"])["_placelike"].mean()
    person = table[proper].groupby(["_scope", "actor"])["_person"].any()
    regions = gazetteer()[1]
    reasons = {}
    for a, sc in zip(table.loc[proper, "actor"], table.loc[proper, "_scope"]):
        if a in lex.places:
            reasons[(sc, a)] = "places.txt"
        elif (share.get((sc, a), 0.0) >= 0.5 and not {a.split()[-1]} & (ORG_WORDS | ORG_NAMES)
              and not person.get((sc, a), False)):
            reasons[(sc, a)] = "reads as a place"
        elif a in regions and not person.get((sc, a), False) and not given_name(a):
            reasons[(sc, a)] = "gazetteer"  # but "Paul", "Kerry", "Mary" are people unless they read as places
    is_place = proper & pd.Series([(sc, a) in reasons for a, sc in zip(table["actor"], table["_scope"])],
                                  index=table.index, dtype=bool)
    places = table[is_place].assign(place=lambda t: t["actor"], reason=[
        reasons[(sc, a)] for a, sc in zip(table.loc[is_place, "actor"], table.loc[is_place, "_scope"])])
    order = ["article", "sentence", "start"]
    return (table[~is_place][MENTION_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True),
            places[PLACE_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True))


def find_mentions(docs: list[Document], names_across_articles: bool = True,
                  lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Every actor mention: article, sentence, actor, label (as written), kind, clean offsets, sentence text.

    kind: ``name`` (an alias in actors.csv), ``label`` (a descriptive label such as "rebels" or
    "Obama Regime"), ``proper name`` (a capitalised name not in the lexicon, grouped across variants:
    "Putin" joins "Vladimir Putin", across all the articles, or within each article when
    ``names_across_articles`` is False, as corpus mode does), ``group`` ("Republican lawmakers",
    "police", "Romney campaign") or ``description`` ("the senator": the person last named with that
    role in the article, five sentences back at most, or else the description itself). Places are left
    out (see find_places).
    """
    return mentions_and_places(docs, names_across_articles, lexicons)[0]


# Pronouns that stand for one person, and how many sentences back the person they stand for may be named
PRONOUNS = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers)(?![\w’'-])")
PRONOUN_WINDOW = 2
PRONOUN_COLUMNS = [*MENTION_COLUMNS, "offset", "antecedent_sentence"]


def pronoun_mentions(docs: list[Document], mentions: pd.DataFrame,
                     lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """He, she, him, his, her, hers, each resolved to the one person (an actor of kind person) named
    before it: in its own sentence, else in the nearest of the PRONOUN_WINDOW sentences before it that
    names anyone. Left out where two people are named there: no guess between them. Columns:
    MENTION_COLUMNS (kind "pronoun", label the pronoun as written), offset (where the pronoun starts in
    its sentence) and antecedent_sentence (the sentence naming the person: the evidence)."""
    people = {a for a, kind in actor_kinds(mentions, actor_lexicon(lexicons)).items() if kind == "person"}
    named: dict[tuple, list] = defaultdict(list)  # (article, sentence) -> (end, person) of the people named there
    for article, sentence, end, actor in zip(mentions["article"], mentions["sentence"], mentions["end"],
                                             mentions["actor"]):
        if actor in people:
            named[(article, sentence)].append((end, actor))
    rows = []
    for doc in docs:
        for sent in doc.sentences:
            for m in PRONOUNS.finditer(sent.text):
                found = _antecedent(named, doc.id, sent.sentence, sent.clean_start + m.start())
                if found:
                    rows.append([doc.id, sent.sentence, found[0], m.group(0), "pronoun", sent.clean_start + m.start(),
                                 sent.clean_start + m.end(), sent.text, m.start(), found[1]])
    return pd.DataFrame(rows, columns=PRONOUN_COLUMNS).astype(
        {"sentence": int, "start": int, "end": int, "offset": int, "antecedent_sentence": int})


def _antecedent(named: dict, article: str, sentence: int, at: int) -> tuple[str, int] | None:
    """(person, sentence) a pronoun at clean offset ``at`` stands for, or None (no one, or two people)."""
    before = {actor for end, actor in named.get((article, sentence), []) if end <= at}
    back = 0
    while not before and back < PRONOUN_WINDOW:
        back += 1
        before = {actor for _, actor in named.get((article, sentence - back), [])}
    return (before.pop(), sentence - back) if len(before) == 1 else None


def find_places(docs: list[Document], names_across_articles: bool = True,
                lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """The capitalised names left out of the actors because they are places: article, sentence, place,
    label, reason (``places.txt``, or ``reads as a place``: at least half its mentions follow "in",
    "near"... or precede a word of place_words.txt), clean offsets, sentence text."""
    return mentions_and_places(docs, names_across_articles, lexicons)[1]


def actors_table(mentions: pd.DataFrame, lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Actor x article: the labels used with counts; ``only_in`` names the article when only it uses
    that descriptive label for an actor that more than one article names (a name variant is habit, not
    a choice of framing, and is never flagged); ``label_kind`` says whether the label is
    a ``name`` (a variant of the actor's name, with or without a title: "Carver", "Transport Secretary
    Helen Carver", "FSA") or a ``description`` (words of its own: "Obama Regime", "rebels", "Daesh").
    Descriptions are the framing; name variants are house style and habit. ``actor_kind`` is person,
    organisation, country or state, group or other (see actor_kind)."""
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    counts = mentions.groupby(["article", "actor", "label"], sort=False).size().rename("count").reset_index()
    n_articles = mentions.groupby("actor")["article"].nunique()
    users = counts.groupby(["actor", "label"])["article"].agg(lambda a: sorted(set(a)))
    lex = actor_lexicon(lexicons)
    counts["label_kind"] = [label_kind(act, lab, lex) for act, lab in zip(counts["actor"], counts["label"])]
    counts["only_in"] = [users[(act, lab)][0] if len(users[(act, lab)]) == 1 and n_articles[act] > 1
                         and kind == "description" else ""
                         for act, lab, kind in zip(counts["actor"], counts["label"], counts["label_kind"])]
    kinds = actor_kinds(mentions, lex)
    counts["actor_kind"] = counts["actor"].map(kinds)
    counts = counts.sort_values(["actor", "article", "count"], ascending=[True, True, False])
    return counts.reset_index(drop=True)[ACTOR_COLUMNS]


ORG_NAMES = frozenset("""Congress Senate Parliament Kremlin Pentagon Cabinet Court Commission Bureau Institute
Center Centre University College School Foundation Association Society Corporation Company Corp Inc Ltd LLC Group Bank
Times Post Journal News Network Airlines Railway Railways Rail Police Council Authority Administration
Campaign Club League Federation Alliance Coalition Church Hospital Service Services Board Trust Agency
Jabhat Jaysh Liwa Harakat Ansar Hayat Tahrir Kataib Hezbollah Hamas Taliban Caucus Conference Branch Fund Chamber
Consulate Embassy""".split())
CONNECTORS = frozenset("of and the for de van von al bin la".split())
GROUP_WORDS = frozenset("""Republicans Democrats Conservatives Liberals Tories Socialists Communists Kurds
Palestinians Israelis Americans Europeans Muslims Christians Jews Catholics Evangelicals Progressives
Libertarians Independents""".split())


def actor_kinds(mentions: pd.DataFrame, lex: ActorLexicon) -> dict[str, str]:
    """Each actor of the mentions table and its kind (actor_kind, from the kinds of its mentions)."""
    return {actor: actor_kind(actor, kinds, lex) for actor, kinds in mentions.groupby("actor")["kind"].agg(set).items()}


def actor_kind(actor: str, mention_kinds: set, lex: ActorLexicon) -> str:
    """person, organisation, country or state, group, or other: from actors.csv (its states; its labels
    name groups such as the armed opposition), the gazetteer (countries), the name's last word
    (organisation words, "Republicans"), initials ("FBI"), and two to four capitalised words (a person)."""
    words = actor.split()
    if actor in lex.states or actor in gazetteer()[0]:
        return "country or state"
    if words and words[-1] in BODY_NOUNS.split("|"):
        return "organisation"  # "Obama administration"
    if mention_kinds and mention_kinds <= {"description"}:
        return "person"  # "the mayor", named only by the role
    if mention_kinds & {"label", "group"} or not actor[:1].isupper():
        return "group"
    if not words:
        return "other"
    if words[-1] in GROUP_WORDS:
        return "group"
    if any(w in ORG_WORDS or w in ORG_NAMES for w in words) or re.fullmatch(r"[A-Z][A-Z.&-]{1,9}", actor):
        return "organisation"
    capital = [w.split("-")[-1][:1].isupper() for w in words if w not in CONNECTORS]
    if not all(capital):
        return "group"  # "Kurdish forces": a description, not a name
    if 2 <= len(words) <= 4 and len(capital) >= 2 and words[0] not in CONNECTORS and words[-1] not in CONNECTORS:
        return "person"  # "Staffan de Mistura", "Ludwig van Beethoven" too
    return "other"


ADDRESS = frozenset("mr mrs ms miss dr sen rep gov the".split())


def _name_words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐.’']+", text) if w]


def label_kind(actor: str, label: str, lex: ActorLexicon) -> str:
    """``name`` when ``label`` is the actor's name, part of it, its initials, a plain role ("the
    senator"), or the name with titles,
    forms of address and nationality words (titles.txt, the demonyms of actors.csv), or after a
    capitalised role that ends in a title; else ``description``."""
    own = {w.lower() for w in _name_words(actor)}
    words = _name_words(label)
    if not words or DESCRIPTION_RE.fullmatch(label):
        return "name"  # nothing, or a plain role ("the senator"): how papers refer back, not a choice of words
    initials = "".join(w[0] for w in _name_words(actor) if w[:1].isupper()).lower()
    letters = re.sub(r"[\s.]", "", label).lower()
    if len(initials) > 1 and letters == initials:
        return "name"  # "FSA", "U.S."
    if label in lex.demonyms and lex.modifier_actor.get(label) == actor:
        return "name"  # the country's own adjective ("Russian accusations")
    rest = [w for w in words if w.lower() not in own]
    if len(rest) == len(words):
        return "description"  # no word of the name at all: another name for it ("Daesh") or a label
    if all(w in lex.titles or w in lex.demonyms or w.lower() in ADDRESS for w in rest):
        return "name"
    first = next(i for i, w in enumerate(words) if w.lower() in own)
    role = words[:first]
    if len(role) == len(rest) and role[-1] in lex.titles and all(w[:1].isupper() for w in role):
        return "name"  # a capitalised role ending in a title before the name ("Transport Secretary Helen Carver")
    return "description"


def actor_matrix(mentions: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Mentions per actor and article (the actors named most often overall first)."""
    if mentions.empty:
        return pd.DataFrame()
    table = mentions.pivot_table(index="actor", columns="article", values="sentence", aggfunc="count", fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]


def label_comparison(actors: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """For actors named by at least ``min_articles`` articles: each article's descriptive labels,
    'label (count)' (a * marks one only that article uses), and the name variants of all articles in
    the last column, ``name variants`` ("Carver; Helen Carver")."""
    if actors.empty:
        return pd.DataFrame()
    shared = actors.groupby("actor")["article"].nunique()
    keep = actors[actors["actor"].isin(shared[shared >= min_articles].index)]
    if "label_kind" not in keep:  # a table from before label kinds: every label is a description
        keep = keep.assign(label_kind="description")
    described = keep[keep["label_kind"] == "description"]
    cell = described.assign(text=[f"{lab} ({n})" + (" *" if only else "") for lab, n, only in
                                  zip(described["label"], described["count"], described["only_in"])])
    table = cell.groupby(["actor", "article"])["text"].agg("; ".join).unstack(fill_value="")
    articles = list(dict.fromkeys(keep["article"]))
    table = table.reindex(index=sorted(set(keep["actor"])), columns=articles, fill_value="")
    names = keep[keep["label_kind"] == "name"].groupby("actor")["label"].agg(lambda x: "; ".join(dict.fromkeys(x)))
    table["name variants"] = names.reindex(table.index, fill_value="")
    table.columns.name, table.index.name = "article", "actor"
    return table
