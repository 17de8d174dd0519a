"""Comparing groups of articles (a manifest column such as the outlet) instead of single articles."""

import json
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


def test_any_table_comes_with_the_group_each_article_is_compared_in(grouped):
    by_outlet = nc.analyze([grouped], "outlet")
    mentions = by_outlet.grouped("mentions")
    assert not mentions.empty
    assert (mentions["group"] == "outlet-" + mentions["article"].str[0]).all()
    by_article = nc.analyze([grouped], "article").grouped("sentences")
    assert (by_article["group"] == by_article["article"]).all()


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


def write_manifest(folder: Path, column: str, groups: dict[str, str]) -> None:
    (folder / "articles.csv").write_text(f"file,id,{column}\n" + "".join(
        f"{n}.txt,{n},{groups.get(n, '')}\n" for n in TEXTS), encoding="utf-8")


def test_a_group_column_naming_two_groups_is_compared_by_default(grouped):
    write_manifest(grouped, "group", {n: f"desk-{n[0]}" for n in TEXTS})
    analysis = nc.analyze([grouped], None)
    assert analysis.compare_by == "group" and analysis.unit == "group"
    assert set(analysis.tables["sentences"].group) == {"desk-a", "desk-b"}
    assert nc.analyze([grouped], "article").unit == "article"  # said outright, single articles


@pytest.mark.parametrize("groups", [{}, {n: "desk" for n in TEXTS}])
def test_no_group_column_or_one_group_compares_single_articles(grouped, groups):
    write_manifest(grouped, "group", groups)
    assert nc.analyze([grouped], None).compare_by == "article"


@pytest.mark.slow
def test_the_report_compares_groups_by_default_and_says_so(grouped, tmp_path):
    write_manifest(grouped, "group", {n: f"desk-{n[0]}" for n in TEXTS})
    out, said = tmp_path / "report", []
    write_report([grouped], out, notebooks=[ROOT / "notebooks" / "02_framing.ipynb"], progress=said.append)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Comparing groups of articles by the &#x27;group&#x27; column" in page and "desk-a: a1, a2" in page
    assert any("--compare-by article" in line for line in said)
    assert "desk-b" in (out / "notebooks" / "02_framing.html").read_text(encoding="utf-8")


def test_working_copies_are_set_to_the_articles_and_leave_the_committed_notebooks_alone(grouped, tmp_path):
    from newscompare.report import notebook_paths, working_copies

    before = {p.name: p.read_bytes() for p in notebook_paths()}
    out = working_copies([grouped], tmp_path / "mine", compare_by="outlet")
    assert sorted(p.name for p in out.glob("*.ipynb")) == sorted(before)
    nb = json.loads((out / "02_framing.ipynb").read_text(encoding="utf-8"))
    injected = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert f'ARTICLES = ["{grouped}"]' in "".join(injected["source"]) and 'COMPARE_BY = "outlet"' in "".join(
        injected["source"])
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")
    assert {p.name: p.read_bytes() for p in notebook_paths()} == before
    with pytest.raises(nc.ReportError, match="never overwrite"):
        working_copies([grouped], out)
