"""Inputs that once took minutes, timed (never asserted in a test): many short quotations (analysis
and the report's index page), a run of 100,000 dots, and two long articles with no word in common
aligned. Prints seconds beside the time each took before its fix.

    python benchmarks/pathological.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import newscompare as nc
from newscompare import framing


def seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = Path(tmp) / "yesno.txt"
        quotes.write_text('He said "yes" and "no". ' * 3000, encoding="utf-8")  # 72 KB, 6,000 quotations
        analysis = nc.analyze([quotes])
        rows.append(("6,000 short quotations: analysis", seconds(lambda: nc.analyze([quotes])), "20 s to segment"))
        rows.append(("6,000 short quotations: index page",
                     seconds(lambda: nc.reading.index_page(analysis.docs, analysis.tables, [])), "30 s"))
        dots = Path(tmp) / "dots.txt"
        dots.write_text("It began. " + "." * 100_000 + " It ended.", encoding="utf-8")
        rows.append(("a run of 100,000 dots: prepare", seconds(lambda: nc.prepare([dots])), "about 25 s"))
        a = nc.segment(nc.Article("a", Path("a.txt"), " ".join(f"Alpha{i} beta{i} gamma{i}." for i in range(1500)),
                                  "a"))
        b = nc.segment(nc.Article("b", Path("b.txt"), " ".join(f"Delta{i} epsilon{i} zeta{i}." for i in range(1500)),
                                  "b"))
        rows.append(("1,500 + 1,500 sentences, no shared word: alignment",
                     seconds(lambda: framing.align_content([a, b])), "minutes (2.25 million pairs)"))
    print("| input | seconds now | before its fix |\n| --- | --- | --- |")
    for what, s, before in rows:
        print(f"| {what} | {s:.2f} | {before} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
