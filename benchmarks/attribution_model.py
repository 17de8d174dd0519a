"""The attribution model: which attributions the extractors find would a trained annotator mark?

Fits a logistic regression (scikit-learn; `make fit-env`) on the attributions found in PolNeAR's
train split, each labelled by whether it matches an annotated one (as benchmarks/sources_polnear.py
matches them), over the features of ``newscompare.sources.plausibility.features``; chooses C and the
threshold on dev: the best balance (harmonic mean) of precision and the share of matched
attributions kept, and of settings within TIE of it the lowest threshold; prints train beside dev.

    python benchmarks/attribution_model.py            # measure the shipped model on train and dev
    python benchmarks/attribution_model.py --fit      # refit, choose on dev, write the JSON

The weights are facts learned from PolNeAR (Newell, Margolin & Ruths 2018; its repository states no
licence), not its texts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import sources_polnear as sp
from newscompare.sources import plausibility
from newscompare.sources.resolution import PRONOUNS

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "lib" / "newscompare" / "data" / "attribution_model.json"
MIN_COUNT = 3
TIE = 0.0005  # balances closer than this are a tie (the differences below it are noise on 1,336 rows)


def labelled(split: str) -> list[tuple[list[str], bool, bool]]:
    """(features, matches an annotation, a kind the model judges) of every attribution found in the
    split, every row kept."""
    out = []
    for txt, ann in sp.articles(split):
        preds, raw, _ = sp.predicted(txt, plausible_only=False)
        golds = sp.read_gold(ann, raw)
        for pred in preds:
            hit = sp.verdict(pred, golds)
            if hit is not None:  # not counted by the benchmark either
                row = pred["row"]
                out.append((plausibility.features(row, PRONOUNS), hit, row.kind in plausibility.JUDGED_KINDS))
    return out


def vocabulary(train) -> set[str]:
    counts = Counter(f for feats, _, _ in train for f in feats)
    return {f for f, n in counts.items() if n >= MIN_COUNT}


def with_rare(feats: list[str], vocab: set[str]) -> list[str]:
    return [f if f in vocab else f"{f.partition('=')[0]}={plausibility.RARE}" for f in feats]


def kept_shares(probs, labels, threshold: float) -> tuple[float, float, int]:
    """(precision of the kept rows, share of the matched rows kept, rows left out); a probability of
    None (a kind the model does not judge) is always kept."""
    kept = [y for p, y in zip(probs, labels) if p is None or p >= threshold]
    tp = sum(kept)
    return tp / max(1, len(kept)), tp / max(1, sum(labels)), len(labels) - len(kept)


def fit() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train, dev = labelled("train"), labelled("dev")
    vocab = vocabulary(train)
    vec = DictVectorizer()
    xt = vec.fit_transform([dict.fromkeys(with_rare(f, vocab), 1) for f, _, _ in train])
    xd = vec.transform([dict.fromkeys(with_rare(f, vocab), 1) for f, _, _ in dev])
    yt, yd = [y for _, y, _ in train], [y for _, y, _ in dev]
    scored = []  # (balance of precision and rows kept, -threshold, C, threshold, model)
    for c in (0.1, 0.3, 1.0, 3.0):
        clf = LogisticRegression(C=c, max_iter=2000).fit(xt, yt)
        pd_ = [p if judged else None for p, (_, _, judged) in zip(clf.predict_proba(xd)[:, 1], dev)]
        for t in [i / 100 for i in range(5, 80)]:
            precision, kept, _ = kept_shares(pd_, yd, t)
            scored.append((2 * precision * kept / (precision + kept), c, t, clf))
    top = max(s[0] for s in scored)
    # of the settings within TIE of the best balance, the lowest threshold: the fewest rows left out
    _, c, t, clf = min((s for s in scored if s[0] >= top - TIE), key=lambda s: (s[2], s[1]))
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])}
    MODEL.write_text(json.dumps({
        "about": "P(a PolNeAR annotator marks an attribution the extractors found): logistic regression "
                 "fitted on PolNeAR train (Newell, Margolin & Ruths 2018; no licence stated: weights are facts "
                 "learned from it), C and threshold chosen on dev by benchmarks/attribution_model.py --fit.",
        "settings": {"C": c, "min_count": MIN_COUNT, "tie": TIE},
        "weights": weights, "intercept": round(float(clf.intercept_[0]), 5), "threshold": t}, indent=1) + "\n")
    print(f"wrote {MODEL.relative_to(ROOT)}: C {c}, threshold {t}")


def measure() -> None:
    model = json.loads(MODEL.read_text())
    for split in ("train", "dev"):
        rows = labelled(split)
        probs = [plausibility.probability_of(f, model) if judged else None for f, _, judged in rows]
        labels = [y for _, y, _ in rows]
        base = sum(labels) / max(1, len(labels))
        precision, recall, out = kept_shares(probs, labels, model.get("threshold", 0.0))
        print(f"{split}: {len(labels)} attributions, precision {base:.3f} -> {precision:.3f} keeping "
              f"{recall:.3f} of the matched ones ({out} left out)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fit", action="store_true")
    args = ap.parse_args(argv)
    if not sp.DATA.exists():
        print(f"skipped: PolNeAR not found at {sp.DATA}")
        return 0
    if args.fit:
        fit()
    measure()
    return 0


if __name__ == "__main__":
    sys.exit(main())
