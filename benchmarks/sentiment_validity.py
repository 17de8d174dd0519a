"""How well do TextBlob, VADER and the combined score agree with human ratings?

Reads the human-rated sentences of Hutto & Gilbert (2014) (``vader-ground-truth``: NYT editorial
snippets, movie reviews, Amazon reviews, tweets; each line "id<TAB>mean rating<TAB>text", ratings from
-4 to 4) and prints, per set and method: Pearson and Spearman r against the human mean, and
three-class accuracy (negative / neutral / positive; neutral bands in newscompare.sentiment).

The combined score is judged on the NYT set by k-fold cross-validation (each fold scored by a model
fitted on the other folds, never on its own sentences); on the other sets by the shipped model, which
never saw them. ``--fit`` refits the shipped model on the whole NYT set and writes
lib/newscompare/data/sentiment_calibration.json.

    python benchmarks/sentiment_validity.py [--data DIR] [--limit N] [--folds 10] [--fit]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from newscompare import sentiment as st

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "vader-ground-truth"
SETS = {"nyt": "nytEditorialSnippets_GroundTruth.txt", "movies": "movieReviewSnippets_GroundTruth.txt",
        "amazon": "amazonReviewSnippets_GroundTruth.txt", "tweets": "tweets_GroundTruth.txt"}
CALIBRATION = ROOT / "lib" / "newscompare" / "data" / "sentiment_calibration.json"


def read_set(path: Path, limit: int | None = None) -> pd.DataFrame:
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3:
                rows.append((parts[0], float(parts[1]), parts[2]))
    table = pd.DataFrame(rows, columns=["id", "human", "text"])
    return table.head(limit) if limit else table


def metrics(human: np.ndarray, pred: np.ndarray, method: str) -> dict:
    h, p = pd.Series(human), pd.Series(pred)
    acc = float((st.classify(human, "human") == st.classify(pred, method)).mean())
    return {"pearson_r": h.corr(p), "spearman_r": h.rank().corr(p.rank()), "accuracy_3class": acc}


def cross_validated(table: pd.DataFrame, scores: pd.DataFrame, folds: int, seed: int = 0) -> np.ndarray:
    order = np.random.default_rng(seed).permutation(len(table)) % folds
    pred = np.zeros(len(table))
    texts = table["text"].tolist()
    for f in range(folds):
        train, test = order != f, order == f
        model = st.fit_calibration([t for t, k in zip(texts, train) if k], table["human"].to_numpy()[train],
                                   scores=scores[train].reset_index(drop=True))
        pred[test] = st.combine(scores[test].reset_index(drop=True), [t for t, k in zip(texts, test) if k], model)
    return pred


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"folder of the ground truth (default {DEFAULT_DATA})")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences of each set (quick runs)")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--fit", action="store_true", help="refit the shipped model on the whole NYT set")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"sentiment_validity: {args.data}: ground-truth folder not found (give --data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rows = []
    for name, file in SETS.items():
        path = args.data / file
        if not path.is_file():
            print(f"sentiment_validity: {path}: missing, skipped", file=sys.stderr)
            continue
        table = read_set(path, args.limit)
        scores = pd.DataFrame([st.tool_scores(t) for t in table["text"]])
        human = table["human"].to_numpy()
        if name == "nyt":
            combined = cross_validated(table, scores, args.folds)
            note = f"{args.folds}-fold CV"
            if args.fit:
                model = st.fit_calibration(table["text"].tolist(), human, scores=scores)
                model["provenance"] = {
                    "data": "nytEditorialSnippets_GroundTruth.txt (Hutto & Gilbert 2014, vaderSentiment, MIT)",
                    "sentences": len(table), "fitted": dt.date.today().isoformat(),
                    "cross_validated_pearson_r": round(float(pd.Series(human).corr(pd.Series(combined))), 4),
                    "command": "python benchmarks/sentiment_validity.py --fit",
                    "packages": {p: __import__("importlib.metadata").metadata.version(p)
                                 for p in ("textblob", "vaderSentiment")},
                }
                CALIBRATION.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
                print(f"wrote {CALIBRATION.relative_to(ROOT)} ({len(model['words'])} word weights)")
        else:
            combined = st.combine(scores, table["text"].tolist())
            note = "shipped model (fitted on NYT only)"
        for method, pred, how in (("tb_polarity", scores["tb_polarity"].to_numpy(), "TextBlob polarity"),
                                  ("vader_compound", scores["vader_compound"].to_numpy(), "VADER compound"),
                                  ("combined", combined, f"combined, {note}")):
            rows.append({"set": name, "sentences": len(table), "method": how, **metrics(human, pred, method)})
    result = pd.DataFrame(rows)
    print(result.to_markdown(index=False, floatfmt=".3f") if _has_tabulate() else result.to_string(index=False))
    print(f"\n{time.perf_counter() - started:.0f} s; data: {args.data}")
    return 0


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    sys.exit(main())
