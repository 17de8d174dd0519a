"""Build a corpus of realistic test articles from the human-rated NYT sentences (for benchmarks and
tests): each article has 20 to 40 sentences in paragraphs of two to four, and a manifest with an
``outlet`` group per article.

    python benchmarks/make_corpus.py OUT_DIR N [--data DIR] [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "vader-ground-truth"


def data_missing(data: Path, prog: str) -> bool:
    """True (after saying so on stderr) when the NYT ground truth is not in ``data``."""
    if (data / "nytEditorialSnippets_GroundTruth.txt").is_file():
        return False
    print(f"{prog}: {data}: NYT ground truth not found (give --data)", file=sys.stderr)
    return True


def nyt_sentences(data: Path) -> list[str]:
    with open(data / "nytEditorialSnippets_GroundTruth.txt", encoding="utf-8", errors="replace") as fh:
        return [p[2] for p in (line.rstrip("\n").split("\t", 2) for line in fh) if len(p) == 3]


def make_corpus(out: Path, n: int, data: Path = DEFAULT_DATA, seed: int = 0, groups: int = 4) -> list[list[str]]:
    """Write N articles and articles.csv into OUT; return the sentences of each article."""
    sents = nyt_sentences(data)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    counts = []
    with open(out / "articles.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "file", "title", "group"])
        for i in range(n):
            k = rng.randint(20, 40)
            chosen = rng.sample(sents, k)
            pars, j = [], 0
            while j < k:
                step = rng.randint(2, 4)
                pars.append(" ".join(chosen[j : j + step]))
                j += step
            name = f"a{i:06d}.txt"
            (out / name).write_text("\n\n".join(pars) + "\n", encoding="utf-8")
            w.writerow([f"a{i:06d}", name, chosen[0][:60], f"outlet-{i % groups}"])
            counts.append(chosen)
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if data_missing(args.data, "make_corpus"):
        return 2
    articles = make_corpus(args.out, args.n, args.data, args.seed)
    print(f"{len(articles)} articles, {sum(map(len, articles))} sentences in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
