"""How the time of one article grows with its size: seconds of ``prepare`` (load, clean, segment) and
``build_tables`` (every analysis) for texts of 10, 100, 1,000 and 5,000 KB of three kinds, and the
exponent fitted to each (time ~ size^k; 1 is linear). Targets: k <= 1.2, and a 5 MB article in under
60 s on one core.

The kinds: normal prose (sentences of 8 to 25 words); no sentence punctuation at all (a transcript or
OCR output pasted without full stops); and one giant quotation (the whole text inside one pair of
quotation marks). The words are drawn from a short list written for this script, with a fixed seed.

Three more kinds: many tiny sentences, short credited quotations one a sentence, and real news
(BASIL's articles one after another). The issue on scaling asks that 1,000 KB of real news take at
most 12 times the time of 100 KB: ``--kinds "real news" --sizes 100,1000``.

    python benchmarks/scaling.py [--sizes 10,100,1000,5000] [--kinds "real news,tiny sentences"]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

import newscompare as nc
from newscompare import export

WORDS = ("the council said on Monday that the bridge would close for repairs while engineers from the city "
         "inspect cracks in the old supports and traffic moves to the river road as residents complain about "
         "delays and the mayor promised that work would finish before winter").split()


def repeated(size: int, piece, sep: str = "") -> str:
    """Pieces from ``piece()`` joined by ``sep`` until the text reaches ``size`` characters."""
    out, n = [], 0
    while n < size:
        out.append(piece())
        n += len(out[-1]) + len(sep)
    return sep.join(out)


def prose(size: int, rng: random.Random) -> str:
    return repeated(size, lambda: " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + ". ")


def no_punctuation(size: int, rng: random.Random) -> str:
    return repeated(size, lambda: rng.choice(WORDS), " ")


def one_quotation(size: int, rng: random.Random) -> str:
    return "The mayor said: “" + prose(size - 20, rng) + "”"


def tiny_sentences(size: int, rng: random.Random) -> str:
    """Many tiny sentences ("He left. She won."): the most sentences, mentions and pronouns per byte."""
    return repeated(size, lambda: f"{rng.choice(['He', 'She', 'Ana', 'Bo', 'Kim'])} "
                                  f"{rng.choice(['left', 'won', 'lost', 'said so'])}. ")


def quoted_sentences(size: int, rng: random.Random) -> str:
    """Short quoted sentences, each credited ("“Plan 12 is fine,” Ana said."): a quotation a sentence."""
    def one() -> str:  # the draws in the order the figures in RESULTS.md were made with
        verdict, speaker = rng.choice(["fine", "late", "a farce"]), rng.choice(["Ana", "Bo"])
        return f"“Plan {rng.randint(1, 97)} is {verdict},” {speaker} said. "

    return repeated(size, one)


BASIL = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil" / "articles"


def real_news(size: int, rng: random.Random) -> str:
    """BASIL's articles one after another (real news; read where it lies, never copied), in a fixed
    order, cut at ``size``; normal prose where BASIL is absent."""
    from basil import article_text, read_article

    files = sorted(BASIL.glob("*/*.json"))
    if not files:
        return prose(size, rng)
    out, n, i = [], 0, 0
    while n < size:
        text = article_text(read_article(files[i % len(files)]))
        out.append(text)
        n += len(text) + 2
        i += 1
    return "\n\n".join(out)[:size]


KINDS = {"normal prose": prose, "no punctuation": no_punctuation, "one giant quotation": one_quotation,
         "tiny sentences": tiny_sentences, "quoted sentences": quoted_sentences, "real news": real_news}


def time_one(path: Path) -> tuple[float, float, int]:
    """Seconds of prepare and of build_tables for one article, and its sentences."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the cut-sentence warning is expected here
        started = time.perf_counter()
        docs = nc.prepare([path])
        prepared = time.perf_counter()
        export.build_tables(docs)
        built = time.perf_counter()
    return prepared - started, built - prepared, len(docs[0].sentences)


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(seconds) on log(size): time ~ size^k."""
    return float(np.polyfit(np.log(sizes), np.log(seconds), 1)[0])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000,5000", help="sizes in KB (1 KB = 1,000 characters)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="which kinds of text (comma-separated)")
    args = ap.parse_args(argv)
    kinds = {k: KINDS[k] for k in args.kinds.split(",")}
    sizes = [int(x) for x in args.sizes.split(",")]
    print("| kind | KB | sentences | prepare s | build_tables s | total s |\n| --- | --- | --- | --- | --- | --- |")
    fits, totals_by = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm_up.txt"  # imports and lexicons are loaded once, before any timing
        warm.write_text(prose(2000, random.Random(0)), encoding="utf-8")
        time_one(warm)
        for kind, make in kinds.items():
            totals = []
            for kb in sizes:
                path = Path(tmp) / f"{kind.replace(' ', '_')}_{kb}.txt"
                path.write_text(make(kb * 1000, random.Random(kb)), encoding="utf-8")
                prep, build, n = time_one(path)
                totals.append(prep + build)
                print(f"| {kind} | {kb:,} | {n:,} | {prep:.2f} | {build:.2f} | {prep + build:.2f} |", flush=True)
            fits[kind] = (exponent(sizes, totals), exponent(sizes[-2:], totals[-2:]), totals[-1])
            totals_by[kind] = totals
    print(f"\n| kind | fitted exponent, all sizes (target <= 1.2) | exponent {sizes[-2]:,} -> {sizes[-1]:,} KB | "
          "seconds at the largest size (target < 60) |\n| --- | --- | --- | --- |")
    for kind, (k, k_last, last) in fits.items():
        print(f"| {kind} | {k:.2f} | {k_last:.2f} | {last:.1f} |")
    if len(sizes) >= 2:
        print(f"\nthe largest size against the smallest ({sizes[-1] // sizes[0]} times the text): " + ", ".join(
            f"{kind} {totals_by[kind][-1] / totals_by[kind][0]:.1f} times the time" for kind in fits))
    return 0 if all(max(k, k_last) <= 1.2 and last < 60 for k, k_last, last in fits.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
