"""One actor per person: name variants grouped ("Putin" joins "Vladimir Putin"), nicknames,
given names alone, surnames after a role, names inside title-case headlines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from .lexicon import ActorLexicon, is_title
from .words import (
    NICKNAME,
    find_whole,
    fold,
    gazetteer,
    given_name,
    is_free,
    name_key,
    same_first_name,
)

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


NAME_CONNECTORS = frozenset({"of", "the", "for", "and"})  # an organisation's name, not a person's


def _variant_of(keys: list[str], tokens: list[str]) -> bool:
    """Is the name of ``keys`` a form of the fuller one of ``tokens`` (both lower-cased words, same last
    word)? Every word of it occurs in the fuller one; or, initials aside, the first names are one given
    name ("Chuck Grassley", "Charles E. Grassley"; "Dave Brat", "David Brat") and the rest occur."""
    if set(keys) <= set(tokens):
        return True
    short = [k for k in keys if len(k.rstrip(".")) > 1]
    full = [t for t in tokens if len(t.rstrip(".")) > 1]
    return (len(short) >= 2 and len(full) >= 2 and same_first_name(short[0], full[0])
            and {fold(k) for k in short[1:]} <= {fold(t) for t in full[1:]})


def group_names(names: list[str]) -> dict[str, str]:
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
        keys = [name_key(t) for t in name.split()]
        core = keys[:-1] if len(keys) > 1 and keys[-1] in SUFFIXES else keys  # "Jesse Jackson Jr." ends in Jackson
        heads = _heads(keys, groups[fold(core[-1])], canon, counts)
        full = next((full for tokens, full in heads if _joins(keys, core, tokens)), None)
        if full is None:
            groups[fold(core[-1])].append((keys, name))
        canon[name] = full or name
    return canon


def _heads(keys: list[str], group: list[tuple[list, str]], canon: dict[str, str], counts: Counter) -> list:
    """The fuller names a name may join, of those ending in its last word: not across an
    organisation's connector ("News of the Clinton"); for a bare surname, the person named most often
    first ("Bill Clinton" over "Hillary Rodham Clinton")."""
    heads = [(tokens, full) for tokens, full in group
             if not set(tokens[1:]) & NAME_CONNECTORS or set(keys) & NAME_CONNECTORS]
    if len(keys) == 1:
        written = Counter({full: 0 for _, full in heads})
        written.update({full: counts[n] for n, full in canon.items() if full in written})
        heads.sort(key=lambda head: -written[head[1]])
    return heads


def _joins(keys: list[str], core: list[str], tokens: list[str]) -> bool:
    """Does the name of ``keys`` join the fuller one of ``tokens``? A bare surname joins "Jesse
    Jackson Jr."; the full name "Jesse Jackson" (his father) does not."""
    suffixed = bool(set(tokens) & SUFFIXES) and not set(keys) & SUFFIXES and len(core) > 1
    return _variant_of(keys, tokens) and not suffixed


def names_in_titles(table: pd.DataFrame, lex: ActorLexicon) -> pd.DataFrame:
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
    candidates = {}  # scope -> its names, longest first, then their surnames: worked out once per scope
    for sc, actors in known.items():
        names = sorted(actors, key=len, reverse=True)
        candidates[sc] = names + [n.split()[-1] for n in names if len(n.split()) > 1 and _person_like(n, lex)]
    for r in table[titled].to_dict("records"):
        label = r["label"]
        taken: list[tuple[int, int]] = []
        acronyms = re.findall(r"(?<![\w-])[A-Z][A-Z.&]{1,9}(?![\w-])", label)  # "NAACP", "GOP": names anyway
        inside = [n for n in candidates.get(r["_scope"], ()) if n in label]  # only these can be found whole
        for name in inside + acronyms + _given_and_surname(label):
            found = find_whole(label, name)
            if found and is_free(taken, *found):
                taken.append(found)
                whole = found == (0, len(label))  # a part does not read as the run read ("N.C. Congressman")
                out.append(pd.DataFrame([{**r, "start": r["start"] + found[0], "end": r["start"] + found[1],
                                          "actor": name, "label": name, "_person": r.get("_person", False) and whole}]))
    return pd.concat(out, ignore_index=True).sort_values(["article", "sentence", "start"], kind="stable")


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


def join_nicknames(table: pd.DataFrame) -> pd.DataFrame:
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
    return rename_proper(table, "_scope", lambda sc, a: known.get((sc, a), a))


def join_given_names(table: pd.DataFrame, lex: ActorLexicon) -> pd.DataFrame:
    """A first name written alone ("Hillary", "Bernie") is the one person of the article whose full name
    begins with it (Hillary Clinton), unless it is also a surname there, two people share it, or it is
    a place ("Texas" beside "Texas Rangers")."""
    proper = table["kind"] == "proper name"
    firsts: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames = set()
    for article, actor in set(zip(table.loc[proper, "article"], table.loc[proper, "actor"])):
        words = actor.split()
        if len(words) > 1 and _person_like(actor, lex):
            firsts[(article, fold(words[0]))].add(actor)
            surnames.add((article, fold(words[-1])))
    if not firsts:
        return table

    def full_name(article: str, actor: str) -> str:
        people = firsts.get((article, fold(actor)), ())
        alone = " " not in actor and len(people) == 1 and (article, fold(actor)) not in surnames
        return next(iter(people)) if alone and not _a_place(actor, lex) else actor

    return rename_proper(table, "article", full_name)


def _a_place(name: str, lex: ActorLexicon) -> bool:
    """A country, a region or a listed place: "Texas" alone is the state, not "Texas Rangers"."""
    countries, regions = gazetteer()
    return name in countries or name in regions or name in lex.places or name in lex.states


def rename_proper(table: pd.DataFrame, by: str, rename) -> pd.DataFrame:
    """A copy of the table with each proper name's actor replaced by ``rename(value of by, actor)``."""
    proper = table["kind"] == "proper name"
    table = table.copy()
    table.loc[proper, "actor"] = [rename(k, a) for k, a in zip(table.loc[proper, by], table.loc[proper, "actor"])]
    return table


def _person_like(name: str, lex: ActorLexicon) -> bool:
    """Could the name be a person's (its last word a surname)? Every word capitalised, and the last no
    organisation's word: not "National Organization for Marriage", "Centers for Disease Control"."""
    words = name.split()
    return all(w[:1].isupper() for w in words) and words[-1] not in lex.bodies


def titled_surnames(table: pd.DataFrame, lex: ActorLexicon) -> pd.DataFrame:
    """A surname after a role ("Vice President Cheney", "President Clinton") is the person of that surname
    whom the articles give that role with their full name ("Vice President Dick Cheney"), when exactly one
    is, though the grouping gave the surname to another ("Mary Cheney", written more often)."""
    proper = table[table["kind"] == "proper name"]
    roles: dict[tuple, set[str]] = defaultdict(set)  # (scope, surname, role) -> full names written with it
    for sc, actor, label in zip(proper["_scope"], proper["actor"], proper["label"]):
        role, name = _role_and_name(label, lex)
        words = [w for w in name.split() if name_key(w) not in SUFFIXES]
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
    while k < len(words) - 1 and is_title(words[k], lex):
        k += 1
    role = " ".join(w for w in words[:k] if w.rstrip(".") not in lex.forms_of_address)
    return role, " ".join(words[k:])


def confirm_doubtful(table: pd.DataFrame) -> pd.DataFrame:
    """Keep a capital its position explains ("Carver" opening a sentence) only where a name of the same
    scope ends in it where no position explains the capital ("Helen Carver", or "Carver" mid-sentence):
    then it is that person, not a common word. A title-case headline's capitals confirm nothing ("Pleads
    Guilty" does not make the "Guilty" opening a quotation a name)."""
    sure = table[(table["kind"] == "proper name") & ~table["_doubtful"] & ~table["_titled"]]
    surnames = {(sc, a.split()[-1]) for sc, a in zip(sure["_scope"], sure["actor"])}
    keep = ~table["_doubtful"] | pd.Series([(sc, a) in surnames for sc, a in zip(table["_scope"], table["actor"])],
                                           index=table.index, dtype=bool)
    return table[keep]
