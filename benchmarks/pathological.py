"""Inputs that once took minutes, timed (never asserted in a test): many short quotations (analysis
and the report's index page), a run of 100,000 dots, and two long articles with no word in common
aligned. Prints seconds beside the time each took before its fix. ``--large`` adds the two largest
cases of #35's probe, about a minute each: one sentence with 200,000 quotation marks, and a 4.8 MB
HTML file of 60,000 ``<p>`` paragraphs (sentences written here), with the whole analysis's CPU
seconds per step (#35's bound: 30 s of CPU for any case).

    python benchmarks/pathological.py [--large]
"""

from __future__ import annotations

import argparse
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


PARAGRAPHS = ["The council met on Tuesday to discuss the budget for the coming year.",
              "Residents said the new road would cut the drive to the hospital by ten minutes.",
              "\"We cannot wait any longer,\" said Maria Gomez, who chairs the transport committee.",
              "Critics called the plan a costly mistake that ignores the needs of the poorest districts.",
              "The mayor's office did not respond to a request for comment on Wednesday."]


def cpu_by_step(path: Path) -> tuple[float, dict[str, float]]:
    """The whole analysis of one file, CPU seconds, and each step's own share (step_costs.timed_steps)."""
    from newscompare import steps
    from step_costs import timed_steps

    own, restore = timed_steps(steps.Run)
    try:
        started = time.process_time()
        nc.analyze([path])
        return time.process_time() - started, dict(own)
    finally:
        restore()


def large_cases(tmp: str) -> list[tuple[str, float, str, dict]]:
    marks = Path(tmp) / "marks.txt"
    marks.write_text("It began with " + '"a" ' * 100_000 + "and it ended.", encoding="utf-8")
    html = Path(tmp) / "paragraphs.html"
    body = "".join(f"<p>{PARAGRAPHS[k % len(PARAGRAPHS)]}</p>\n" for k in range(60_000))
    html.write_text(f"<html><head><title>Many paragraphs</title></head><body>{body}</body></html>", encoding="utf-8")
    out = []
    for what, path, before in (("one sentence with 200,000 quotation marks: analysis", marks, "20 s in the tables"),
                               (f"{html.stat().st_size / 1e6:.1f} MB HTML, 60,000 <p>: analysis", html,
                                "18 s to prepare, 55 s of tables")):
        cpu, steps = cpu_by_step(path)
        out.append((what, cpu, before, steps))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--large", action="store_true", help="also the two largest cases (about a minute each)")
    args = ap.parse_args()
    rows = []
    large = []
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
        names = Path(tmp) / "names.txt"  # one sentence of 24,000 words: names joined by "and", no colon
        names.write_text("Ann Lee met Bob Ray and " * 4000 + "\u201cwe won,\u201d she said.", encoding="utf-8")
        rows.append(("one sentence of 8,000 names joined by 'and': analysis", seconds(lambda: nc.analyze([names])),
                     "never ended (the name-and-colon pattern backtracked; 40 repeats over a minute)"))
        if args.large:
            large = large_cases(tmp)
    print("| input | seconds now | before its fix |\n| --- | --- | --- |")
    for what, s, before in rows:
        print(f"| {what} | {s:.2f} | {before} |")
    for what, cpu, before, steps in large:
        top = ", ".join(f"{k} {v:.1f}" for k, v in sorted(steps.items(), key=lambda kv: -kv[1])[:6])
        print(f"| {what} | {cpu:.2f} CPU | {before} |\n  steps, CPU s: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
