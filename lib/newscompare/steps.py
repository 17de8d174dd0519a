"""The analysis as named steps: each step makes one result from the documents and the results it
needs, and a ``Run`` computes a step (and what it needs) once, on demand. The report's tables
(``export.build_tables``) and corpus mode's per-article tables (``corpus.articles``) are two choices
of steps from this one list, so an analysis is wired, with its options, in one place.

    run = Run(docs, lexicons, compare_by)
    run["toward"]          # sentence scores, mentions, sources and pronouns first, each once
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

from . import actors, framing, portrayal, sentiment, sources, wording
from .groups import group_map
from .lexicons import Lexicons, get
from .pipeline import articles_table, removals_table
from .segment import Document, sentences_table


@dataclass(frozen=True)
class Step:
    """One result: its name, the results it needs, and the function that makes it from a Run."""

    name: str
    needs: tuple[str, ...]
    make: Callable[["Run"], Any]


@dataclass
class Run:
    """The documents of one analysis, how they are compared, and the results made so far.

    ``names_across_articles`` groups name variants across all the documents (a report) or within each
    article (corpus mode, so that a result never depends on which articles share a batch)."""

    docs: list[Document]
    lexicons: Lexicons | str | None = None
    compare_by: str = "article"
    names_across_articles: bool = True
    results: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lexicons = get(self.lexicons)  # the one conversion: every step gets the Lexicons object

    def __getitem__(self, name: str) -> Any:
        if name not in self.results:
            step = STEPS[name]
            for need in step.needs:
                self[need]
            self.results[name] = step.make(self)
        return self.results[name]

    def tables(self, names) -> dict[str, pd.DataFrame]:
        return {name: self[name] for name in names}


def _sentences(run: Run) -> pd.DataFrame:
    """The sentences with every score, the loaded-language probability and the compared group."""
    score_cols = ["article", "sentence", "position", *sentiment.SCORE_COLUMNS]
    table = sentences_table(run.docs).merge(run["scores"][score_cols], on=["article", "sentence"])
    table = table.merge(run["loaded_reading"].sentences, on=["article", "sentence"], how="left")
    table["group"] = table["article"].map(group_map(run.docs, run.compare_by))
    return table


def _steps(*steps: Step) -> dict[str, Step]:
    return {s.name: s for s in steps}


STEPS = _steps(
    Step("articles", (), lambda r: articles_table(r.docs)),
    Step("removals", (), lambda r: removals_table(r.docs)),
    Step("scores", (), lambda r: sentiment.sentence_scores(r.docs, r.lexicons)),
    Step("mentions_and_places", (), lambda r: actors.mentions_and_places(
        r.docs, r.names_across_articles, lexicons=r.lexicons)),
    Step("mentions", ("mentions_and_places",), lambda r: r["mentions_and_places"][0]),
    Step("places", ("mentions_and_places",), lambda r: r["mentions_and_places"][1]),
    Step("frame_hits", (), lambda r: framing.frame_hits(r.docs, r.lexicons)),
    Step("sources", ("mentions",), lambda r: sources.find_sources(r.docs, r.lexicons, r["mentions"])),
    Step("stance", ("sources",), lambda r: framing.drop_credited_scare_quotes(
        framing.stance_markers(r.docs, r.lexicons), r["sources"])),
    Step("epithets", ("mentions",), lambda r: actors.find_epithets(r.docs, r["mentions"], r.lexicons)),
    Step("pronouns", ("mentions",), lambda r: actors.pronoun_mentions(r.docs, r["mentions"], r.lexicons)),
    Step("toward", ("mentions", "sources", "scores", "pronouns"), lambda r: sentiment.mention_sentiment(
        r["mentions"], r["sources"], r.lexicons, r["scores"], r["pronouns"], r.docs)),
    Step("alignment", (), lambda r: framing.align_content(r.docs, lexicons=r.lexicons)),
    Step("loaded_reading", (), lambda r: wording.read_loaded(r.docs, r.lexicons)),
    Step("loaded", ("loaded_reading",), lambda r: r["loaded_reading"].words),
    Step("sentences", ("scores", "loaded_reading"), _sentences),
    Step("scored_sentences", ("scores", "loaded_reading"), lambda r: r["scores"].merge(
        r["loaded_reading"].sentences, on=["article", "sentence"], how="left")),  # corpus mode's sentences
    Step("actors", ("mentions", "epithets"), lambda r: actors.with_epithets(
        actors.actors_table(r["mentions"], r.lexicons), r["epithets"])),
    Step("terms", ("places",), lambda r: framing.distinctive_terms(r.docs, lexicons=r.lexicons,
                                                                     places=r["places"])),
    Step("frames", ("frame_hits",), lambda r: framing.frames_table(r.docs, r["frame_hits"], lexicons=r.lexicons)),
    Step("stance_rates", ("stance",), lambda r: framing.stance_rates(r.docs, r["stance"], lexicons=r.lexicons)),
    Step("actor_sentiment", ("scores", "mentions", "toward"), lambda r: sentiment.actor_sentiment(
        r["scores"], r["mentions"], toward=r["toward"])),
    Step("who_says_what", ("toward",), lambda r: sentiment.who_says_what(r["toward"])),
    Step("portrayal", ("toward", "sources", "sentences", "alignment", "epithets"), lambda r: portrayal.portrayal(
        portrayal.sentence_units(r["toward"], r["sources"], r["sentences"], r["alignment"], r["epithets"]),
        r.lexicons)),
    Step("quotes", (), lambda r: sentiment.quote_scores(r.docs)),
    Step("word_choice", ("alignment", "mentions"), lambda r: wording.word_choice(
        r.docs, r["alignment"], r.lexicons, mentions=r["mentions"])),
    Step("term_counts", (), lambda r: framing.term_counts(r.docs, r.lexicons)),
    # comparisons of groups (compare_by a manifest column)
    Step("terms_by_group", ("places",), lambda r: framing.distinctive_terms(
        r.docs, r.compare_by, lexicons=r.lexicons, places=r["places"])),
    Step("frames_by_group", ("frame_hits",), lambda r: framing.frames_table(
        r.docs, r["frame_hits"], r.compare_by, lexicons=r.lexicons)),
    Step("stance_rates_by_group", ("stance",), lambda r: framing.stance_rates(
        r.docs, r["stance"], r.compare_by, lexicons=r.lexicons)),
    Step("sentiment_by_group", ("sentences",), lambda r: sentiment.article_summary(r["sentences"], unit="group")),
)

# The report's tables, in the order they are listed, and the order the steps were run in before they
# were steps (so that the warnings an analysis notes come in the same order).
REPORT_TABLES = ("articles", "sentences", "actors", "mentions", "pronouns", "places", "terms", "frames",
                 "frame_hits", "stance", "stance_rates", "sources", "toward", "actor_sentiment", "who_says_what",
                 "epithets", "portrayal", "quotes", "alignment", "loaded", "word_choice", "removals")
REPORT_ORDER = ("scores", "mentions_and_places", "frame_hits", "sources", "stance", "pronouns", "toward",
                "alignment", "loaded_reading", "sentences")
GROUP_TABLES = ("terms_by_group", "frames_by_group", "stance_rates_by_group", "sentiment_by_group")
