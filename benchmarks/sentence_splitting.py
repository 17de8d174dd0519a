"""Sentence splitting: the rule-based splitter (segment.split_sentences) against pysbd alone.

Paragraphs are built by joining three human-rated NYT editorial snippets with a space; the two joins
are known sentence boundaries. For each splitter it prints: paragraphs split into exactly three,
the known boundaries found (recall), splits inside a snippet (some are right: a snippet can hold two
sentences; most are not), and the time per 1,000 paragraphs (median of three passes, in one run).

    python benchmarks/sentence_splitting.py [--paragraphs 1500] [--data DIR] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_DATA, data_missing, nyt_sentences  # noqa: E402
from newscompare.segment import _pysbd_split, split_sentences  # noqa: E402


def score(splitter, paragraphs: list[tuple[str, list[int]]]) -> dict:
    exact = found = inside = 0
    for text, joins in paragraphs:
        spans = splitter(text)
        starts = {s for s, _ in spans[1:]}
        exact += len(spans) == 3
        found += sum(j in starts for j in joins)
        inside += len(starts - set(joins))
    times = []
    for _ in range(3):
        t = time.perf_counter()
        for text, _ in paragraphs:
            splitter(text)
        times.append(time.perf_counter() - t)
    return {"exact": exact, "found": found, "inside": inside,
            "ms_per_1000": 1000 * statistics.median(times) * 1000 / len(paragraphs)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paragraphs", type=int, default=1500)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if data_missing(args.data, "sentence_splitting"):
        return 2
    sents = [s.strip() for s in nyt_sentences(args.data) if s.strip()]
    rng = random.Random(args.seed)
    paragraphs = []
    for _ in range(args.paragraphs):
        a, b, c = rng.sample(sents, 3)
        paragraphs.append((f"{a} {b} {c}", [len(a) + 1, len(a) + len(b) + 2]))
    split_sentences(paragraphs[0][0])
    _pysbd_split(paragraphs[0][0])  # warm up both
    n_joins = 2 * len(paragraphs)
    print(f"{len(paragraphs)} paragraphs of three NYT snippets; {n_joins} known boundaries")
    print("| splitter | exactly three | boundaries found | splits inside a snippet | ms per 1,000 paragraphs |")
    print("| --- | --- | --- | --- | --- |")
    for name, fn in (("newscompare (rule; pysbd for hard stretches)", split_sentences), ("pysbd alone", _pysbd_split)):
        r = score(fn, paragraphs)
        print(f"| {name} | {r['exact']} | {r['found']} ({100 * r['found'] / n_joins:.1f}%) | {r['inside']} | "
              f"{r['ms_per_1000']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
