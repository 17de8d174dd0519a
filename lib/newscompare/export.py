"""All tables of an analysis, computed once, and their CSV export. The same ``article`` id is in
every table; the columns are documented in the README."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from . import framing, sentiment, sources
from .pipeline import articles_table, removals_table
from .segment import Document, sentences_table


def build_tables(docs: list[Document]) -> dict[str, pd.DataFrame]:
    """Every table of the analysis, by name (articles, sentences with all scores, actors, mentions,
    places, terms, frames, frame_hits, stance, stance_rates, sources, actor_sentiment, alignment, removals)."""
    scores = sentiment.sentence_scores(docs)
    score_cols = ["article", "sentence", "position", *sentiment.SCORE_COLUMNS]
    mentions, places = framing.mentions_and_places(docs)
    hits = framing.frame_hits(docs)
    markers = framing.stance_markers(docs)
    return {
        "articles": articles_table(docs),
        "sentences": sentences_table(docs).merge(scores[score_cols], on=["article", "sentence"]),
        "actors": framing.actors_table(mentions),
        "mentions": mentions,
        "places": places,
        "terms": framing.distinctive_terms(docs),
        "frames": framing.frames_table(docs, hits),
        "frame_hits": hits,
        "stance": markers,
        "stance_rates": framing.stance_rates(docs, markers),
        "sources": sources.find_sources(docs),
        "actor_sentiment": sentiment.actor_sentiment(scores, mentions),
        "alignment": framing.align_content(docs),
        "removals": removals_table(docs),
    }


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path) -> dict[str, Path]:
    """Write each table as FOLDER/<name>.csv (UTF-8); return the paths by name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        paths[name] = folder / f"{name}.csv"
        table.to_csv(paths[name], index=False)
    return paths


def key_figures(docs: list[Document], tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One column per article, one row per key figure: length, mean sentiment with its interval,
    leading frames, sources by type, hedges and boosters per 1,000 words."""
    if tables is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = build_tables(docs)
    scores = tables["sentences"]
    summary = sentiment.article_summary(scores).set_index("article")
    frames = tables["frames"]
    rates = tables["stance_rates"].set_index(["article", "category"])["per_1000"]
    src = tables["sources"]
    out = {}
    for d in docs:
        s = summary.loc[d.id] if d.id in summary.index else None
        lead = frames[(frames["article"] == d.id) & (frames["frame"] != "none")].nlargest(2, "share")
        types = src[src["article"] == d.id]["source_type"].value_counts()
        out[d.id] = {
            "words": d.words,
            "sentences": sum(not x.heading for x in d.sentences),
            "mean sentiment (combined, 95% CI)": "n/a" if s is None else
            f"{s['mean']:+.3f} [{s['mean_low']:+.3f}, {s['mean_high']:+.3f}]",
            "negative / positive sentences": "n/a" if s is None else
            f"{s['share_negative']:.0%} / {s['share_positive']:.0%}",
            "leading frames (share of sentences)": ", ".join(f"{r.frame} {r.share:.0%}" for r in lead.itertuples()) or "none",
            "sources by type": ", ".join(f"{t} {n}" for t, n in types.items()) or "none",
            "quoted share of words": f"{sources.quoted_share([d])['share_quoted'].iloc[0]:.1%}",
            "hedges per 1,000 words": f"{rates.get((d.id, 'hedge'), 0):.1f}",
            "boosters per 1,000 words": f"{rates.get((d.id, 'booster'), 0):.1f}",
            "scare quotes": int(tables["stance"].query("article == @d.id and category == 'scare_quote'").shape[0]),
        }
    return pd.DataFrame(out)
