"""Group tables from the store: frames, stance, loaded words, terms and sentiment per group.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..lexicons import Lexicons
from .store import iter_table, read_table


# ------------------------------------------------------------------------------------------- groups
def group_tables(out: str | Path, lexicons: Lexicons | str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Comparisons between groups from a corpus run: sentiment with intervals, frames, stance rates,
    sources by type, distinctive terms (the top 50 per group), loaded words per 1,000 words. Each table
    has a ``group`` column; they come from the same functions as the notebooks' (framing.frame_shares,
    marker_rates, term_z_scores)."""
    from .. import framing, sentiment, wording

    articles = read_table(out, "articles", ["article", "group", "words", "sentences"])
    if articles.empty:
        return {}
    totals = articles.groupby("group")[["words", "sentences"]].sum()
    scores = read_table(out, "sentences", ["article", "group", "heading", "combined", "tb_subjectivity"])
    frames = read_table(out, "frame_hits", ["article", "group", "sentence", "frame"])
    stance = read_table(out, "stance", ["group", "category"])
    loaded = read_table(out, "loaded", ["group", "kind"]).rename(columns={"kind": "category"})
    src = read_table(out, "sources", ["group", "source_type"])
    counts = pd.concat([chunk.groupby(["group", "term"], as_index=False)["sentences"].sum()
                        for chunk in iter_table(out, "term_counts", ["group", "term", "sentences"])]
                       or [pd.DataFrame(columns=["group", "term", "sentences"])], ignore_index=True)
    return {
        "groups": articles.groupby("group").agg(articles=("article", "count"), words=("words", "sum"),
                                                 sentences=("sentences", "sum")).reset_index(),
        "sentiment": sentiment.article_summary(scores, unit="group"),
        "frames": framing.frame_shares(frames, totals["sentences"], framing.frame_names(lexicons), "group"),
        "stance_rates": framing.marker_rates(stance, totals["words"], framing.stance_categories(lexicons), "group"),
        "loaded_rates": framing.marker_rates(loaded, totals["words"], wording.loaded_kinds(lexicons), "group"),
        "sources_by_type": src.groupby(["group", "source_type"]).size().rename("attributions").reset_index(),
        "actor_sentiment": _group_actor_sentiment(read_table(out, "toward", ["group", "actor", "speaker", "score",
                                                                            "sentiment"])),
        "terms": framing.term_z_scores(counts, "group", top=50, loaded=framing.loaded_terms(lexicons)),
    }


def _group_actor_sentiment(toward: pd.DataFrame, top: int = 50) -> pd.DataFrame:
    """Sentiment toward the ``top`` actors named most in the corpus, per group: mentions, mean score
    (target model), the mean in the author's own sentences and in what the sources say, and the net
    tone (positive minus negative mentions, as a share of them all; as actor_sentiment's ``net``)."""
    cols = ["group", "actor", "mentions", "mean_target", "mean_author", "mean_sources", "net"]
    if toward.empty:
        return pd.DataFrame(columns=cols)
    keep = toward["actor"].value_counts().head(top).index
    mine = toward[toward["actor"].isin(keep)].assign(author=lambda t: t["speaker"] == "the author")
    out = mine.groupby(["group", "actor"]).agg(mentions=("score", "size"), mean_target=("score", "mean")).reset_index()
    by_voice = mine.groupby(["group", "actor", "author"])["score"].mean().unstack("author")
    out["mean_author"] = by_voice.get(True, pd.Series(dtype=float)).reindex(
        pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    out["mean_sources"] = by_voice.get(False, pd.Series(dtype=float)).reindex(
        pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    if "sentiment" in mine:
        from ..sentiment import LABEL_SIGN

        signs = mine.assign(sign=mine["sentiment"].map(LABEL_SIGN).fillna(0))
        net = signs.groupby(["group", "actor"])["sign"].mean().round(4)
        out["net"] = net.reindex(pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    else:
        out["net"] = float("nan")
    return out[cols]


def sorted_for_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """A table in a canonical row order (for comparing runs whose articles finished in another order)."""
    keys = [c for c in ("article", "sentence", "start", "frame", "term", "marker", "source", "actor", "speaker")
            if c in table]
    return table.sort_values(keys, kind="stable").reset_index(drop=True)
