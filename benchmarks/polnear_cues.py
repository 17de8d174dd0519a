"""The cues PolNeAR's train split annotates, counted, beside the cue lexicon (``data/cues.csv``).

Data: ``../shared/data/polnear/train/`` (Newell, Margolin & Ruths 2018; no licence stated: the cue
words and their counts are facts taken from it, never its texts). Prints how many annotated cues the
lexicon holds (by count and by share of all cue occurrences), and the most frequent cues it does not
hold, for review: most are not verbs of saying ("wants", "believes", "plans") and stay out, since a
belief or an intention is no quotation. With ``--write``, fills the ``polnear_train`` column of
``cues.csv`` with each cue's count (0: written for this project, not annotated there), keeping the
rows, their order and their stance.

    python benchmarks/polnear_cues.py [--top 40] [--write]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter
from pathlib import Path

from sources_polnear import DATA, articles, read_gold

ROOT = Path(__file__).resolve().parents[1]
CUES = ROOT / "lib" / "newscompare" / "data" / "cues.csv"


def cue_counts(split: str = "train", data: Path = DATA) -> Counter:
    """Each annotated cue, lower case with its spaces collapsed, and how often it is annotated."""
    counts: Counter = Counter()
    for txt, ann in articles(split, data):
        raw = txt.read_text(encoding="utf-8")
        counts.update(re.sub(r"\s+", " ", g.cue_text.strip().lower()) for g in read_gold(ann, raw))
    return counts


def by_lexicon_cue(counts: Counter, lexicon: set[str]) -> tuple[Counter, Counter]:
    """The annotated cues credited to the lexicon cue they hold (the longest: "has said" and "said in a
    statement" count for "said"; "according to" is its own extractor's), and those that hold none."""
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(lexicon | {"according to"},
                                                                                    key=len, reverse=True))
                         + r")(?![\w-])")
    held, outside = Counter(), Counter()
    for cue, n in counts.items():
        m = pattern.search(cue)
        if m:
            held[m.group(0)] += n
        else:
            outside[cue] += n
    return held, outside


def write_counts(counts: Counter) -> None:
    reader = csv.DictReader(io.StringIO(CUES.read_text(encoding="utf-8")))
    rows = list(reader)
    for r in rows:
        r["polnear_train"] = str(counts.get(r["cue"].lower(), 0))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")  # every column kept
    writer.writeheader()
    writer.writerows(rows)
    CUES.write_text(out.getvalue(), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=40, help="how many cues outside the lexicon to list")
    ap.add_argument("--write", action="store_true", help="write the counts into cues.csv")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"polnear_cues: {DATA}: PolNeAR not found", file=sys.stderr)
        return 2
    counts = cue_counts()
    lexicon = {r["cue"].lower() for r in csv.DictReader(io.StringIO(CUES.read_text(encoding="utf-8")))}
    held, outside = by_lexicon_cue(counts, lexicon)
    total = sum(counts.values())
    print(f"PolNeAR train: {total} annotated cues, {len(counts)} distinct; {sum(held.values()) / total:.3f} of them "
          f"hold a cue of cues.csv or 'according to' ('has said', 'said in a statement' count for 'said'); "
          f"{len(lexicon - set(held))} of its {len(lexicon)} rows never annotated there")
    print(f"\nthe {args.top} most frequent annotated cues that hold none:")
    for cue, n in outside.most_common(args.top):
        print(f"  {n:5d}  {cue}")
    if args.write:
        write_counts(held)
        print(f"\nwrote the counts into {CUES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
