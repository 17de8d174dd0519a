"""Runs of proper-noun tokens: joined over connectors ("Bank of America", "Centers for Disease
Control"), split where "and" joins two names, nicknames in quotes kept inside.
"""

from __future__ import annotations

from .capitals import caps_name, in_capitals, is_proper
from .lexicon import ActorLexicon
from .words import (
    OPENERS,
    POSSESSIVE,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    dotted_word,
    gazetteer,
    given_name,
    lexicon_noun,
)


def _org_head(word: str, lex: ActorLexicon) -> bool:
    """A word that heads an organisation's name ("Office", "Centers", "Organization")."""
    bodies = lex.bodies
    return word in bodies or (word.endswith("s") and word[:-1] in bodies)


def _org_connector(toks, cur: list[int], i: int, lex: ActorLexicon) -> bool:
    """Does the word at ``i`` go on with an organisation's name begun in ``cur``: "for" before a capital
    ("Centers for Disease Control", "National Organization for Marriage"), "of the" before one
    ("Office of the Historian"), "of" before a capitalised adjective ("Office of Special Counsel"), "to"
    before a capitalised verb ("Coalition to Stop Gun Violence")?"""
    return _org_name_begun(toks, cur, i, lex) and _goes_on_to_a_capital(toks, i)


def _org_name_begun(toks, cur: list[int], i: int, lex: ActorLexicon) -> bool:
    """Does ``cur`` hold an organisation's word, or is the word at ``i`` inside "State of the Union"?"""
    if any(_org_head(toks[k].word, lex) for k in cur):
        return True
    if toks[cur[-1]].word == "State" and [t[0] for t in toks[i : i + 3]] == ["of", "the", "Union"]:
        return True
    return (toks[i].word == "the" and i >= 2 and toks[i - 2].word == "State" and i + 1 < len(toks)
            and toks[i + 1].word == "Union")


def _capital_at(toks, k: int) -> bool:
    return k < len(toks) and toks[k].word[:1].isupper() and toks[k].word[1:2].islower()


def _goes_on_to_a_capital(toks, i: int) -> bool:
    """"for", "to", "of" or "the" at ``i`` leads to the capitalised rest of an organisation's name."""
    tok, n = toks[i].word, len(toks)
    if tok == "for":
        return _capital_at(toks, i + 1) and toks[i + 1].word not in WEEKDAYS
    if tok == "to":  # "Coalition to Stop Gun Violence", "Campaign to End Hunger"
        return _capital_at(toks, i + 1) and toks[i + 1].tag.startswith("VB")
    if tok == "of" and i + 1 < n and toks[i + 1].word == "the":
        return _capital_at(toks, i + 2)
    if tok == "of":
        return i + 1 < n and toks[i + 1].tag == "JJ" and _capital_at(toks, i + 1) and _capital_at(toks, i + 2)
    return tok == "the" and toks[i - 1].word == "of" and _capital_at(toks, i + 1)


def _split_joined(run: list[int], toks, lex: ActorLexicon) -> list[list[int]]:
    """Names joined by "and"/"or" are two names ("Clinton and Obama"), unless the whole is an
    organisation ("Justice and Development Party")."""
    words = [toks[i].word for i in run]
    joins = [k for k, w in enumerate(words) if w in {"and", "or", "&"}]
    if not joins:
        return [run]
    # "Office of Management and Budget", "Committee on Oversight and Government Reform": an organisation's
    # word with "of"/"on" before the "and"
    if any(_org_head(w, lex) and words[k + 1] in {"of", "on", "for"} for k, w in enumerate(words[: joins[0]])):
        return [run]
    # "House Ways and Means Committee", but not "IRS and Treasury Department" (an acronym is a whole name):
    # an organisation's name splits only where an acronym stands beside "and"/"or" ("Justice and
    # Development Party or AK Party")
    if words[-1] in lex.org_words:
        joins = [k for k in joins if words[k - 1].isupper() or words[k + 1].isupper()]
    return _split_at(run, joins)


def _split_at(run: list[int], joins: list[int]) -> list[list[int]]:
    """The run cut at the positions ``joins`` (dropped), empty parts left out."""
    parts, cur = [], []
    for k, i in enumerate(run):
        if k in joins:
            parts.append(cur)
            cur = []
        else:
            cur.append(i)
    return [p for p in parts + [cur] if p]


def _of_a_place(toks, run: list[int], i: int, lex: ActorLexicon) -> bool:
    """Is "of" at ``i`` followed by a country or region from the gazetteer, after a name that is not an
    organisation's ("Senator Robert Menendez of New Jersey", "a Republican of New York")? Then it ends the name."""
    if any(toks[k].word in lex.bodies for k in run):
        return False  # "University of Texas", "Attorney General of Ohio" is a role, kept whole below
    words = []
    for tok in toks[i + 1 : i + 4]:
        if not tok[0][:1].isupper():
            break
        words.append(tok[0])
    countries, regions = gazetteer()
    names = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    return any(name in countries or name in regions for name in names)


def _persons_name(toks, run: list[int], lex: ActorLexicon) -> bool:
    """Is the run so far a person's name: two or three words after any title, the first a given name,
    none an organisation's word ("Greg Miller", "Sheriff Joe Arpaio"; not "Bank" or "John Jay College")?"""
    words = [toks[k].word for k in run if toks[k].word != "."]
    while len(words) > 2 and not given_name(words[0]):
        words = words[1:]  # "Sheriff Joe Arpaio of Maricopa County", "Rep. Darrell Issa of California"
    return given_name_first(words) and not set(words) & lex.bodies


def given_name_first(words: list[str]) -> bool:
    """Two or three words opening with a given name that opens no place's name ("Greg Miller", not
    "West Hartford")."""
    return 2 <= len(words) <= 3 and given_name(words[0]) and words[0] not in PLACE_OPENINGS


WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


MONTHS = frozenset("January February March April May June July August September October November December".split())


def _connector(toks, cur: list[int], i: int, lex: ActorLexicon) -> bool:
    """Does the small word at ``i`` join the name begun in ``cur`` to the proper noun after it?"""
    tok = toks[i].word
    # the next word goes on with the name: a proper noun, or a capital the tagger read as a noun
    # ("Departments of Homeland Security"), not an adjective ("Russian and Syrian forces")
    ahead = i + 1 < len(toks) and (is_proper(toks, i + 1, False, lex)
                                   or is_proper(toks, i + 1, True, lex) and toks[i + 1].tag != "JJ")
    return ahead and (tok in {"and", "or", "&", "al", "bin", "de"}
                      # "Bank of America", but not "Robert Menendez of New Jersey" or "Ronan Farrow of MSNBC"
                      or tok == "of" and not _of_a_place(toks, cur, i, lex) and not _persons_name(toks, cur, lex)
                      # "Committee on Oversight", "Center on Budget and Policy Priorities"
                      or tok == "on" and toks[cur[-1]].word in lex.bodies and toks[i + 1].word not in MONTHS
                      # "Peter T. King", "Rep. Darrell Issa", "St. Louis": the tokenizer splits the dot off
                      or tok == "." and cur[-1] == i - 1 and dotted_word(toks[i - 1].word, lex.name_abbreviations))


def proper_runs(toks, lex: ActorLexicon) -> list[list[int]]:
    """Runs of proper-noun tokens (pattern tagger, and "Trump’s"), joined over "and"/"or"/"of"/"al"
    before another proper noun and over "al-" prefixes, then split where "and"/"or" joins two names;
    trailing connectors dropped."""
    runs, cur = [], []
    caps = in_capitals(toks)
    nickname = _nickname_tokens(toks)
    for i in range(len(toks)):
        step = _step(toks, cur, i, nickname, caps, lex)
        if step != "break":
            cur.append(i)
        if step != "join" and cur:
            runs.append(cur)
        if step != "join":
            cur = []
    if cur:
        runs.append(cur)
    return _finished_runs(runs, toks, lex)


def _step(toks, cur: list[int], i: int, nickname: set[int], caps: bool, lex: ActorLexicon) -> str:
    """What token ``i`` does to the run begun in ``cur``: "join" it, "end" it (joins, then ends it: a
    possessive that ends a name) or "break" it (no part of a name)."""
    tok = toks[i].word
    if cur and i in nickname:
        return "join"  # William “Mo” Cowan
    if tok in WEEKDAYS:  # "President Obama Monday": a day ends a name and is none
        return "break"
    if cur and _org_connector(toks, cur, i, lex):
        return "join"  # "Centers for Disease Control", "Office of the Historian", "Office of Special Counsel"
    connector = bool(cur) and _connector(toks, cur, i, lex)
    proper = caps_name(toks, i) if caps else is_proper(toks, i, bool(cur), lex, lex.cues)
    if not (proper or connector or (cur and tok.startswith("al-"))):
        return "break"
    return "end" if POSSESSIVE.match(tok) and not _possessive_in_name(toks, i, lex) else "join"


def _possessive_in_name(toks, i: int, lex: ActorLexicon) -> bool:
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
    owner = toks[i].word[:-2]
    if len(after) == 1 and after[0] in lex.org_names | lex.place_nouns:
        return True
    # a common word's possessive inside a sentence opens a name ("Freedom’s Lighthouse", "Women's March")
    return i > 0 and toks[i - 1].word not in OPENERS and lexicon_noun(owner)


def _nickname_tokens(toks) -> set[int]:
    """The tokens of a nickname in quotes between the parts of a name (William “Mo” Cowan, Dwayne “The
    Rock” aside: one capitalised word only): the quotes and the word."""
    out = set()
    for j in range(1, len(toks) - 3):
        if (toks[j].word in QUOTE_OPEN and toks[j + 2].word in QUOTE_CLOSE and toks[j - 1].tag.startswith("NNP")
                and toks[j + 1].word[:1].isupper() and toks[j + 3].word[:1].isupper()):
            out.update((j, j + 1, j + 2))
    return out


def _finished_runs(runs: list[list[int]], toks, lex: ActorLexicon) -> list[list[int]]:
    """The runs without trailing connectors, names joined by "and"/"or" split (_split_joined)."""
    out = []
    for run in runs:
        while run and toks[run[-1]].word in {"and", "or", "&", "of"}:
            run = run[:-1]
        out.extend(_split_joined(run, toks, lex) if run else [])
    return out


# Words that open place names and are given names too ("West Hartford", "Sandy Hook")
PLACE_OPENINGS = frozenset({"West", "Sandy"})
