"""What sentiment toward actors costs: the whole analysis of ten BASIL articles (``nc.analyze``) with
the target model, and as it was before sentiment toward actors, alternated, medians of ``--repeat``
runs. Before: ``mention_sentiment`` gives an empty table and ``actor_sentiment`` is the mean combined
score of the sentences naming each actor, with its bootstrap interval (what the issue on sentiment
toward actors calls "today"). The issue asks for at most 1.2 times. Also printed: the ratio against
the analysis with no sentiment toward actors at all (``actor_sentiment`` on the empty table), which
overstates the cost.

    python benchmarks/analysis_cost.py [--articles 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import newscompare as nc
from basil import write_article
from newscompare import export, sentiment

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil" / "articles"


def without_model(*args, **kwargs) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c == "score" else object) for c in sentiment.TOWARD_COLUMNS})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if not BASIL.is_dir():
        print(f"skipped: BASIL is not at {BASIL}")
        return 0
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        for f in sorted(BASIL.glob("*/*.json"))[: args.articles]:
            write_article(f, Path(tmp))
        docs = nc.prepare([tmp])
    real, real_actor = sentiment.mention_sentiment, sentiment.actor_sentiment

    def by_sentences(scores, mentions, method="combined", toward=None):  # actor_sentiment before the model
        return real_actor(scores, mentions, method="combined")

    variants = {"with the model": (real, real_actor), "before (sentences)": (without_model, by_sentences),
                "none": (without_model, real_actor)}
    times: dict[str, list[float]] = {name: [] for name in variants}
    nc.analyze(docs=docs)  # warm: analysers and lexicons built once
    for k in range(args.repeat):
        for name in (list(variants) if k % 2 == 0 else list(variants)[::-1]):
            export.sentiment.mention_sentiment, export.sentiment.actor_sentiment = variants[name]
            started = time.perf_counter()
            nc.analyze(docs=docs)
            times[name].append(time.perf_counter() - started)
    export.sentiment.mention_sentiment, export.sentiment.actor_sentiment = real, real_actor
    med = {k: statistics.median(v) for k, v in times.items()}
    words = sum(d.words for d in docs)
    print(f"{len(docs)} BASIL articles, {words} words; medians of {args.repeat} alternated runs")
    for name, t in med.items():
        print(f"  {name}: {t:.3f} s")
    print(f"  ratio to the analysis before: {med['with the model'] / med['before (sentences)']:.2f} "
          "(target <= 1.2); `python benchmarks/analysis_cost.py`")
    print(f"  ratio to no sentiment toward actors at all: {med['with the model'] / med['none']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
