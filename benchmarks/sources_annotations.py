"""The sources extractor against the project's hand annotations: F1 per field on the seeds and two
held-out wire-style stories (``tests/data``). Moved here from notebook 04 so that a report on a
user's articles does not score the seeds.

A field's unit is (article, sentence, value); ``attribution`` is (article, sentence) alone. The rules
were written while looking at the seeds and ``heldout``, so those scores flatter the extractor;
``heldout2`` was annotated before the extractor first ran on it and never used for tuning.

    python benchmarks/sources_annotations.py
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

import newscompare as nc
from newscompare import sources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = {"seeds": ([ROOT / "seeds"], DATA / "sources_gold.csv"),
        "heldout": ([DATA / "heldout"], DATA / "heldout" / "sources_gold.csv"),
        "heldout2 (blind)": ([DATA / "heldout2"], DATA / "heldout2" / "sources_gold.csv")}


def scores() -> pd.DataFrame:
    """Precision, recall and F1 per field and set."""
    parts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, (paths, gold) in SETS.items():
            predicted = sources.find_sources(nc.prepare(paths))
            parts.append(sources.evaluate(predicted, pd.read_csv(gold)).assign(set=name))
    return pd.concat(parts, ignore_index=True)


def main(argv=None) -> int:
    table = scores()
    print("F1 per field (precision / recall in brackets); `python benchmarks/sources_annotations.py`")
    cells = table.assign(cell=[f"{f:.2f} ({p:.2f} / {r:.2f})" for f, p, r in
                               zip(table.f1, table.precision, table.recall)])
    print(cells.pivot(index="field", columns="set", values="cell").to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
