"""Tables over the mentions: actors x articles with their labels, the kind of each actor and label,
the mention matrix and the label comparison.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..lexicons import Lexicons
from .lexicon import ActorLexicon, actor_lexicon, is_address
from .words import gazetteer

ACTOR_COLUMNS = ["article", "actor", "label", "count", "only_in", "label_kind", "actor_kind"]


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


CONNECTORS = frozenset("of and the for de van von al bin la".split())


def actor_kinds(mentions: pd.DataFrame, lex: ActorLexicon) -> dict[str, str]:
    """Each actor of the mentions table and its kind (actor_kind, from the kinds of its mentions); a
    one-word name a title of address precedes in one of its labels is a person ("Mr. Obama",
    "President Obama" where the article never writes "Barack")."""
    titled = {actor for actor, label in zip(mentions["actor"], mentions["label"])
              if " " not in actor and label.endswith(actor) and label != actor and _titled(label, lex)}
    kinds = {a: actor_kind(a, k, lex) for a, k in mentions.groupby("actor")["kind"].agg(set).items()}
    return {a: "person" if kind == "other" and a in titled else kind for a, kind in kinds.items()}


def _titled(label: str, lex: ActorLexicon) -> bool:
    return is_address(label.split()[0], lex)


def actor_kind(actor: str, mention_kinds: set, lex: ActorLexicon) -> str:
    """person, organisation, country or state, group, or other: from actors.csv (its states; its labels
    name groups such as the armed opposition), the gazetteer (countries), the name's last word
    (organisation words, "Republicans"), initials ("FBI"), and two to four capitalised words (a person)."""
    words = actor.split()
    if actor in lex.states or actor in gazetteer()[0]:
        return "country or state"
    if words and words[-1] in lex.body_nouns:
        return "organisation"  # "Obama administration"
    if mention_kinds and mention_kinds <= {"description"}:
        return "person"  # "the mayor", named only by the role
    if mention_kinds & {"label", "group"} or not actor[:1].isupper():
        return "group"
    return _kind_of_name(actor, words, lex) if words else "other"


def _kind_of_name(actor: str, words: list[str], lex: ActorLexicon) -> str:
    """The kind of a capitalised name by its words: a group's word, an organisation's word or initials,
    a description ("Kurdish forces"), a person's two to four capitalised words."""
    if words[-1] in lex.group_words:
        return "group"
    if any(w in lex.bodies for w in words) or re.fullmatch(r"[A-Z][A-Z.&-]{1,9}", actor):
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
    if not words or lex.description_re.fullmatch(label):
        return "name"  # nothing, or a plain role ("the senator"): how papers refer back, not a choice of words
    if _initials_or_adjective(actor, label, lex):
        return "name"
    rest = [w for w in words if w.lower() not in own]
    if len(rest) == len(words):
        return "description"  # no word of the name at all: another name for it ("Daesh") or a label
    return "name" if _titled_name(words, rest, own, lex) else "description"


def _initials_or_adjective(actor: str, label: str, lex: ActorLexicon) -> bool:
    """The label is the actor's initials ("FSA", "U.S.") or its country's own adjective ("Russian
    accusations")."""
    initials = "".join(w[0] for w in _name_words(actor) if w[:1].isupper()).lower()
    if len(initials) > 1 and re.sub(r"[\s.]", "", label).lower() == initials:
        return True
    return label in lex.demonyms and lex.modifier_actor.get(label) == actor


def _titled_name(words: list[str], rest: list[str], own: set[str], lex: ActorLexicon) -> bool:
    """The label's words beside the name (``rest``) are titles, demonyms and forms of address, or a
    capitalised role ending in a title before the name ("Transport Secretary Helen Carver")."""
    if all(w in lex.titles or w in lex.demonyms or w.lower() in ADDRESS for w in rest):
        return True
    first = next(i for i, w in enumerate(words) if w.lower() in own)
    role = words[:first]
    return len(role) == len(rest) and role[-1] in lex.titles and all(w[:1].isupper() for w in role)


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
