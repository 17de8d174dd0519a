"""Actor entries of 15 BASIL articles judged by hand (``benchmarks/data/actors_judged.csv``): the share
the actors table gets right, as a user's run makes it.

Each article's distinct actors (the actors table's name and description labels) are looked up in the
judgements: right, wrong (with why), or not judged yet (a new entry: printed, to be judged and added).
A judged entry that no longer appears is counted apart: gone wrong ones are fixed, gone right ones
are lost (or merged into another entry). Two sets of 15 articles (column ``read``): the five first
events of 2010-2011 in sorted order, whose errors were read to write fixes, and five events of
2013-2014 judged after the fixes and never read for them, printed beside; #32 asks for 95% right.

    python benchmarks/actors_judged.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from basil import write_article
from target_sentiment import BASIL

JUDGED = Path(__file__).resolve().parent / "data" / "actors_judged.csv"


def actor_entries(event: str) -> pd.DataFrame:
    import newscompare as nc

    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in sorted((BASIL / "articles").glob(f"*/{event}_*.json")):
            write_article(f, Path(tmp))
        table = nc.analyze([tmp]).tables["actors"]
    return table[["article", "actor"]].drop_duplicates()


def report(both: pd.DataFrame, name: str) -> None:
    present = both[both["_merge"] != "right_only"]
    new = present[present["_merge"] == "left_only"]
    gone = both[both["_merge"] == "right_only"]
    right = (present["right"] == "yes").sum()
    print(f"{name}: {len(present)} actor entries in {present['article'].nunique()} articles: {right} judged right "
          f"({right / max(1, len(present)):.3f}), {(present['right'] == 'no').sum()} judged wrong, {len(new)} not "
          f"judged; judged entries gone: {(gone['right'] == 'no').sum()} wrong ones (fixed), "
          f"{(gone['right'] == 'yes').sum()} right ones (lost or merged)")
    wrong = present[present["right"] == "no"]
    print("  wrong, by why: " + "; ".join(f"{why} {n}" for why, n in wrong["why"].str.split(" \\(|;", regex=True)
                                           .str[0].value_counts().items()))
    if len(new):
        print("  not judged yet:\n" + new[["article", "actor"]].to_string(index=False))


def main() -> int:
    if not BASIL.is_dir():
        print(f"actors_judged: {BASIL}: BASIL not found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    judged = pd.read_csv(JUDGED, keep_default_na=False)
    for read, name in (("yes", "2010-2011, errors read"), ("no", "2013-2014, never read")):
        mine = judged[judged["read"] == read]
        found = pd.concat([actor_entries(e) for e in sorted(mine["event"].unique())], ignore_index=True)
        report(found.merge(mine, on=["article", "actor"], how="outer", indicator=True), name)
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
