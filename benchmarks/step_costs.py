"""Where the time of the whole analysis goes, step by step: CPU milliseconds per article of each step of
``steps.STEPS`` on its own (the steps it needs are timed as theirs), on the articles of BASIL events
analysed event by event as a user compares them, medians of ``--repeat`` runs, with loading, cleaning
and segmenting as one line. The steps a checkout of d2ac5d8 lacked are marked, so the table is also
the ablation of the per-article cost: what each analysis added since costs.

    python benchmarks/step_costs.py [--events 20] [--repeat 3]
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
from newscompare import export, steps

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil" / "articles"

# The tables of d2ac5d8 (export.build_tables there), by the step that makes each now.
AT_D2AC5D8 = {"articles", "removals", "scores", "sentences", "mentions_and_places", "mentions", "places", "actors",
              "frame_hits", "frames", "terms", "stance", "stance_rates", "sources", "actor_sentiment", "alignment"}


def timed_steps(run_cls):
    """Wrap Run.__getitem__ so each step's own CPU time (without what it needs) is added up by name."""
    own: dict[str, float] = defaultdict(float)
    original = run_cls.__getitem__

    def getitem(self, name):
        if name in self.results:
            return self.results[name]
        step = steps.STEPS[name]
        for need in step.needs:
            self[need]
        t0 = time.process_time()
        self.results[name] = step.make(self)
        own[name] += time.process_time() - t0
        return self.results[name]

    run_cls.__getitem__ = getitem
    return own, lambda: setattr(run_cls, "__getitem__", original)


def one_pass(folders) -> tuple[dict[str, float], float, int]:
    own, restore = timed_steps(steps.Run)
    prepare = 0.0
    articles = 0
    try:
        for folder in folders:
            t0 = time.process_time()
            docs = nc.prepare([folder])
            prepare += time.process_time() - t0
            export.build_tables(docs, compare_by="article")
            articles += len(docs)
    finally:
        restore()
    return dict(own), prepare, articles


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not BASIL.exists():
        print(f"step_costs: BASIL not found at {BASIL} (the shared data); nothing measured")
        return 0
    warnings.simplefilter("ignore")
    names = sorted({p.name.rsplit("_", 1)[0] for p in BASIL.glob("*/*.json")})[:args.events]
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for event in names:
            folder = Path(tmp) / event
            folder.mkdir()
            for path in sorted(BASIL.glob(f"*/{event}_*.json")):
                write_article(path, folder)
            folders.append(folder)
        one_pass(folders[:1])  # warm: imports, lexicons, models
        passes = [one_pass(folders) for _ in range(args.repeat)]
    articles = passes[0][2]
    per = defaultdict(list)
    for own, prepare, _ in passes:
        per["(load, clean, segment)"].append(prepare)
        for name, seconds in own.items():
            per[name].append(seconds)
    rows = sorted(((statistics.median(v) / articles * 1000, k) for k, v in per.items()), reverse=True)
    total = sum(ms for ms, _ in rows)
    old = sum(ms for ms, k in rows if k in AT_D2AC5D8 or k.startswith("("))
    print(f"CPU ms per article by step, medians of {args.repeat} passes over {articles} articles "
          f"({args.events} BASIL events, each analysed on its own)\n")
    print("| step | ms per article | share | at d2ac5d8 |\n| --- | --- | --- | --- |")
    for ms, name in rows:
        at = "yes" if name in AT_D2AC5D8 or name.startswith("(") else "new"
        print(f"| {name} | {ms:.1f} | {ms / total:.0%} | {at} |")
    print(f"| total | {total:.1f} | | steps d2ac5d8 had: {old:.1f}, steps added since: {total - old:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
