"""Every mention of an actor with its offsets: lexicon aliases and labels, groups ("Republican
lawmakers"), descriptions ("the senator"), proper names; and the places left out of the actors.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from ..clean import CLOSING_PUNCTUATION
from ..lexicons import Lexicons
from ..segment import Document
from .capitals import in_capitals
from .lexicon import ActorLexicon, actor_lexicon
from .names import hyphenated_names, proper_names
from .variants import (
    confirm_doubtful,
    group_names,
    join_given_names,
    join_nicknames,
    names_in_titles,
    rename_proper,
    titled_surnames,
)
from .words import (
    CITY_POPULATION,
    LOCATIVES,
    MENTION_COLUMNS,
    cities,
    gazetteer,
    given_name,
    is_free,
    role_fits,
    states_of_countries,
)

PLACE_COLUMNS = ["article", "sentence", "place", "label", "reason", "start", "end", "text"]


LOCATIVE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(LOCATIVES))})\s+$", re.IGNORECASE)


def _lexicon_mentions(text: str, base: int, lex: ActorLexicon, caps: bool = False) -> list[tuple]:
    """Mentions the lexicon knows in one sentence, longest first and never overlapping: compound
    labels ("Obama Regime"), then aliases (names), then descriptive labels. (start, end, actor, label,
    kind), clean offsets. Not an alias that begins a newspaper's or a university's name ("Washington
    Post") or stands inside a longer name ("Secure America Now"), nor, in a sentence written in capitals
    (``caps``), one that is an English word ("IS"), nor a state's city after "in" and the like ("talks
    in Moscow": the place; "Moscow says" is the state)."""
    found: list[tuple] = []
    taken: list[tuple[int, int]] = []
    if lex.compound is not None:
        for m in lex.compound.finditer(text):
            found.append((base + m.start(), base + m.end(), lex.modifier_actor[m.group("mod")], m.group(0), "label"))
            taken.append((base + m.start(), base + m.end()))
    for pattern, lookup, kind in ((lex.names, lex.name_actor, "name"), (lex.fixed_labels, lex.label_actor, "label")):
        for m in pattern.finditer(text) if pattern is not None else ():
            s, e = base + m.start(), base + m.end()
            if (kind == "label" or not _alias_is_other(text, m, lex, caps)) and is_free(taken, s, e):
                actor = lookup.get(m.group(0)) or lookup.get(m.group(0).lower())
                found.append((s, e, actor, m.group(0) if kind == "name" else m.group(0).lower(), kind))
                taken.append((s, e))
    return found


def _alias_is_other(text: str, m: re.Match, lex: ActorLexicon, caps: bool) -> bool:
    """Does the alias matched at ``m`` stand for something else here: the start of a newspaper's or a
    university's name, a word inside a longer name, an English word in a sentence in capitals, a state's
    city after "in" ("in Moscow": the city, found as a place by the proper names' rules)?"""
    from textblob.en import lexicon

    return bool(INSTITUTION_AFTER.match(text, m.end()) or _inside_a_name(text, m.start(), m.end(), lex)
                or caps and (lexicon.get(m.group(0).lower()) or "NNP")[:3] != "NNP"
                or m.group(0) in lex.stand_ins and LOCATIVE_BEFORE.search(text, 0, m.start()))


def _inside_a_name(text: str, start: int, end: int, lex: ActorLexicon) -> bool:
    """Does the text from start to end stand between two capitalised words of a longer name ("Secure
    America Now"; not a sentence's first word: "Former Syria envoy"), or after a body's "of" ("Bank of
    America", "University of Texas")?"""
    before = re.search(r"(?<=\S)\s+[A-Z][\w’'-]*\s+$", text[:start])
    body = re.search(r"(?:^|\s)([A-Z]\w+)\s+of\s+(?:the\s+)?$", text[:start])  # "Bank of America"
    return (before is not None and re.match(r"\s+[A-Z]", text[end:]) is not None
            or body is not None and body.group(1) in lex.bodies)


# The word after a place's name that makes it a newspaper's or a university's ("Washington Post")
INSTITUTION_AFTER = re.compile(r"\s+(?:Post|Times|Journal|Herald|Tribune|Examiner|Globe|Gazette|Chronicle|Review|"
                               r"University|College)(?![\w-])")


def _group_mentions(text: str, base: int, taken: list[tuple[int, int]], lex: ActorLexicon) -> list[tuple]:
    """Groups of people ("Republican lawmakers", "Colorado officials", "protesters", "police") and
    bodies named after their head ("Obama administration", "the Romney campaign"): (start, end, actor,
    label, "group"). The actor is the modifier with the noun ("Republican lawmakers"), or the noun
    alone; a modifier that opens the sentence is kept only when it is not a common word. A describing
    word before the noun goes to the label, not the actor ("illegal immigrants" and "undocumented
    immigrants" are two labels of the group "immigrants"; _described_from)."""
    out = []
    for m in lex.group_re.finditer(text):
        if m.group("body"):
            s, e, actor = m.start(), m.end(), f"{m.group('owner')} {m.group('body')}"
        elif m.group("noun")[:1].isupper() and m.start("noun") > 0:
            continue  # a capitalised word inside a sentence is part of a name ("Rail Workers Union")
        else:
            mod = m.group("mod") or ""
            s = m.start("mod") if mod else _described_from(text, m.start("noun"), lex.quantifying_words)
            e, actor = m.end(), f"{mod} {m.group('noun').lower()}".strip()
        if is_free(taken, base + s, base + e):
            out.append((base + s, base + e, actor, text[s:e], "group"))
            taken = [*taken, (base + s, base + e)]
    return out


def _described_from(text: str, noun: int, quantifying: frozenset) -> int:
    """Where a group's label starts: at the describing word right before its noun ("illegal",
    "unarmed", "low-income", "grass-roots"): an adjective or participle of TextBlob's lexicon, a word it
    lacks with an adjective's ending ("undocumented") or a hyphenated word, but not one that counts or
    ranks (``quantifying``, word_lists.csv: "many", "other", "former", "senior"); else at the noun."""
    from textblob.en import lexicon

    m = re.search(r"(?<![\w’'-])([a-z]+(?:-[a-z]+)*)\s+$", text[:noun])
    if m is None or m.group(1) in quantifying:
        return noun
    word, tag = m.group(1), lexicon.get(m.group(1))
    adjective = tag in ("JJ", "VBN") or tag is None and word.endswith(ADJECTIVE_ENDINGS)  # "undocumented"
    return m.start(1) if "-" in word or adjective else noun


# How an adjective TextBlob's lexicon lacks ends ("undocumented", "antigovernment"... "-al", "-ive")
ADJECTIVE_ENDINGS = ("ed", "al", "ous", "ive", "ic", "ful", "less", "ant", "ent", "ary", "ist")


def _description_mentions(text: str, base: int, taken: list[tuple[int, int]], lex: ActorLexicon) -> list[tuple]:
    """A person named by their role ("the senator", "the former president"; not "the President
    Obama", which is a name): (start, end, role, label, "description"). resolve_descriptions then
    gives it the person the article named with that role before."""
    out = []
    for m in lex.description_re.finditer(text):
        if is_free(taken, base + m.start(), base + m.end()):
            out.append((base + m.start(), base + m.end(), m.group(0).lower(), m.group(0), "description"))
    return out


def _resolve_descriptions(table: pd.DataFrame, lex: ActorLexicon) -> pd.DataFrame:
    """Each description ("the senator") -> the person last named before it in the same article (five
    sentences back at most, or anywhere for a role of the whole article) whom a mention before it
    shows in that role: in their label or just around it ("Sen. Maria Lopez", "Rep. Bob Etheridge" for
    "the congressman", "Michael Steele, chairman of the RNC" for "the chairman"); "the administration"
    -> the last body named with that word ("the Obama administration"); a description with no such
    antecedent stays its own actor ("the senator")."""
    rows = table.reset_index(drop=True)
    actors = rows["actor"].tolist()
    named: dict[str, dict[int, list]] = {}  # article -> sentence -> the names there, in table order
    for i, (a, sid, start, lab, kind, text) in enumerate(zip(rows["article"], rows["sentence"], rows["start"],
                                                             rows["label"], rows["kind"], rows["text"])):
        if kind != "description":
            at = text.find(lab)
            context = text[max(0, at - ROLE_BEFORE): at + len(lab) + ROLE_AFTER] if at >= 0 else lab
            named.setdefault(a, {}).setdefault(sid, []).append(((sid, start), actors[i], context))
    fits = _RoleFits(named, lex)
    for i, (art, sid, start, kind, label) in enumerate(zip(rows["article"], rows["sentence"], rows["start"],
                                                           rows["kind"], rows["label"])):
        if kind == "description":
            role = lex.description_re.match(label).group("role").lower()
            reach = 10 ** 6 if role in lex.whole_article_roles else DESCRIPTION_WINDOW
            actors[i] = fits.last_named(art, role, (sid, start), reach) or actors[i]
    return rows.assign(actor=actors)


class _RoleFits:
    """Which named actor a description stands for, in time linear in the names: for each article and
    role, the first place each actor was shown in that role (worked out once), and a walk back over
    the sentences within reach."""

    def __init__(self, named: dict[str, dict[int, list]], lex: ActorLexicon):
        self.named, self.lex = named, lex
        self.sentences = {art: sorted(by_sentence) for art, by_sentence in named.items()}
        self.first_fit: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}

    def _first_fit(self, art: str, role: str) -> dict[str, tuple[int, int]]:
        """actor -> where a mention first shows it in ``role`` (its title or party beside the name; for
        "the administration", the label itself)."""
        key = (art, role)
        if key not in self.first_fit:
            body = role in self.lex.body_nouns
            first: dict[str, tuple[int, int]] = {}
            for names in self.named.get(art, {}).values():
                for at, actor, ctx in names:
                    if (actor not in first or at < first[actor]) and role_fits(role, actor if body else ctx):
                        first[actor] = at
            self.first_fit[key] = first
        return self.first_fit[key]

    def last_named(self, art: str, role: str, at: tuple[int, int], reach: int) -> str | None:
        """The actor named last before ``at`` (within ``reach`` sentences) whom an earlier mention shows
        in ``role``; None when there is none."""
        first = self._first_fit(art, role)
        if not first:
            return None
        sentences = self.sentences.get(art, [])
        for s in reversed(sentences[:bisect.bisect_right(sentences, at[0])]):
            if at[0] - s > reach:
                break
            for where, actor, _ in reversed(self.named[art][s]):
                if where < at and actor in first and first[actor] < at:
                    return actor
        return None


DESCRIPTION_WINDOW = 5  # sentences back the person a description stands for was last named
ROLE_BEFORE, ROLE_AFTER = 8, 40  # characters around a name read for its title ("Rep. ", ", chairman of")


DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+$")


def _mention_rows(docs: list[Document], lex: ActorLexicon) -> pd.DataFrame:
    """Every mention, lexicon ones first in each sentence, with whether it reads like a place."""
    rows = []
    for doc in docs:
        lower_words = _lower_words(doc.text)
        per_paragraph = Counter(s.paragraph for s in doc.sentences)
        for sent in doc.sentences:
            known = _lexicon_mentions(sent.text, sent.clean_start, lex, in_capitals(doc.tagged(sent)))
            known += _group_mentions(sent.text, sent.clean_start, [(m[0], m[1]) for m in known], lex)
            known += _description_mentions(sent.text, sent.clean_start, [(m[0], m[1]) for m in known], lex)
            rows.extend([doc.id, sent.sentence, *m, sent.text, False, False, False, False] for m in known)
            taken = [(m[0], m[1]) for m in known]
            titled = (sent.heading or _headline_paragraph(doc, sent, per_paragraph)) and _title_case(sent.text)
            names = proper_names(doc, sent, taken, lex, lower_words)
            for s, e, name, label, placelike, person, doubtful in names + hyphenated_names(doc, sent, taken, lex):
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


def mentions_and_places(docs: list[Document], names_across_articles: bool = True,
                        lexicons: Lexicons | str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """find_mentions and find_places in one pass (both tables come from the same names)."""
    lex = actor_lexicon(lexicons)
    table = _mention_rows(docs, lex)
    # Names are grouped, and judged to be places, within a scope: all the articles, or each one.
    table["_scope"] = "" if names_across_articles else table["article"]
    table = names_in_titles(confirm_doubtful(table), lex)
    proper = table["kind"] == "proper name"
    canon = {sc: group_names(names.tolist()) for sc, names in table[proper].groupby("_scope")["actor"]}
    table = rename_proper(table, "_scope", lambda sc, a: canon[sc].get(a, a))
    # a demonym alone ("the Russian jet") stands for its state, not an actor of its own
    table = rename_proper(table, "_scope", lambda sc, a: lex.modifier_actor.get(a, a) if a in lex.demonyms else a)
    table = _resolve_descriptions(titled_surnames(join_given_names(join_nicknames(table), lex), lex), lex)
    proper = table["kind"] == "proper name"
    # A name is a place when listed in places.txt, or when at least half its mentions read like one or the
    # gazetteer has it as a region (ISO 3166-2), and no mention reads like a person (_reads_as_person:
    # "Texas said" is a government, "Mr. Paul" a person).
    share = table[proper].groupby(["_scope", "actor"])["_placelike"].mean()
    person = table[proper].groupby(["_scope", "actor"])["_person"].any()
    reasons = {}
    for a, sc in zip(table.loc[proper, "actor"], table.loc[proper, "_scope"]):
        reason = _place_reason(a, share.get((sc, a), 0.0), person.get((sc, a), False), lex)
        if reason:
            reasons[(sc, a)] = reason
    is_place = proper & pd.Series([(sc, a) in reasons for a, sc in zip(table["actor"], table["_scope"])],
                                  index=table.index, dtype=bool)
    places = table[is_place].assign(place=lambda t: t["actor"], reason=[
        reasons[(sc, a)] for a, sc in zip(table.loc[is_place, "actor"], table.loc[is_place, "_scope"])])
    order = ["article", "sentence", "start"]
    return (table[~is_place][MENTION_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True),
            places[PLACE_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True))


def _place_reason(name: str, placelike: float, person: bool, lex: ActorLexicon) -> str:
    """Why a proper name is a place, or "": listed in places.txt; at least half its mentions read like
    one, and it ends in no organisation's word; or the gazetteer has it as a region (ISO 3166-2) or a
    city of CITY_POPULATION people or more, unless a mention reads like a person ("Texas said" is a
    government, "Mr. Paul" a person) or it is a given name ("Paul", "Kerry", "Mary") that is not a
    country's state ("Arizona", "Georgia" are states first)."""
    if name in lex.places:
        return "places.txt"
    if person:
        return ""
    if placelike >= 0.5 and not {name.split()[-1]} & lex.bodies:
        return "reads as a place"
    known = name in gazetteer()[1] or cities().get(name, 0) >= CITY_POPULATION
    return "gazetteer" if known and (not given_name(name) or name in states_of_countries()) else ""


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


def find_places(docs: list[Document], names_across_articles: bool = True,
                lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """The capitalised names left out of the actors because they are places: article, sentence, place,
    label, reason (``places.txt``, or ``reads as a place``: at least half its mentions follow "in",
    "near"... or precede a word of place_words.txt), clean offsets, sentence text."""
    return mentions_and_places(docs, names_across_articles, lexicons)[1]
