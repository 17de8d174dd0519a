"""From a run of tokens to a name: titles and demonyms stripped, whether it reads as a place or a
person, programme titles and hyphenated names ("anti-Trump").
"""

from __future__ import annotations

import re

from ..segment import Document
from .capitals import common_word, list_fragment, speaks_after
from .lexicon import ActorLexicon, is_title
from .runs import given_name_first, proper_runs
from .words import (
    LOCATIVES,
    NICKNAME,
    POSSESSIVE,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    gazetteer,
    given_name,
    is_free,
    lexicon_noun,
)

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


def _reads_as_place(toks, first: int, last: int, lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a place: after a locative ("in", "near the"), or before a
    place word ("Idlib province", "Afrin, a city")? Not before a possessive ("in Smith's view")."""
    after = [t[0] for t in toks[last + 1 : last + 4]]
    if (after[:1] and after[0] in {"’s", "'s", "’", "'"}) or POSSESSIVE.match(toks[last].word):
        return False
    return _place_word_after(toks[last].word, after, lex) or _locative_before(toks, first, lex)


def _place_word_after(word: str, after: list[str], lex: ActorLexicon) -> bool:
    """"Idlib province", "Afrin, a city"; "Pennsylvania Avenue", "Drax Road" (the name's own last
    ``word``; unless it speaks: "Downing Street said")."""
    if after[:1] and after[0].lower() in lex.place_words or word in lex.street_words:
        return True
    return after[:2] in ([",", "a"], [",", "the"]) and len(after) > 2 and after[2].lower() in lex.place_words


def _locative_before(toks, first: int, lex: ActorLexicon) -> bool:
    """After "in", "near the", "the province of"; not after "victory over", "supporting Sanders over"."""
    before = [t[0].lower() for t in toks[max(0, first - 2) : first]]
    if before[-1:] == ["of"] and len(before) == 2 and before[0] in lex.place_words:
        return True  # "the village of Yamadi", "the province of Idlib"
    if len(before) == 2 and before[0] in NOT_LOCATIVE_AFTER.get(before[1], ()):
        return False
    if before[-1:] == ["over"] and first >= 2 and toks[first - 2].tag.startswith("NNP"):
        return False  # "supporting Sanders over Clinton": one person preferred to another
    return bool(before) and (before[-1] in LOCATIVES
                             or (before[-1] == "the" and len(before) == 2 and before[0] in LOCATIVES))


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
        if given_name(m.group(1)) or is_title(m.group(1), lex) or is_title(f"{m.group(1)}.", lex):
            return name
    return f"{name} {surname}"


def _shared_surname(toks, i: int) -> str:
    """The surname a given name at token i shares with the next person ("Sarah and Tom Hollis":
    "Hollis"), or "" when no given name and surname follow after "and"."""
    if i + 3 >= len(toks) or toks[i + 1].word not in {"and", "&"}:
        return ""
    given, surname = toks[i + 2].word, toks[i + 3].word
    ends = i + 4 >= len(toks) or not toks[i + 4].word[:1].isupper()
    if not (given[:1].isupper() and given_name(given) and surname[:1].isupper() and ends
            and toks[i + 3].tag.startswith("NNP")):
        return ""
    return surname[:-2] if POSSESSIVE.match(surname) else surname


def _run_name(words: list[str], lex: ActorLexicon) -> str:
    """A person's name without titles and demonyms ("Russian President Vladimir Putin" -> "Vladimir
    Putin"); an organisation keeps every word ("Syrian Arab Army", "American University", "House
    Republican Conference")."""
    if words[-1] in lex.legislatures and words[0] in lex.party_words:
        return words[-1]  # "the Republican Senate": the Senate, under a label
    if words[-1] in lex.bodies or words[-1] in LAW_WORDS:  # "Defense of Marriage Act" is no "Act"
        return " ".join(words)
    rest = _after_role(words, lex)
    return " ".join(words) if rest is None else _without_titles(rest, lex)


def _after_role(words: list[str], lex: ActorLexicon) -> list[str] | None:
    """The words after a role that ends in a title before the name ("Colorado Attorney General John
    Suthers", "House Speaker Newt Gingrich", "Secretary of State Hillary Clinton"), all the words
    where there is none, None where a title's opening word stands before one word ("Veterans of
    Foreign Wars", "House Foreign Affairs": no role before a name)."""
    last = max((k for k, w in enumerate(words[:-1]) if is_title(w, lex)), default=-1)
    if last < 0:
        return words
    rest = words[last + 1 :]
    if len(rest) == 1 and words[last] in lex.title_openers:
        return None
    if len(rest) > 2 and rest[0] == "of":  # "of State", "of Homeland Security"
        rest = rest[2:] if len(rest) <= 4 else rest[3:]
    return rest if rest and rest[0][:1].isupper() else words


def _without_titles(words: list[str], lex: ActorLexicon) -> str:
    """The name without the titles and demonyms before it, unless one noun is left after demonyms
    only ("American Dream", "American Revolution": one name, not a country's dream)."""
    whole = words
    while len(words) > 1 and (is_title(words[0], lex) or words[0] in lex.demonyms):
        words = words[1:]
    if len(words) == 1 and all(w in lex.demonyms for w in whole[:-1]) and lexicon_noun(words[0]):
        return " ".join(whole)
    return " ".join(words)


LAW_WORDS = frozenset({"Act", "Acts"})


def _quoted_title(toks, first: int, last: int, work_nouns: frozenset) -> bool:
    """Is the run the whole of a short quotation in title case after a broadcaster's possessive or a
    word for a work ('on ABC's “This Week,”', 'the CNN program “State of the Union”'): the title of a
    programme, a book or a film, not an actor? The quotation may hold other capitalised words and
    small ones ('the Fox News program “Fox and Friends,”', 'Fox News' “America’s Newsroom”')."""
    def in_title(tok: str) -> bool:
        return tok in TITLE_SMALL_WORDS or tok[:1].isupper()

    a, b = first - 1, last + 1
    while a >= 0 and in_title(toks[a].word):
        a -= 1
    while b < len(toks) and (toks[b].word in {",", "."} or in_title(toks[b].word)):
        b += 1
    if not (a >= 1 and b < len(toks) and toks[a].word in QUOTE_OPEN and toks[b].word in QUOTE_CLOSE and b - a <= 10):
        return False
    before = toks[a - 1].word
    return (bool(POSSESSIVE.match(before)) or before.endswith(("'s", "’s", "'", "’"))
            or before.lower() in work_nouns)


TITLE_SMALL_WORDS = frozenset("the a an and of & on in for to this".split())


def proper_names(doc: Document, sent, taken, lex: ActorLexicon, lower_words: frozenset = frozenset()):
    """Runs of proper-noun tokens with a leading demonym kept in the label:
    (start, end, name, label, reads as a place, reads as a person, doubtful). ``lower_words``: the
    article's words written in lower case (_lower_words)."""
    toks = doc.tagged(sent)
    out = []
    for run in proper_runs(toks, lex):
        run = _after_known(toks, run, taken, lex)
        found = run and _name_of_run(doc, toks, run, taken, lex)
        if found:
            # kept if a name elsewhere ends in it
            doubtful = common_word(toks, run, sent.heading, lex, lower_words) or list_fragment(toks, run, lex)
            out.append((*found, doubtful))
    return out


def _name_of_run(doc: Document, toks, run: list[int], taken, lex: ActorLexicon) -> tuple | None:
    """(start, end, name, label, reads as a place, reads as a person) of one run, or None where it
    names no actor: a word of not_actors.txt, a lexicon's name, a programme's title, a title alone,
    a party and state."""
    first = run[0] - 1 if run[0] > 0 and toks[run[0] - 1].word in lex.demonyms else run[0]
    s, e = toks[first].start, toks[run[-1]].end
    words = doc.text[s:e].split()  # "T." and "Rep." keep their dots
    if POSSESSIVE.match(words[-1]):  # "Trump’s" -> Trump
        words[-1], e = words[-1][:-2], e - 2
    label = doc.text[s:e]
    name = _run_name([w for w in words if not NICKNAME.fullmatch(w)], lex)  # William “Mo” Cowan
    name = _with_shared_surname(name, doc.text, toks, run[-1], lex)  # "Sarah and Tom Hollis"
    city = name in lex.stand_ins and first > 0 and toks[first - 1].word.lower() in LOCATIVES
    if (_no_actor(name, label, words, city, lex) or not is_free(taken, s, e)
            or _quoted_title(toks, first, run[-1], lex.work_nouns)):
        return None  # _quoted_title: ABC's “This Week”, the CNN program “State of the Union”
    placelike = city or words[-1] not in LAW_WORDS and _reads_as_place(toks, first, run[-1], lex)
    person = not city and _reads_as_person(toks, first, run[-1], words[: len(words) - len(name.split())], lex)
    return s, e, name, label, placelike, person


def _no_actor(name: str, label: str, words: list[str], city: bool, lex: ActorLexicon) -> bool:
    """Does the name found in a run name no actor: nothing, a word of not_actors.txt (but "Mrs May",
    "Dr King" are names), a title alone ("As President, I will...", "Rep."), a name the lexicon finds
    itself (but "in Moscow" is the city: a place), or a senator's party and state ("(D-Ore.)")?"""
    addressed = len(words) > 1 and words[0].rstrip(".") in lex.forms_of_address
    if not name or not addressed and lex.not_actors & {name, label}:
        return True
    title_alone = " " not in name and not name.isupper() and (name in lex.titles or f"{name}." in lex.titles)
    known = lex.names is not None and lex.names.fullmatch(name) and not city
    return bool(title_alone and not addressed or known or PARTY_STATE.fullmatch(name))


# A name inside a hyphenated word: "anti-Trump voters", "a pro-Clinton district", "a Sanders-backed
# candidate", "his Trump-induced hell". Not two names ("Pence-Schumer", "Coca-Cola"), not "anti-American".
HYPHENATED_NAME = re.compile(r"^(?:(?:anti|pro)-(?P<after>[A-Z][\w’']+)|(?P<before>[A-Z][a-z][\w’']*)-(?:backed|led|"
                             r"era|style|appointed|allied|aligned|friendly|supporting|linked|controlled|induced|"
                             r"endorsed|funded|inspired|mocking|bashing))$")


def hyphenated_names(doc: Document, sent, taken, lex: ActorLexicon):
    """Names inside hyphenated words (HYPHENATED_NAME), as proper_names gives them; not a demonym or
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
        if is_free(taken, s, s + len(name)):
            out.append((s, s + len(name), name, name, False, False, False))
    return out


def _after_known(toks, run: list[int], taken: list[tuple[int, int]], lex: ActorLexicon) -> list[int]:
    """The run without the words at its start that a lexicon mention took: "U.S. President Donald Trump"
    -> "President Donald Trump" beside the mention "U.S."; nothing where one common word is left ("U.S.
    Embassy": the lexicon's actor's own body), unless it names a body ("Senate")."""
    from textblob.en import lexicon

    whole = len(run)
    while run and (not is_free(taken, toks[run[0]].start, toks[run[0]].end)
                   or toks[run[0]].word in {".", "of", "and", "'s"}):
        run = run[1:]
    if len(run) == 1 < whole and toks[run[0]].word not in lex.org_names | lex.group_words:
        tag = lexicon.get(toks[run[0]].word.lower())
        return [] if tag and not tag.startswith("NNP") else run
    return run


def _reads_as_person(toks, first: int, last: int, before_name: list[str], lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a person (so never a place): a title before it ("Mr. Paul",
    "Secretary Kerry"), ", who" or an age after it ("Santiago, who surrendered", "Rivera, 24,"), a
    verb of saying or a person's act ("Texas said": a government), a noun that takes a person before it
    ("victory over Moreno"), or a given name opening a name of
    two or three words that no place word ends ("Hannah Graham", not "Virginia Beach")? ``before_name``:
    the run's words before the name (titles, demonyms)."""
    before = [t[0] for t in toks[max(0, first - 2) : first]]  # "Mr. Paul": "Mr" and "." are tokens of their own
    after = [t[0] for t in toks[last + 1 : last + 4]]
    name = [t[0] for t in toks[first + len(before_name) : last + 1]]
    titled = any(w in lex.titles for w in before_name) or before[-1:] == ["."] and before[0] in lex.titles
    return titled or after[:2] == [",", "who"] or speaks_after(toks, last, lex.cues) or _aged(after) or (
        _taken_as_someone(before)) or (
        given_name_first(name) and name[-1].lower() not in lex.place_words and name[-1] not in lex.place_endings
        and " ".join(name) not in gazetteer()[1])  # "North Carolina", "Virginia" are regions first


def _taken_as_someone(before: list[str]) -> bool:
    """After a noun whose preposition takes a person or a body ("victory over Moreno", "the inquiry into
    Dolan", "rallied around Kent": NOT_LOCATIVE_AFTER)."""
    return len(before) == 2 and before[0].lower() in NOT_LOCATIVE_AFTER.get(before[1].lower(), ())


def _aged(after: list[str]) -> bool:
    """An age between commas after a name ("Rivera, 24,")."""
    return len(after) == 3 and after[0] == after[2] == "," and after[1].isdigit() and len(after[1]) <= 3


PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")
