"""The report command, run as a user would: on files the test writes, with bad paths, in a browser."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from newscompare.errors import ReportError
from newscompare.report import write_report

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("{place} (Wire) – {who} said on Monday that the jet had been shot down by rebels near the border. "
           "“We will respond,” {who} told reporters. The pilot ejected and later died, according to officials.\n\n"
           "Critics claimed the {adj} attack was planned. The army allegedly ignored warnings. "
           "Analysts say the incident could clearly change the war.\n")


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(ARTICLE.format(place="MOSCOW", who="Putin", adj="terrible"), encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.format(place="ANKARA", who="Erdogan", adj="justified"), encoding="utf-8")
    third = ARTICLE.format(place="LONDON", who="The minister", adj="shocking")
    body = "".join(f"<p>{p}</p>" for p in third.split("\n\n"))
    (folder / "c.html").write_text(f"<html><head><title>Jet downed near border</title></head><body><nav>Home | World"
                                   f"</nav><article><h1>Jet downed near border</h1>{body}</article></body></html>",
                                   encoding="utf-8")
    # A title as a spreadsheet would run it: the CSV tables must neutralise it.
    (folder / "articles.csv").write_text('file,id,title\nb.txt,b,"=HYPERLINK(""http://x.example"",""go"")"\n',
                                         encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(three_articles, tmp_path_factory):
    """The report as a user runs it: from a folder of their own, with a relative --out."""
    where = tmp_path_factory.mktemp("reports")
    before = sorted(p.name for p in (ROOT / "notebooks").iterdir())
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(three_articles), "--out", "three"],
                          capture_output=True, text=True, cwd=where, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (ROOT / "notebooks").iterdir()) == before  # nothing left in notebooks/
    return where / "three", proc


def test_report_writes_every_output(report):
    out, proc = report
    assert "[5/5] 05_side_by_side.ipynb" in proc.stdout  # progress, notebook i of N
    assert "Traceback" not in proc.stderr, proc.stderr
    for nb in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        assert (out / "notebooks" / nb.name).is_file() and (out / "notebooks" / nb.with_suffix(".html").name).is_file()
    for name in ("articles", "sentences", "actors", "terms", "frames", "stance", "sources", "removals",
                 "who_says_what", "loaded"):
        assert (out / "tables" / f"{name}.csv").is_file(), name
    figures = list((out / "figures").glob("*.png"))
    assert len(figures) >= 8 and all(f.with_suffix(".csv").is_file() for f in figures)
    assert "<img" in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.parent.glob(".three.*"))  # no temporary folder left behind
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask  # not mkdtemp's private 0700


def test_tables_share_article_ids_and_columns(report, three_articles):
    out, _ = report
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert set(articles.article) == {"a", "b", "c"}
    assert set(articles.path) == {str(three_articles / f) for f in ("a.txt", "b.txt", "c.html")}
    assert articles.set_index("article").loc["c", "title"] == "Jet downed near border"
    assert articles.set_index("article").loc["b", "title"].startswith("'=HYPERLINK")  # not a live formula
    expected = {"sentences": ["article", "sentence", "paragraph", "start", "end", "text", "words", "heading",
                              "in_quote", "quote_share", "position", "tb_polarity", "tb_subjectivity",
                              "vader_compound", "vader_pos", "vader_neg", "vader_neu", "combined", "loaded_score",
                              "group"],
                "actors": ["article", "actor", "label", "count", "only_in", "label_kind", "actor_kind"],
                "terms": ["term", "article", "count", "z", "ranks"],
                "loaded": ["article", "sentence", "term", "kind", "score", "start", "end", "in_quote", "others",
                           "text"],
                "frames": ["article", "frame", "sentences", "share"],
                "sources": ["article", "sentence", "source", "role", "source_type", "kind", "cue", "cue_stance",
                            "quote", "start", "end", "text", "mention", "mention_start", "mention_end", "cue_start",
                            "cue_end", "confidence"]}
    for name, cols in expected.items():
        table = pd.read_csv(out / "tables" / f"{name}.csv")
        assert list(table.columns) == cols, name
        assert set(table.article) <= {"a", "b", "c"} and len(set(table.article)) == 3, name
    stance = pd.read_csv(out / "tables" / "stance.csv")
    assert {"article", "marker", "category", "sentence"} <= set(stance.columns)


def test_executed_notebooks_ran_on_the_given_articles(report, three_articles):
    out, _ = report
    nb = nbformat.read(out / "notebooks" / "01_articles.ipynb", as_version=4)
    text = json.dumps(nb)
    params = next(c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert str(three_articles) in params  # the articles given, not the notebook's default
    table = next(o["data"]["text/plain"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
                 if "text/plain" in o.get("data", {}) and "encoding" in o["data"]["text/plain"])
    ids = [line.split()[1] for line in table.splitlines()[1:] if line[:1].isdigit()]
    assert ids[:3] == ["a", "b", "c"] and "Jet downed near border" in table
    assert "su24-2015" not in text  # not the seeds


def test_index_page_has_dashboard_reading_view_and_links(report):
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Key figures" in page and "Reading view" in page
    for art in ("a", "b", "c"):
        assert f'id="{art}-s0"' in page
    assert 'class="cue" title="indirect attribution to' in page or 'class="cue" title="direct attribution to' in page
    assert "notebooks/03_sentiment.html" in page and "tables/sources.csv" in page


def test_notebooks_read_the_analysis_computed_once(tmp_path):
    """The report computes the analysis once and every notebook reads it: a file changed on disk after
    the analysis does not reach the notebooks, which would read it again if they prepared it again."""
    import newscompare as nc

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("Harbour talks resumed on Monday. The mayor said the pier would reopen.",
                                  encoding="utf-8")
    docs = nc.prepare([folder])
    (folder / "x.txt").write_text("Completely different words now. Nothing about a harbour.", encoding="utf-8")
    out = write_report([folder], tmp_path / "out", docs=docs, notebooks=[ROOT / "notebooks" / "01_articles.ipynb"],
                       progress=lambda _: None)
    html = (out / "notebooks" / "01_articles.html").read_text(encoding="utf-8")
    assert "Harbour talks resumed" in html and "Completely different" not in html
    params = nbformat.read(out / "notebooks" / "01_articles.ipynb", as_version=4).cells[2].source
    assert "ANALYSIS" in params and str(folder) in params  # the user's articles, and the bundle they read


# What a browser would fetch: a source, a link to follow on load, a CSS url() or @import, a JS import.
FETCHED = re.compile(r"""(?:\bsrc\s*=|\bhref\s*=|url\(|@import|\bimport\s*\(?)\s*["']?\s*(?:https?:)?//""", re.I)


def test_every_page_of_the_report_opens_offline(report):
    out, _ = report
    pages = list(out.rglob("*.html"))
    assert len(pages) == 6  # the index and the five notebooks
    for page in pages:
        found = FETCHED.findall(page.read_text(encoding="utf-8"))
        assert not found, (page.name, found[:3])


def test_wide_tables_scroll_and_figures_open_full_size(report):
    out, _ = report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<div class='nc-scroll'><table" in index and ".nc-scroll {" in index
    assert re.search(r'<a href="figures/[^"]+\.png"><img', index)
    notebook = (out / "notebooks" / "02_framing.html").read_text(encoding="utf-8")
    assert "overflow-x: auto" in notebook and "text-align: left" in notebook


def test_every_notebook_takes_the_same_parameters(report):
    out, _ = report
    assert "unknown parameter" not in (out / "logs" / "kernels.log").read_text(encoding="utf-8")


def test_executed_notebooks_show_the_reports_paths_not_temporary_ones(report):
    out, _ = report
    for nb in (out / "notebooks").glob("*.ipynb"):
        text = nb.read_text(encoding="utf-8")
        assert ".partial-" not in text, nb.name
        assert str(out / "figures") in text, nb.name


def test_committed_notebooks_are_untouched(report):
    for nb in (ROOT / "notebooks").glob("0*.ipynb"):
        assert "su24-2015" in nb.read_text(encoding="utf-8")  # still the seeds' outputs


def test_default_out_never_overwrites(three_articles, tmp_path, monkeypatch):
    from newscompare.report import default_out, free_path

    monkeypatch.chdir(tmp_path)
    first = free_path(default_out([three_articles]))
    first.mkdir(parents=True)
    assert free_path(default_out([three_articles])) == first.with_name(first.name + "-2")


def test_existing_out_is_refused(three_articles, tmp_path):
    out = tmp_path / "old"
    out.mkdir()
    (out / "index.html").write_text("earlier report")
    with pytest.raises(ReportError, match="never overwritten"):
        write_report([three_articles], out, progress=lambda _: None)
    assert (out / "index.html").read_text() == "earlier report"


@pytest.mark.parametrize("args,message", [
    (["does/not/exist"], "no such file or folder"),
    (["EMPTY"], "no article files"),
    (["EMPTY", "--debug"], "no article files"),  # --debug after the subcommand is understood
])
def test_cli_bad_paths_give_one_clear_line(args, message, tmp_path):
    (tmp_path / "EMPTY").mkdir()
    args = [str(tmp_path / a) if a == "EMPTY" else a for a in args]
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", *args], capture_output=True, text=True,
                          cwd=ROOT)
    if "--debug" in args:  # the traceback is shown, not an argparse complaint
        assert "Traceback" in proc.stderr and message in proc.stderr and "unrecognized" not in proc.stderr
        return
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_unwritable_out(three_articles, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(three_articles), "--out",
                           str(blocker / "report")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "cannot write here" in proc.stderr and "Traceback" not in proc.stderr


def test_failing_notebook_names_notebook_and_cell_and_leaves_no_report(three_articles, tmp_path):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('ARTICLES = []\nOUTPUT = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise ValueError('boom')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    bad = tmp_path / "nbs" / "01_bad.ipynb"
    bad.parent.mkdir()
    nbformat.write(nb, bad)
    out = tmp_path / "out"
    with pytest.raises(ReportError) as err:
        write_report([three_articles], out, notebooks=[bad], progress=lambda _: None)
    assert "01_bad.ipynb" in str(err.value) and "ValueError: boom" in str(err.value)
    assert not out.exists()
    assert list(tmp_path.glob(".out.partial-*"))  # what was written is kept aside, clearly named


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian package 'chromium'; .ci/run installs it)")
def test_index_renders_in_headless_chromium(report, tmp_path):
    out, _ = report
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
           (out / "index.html").as_uri()]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    assert "Key figures" in dom and "Reading view" in dom
    for art in ("a", "b", "c"):
        assert f'id="{art}-s0"' in dom
    shot = tmp_path / "index.png"
    subprocess.run(cmd[:-2] + [f"--screenshot={shot}", "--window-size=1400,1800", (out / "index.html").as_uri()],
                   capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_make_lab_allows_root_only_for_root():
    dry = subprocess.run(["make", "-n", "lab"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "jupyter lab notebooks" in dry
    assert ("--allow-root" in dry) == (os.getuid() == 0)
