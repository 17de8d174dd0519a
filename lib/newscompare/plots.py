"""Figures with fixed settings, one colour per article, and saving each figure with its data."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#b56576"]
STYLE = {
    "figure.dpi": 100, "savefig.dpi": 100, "figure.figsize": (8, 4), "font.size": 10,
    "axes.titlesize": 12, "axes.labelsize": 10, "axes.spines.top": False, "axes.spines.right": False,
    "legend.frameon": False, "svg.hashsalt": "newscompare", "image.cmap": "RdBu",
}


def setup() -> None:
    """Fixed matplotlib and pandas display settings, so outputs look the same on every machine and run."""
    plt.rcParams.update(STYLE)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 100)
    pd.set_option("display.precision", 3)
    pd.set_option("display.max_rows", 60)


def colors(ids) -> dict[str, str]:
    """A stable colour for each article (or group) id, in the order given."""
    return {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(ids)}


def save(fig, data: pd.DataFrame | None, name: str, out: str | Path | None) -> list[Path]:
    """Save ``fig`` as OUT/name.png and the data behind it as OUT/name.csv; nothing when out is None."""
    if out is None:
        return []
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png"]
    fig.savefig(paths[0], bbox_inches="tight", metadata={"Software": None})
    if data is not None:
        paths.append(out / f"{name}.csv")
        data.to_csv(paths[1], index=False)
    return paths


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
