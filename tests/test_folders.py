"""What is in an article folder besides articles, and paths that are not files: each is named, with
the reason, and nothing blocks or reads without end."""

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import newscompare as nc
from newscompare import corpus, export
from newscompare.errors import ArticleLoadError

ROOT = Path(__file__).resolve().parents[1]
STORY = "The ferry left at dawn. The harbour master said the crossing was calm.\n"


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(STORY, encoding="utf-8")
    (d / "b.txt").write_text(STORY.replace("ferry", "barge"), encoding="utf-8")
    return d


def test_a_named_pipe_given_as_a_path_is_refused_at_once(tmp_path):
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    code = f"import newscompare as nc\ntry:\n    nc.load_article({str(pipe)!r})\nexcept Exception as e:\n    print(e)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "is a named pipe" in proc.stdout and str(pipe) in proc.stdout


def test_a_device_is_refused_before_it_is_read():
    with pytest.raises(ArticleLoadError, match="is a device"):
        nc.load_article("/dev/zero")


def test_a_symlink_loop_is_called_a_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(ArticleLoadError, match="symbolic link loop"):
        nc.prepare([loop])


def test_special_entries_in_a_folder_are_named(folder):
    os.mkfifo(folder / "pipe.txt")        # looks like an article: a problem
    (folder / "drafts").mkdir()            # a sub-folder: a warning
    (folder / "dangling.md").symlink_to(folder / "gone.md")
    problems: list = []
    with pytest.warns(nc.NewsCompareWarning, match=r"drafts: skipped: is a sub-folder"):
        docs = nc.prepare([folder], problems=problems)
    assert sorted(d.id for d in docs) == ["a", "b"]
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert reasons == {"dangling.md": "skipped: is a symbolic link to nothing (broken link)",
                       "pipe.txt": "skipped: is a named pipe, not a file"}


def test_a_manifest_row_without_its_file_is_named(folder):
    (folder / "articles.csv").write_text("file,id,title\na.txt,a,A\nmissing.txt,m,Missing\n", encoding="utf-8")
    with pytest.warns(nc.NewsCompareWarning, match=r"names 'missing.txt', which is not in the folder"):
        nc.prepare([folder])


def test_cli_report_names_a_pipe_in_the_folder(folder):
    os.mkfifo(folder / "pipe.txt")
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(folder), "--out",
                           str(folder.parent / "out")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and "pipe.txt: skipped: is a named pipe" in proc.stderr
    assert "--skip-bad" in proc.stderr and "Traceback" not in proc.stderr


def test_corpus_records_what_it_skipped(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    (folder / "drafts").mkdir()
    summary = corpus.analyze_corpus([folder], tmp_path / "out", jobs=1)
    assert summary.articles == 2
    errors = corpus.read_table(tmp_path / "out", "errors").set_index("article")
    assert "named pipe" in errors.loc["pipe", "error"] and "sub-folder" in errors.loc["drafts", "error"]
    corpus.analyze_corpus([folder], tmp_path / "out", jobs=1)  # a rerun does not record them twice
    assert len(corpus.read_table(tmp_path / "out", "errors")) == 2


def test_csv_cells_that_would_run_as_formulas_are_neutralised(tmp_path):
    table = pd.DataFrame({"title": ["=HYPERLINK(\"http://x.example\",\"click\")", "+1 more", "-dash", "@who",
                                    "plain", "a=b"], "z": [-1.5, 2.0, -3.0, 0.0, 1.0, 2.0]})
    path = export.write_tables({"t": table}, tmp_path)["t"]
    written = pd.read_csv(path)
    assert written.title.tolist() == ["'=HYPERLINK(\"http://x.example\",\"click\")", "'+1 more", "'-dash", "'@who",
                                      "plain", "a=b"]
    assert written.z.tolist() == [-1.5, 2.0, -3.0, 0.0, 1.0, 2.0]  # numbers stay numbers
    assert table.title[0].startswith("=")  # the table in memory keeps its text


def test_report_tables_are_safe_to_open_in_a_spreadsheet(folder, tmp_path):
    (folder / "articles.csv").write_text('file,id,title\na.txt,a,"=HYPERLINK(""http://x.example"",""go"")"\n'
                                         "b.txt,b,Barge\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nc.analyze([folder])
    export.write_tables(analysis.tables, tmp_path / "tables")
    titles = pd.read_csv(tmp_path / "tables" / "articles.csv").set_index("article").title
    assert titles["a"].startswith("'=HYPERLINK") and titles["b"] == "Barge"
