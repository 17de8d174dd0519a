"""Actors: who each article names and how, with the evidence of every mention.

Actors come from the lexicon ``actors.csv`` (aliases, demonyms, leaders, descriptive labels) and from
capitalised names the tagger marks as proper nouns, grouped across variants ("Putin" joins "Vladimir
Putin"). Places are kept out of the actors (``places.txt``, or mentions that read like a place).
Lexicons: actors.csv, titles.txt, not_actors.txt, places.txt, place_words.txt.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .lexicons import Lexicons, get
from .segment import ABBREVIATIONS, Document

MENTION_COLUMNS = ["article", "sentence", "actor", "label", "kind", "start", "end", "text"]
PLACE_COLUMNS = ["article", "sentence", "place", "label", "reason", "start", "end", "text"]
ACTOR_COLUMNS = ["article", "actor", "label", "count", "only_in", "label_kind"]
# Words after which a capitalised name reads as a place ("in Idlib", "above the Idlib zone").
LOCATIVES = frozenset("in near above over across around outside inside into within throughout toward towards".split())
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
        places=frozenset(lex.lines("places.txt")), place_words=frozenset(lex.lines("place_words.txt")))


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def _reads_as_place(toks, first: int, last: int, lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a place: after a locative ("in", "near the"), or before a
    place word ("Idlib province", "Afrin, a city")? Not before a possessive ("in Smith's view")."""
    after = [t[0] for t in toks[last + 1 : last + 4]]
    if after[:1] and after[0] in {"’s", "'s", "’", "'"}:
        return False
    if after[:1] and after[0].lower() in lex.place_words:
        return True
    if after[:2] == [",", "a"] or after[:2] == [",", "the"]:
        if len(after) > 2 and after[2].lower() in lex.place_words:
            return True
    before = [t[0].lower() for t in toks[max(0, first - 2) : first]]
    return bool(before) and (before[-1] in LOCATIVES
                             or (before[-1] == "the" and len(before) == 2 and before[0] in LOCATIVES))


POSSESSIVE = re.compile(r"^[A-Z][\w.-]*['’]s$")  # "Trump’s" is one token, tagged as a common noun
OPENERS = frozenset("“\"‘'(—–―:")


def _is_proper(toks, i: int, inside_run: bool) -> bool:
    tok, tag = toks[i][0], toks[i][1]
    if tag.startswith("NNP") or POSSESSIVE.match(tok):
        return True
    # "United States": a capitalised word that continues a name, whatever the tagger made of it
    return inside_run and tok[:1].isupper() and tok[1:].islower() and len(tok) > 1


def _split_joined(run: list[int], toks) -> list[list[int]]:
    """Names joined by "and"/"or" are two names ("Clinton and Obama"), unless the whole is an
    organisation ("Justice and Development Party")."""
    if toks[run[-1]][0] in ORG_WORDS:
        return [run]
    parts, cur = [], []
    for i in run:
        if toks[i][0] in {"and", "or", "&"}:
            parts.append(cur)
            cur = []
        else:
            cur.append(i)
    return [p for p in parts + [cur] if p]


def _proper_runs(toks) -> list[list[int]]:
    """Runs of proper-noun tokens (pattern tagger, and "Trump’s"), joined over "and"/"or"/"of"/"al"
    before another proper noun and over "al-" prefixes, then split where "and"/"or" joins two names;
    trailing connectors dropped."""
    runs, cur = [], []
    for i, (tok, _, _, _) in enumerate(toks):
        connector = (tok in {"and", "or", "&", "of", "al", "bin", "de"} and cur and i + 1 < len(toks)
                     and _is_proper(toks, i + 1, False))
        if _is_proper(toks, i, bool(cur)) or connector or (cur and tok.startswith("al-")):
            cur.append(i)
            if POSSESSIVE.match(tok):  # the possessive ends the name
                runs.append(cur)
                cur = []
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and toks[run[-1]][0] in {"and", "or", "&", "of"}:
            run = run[:-1]
        out.extend(_split_joined(run, toks) if run else [])
    return out


def _common_word(toks, run: list[int], heading: bool) -> bool:
    """A capital that a position explains, not a name: one word opening a sentence, a quotation or a
    heading ("Hope", "Rigged"), or in capitals ("SHUTDOWN"), that English has in lower case; or an
    initial or abbreviation standing alone ("W", "Rep", "St")."""
    from textblob.en import lexicon

    if len(run) != 1:
        return False
    i, word = run[0], toks[run[0]][0]
    if len(word) <= 2 or word in ABBREVIATIONS:  # "W", "Mo", "Rep", "Gen", "St": initials and abbreviations
        return True
    tag = lexicon.get(word.lower().replace("’", "'"))
    if tag is None or tag.startswith("NNP"):
        return False
    opens = i == 0 or toks[i - 1][0] in OPENERS
    return opens or heading or (word.isupper() and len(word) > 1)


def _run_name(words: list[str], lex: ActorLexicon) -> str:
    """A person's name without titles and demonyms ("Russian President Vladimir Putin" -> "Vladimir
    Putin"); an organisation keeps every word ("Syrian Arab Army")."""
    if words[-1] not in ORG_WORDS:
        while words and (words[0] in lex.titles or words[0] in lex.demonyms):
            words = words[1:]
    return " ".join(words)


def _proper_names(doc: Document, sent, taken, lex: ActorLexicon):
    """Runs of proper-noun tokens with a leading demonym kept in the label:
    (start, end, name, label, reads as a place)."""
    toks = doc.tagged(sent)
    out = []
    for run in _proper_runs(toks):
        if _common_word(toks, run, sent.heading):
            continue
        first = run[0]
        if first > 0 and toks[first - 1][0] in lex.demonyms:
            first -= 1
        s, e = toks[first][2], toks[run[-1]][3]
        words = [t[0] for t in toks[first : run[-1] + 1]]
        if POSSESSIVE.match(words[-1]):  # "Trump’s" -> Trump
            words[-1], e = words[-1][:-2], e - 2
        label = doc.text[s:e]
        name = _run_name(words, lex)
        if not name or name in lex.not_actors or label in lex.not_actors or not _free(taken, s, e):
            continue
        if lex.names is not None and lex.names.fullmatch(name):
            continue
        out.append((s, e, name, label, _reads_as_place(toks, first, run[-1], lex)))
    return out


_NAME_PREFIX = re.compile(r"^(al|el|bin|de)-")


def _name_key(token: str) -> str:
    return _NAME_PREFIX.sub("", token.lower().replace("’", "'"))


def _group_names(names: list[str]) -> dict[str, str]:
    """Map each proper name to its fullest variant: 'Putin' -> 'Vladimir Putin' when both occur.

    A shorter name joins a longer one when it ends with the same word and all its words occur in it.
    """
    canon: dict[str, str] = {}
    groups: dict[str, list[tuple[set, str]]] = defaultdict(list)  # last word -> (words, full name)
    for name in sorted(set(names), key=lambda n: (-len(n.split()), n)):
        keys = [_name_key(t) for t in name.split()]
        for tokens, full in groups[keys[-1]]:
            if set(keys) <= tokens:
                canon[name] = full
                break
        else:
            groups[keys[-1]].append((set(keys), name))
            canon[name] = name
    return canon


def _lexicon_mentions(text: str, base: int, lex: ActorLexicon) -> list[tuple]:
    """Mentions the lexicon knows in one sentence, longest first and never overlapping: compound
    labels ("Obama Regime"), then aliases (names), then descriptive labels. (start, end, actor, label,
    kind), clean offsets."""
    found: list[tuple] = []
    taken: list[tuple[int, int]] = []
    if lex.compound is not None:
        for m in lex.compound.finditer(text):
            found.append((base + m.start(), base + m.end(), lex.modifier_actor[m.group("mod")], m.group(0), "label"))
            taken.append((base + m.start(), base + m.end()))
    for pattern, lookup, kind in ((lex.names, lex.name_actor, "name"), (lex.fixed_labels, lex.label_actor, "label")):
        for m in pattern.finditer(text) if pattern is not None else ():
            s, e = base + m.start(), base + m.end()
            if _free(taken, s, e):
                actor = lookup.get(m.group(0)) or lookup.get(m.group(0).lower())
                found.append((s, e, actor, m.group(0) if kind == "name" else m.group(0).lower(), kind))
                taken.append((s, e))
    return found


def _mention_rows(docs: list[Document], lex: ActorLexicon) -> pd.DataFrame:
    """Every mention, lexicon ones first in each sentence, with whether it reads like a place."""
    rows = []
    for doc in docs:
        for sent in doc.sentences:
            known = _lexicon_mentions(sent.text, sent.clean_start, lex)
            rows.extend([doc.id, sent.sentence, *m, sent.text, False] for m in known)
            taken = [(m[0], m[1]) for m in known]
            for s, e, name, label, placelike in _proper_names(doc, sent, taken, lex):
                rows.append([doc.id, sent.sentence, s, e, name, label, "proper name", sent.text, placelike])
    table = pd.DataFrame(rows, columns=["article", "sentence", "start", "end", "actor", "label", "kind", "text",
                                        "_placelike"])
    return table[[*MENTION_COLUMNS, "_placelike"]]


def mentions_and_places(docs: list[Document], names_across_articles: bool = True,
                        lexicons: Lexicons | str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """find_mentions and find_places in one pass (both tables come from the same names)."""
    lex = actor_lexicon(lexicons)
    table = _mention_rows(docs, lex)
    # Names are grouped, and judged to be places, within a scope: all the articles, or each one.
    table["_scope"] = "" if names_across_articles else table["article"]
    proper = table["kind"] == "proper name"
    canon = {sc: _group_names(names.tolist()) for sc, names in table[proper].groupby("_scope")["actor"]}
    table.loc[proper, "actor"] = [canon[sc].get(a, a)
                                  for sc, a in zip(table.loc[proper, "_scope"], table.loc[proper, "actor"])]
    # A name is a place when listed in places.txt, or when at least half its mentions read like one.
    share = table[proper].groupby(["_scope", "actor"])["_placelike"].mean()
    is_place = proper & pd.Series(
        [a in lex.places or (share.get((sc, a), 0.0) >= 0.5 and a.split()[-1] not in ORG_WORDS)
         for a, sc in zip(table["actor"], table["_scope"])], index=table.index, dtype=bool)
    places = table[is_place].assign(place=lambda t: t["actor"], reason=lambda t: [
        "places.txt" if a in lex.places else "reads as a place" for a in t["actor"]])
    order = ["article", "sentence", "start"]
    return (table[~is_place][MENTION_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True),
            places[PLACE_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True))


def find_mentions(docs: list[Document], names_across_articles: bool = True,
                  lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Every actor mention: article, sentence, actor, label (as written), kind, clean offsets, sentence text.

    kind: ``name`` (an alias in actors.csv), ``label`` (a descriptive label such as "rebels" or
    "Obama Regime") or ``proper name`` (a capitalised name not in the lexicon, grouped across variants:
    "Putin" joins "Vladimir Putin", across all the articles, or within each article when
    ``names_across_articles`` is False, as corpus mode does). Places are left out (see find_places).
    """
    return mentions_and_places(docs, names_across_articles, lexicons)[0]


def find_places(docs: list[Document], names_across_articles: bool = True,
                lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """The capitalised names left out of the actors because they are places: article, sentence, place,
    label, reason (``places.txt``, or ``reads as a place``: at least half its mentions follow "in",
    "near"... or precede a word of place_words.txt), clean offsets, sentence text."""
    return mentions_and_places(docs, names_across_articles, lexicons)[1]


def actors_table(mentions: pd.DataFrame, lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Actor x article: the labels used with counts; ``only_in`` names the article when only it uses
    that label for an actor that more than one article names; ``label_kind`` says whether the label is
    a ``name`` (a variant of the actor's name, with or without a title: "Carver", "Transport Secretary
    Helen Carver", "FSA") or a ``description`` (words of its own: "Obama Regime", "rebels", "Daesh").
    Descriptions are the framing; name variants are house style and habit."""
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    counts = mentions.groupby(["article", "actor", "label"], sort=False).size().rename("count").reset_index()
    n_articles = mentions.groupby("actor")["article"].nunique()
    users = counts.groupby(["actor", "label"])["article"].agg(lambda a: sorted(set(a)))
    counts["only_in"] = [users[(act, lab)][0] if len(users[(act, lab)]) == 1 and n_articles[act] > 1 else ""
                         for act, lab in zip(counts["actor"], counts["label"])]
    lex = actor_lexicon(lexicons)
    counts["label_kind"] = [label_kind(act, lab, lex) for act, lab in zip(counts["actor"], counts["label"])]
    counts = counts.sort_values(["actor", "article", "count"], ascending=[True, True, False])
    return counts.reset_index(drop=True)[ACTOR_COLUMNS]


ADDRESS = frozenset("mr mrs ms miss dr sen rep gov the".split())


def _name_words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐.’']+", text) if w]


def label_kind(actor: str, label: str, lex: ActorLexicon) -> str:
    """``name`` when ``label`` is the actor's name, part of it, its initials, or the name with titles,
    forms of address and nationality words (titles.txt, the demonyms of actors.csv), or after a
    capitalised role that ends in a title; else ``description``."""
    own = {w.lower() for w in _name_words(actor)}
    words = _name_words(label)
    if not words:
        return "name"
    initials = "".join(w[0] for w in _name_words(actor) if w[:1].isupper()).lower()
    if len(words) == 1 and len(initials) > 1 and words[0].lower() == initials:
        return "name"
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
    """For actors named by at least ``min_articles`` articles: each article's labels, 'label (count)'."""
    if actors.empty:
        return pd.DataFrame()
    shared = actors.groupby("actor")["article"].nunique()
    keep = actors[actors["actor"].isin(shared[shared >= min_articles].index)]
    cell = keep.assign(text=[f"{lab} ({n})" + (" *" if only else "") for lab, n, only in
                             zip(keep["label"], keep["count"], keep["only_in"])])
    return cell.groupby(["actor", "article"])["text"].agg("; ".join).unstack(fill_value="")
