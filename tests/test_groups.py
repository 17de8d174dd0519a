"""Comparing groups of articles (a manifest column such as the outlet) instead of single articles."""

from pathlib import Path

import pytest

import newscompare as nc
from newscompare import framing, sentiment
from newscompare.errors import NewsCompareError
from newscompare.report import write_report

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {
    "a1": "Rebels shot down the jet. The pilot died. Turkey allegedly helped them.",
    "a2": "The terrorists clearly planned the attack. Markets fell on the news.",
    "b1": "The jet was downed near the border. Officials said the crew survived.",
    "b2": "Russia may respond. The conflict could spread across the region.",
}


@pytest.fixture
def grouped(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.csv").write_text("file,id,outlet\n" + "".join(
        f"{n}.txt,{n},outlet-{n[0]}\n" for n in TEXTS), encoding="utf-8")
    return tmp_path


def test_group_map_and_missing_column(grouped):
    docs = nc.prepare([grouped])
    assert nc.group_map(docs, "outlet") == {"a1": "outlet-a", "a2": "outlet-a", "b1": "outlet-b", "b2": "outlet-b"}
    with pytest.raises(NewsCompareError, match="no article has a manifest column 'desk'"):
        nc.group_map(docs, "desk")


def test_group_tables_pool_their_articles(grouped):
    docs = nc.prepare([grouped])
    frames = framing.frames_table(docs, compare_by="outlet").set_index(["group", "frame"])
    per_article = framing.frames_table(docs).set_index(["article", "frame"])
    for frame in framing.frame_names():
        assert frames.loc[("outlet-a", frame), "sentences"] == (per_article.loc[("a1", frame), "sentences"]
                                                                + per_article.loc[("a2", frame), "sentences"])
    rates = framing.stance_rates(docs, compare_by="outlet").set_index(["group", "category"])
    hedges_a = framing.stance_markers(docs).query("article in ['a1', 'a2'] and category == 'hedge'")
    assert rates.loc[("outlet-a", "hedge"), "count"] == len(hedges_a)
    assert rates.loc[("outlet-a", "hedge"), "words"] == sum(d.words for d in docs if d.id.startswith("a"))
    terms = framing.distinctive_terms(docs, "outlet")
    assert set(terms.group) == {"outlet-a", "outlet-b"}
    scores = sentiment.sentence_scores(docs)
    scores["group"] = scores.article.map(nc.group_map(docs, "outlet"))
    summary = sentiment.article_summary(scores, unit="group").set_index("group")
    assert summary.loc["outlet-a", "sentences"] == 5


def test_notebook_runs_by_group(grouped, tmp_path):
    out = tmp_path / "report"
    write_report([grouped], out, notebooks=[ROOT / "notebooks" / "02_framing.ipynb"], compare_by="outlet",
                 progress=lambda _: None)
    html = (out / "notebooks" / "02_framing.html").read_text(encoding="utf-8")
    assert "outlet-a" in html and "outlet-b" in html
