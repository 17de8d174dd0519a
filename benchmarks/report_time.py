"""Seconds for a whole report (``python -m newscompare report``), on the seeds and on ten real articles.

The ten articles are the first ten of BASIL's 2010 events (Fox News, NYT, HuffPost on one event each;
``../shared/data/basil/``), written as text files into a temporary folder for the run and deleted
after: their texts never enter the project. With ``--baseline DIR`` (a checkout of an older commit,
for example ``git worktree add /tmp/base COMMIT``) the two trees are timed alternately in one run, so
the shared machine's drift falls on both; the figures are medians over ``--repeat`` runs.

    python benchmarks/report_time.py [--baseline /tmp/base] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from basil import write_article

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil" / "articles"


def write_basil(folder: Path, n: int = 10) -> list[Path]:
    """The first ``n`` BASIL articles of 2010 as text files (headline, blank line, paragraphs)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted((BASIL / "2010").glob("*.json"))[:n]:
        out.append(write_article(src, folder))
    return out


def time_report(tree: Path, articles: Path, out: Path) -> float:
    """Wall seconds of one report run of the code in ``tree`` (its lib/ first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(tree / "lib"), "MPLBACKEND": "Agg"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newscompare", "report", str(articles), "--out", str(out)], cwd=tree,
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout of an older commit to time alongside")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not BASIL.is_dir():
        print(f"report_time: {BASIL} not found (the shared BASIL data); timing the seeds only", file=sys.stderr)
    trees = {"now": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sets = {"seeds (2 articles)": ROOT / "seeds"}
        if BASIL.is_dir():
            write_basil(tmp / "ten")
            sets["BASIL 2010, 10 articles"] = tmp / "ten"
        times: dict[tuple[str, str], list[float]] = {}
        run = 0
        for _ in range(args.repeat):
            for name, articles in sets.items():
                for label, tree in (trees.items() if run % 2 == 0 else reversed(trees.items())):
                    run += 1
                    times.setdefault((name, label), []).append(time_report(tree, articles, tmp / f"r{run}"))
        print(f"median seconds of `python -m newscompare report` over {args.repeat} runs, trees alternated")
        for name in sets:
            row = {label: statistics.median(times[(name, label)]) for label in trees}
            ratio = f"  now/baseline {row['now'] / row['baseline']:.2f}" if "baseline" in row else ""
            print(f"  {name:26s} " + "  ".join(f"{label} {v:5.1f} s" for label, v in row.items()) + ratio)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
