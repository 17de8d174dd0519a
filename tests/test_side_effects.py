"""Importing the library and calling it leaves the user's settings alone: pandas options, matplotlib
style, the warnings hook, and the objects passed in."""

import subprocess
import sys
import warnings

import matplotlib
import pandas as pd
from tests.helpers import doc


def test_import_and_figures_leave_settings_alone():
    code = """
import warnings, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, pandas as pd
before = (dict(plt.rcParams), pd.get_option("display.width"), pd.get_option("display.precision"), warnings.showwarning)
import newscompare as nc
from newscompare import plots, sentiment
text = "Rebels fired. Officials said it was bad."
docs = [nc.segment(nc.Article("a", __import__("pathlib").Path("a.txt"), text, "a"))]
scores = sentiment.sentence_scores(docs)
plots.arcs(scores, "combined", title="t", ylabel="y")
plots.intervals(sentiment.article_summary(scores), "mean", "mean_low", "mean_high", title="t", xlabel="x")
after = (dict(plt.rcParams), pd.get_option("display.width"), pd.get_option("display.precision"), warnings.showwarning)
changed = [k for k in before[0] if before[0][k] != after[0][k] and k != "backend"]
assert not changed, changed
assert before[1:] == after[1:], (before[1:], after[1:])
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr


def test_figures_still_get_the_project_style():
    from newscompare import plots, sentiment

    scores = sentiment.sentence_scores([doc("Rebels fired. Officials said it was bad.")])
    fig = plots.arcs(scores, "combined", title="t", ylabel="y")
    assert fig.dpi == plots.STYLE["figure.dpi"] and not fig.axes[0].spines["top"].get_visible()
    assert matplotlib.rcParams["axes.spines.top"]  # the process keeps matplotlib's own default


def test_cli_restores_the_warnings_hook(tmp_path):
    from newscompare.cli import main

    hook = warnings.showwarning
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert warnings.showwarning is hook


def test_analyses_do_not_change_their_inputs():
    from newscompare import export

    d = doc("PARIS (AFP) – The mayor said the pier was unsafe. “We will close it,” she told reporters.")
    article_before = (d.article.title, dict(d.article.meta))
    sentences_before = [(s.sentence, s.text) for s in d.sentences]
    tables = export.build_tables([d])
    assert (d.article.title, dict(d.article.meta)) == article_before
    assert [(s.sentence, s.text) for s in d.sentences] == sentences_before
    assert isinstance(tables["sentences"], pd.DataFrame)


def test_a_figure_summary_changes_with_what_it_draws():
    """nbval compares text, not images: the summary a figure cell shows must change when the data
    drawn changes (here: the smoothing of the sentiment arc)."""
    from newscompare import plots, sentiment

    scores = sentiment.sentence_scores([doc("Rebels fired. Officials said it was bad. Crowds cheered. "
                                            "The town wept. Markets rallied.")])
    three = plots.save(None, plots.arc_lines(scores, "combined", window=3), "arc", None)
    five = plots.save(None, plots.arc_lines(scores, "combined", window=5), "arc", None)
    assert repr(three).startswith("figure arc: data 5 rows x 5 columns") and repr(three) != repr(five)
    assert list(three) == []  # nothing written without an output folder
