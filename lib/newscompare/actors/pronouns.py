"""He, she, him, his, her, hers resolved to the one person named just before them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ..lexicons import Lexicons
from ..segment import Document
from .lexicon import actor_lexicon
from .tables import actor_kinds
from .words import MENTION_COLUMNS

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
