"""Figures with fixed settings, one colour per article, and saving each figure with its data.

Every figure function applies the project's style (STYLE) to the figure it draws and leaves the
process's matplotlib settings as they were; importing this module changes nothing. ``setup()`` is
for the project's notebooks: it sets that kernel's pandas display options and matplotlib style.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .framing import Z_SIGNIFICANT

PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#b56576"]
STYLE = {
    "figure.dpi": 100, "savefig.dpi": 100, "figure.figsize": (8, 4), "font.size": 10,
    "axes.titlesize": 12, "axes.labelsize": 10, "axes.spines.top": False, "axes.spines.right": False,
    "legend.frameon": False, "svg.hashsalt": "newscompare", "image.cmap": "RdBu",
    "text.parse_math": False,  # ids and titles are plain text: "Outlet $x^$" is not TeX
}


DISPLAY = {"display.width": 120, "display.max_colwidth": 100, "display.precision": 3, "display.max_rows": 60}


def setup() -> None:
    """For the project's notebooks (call it explicitly): fixed pandas display options and matplotlib
    style in this kernel, so notebook outputs are the same on every machine and run."""
    plt.rcParams.update(STYLE)
    for option, value in DISPLAY.items():
        pd.set_option(option, value)


def _styled(draw):
    """Run a figure function under the project's style, restoring the caller's settings after."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with plt.rc_context(STYLE):
            return draw(*args, **kwargs)
    return wrapper


def colors(ids) -> dict[str, str]:
    """A stable colour for each article (or group) id, in the order given."""
    return {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(ids)}


class SavedFigure(list):
    """The paths save() wrote (a list, empty when nothing was saved), shown in a notebook as a one-line
    summary of the figure's data with a checksum: a change to what a figure draws changes that line,
    so nbval sees it even though it does not compare images."""

    def __init__(self, paths, name: str, data: pd.DataFrame | None):
        super().__init__(paths)
        self.name, self.data = name, data

    def checksum(self) -> str:
        """A short hash of the data, floats rounded to 4 decimals (stable across platforms)."""
        import hashlib

        if self.data is None:
            return "-"
        rounded = self.data.round(4) if len(self.data) else self.data
        return hashlib.sha1(rounded.to_csv(index=False).encode("utf-8")).hexdigest()[:12]

    def __repr__(self) -> str:
        if self.data is None:
            return f"figure {self.name}: no data table"
        cols = ", ".join(map(str, self.data.columns))
        return (f"figure {self.name}: data {len(self.data)} rows x {self.data.shape[1]} columns ({cols}); "
                f"checksum {self.checksum()}")


def save(fig, data: pd.DataFrame | None, name: str, out: str | Path | None) -> SavedFigure:
    """Save ``fig`` as OUT/name.png and the data behind it as OUT/name.csv (safe to open in a
    spreadsheet); nothing when out is None. Returns the paths written, which a notebook shows as a
    summary of the data (SavedFigure)."""
    if out is None:
        return SavedFigure([], name, data)
    from .export import spreadsheet_safe

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png"]
    fig.savefig(paths[0], bbox_inches="tight", metadata={"Software": None})
    if data is not None:
        paths.append(out / f"{name}.csv")
        spreadsheet_safe(data).to_csv(paths[1], index=False)
    return SavedFigure(paths, name, data)


@_styled
def grouped_bars(data: pd.DataFrame, category: str, value: str, by: str = "article", *, title: str,
                 xlabel: str, ylabel: str, order=None, ax=None):
    """Bars of ``value`` per ``category``, one bar per article side by side, articles in the legend."""
    table = data.pivot_table(index=category, columns=by, values=value, aggfunc="sum", sort=False).fillna(0)
    if order is not None:
        table = table.reindex([c for c in order if c in table.index])
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(table) + 2), 4))
    else:
        fig = ax.figure
    cols = colors(list(dict.fromkeys(data[by])))
    table.plot.bar(ax=ax, color=[cols[c] for c in table.columns], width=0.8, rot=0)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(title=by)
    fig.tight_layout()
    return fig, table.reset_index()


@_styled
def distinctive_terms(terms: pd.DataFrame, top: int = 8, *, title: str = "Distinctive words per article",
                      by: str = "article"):
    """z-score against log frequency, one panel per article, the top terms labelled.

    Read it as: the higher a word stands, the more typical it is of that article compared with the
    others; |z| > 1.96 is the usual bar for a difference beyond chance. Only terms that rank (from
    more than one sentence, or loaded) are labelled.
    """
    import numpy as np

    ids = list(dict.fromkeys(terms[by]))
    cols = colors(ids)
    ncols = max(1, min(3, len(ids)))  # at most three panels a row, so each stays readable
    nrows = max(1, -(-len(ids) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(5 * ncols, 4 * nrows), sharey=True, squeeze=False)
    flat = list(axes.flat)
    for ax in flat[len(ids):]:
        ax.set_visible(False)
    for ax, art in zip(flat, ids):
        mine = terms[terms[by] == art]
        ax.scatter(np.log10(mine["count"].clip(lower=1)), mine["z"], s=10, color=cols[art], alpha=0.5, label=art)
        ranked = mine[mine["ranks"]] if "ranks" in mine else mine  # one sentence's word is not labelled
        best = ranked.nlargest(top, "z").assign(zr=lambda t: t["z"].round(3))
        labels = [(np.log10(max(1, count)), z, ", ".join(group["term"]))  # tied words share one label
                  for (count, z), group in best.groupby(["count", "zr"], sort=False)]
        _label_apart(ax, labels, mine["z"])
        ax.axhline(Z_SIGNIFICANT, color="grey", lw=0.8, ls="--")
        ax.set_title(f"{art} vs the rest")
        ax.set_xlabel("log10 sentences using the word")
        ax.legend(loc="lower right")
    for row in axes:
        row[0].set_ylabel("z-score (log-odds, informative prior)")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def _label_apart(ax, labels: list[tuple[float, float, str]], values: pd.Series) -> None:
    """Write each (x, y, text) beside its point, moving a label down when it would sit on the one
    above it (within 6% of the axis' height), with a thin line back to its point when moved."""
    span = (float(values.max()) - float(values.min())) or 1.0
    gap = 0.06 * span
    placed: list[tuple[float, float]] = []
    for x, y, text in sorted(labels, key=lambda t: -t[1]):
        ty = y
        while any(abs(ty - py) < gap and abs(x - px) < 0.35 for px, py in placed):
            ty -= gap
        placed.append((x, ty))
        ax.annotate(text, (x, y), xytext=(x + 0.02, ty), textcoords="data", fontsize=9, va="center",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5} if ty != y else None)


@_styled
def heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, annot: pd.DataFrame | None = None,
            cmap: str = "Blues", center: float | None = None, colorbar: str = "", grey: pd.DataFrame | None = None):
    """A labelled heatmap; ``annot`` (same shape) is written in the cells (counts by default).
    Missing values (NaN: nothing to measure) are drawn light grey, not as a value, and so are the
    cells ``grey`` marks True (thin evidence: their value is not coloured, so a strong colour never
    rests on two mentions)."""
    import numpy as np

    values = matrix.astype(float).values
    if grey is not None:
        values = np.where(grey.reindex_like(matrix).fillna(False).astype(bool).values, np.nan, values)
    fig, ax = plt.subplots(figsize=(1.6 * matrix.shape[1] + 3, 0.38 * matrix.shape[0] + 1.6))
    kwargs = {}
    if center is not None:
        span = np.nanmax(np.abs(values - center)) if np.isfinite(values).any() else 1.0
        kwargs = {"vmin": center - (span or 1.0), "vmax": center + (span or 1.0)}
    colormap = plt.get_cmap(cmap).copy()
    colormap.set_bad("#eeeeee")
    im = ax.imshow(np.ma.masked_invalid(values), cmap=colormap, aspect="auto", **kwargs)
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns])
    ax.set_yticks(range(matrix.shape[0]), [str(i) for i in matrix.index])
    labels = matrix if annot is None else annot
    lo, hi = im.get_clim()
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            strong = np.isfinite(values[i, j]) and (abs(values[i, j] - (lo + hi) / 2) > 0.3 * (hi - lo)
                                                    if center is not None else values[i, j] > lo + 0.6 * (hi - lo))
            ax.text(j, i, str(labels.iloc[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if strong else "black")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.colorbar(im, ax=ax, label=colorbar)
    fig.tight_layout()
    return fig


def portrayal_map(table: pd.DataFrame, top: int = 12, *, title: str = "How each article portrays each actor"):
    """The portrayal table as a heatmap: the ``top`` actors named most (rows) by article (columns), the
    colour the tone, the number the mentions; a grey cell is an unclear verdict (thin evidence, or
    evidence that pulls both ways), its tone not coloured."""
    counts = table.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    shown = table[table["actor"].isin(counts.head(top).index)]
    order = list(counts.head(top).index)
    articles = list(dict.fromkeys(table["article"]))
    tone = shown.pivot(index="actor", columns="article", values="tone").reindex(index=order, columns=articles)
    mentions = shown.pivot(index="actor", columns="article", values="mentions").reindex(index=order, columns=articles)
    unclear = shown.pivot(index="actor", columns="article", values="verdict").reindex(
        index=order, columns=articles).eq("unclear")
    cut = f"the {top} actors named most; " if len(counts) > top else ""
    return heatmap(tone, annot=mentions.fillna(0).astype(int).astype(str).replace("0", "–"),
                   title=f"{title}\n({cut}grey: unclear, on thin evidence or evidence pulling both ways)",
                   xlabel="article", ylabel="actor", cmap="RdBu", center=0.0, grey=unclear,
                   colorbar="tone toward the actor (-1 negative, +1 positive)")


@_styled
def intervals(summary: pd.DataFrame, value: str, low: str, high: str, *, title: str, xlabel: str, by: str = "article"):
    """One point per article with its interval as a horizontal bar; articles on the y axis."""
    cols = colors(list(summary[by]))
    fig, ax = plt.subplots(figsize=(7, 0.6 * len(summary) + 1.5))
    for i, row in enumerate(summary.itertuples()):
        art = getattr(row, by)
        ax.errorbar(getattr(row, value), i, xerr=[[getattr(row, value) - getattr(row, low)],
                                                 [getattr(row, high) - getattr(row, value)]],
                    fmt="o", color=cols[art], capsize=4, label=art)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(range(len(summary)), list(summary[by]))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(by)
    ax.legend(loc="best")
    fig.tight_layout()
    return fig


@_styled
def rates_by_voice(table: pd.DataFrame, *, title: str, xlabel: str, by: str = "article"):
    """Loaded words per 1,000 words with 95% intervals (``wording.loaded_by_voice``): one row per voice
    (the author's, quotations'), one point per article (or group) in its colour."""
    units = list(dict.fromkeys(table[by]))
    cols = colors(units)
    voices = list(dict.fromkeys(table["voice"]))
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(units) * len(voices) + 1.8))
    step = 0.6 / max(1, len(units))
    for j, u in enumerate(units):
        mine = table[table[by] == u].set_index("voice").reindex(voices)
        ys = [i + (j - (len(units) - 1) / 2) * step for i in range(len(voices))]
        ax.errorbar(mine["per_1000"], ys, xerr=[mine["per_1000"] - mine["low"], mine["high"] - mine["per_1000"]],
                    fmt="o", color=cols[u], capsize=4, label=u)
    ax.set_yticks(range(len(voices)), ["in the author's voice" if v == "author" else "in quotations" for v in voices])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("voice")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), title=by)
    fig.tight_layout()
    return fig


ARC_WINDOW = 3  # sentences in the rolling mean of the sentiment arc


def arc_lines(scores: pd.DataFrame, value: str, window: int = ARC_WINDOW) -> pd.DataFrame:
    """What arcs() draws: article, sentence, position, the score and its rolling mean over ``window``
    sentences (``smoothed``), one row per sentence."""
    data = scores[["article", "sentence", "position", value]].copy()
    data["smoothed"] = (data.groupby("article", sort=False)[value]
                        .transform(lambda v: v.rolling(window, center=True, min_periods=1).mean()))
    return data


@_styled
def arcs(scores: pd.DataFrame, value: str, *, title: str, ylabel: str, window: int = ARC_WINDOW):
    """Each article's score by position in the text (0 = start, 1 = end), a rolling mean over
    ``window`` sentences drawn over the sentence points. ``scores`` may be arc_lines()'s table, whose
    ``smoothed`` column is then drawn as it is."""
    data = scores if "smoothed" in scores else arc_lines(scores, value, window)
    ids = list(dict.fromkeys(data["article"]))
    cols = colors(ids)
    fig, ax = plt.subplots(figsize=(8, 4))
    for art in ids:
        g = data[data["article"] == art]
        ax.scatter(g["position"], g[value], s=12, color=cols[art], alpha=0.4)
        ax.plot(g["position"], g["smoothed"], color=cols[art], label=art)
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_title(title)
    ax.set_xlabel("position in the article (0 = first sentence, 1 = last)")
    ax.set_ylabel(ylabel)
    ax.legend(title="article")
    fig.tight_layout()
    return fig


@_styled
def word_shift(shift: pd.DataFrame, a: str, b: str):
    """Horizontal bars: words pulling article ``a`` below (left) or above (right) article ``b``."""
    data = shift.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(data) + 1.5))
    ax.barh(data["word"], data["contribution"],
            color=[PALETTE[1] if c < 0 else PALETTE[0] for c in data["contribution"]])
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_title(f"Words that make {a} more negative (left) or positive (right) than {b}")
    ax.set_xlabel("contribution to the difference (VADER valence x frequency gap, per 1,000 words)")
    ax.set_ylabel("word")
    fig.tight_layout()
    return fig


@_styled
def who_says(table: pd.DataFrame, *, title: str = "Who says what about whom", top: int = 12):
    """One panel per article: for each of the ``top`` actors it names most, the mean sentiment toward
    it in the author's own sentences and in the words the article attributes to its sources
    (sentiment.who_says_what).

    Read it as: a bar to the left is negative toward the actor, to the right positive; the two
    colours show whether the author or the sources the article quotes say it; a pale bar rests on
    fewer than sentiment.MIN_MENTIONS mentions (the tone table calls it unclear).
    """
    import numpy as np
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Patch

    from .sentiment import MIN_MENTIONS

    data = table.assign(voice=np.where(table["speaker"] == "the author", "the author", "its sources"))
    pooled = (data.assign(total=data["mean_score"] * data["mentions"])
              .groupby(["article", "actor", "voice"], sort=False)[["total", "mentions"]].sum().reset_index())
    pooled["mean_score"] = pooled["total"] / pooled["mentions"]
    named = pooled.groupby(["article", "actor"], sort=False)["mentions"].sum().reset_index()
    shown = named.sort_values("mentions", ascending=False, kind="stable").groupby("article", sort=False).head(top)
    cut = len(shown) < len(named)
    pooled = pooled.merge(shown[["article", "actor"]], on=["article", "actor"])
    ids = list(dict.fromkeys(pooled["article"]))
    ncols = max(1, min(3, len(ids)))
    nrows = max(1, -(-len(ids) // ncols))
    most = max(pooled.groupby("article")["actor"].nunique().max(), 1) if len(pooled) else 1
    fig, axes = plt.subplots(nrows, ncols, figsize=(6 * ncols, (0.45 * most + 1.8) * nrows), squeeze=False)
    for ax in list(axes.flat)[len(ids):]:
        ax.set_visible(False)
    voices = {"the author": PALETTE[0], "its sources": PALETTE[2]}
    for ax, art in zip(axes.flat, ids):
        mine = pooled[pooled["article"] == art]
        actors = list(dict.fromkeys(shown[shown["article"] == art]["actor"]))[::-1]
        for k, (voice, colour) in enumerate(voices.items()):
            row = mine[mine["voice"] == voice].set_index("actor").reindex(actors)
            pale = [to_rgba(colour, 1.0 if n >= MIN_MENTIONS else 0.3) for n in row["mentions"].fillna(0)]
            ax.barh(np.arange(len(actors)) + (k - 0.5) * 0.38, row["mean_score"].fillna(0).to_numpy(), height=0.36,
                    color=pale)
        ax.set_yticks(range(len(actors)), actors)
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_xlim(-1, 1)
        ax.set_title(art)
        ax.set_xlabel("mean sentiment toward the actor")
        ax.legend(handles=[Patch(color=c, label=v) for v, c in voices.items()], loc="best", fontsize=8)
    axes[0][0].set_ylabel("actor")
    scope = f"the {top} actors each article names most; " if cut else ""
    fig.suptitle(f"{title}\n({scope}pale: fewer than {MIN_MENTIONS} mentions, too few to read)")
    fig.tight_layout()
    return fig


@_styled
def word_choice(choices: pd.DataFrame, top: int = 12, *, title: str = "The same thing, named differently"):
    """Mirrored bars, one row per word-choice pair (wording.word_choice): the left bar in one article's
    colour carries its words, the right bar in the other's carries the words it used instead; the
    length is the number of shared sentences showing the swap (for a pair of an actor's labels, the
    mentions under the two labels).

    Read it as: each row is one thing the two articles both report; the labels are the words each chose.
    """
    import numpy as np

    rows = choices.head(top).iloc[::-1]
    ids = list(dict.fromkeys([*choices["article"], *choices["other"]]))
    cols = colors(ids)
    fig, ax = plt.subplots(figsize=(9, 0.45 * max(len(rows), 1) + 1.8))
    y = np.arange(len(rows))
    ax.barh(y, -rows["pairs"], color=[cols[a] for a in rows["article"]], height=0.6)
    ax.barh(y, rows["pairs"], color=[cols[a] for a in rows["other"]], height=0.6)
    for k, r in enumerate(rows.itertuples(index=False)):
        ax.annotate(r.term, (-r.pairs, k), xytext=(-4, 0), textcoords="offset points", ha="right", va="center",
                    fontsize=9)
        ax.annotate(r.other_term, (r.pairs, k), xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                    fontsize=9)
    most = int(rows["pairs"].max()) if len(rows) else 1
    ax.set_xlim(-most * 3.2, most * 3.2)
    ax.set_yticks([])
    ax.axvline(0, color="grey", lw=0.8)
    ticks = range(-most, most + 1)
    ax.set_xticks(list(ticks), [str(abs(t)) for t in ticks])
    ax.set_xlabel("shared sentences showing the swap, or mentions under the two labels\n"
                  "(left: the first article's words; right: the other's)")
    ax.set_ylabel("pair of words")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=cols[i], label=i) for i in ids], title="article", loc="upper left",
              bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title(title if len(rows) else f"{title}: no pair found")
    fig.tight_layout()
    return fig
