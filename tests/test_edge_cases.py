"""Valid but unusual inputs: every table is built and every notebook runs, with a defined result, on
articles that name no actor, quote no one, signal no frame; on one article, one sentence each, and
fifty articles. Texts written for the test."""

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newscompare as nc
from newscompare import export

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    # no proper name, no attribution, no quotation, no frame word
    "nothing_to_find": {"a.txt": "the kettle is on the stove.\n\nsteam rises from it slowly.\n",
                        "b.txt": "a cat sleeps on the warm mat.\n\nthe clock ticks on the shelf.\n"},
    "officials_only": {"a.txt": "The old bridge will close for repairs next month, officials said.\n\n"
                                "The council approved the work after the city engineer found cracks.\n",
                       "b.txt": "Repairs to the bridge will take six weeks.\n\nAccording to the council, the "
                                "cost is within budget.\n"},
    "one_article": {"only.txt": "The ferry left the harbour at dawn. Passengers watched the gulls.\n"},
    "one_sentence_each": {"a.txt": "The library reopened.\n", "b.txt": "Storm clouds gathered.\n"},
    "fifty_articles": {f"s{i:02d}.txt": f"Item {i}: the town council met on Monday. Mayor Jo Reed said the budget "
                                        f"was tight. “We will cope,” she told reporters.\n\nResidents complained "
                                        f"about potholes on Mill Lane.\n" for i in range(50)},
}


def write_case(folder: Path, name: str) -> Path:
    d = folder / name
    d.mkdir(parents=True, exist_ok=True)
    for file, text in CASES[name].items():
        (d / file).write_text(text, encoding="utf-8")
    return d


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_table_is_built(name, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nc.analyze([write_case(tmp_path, name)])
    tables = analysis.tables
    n = len(CASES[name])
    assert len(tables["articles"]) == n and tables["sentences"].article.nunique() == n
    for table_name, table in tables.items():
        assert "article" in table.columns or table_name.endswith("_by_group"), table_name
    assert len(export.key_figures(analysis.docs, tables).columns) == n
    nc.reading.index_page(analysis.docs, tables, [])  # the index page renders too


def test_nothing_to_find_gives_empty_tables_not_errors(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = nc.analyze([write_case(tmp_path, "nothing_to_find")]).tables
    for name in ("mentions", "actors", "sources", "quotes", "frame_hits", "actor_sentiment"):
        assert tables[name].empty, name
    frames = tables["frames"]
    assert (frames.loc[frames.frame == "none", "share"] == 1.0).all()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["nothing_to_find", "officials_only", "one_article", "one_sentence_each",
                                  "fifty_articles"])
def test_the_report_runs(name, tmp_path):
    folder = write_case(tmp_path, name)
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(folder), "--out", str(tmp_path / "r")],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "r" / "index.html").is_file() and len(list((tmp_path / "r" / "notebooks").glob("*.html"))) == 5
