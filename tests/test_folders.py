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


def test_figure_data_of_any_dtype_and_column_names_from_ids_are_neutralised(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newscompare import plots

    table = pd.DataFrame({"actor": pd.Categorical(["=cmd|' /C calc'!A0", "Vogt"]),
                          "label": pd.array(["+sum", "mayor"], dtype="string"), "=id": [1, 2], "ok": [True, False]})
    fig, _ = plt.subplots()
    saved = plots.save(fig, table, "f", tmp_path)
    plt.close(fig)
    text = (tmp_path / "f.csv").read_text(encoding="utf-8")
    assert not any(line.startswith(("=", "+")) or ",=" in line or ",+" in line for line in text.splitlines()), text
    written = pd.read_csv(tmp_path / "f.csv")
    assert written.columns.tolist() == ["actor", "label", "'=id", "ok"]
    assert written.actor[0] == "'=cmd|' /C calc'!A0" and written.label[0] == "'+sum" and written.ok.tolist() == [True,
                                                                                                              False]
    assert saved.data.actor[0].startswith("=")  # the data in memory keeps its text
    assert isinstance(saved, plots.SavedFigure)  # a class, not turned into a function by a decorator


def test_report_tables_are_safe_to_open_in_a_spreadsheet(folder, tmp_path):
    (folder / "articles.csv").write_text('file,id,title\na.txt,a,"=HYPERLINK(""http://x.example"",""go"")"\n'
                                         "b.txt,b,Barge\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nc.analyze([folder])
    export.write_tables(analysis.tables, tmp_path / "tables")
    titles = pd.read_csv(tmp_path / "tables" / "articles.csv").set_index("article").title
    assert titles["a"].startswith("'=HYPERLINK") and titles["b"] == "Barge"


def test_ids_that_look_like_tex_are_drawn_as_plain_text():
    import matplotlib.pyplot as plt

    from newscompare import plots

    data = pd.DataFrame({"article": ["Outlet $x^$", "b_{2}"], "measure": ["words", "words"], "count": [3, 4]})
    with plt.rc_context(plots.STYLE):
        fig, ax = plt.subplots()
        plots.grouped_bars(data, "measure", "count", ax=ax, title="Words of $x^$", xlabel="", ylabel="words")
        fig.canvas.draw()  # mathtext would raise on "$x^$"
    assert ax.get_legend().get_texts()[0].get_text() == "Outlet $x^$"
    plt.close(fig)


def test_html_nested_too_deep_for_the_extractor_falls_back_to_its_paragraphs(tmp_path):
    page = ("<html><body><nav>Home | World</nav>" + "<div>" * 300 + "<p>The council voted on Monday to close the "
            "old bridge for repairs, officials said.</p>" + "</div>" * 300 + "</body></html>")
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    with pytest.warns(nc.NewsCompareWarning, match="nested too deep"):
        art = nc.load_article(tmp_path / "deep.html")
    assert art.raw == "The council voted on Monday to close the old bridge for repairs, officials said."


def test_a_file_that_cannot_be_opened_is_a_problem_not_a_crash(folder, monkeypatch):
    from newscompare import load

    real = open

    def no_permission(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(load, "open", no_permission, raising=False)
    problems: list = []
    docs = nc.prepare([folder], problems=problems)
    assert [d.id for d in docs] == ["a"]
    assert "b.txt: cannot be read: Permission denied" in str(problems[0])


def test_cli_skip_bad_reports_on_the_readable_articles(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(folder), "--out", str(tmp_path / "r"),
                           "--skip-bad"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "pipe.txt: skipped: is a named pipe" in proc.stderr
    assert set(pd.read_csv(tmp_path / "r" / "tables" / "articles.csv").article) == {"a", "b"}


def test_a_full_disk_is_named(folder, tmp_path, monkeypatch, capsys):
    import errno

    from newscompare import cli, report

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report, "write_report", full)
    assert cli.main(["report", str(folder), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'r'}: No space left on device" in err


def test_corpus_workers_end_when_the_command_is_killed(tmp_path):
    import signal
    import time

    from tests.test_corpus import write_corpus

    src = write_corpus(tmp_path / "in", 400)
    proc = subprocess.Popen([sys.executable, "-m", "newscompare", "corpus", str(src), "--out", str(tmp_path / "out"),
                             "--jobs", "2", "--batch", "4"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.time() + 120
    while len(children) < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        for task in Path(f"/proc/{proc.pid}/task").glob("*/children"):
            children.update(int(c) for c in task.read_text().split())
    assert len(children) >= 2, "the workers did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(Path(f"/proc/{c}").exists() and "zombie" not in _state(c) for c in children):
        time.sleep(0.2)
    alive = [c for c in children if Path(f"/proc/{c}").exists() and "zombie" not in _state(c)]
    assert not alive, f"workers still running: {alive}"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "gone"
