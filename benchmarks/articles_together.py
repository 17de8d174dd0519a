"""Is the analysis linear in the number of articles compared together? ``nc.analyze`` on n of the 150
BASIL articles at once (as a report on one folder of n articles; n spread evenly over the articles in
order of name, so that a smaller set is no shorter or longer on average), for each n of ``--sizes``, CPU
seconds as medians of ``--repeat`` runs, the ratio of the largest to the smallest against the linear
ratio, and each step's own time at every size (the steps whose time grows faster than the articles
are the ones to look at); sizes alternate run by run. #35 asks 150 articles at most 5.5 times 32 (linear: 4.69).

    python benchmarks/articles_together.py [--sizes 32,150] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

import newscompare as nc
from basil import write_article
from newscompare import steps
from step_costs import BASIL, timed_steps


def spread(items: list, n: int) -> list:
    """n of the items, evenly spaced."""
    return [items[int(k * len(items) / n)] for k in range(min(n, len(items)))]


def one_run(docs) -> tuple[float, dict[str, float]]:
    own, restore = timed_steps(steps.Run)
    try:
        t0 = time.process_time()
        nc.analyze(docs=docs, compare_by="article")
        return time.process_time() - t0, dict(own)
    finally:
        restore()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="32,150")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not BASIL.exists():
        print(f"articles_together: BASIL not found at {BASIL} (the shared data); nothing measured")
        return 0
    warnings.simplefilter("ignore")
    sizes = [int(s) for s in args.sizes.split(",")]
    paths = sorted(BASIL.glob("*/*.json"), key=lambda p: p.name)
    with tempfile.TemporaryDirectory() as tmp:
        files = [write_article(p, Path(tmp)) for p in paths]
        sets = {n: nc.prepare(spread(files, n)) for n in sizes}
        one_run(sets[sizes[0]][:4])  # warm: imports, lexicons, models
        runs = {n: [] for n in sizes}
        for k in range(args.repeat):  # sizes alternated, so that a busy moment falls on all of them
            for n in sizes:
                runs[n].append(one_run(sets[n]))
        totals, per_step = {}, {}
        for n in sizes:
            totals[n] = statistics.median(r[0] for r in runs[n])
            per_step[n] = {k: statistics.median(r[1].get(k, 0.0) for r in runs[n]) for k in runs[n][0][1]}
            chars = sum(len(d.text) for d in sets[n])
            print(f"{n} articles ({chars:,} characters) together: {totals[n]:.2f} s CPU (median of {args.repeat}:"
                  f" {', '.join(f'{r[0]:.1f}' for r in runs[n])})")
    small, large = sizes[0], sizes[-1]
    print(f"\n{large} against {small} articles: {totals[large] / totals[small]:.2f} times "
          f"(linear {large / small:.2f})\n")
    print(f"| step | {' | '.join(f'{n} articles (s)' for n in sizes)} | ratio |")
    print("| --- |" + " --- |" * (len(sizes) + 1))
    grown = defaultdict(float)
    for name in per_step[large]:
        grown[name] = per_step[large][name] / max(per_step[small].get(name, 0.0), 1e-9)
    for name in sorted(per_step[large], key=lambda k: -per_step[large][k]):
        cells = " | ".join(f"{per_step[n].get(name, 0.0):.2f}" for n in sizes)
        print(f"| {name} | {cells} | {grown[name]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
