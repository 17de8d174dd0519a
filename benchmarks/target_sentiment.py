"""Sentiment toward a named person: the target model against sentence-level scores, on NewsMTSC.

Data: ``../shared/data/newsmtsc/`` (Hamborg & Donnay 2021, MIT): train (8,739 targets), rw-dev (343,
the natural mix) and mt-dev (442, sentences naming two or more people). The model is fitted on train
only; the regularisation and the class weighting are chosen on the two dev sets (the mean of their
macro-F1), never on a test set (there is none here). Prints accuracy and macro-F1 over negative /
neutral / positive for VADER, TextBlob and the combined score of the whole sentence (neutral bands as
in sentiment.NEUTRAL_BAND), and for the target model.

    python benchmarks/target_sentiment.py           # evaluate the shipped model
    python benchmarks/target_sentiment.py --basil   # and the BASIL figures (Spearman rho, outlet order),
                                                    # with the rho the annotators' own bias spans reach
    python benchmarks/target_sentiment.py --fit     # refit on train, choose on dev, write the model
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from basil import write_article
from newscompare import sentiment, targets

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "newsmtsc"
MODEL = ROOT / "lib" / "newscompare" / "data" / "target_sentiment.json"
SETS = ("train", "rw-dev", "mt-dev")


def read(name: str, data: Path = DATA) -> pd.DataFrame:
    rows = [json.loads(line) for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return pd.DataFrame(rows)


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for c in (-1, 0, 1):
        tp = np.sum((pred == c) & (gold == c))
        p = tp / max(1, np.sum(pred == c))
        r = tp / max(1, np.sum(gold == c))
        scores.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(scores))


def featurise(table: pd.DataFrame) -> list[tuple[dict, list[str], list[str]]]:
    return [targets.features(s, int(a), int(b)) for s, a, b in zip(table["sentence"], table["from"], table["to"])]


def build_vocab(feats, min_count: int = 3) -> dict[str, int]:
    counts = Counter(w for _, clause, near in feats for w in {f"w:{x}" for x in clause} | {f"n:{x}" for x in near})
    return {w: i for i, w in enumerate(sorted(w for w, c in counts.items() if c >= min_count))}


def design(feats, numeric, mean, scale, vocab) -> np.ndarray:
    return np.vstack([targets.design_row(f, c, n, numeric, mean, scale, vocab) for f, c, n in feats])


def fit(x: np.ndarray, y: np.ndarray, lam: float, balanced: bool, steps: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with an L2 penalty, by full-batch Adam (numpy only)."""
    n, d = x.shape
    onehot = np.eye(3)[y + 1]
    weight = (n / (3 * np.bincount(y + 1, minlength=3)))[y + 1] if balanced else np.ones(n)
    w, b = np.zeros((3, d)), np.zeros(3)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        p = targets.softmax(x @ w.T + b)
        g = (p - onehot) * weight[:, None] / n
        gw, gb = g.T @ x + lam * w, g.sum(axis=0)
        mw, vw = b1 * mw + (1 - b1) * gw, b2 * vw + (1 - b2) * gw * gw
        mb, vb = b1 * mb + (1 - b1) * gb, b2 * vb + (1 - b2) * gb * gb
        w -= lr * (mw / (1 - b1 ** t)) / (np.sqrt(vw / (1 - b2 ** t)) + 1e-8)
        b -= lr * (mb / (1 - b1 ** t)) / (np.sqrt(vb / (1 - b2 ** t)) + 1e-8)
    return w, b


def sentence_baselines(table: pd.DataFrame) -> dict[str, np.ndarray]:
    scores = sentiment.score_texts(table["sentence"].tolist())
    return {name: sentiment.classify(scores[col], col) for name, col in
            (("VADER (sentence)", "vader_compound"), ("TextBlob (sentence)", "tb_polarity"),
             ("combined (sentence)", "combined"))}


def report(tables: dict[str, pd.DataFrame], predictions: dict[str, dict[str, np.ndarray]]) -> pd.DataFrame:
    rows = []
    for name in ("rw-dev", "mt-dev"):
        gold = tables[name]["polarity"].to_numpy()
        for method, pred in predictions[name].items():
            rows.append({"set": name, "method": method, "accuracy": float(np.mean(pred == gold)),
                         "macro_f1": macro_f1(gold, pred), "share_positive": float(np.mean(pred == 1))})
        rows.append({"set": name, "method": "(annotators)", "accuracy": 1.0, "macro_f1": 1.0,
                     "share_positive": float(np.mean(gold == 1))})
    return pd.DataFrame(rows)


def choose_and_fit(feats, tables) -> tuple[dict, dict]:
    """Fit on train for each setting, keep the one with the best mean macro-F1 on the two dev sets."""
    numeric = sorted({k for f, _, _ in feats["train"] for k in f})
    raw = np.array([[f.get(k, 0.0) for k in numeric] for f, _, _ in feats["train"]])
    mean, scale = raw.mean(axis=0), raw.std(axis=0) + 1e-9
    vocab = build_vocab(feats["train"])
    xs = {name: design(feats[name], numeric, mean, scale, vocab) for name in SETS}
    ys = {name: tables[name]["polarity"].to_numpy().astype(int) for name in SETS}
    best = None
    for lam in (0.0003, 0.001, 0.003, 0.01):
        for balanced in (False, True):
            w, b = fit(xs["train"], ys["train"], lam, balanced)
            dev = [macro_f1(ys[s], (xs[s] @ w.T + b).argmax(axis=1) - 1) for s in ("rw-dev", "mt-dev")]
            print(f"  lambda {lam:<7} balanced {balanced!s:5}: macro-F1 rw-dev {dev[0]:.3f}, mt-dev {dev[1]:.3f}",
                  flush=True)
            if best is None or np.mean(dev) > best[0]:
                best = (float(np.mean(dev)), lam, balanced, w, b)
    _, lam, balanced, w, b = best
    model = {"numeric": numeric, "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
             "vocabulary": sorted(vocab, key=vocab.get), "weights": np.round(w, 5).tolist(),
             "intercept": np.round(b, 5).tolist()}
    return model, {"lambda": lam, "balanced_classes": balanced}


BASIL = ROOT.parent / "shared" / "data" / "basil"
FEELING = {"str-neg": -2, "neg": -1, "neu": 0, "pos": 1, "str-pos": 2}


def author_feelings(article_level: dict) -> list[tuple[str, int]]:
    """An article's annotated author feelings toward its main entities: (the entity as BASIL keys it,
    "Barack_Obama"; the feeling as a number), the main event and unknown values left out."""
    return [(key[len("author_feeling_"):], FEELING[value]) for key, value in article_level.items()
            if key.startswith("author_feeling_") and key != "author_feeling_main_event" and value in FEELING]


def basil_rows(basil: Path = BASIL) -> pd.DataFrame:
    """Per BASIL article and main entity: the annotated author feeling, and the project's mean
    sentiment toward the entity by the target model (all mentions, and the author's own sentences
    only) and by the old sentence method (mean combined score of the sentences naming it)."""
    import tempfile
    import warnings

    import newscompare as nc

    rows = []
    for triplet in sorted({p.name.rsplit("_", 1)[0] for p in (basil / "articles").glob("*/*.json")}):
        files = sorted((basil / "articles").glob(f"*/{triplet}_*.json"))
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for f in files:
                write_article(f, Path(tmp))
            tables = nc.analyze([tmp]).tables
        toward, scores, mentions = tables["toward"], tables["sentences"], tables["mentions"]
        for f in files:
            ann_path = basil / "annotations" / f.parent.name / f"{f.stem}_ann.json"
            ann = json.loads(ann_path.read_text(encoding="utf-8"))["article-level-annotations"]
            for key, feeling in author_feelings(ann):
                entity = key.replace("_", " ")
                surname = entity.split()[-1].lower()

                def match(t):
                    return (t["article"] == f.stem) & (t["actor"].str.lower().str.contains(surname, regex=False)
                                                       | t["label"].str.lower().str.contains(surname, regex=False))

                mine = toward[match(toward)]
                sentences = mentions[match(mentions)]["sentence"].unique()
                combined = scores[(scores.article == f.stem) & scores.sentence.isin(sentences)]["combined"]
                rows.append({"event": triplet, "year": f.parent.name, "article": f.stem,
                             "outlet": f.stem.rsplit("_", 1)[1], "entity": entity,
                             "feeling": feeling, "mentions": len(mine),
                             "target": mine["score"].mean() if len(mine) else np.nan,
                             # actor_sentiment's net: positive minus negative mentions, as a share of them all
                             "net": (mine["sentiment"].map(nc.sentiment.LABEL_SIGN).mean()
                                     if len(mine) else np.nan),
                             "target_author": mine[mine.speaker == "the author"]["score"].mean(),
                             "verdict": _verdict(mine["score"].dropna().to_numpy()),
                             "combined": combined.mean() if len(combined) else np.nan})
    return pd.DataFrame(rows)


def _verdict(scores: np.ndarray) -> str:
    """The table's verdict on these mention scores (sentiment.verdict on their bootstrap interval)."""
    from newscompare import sentiment

    if len(scores) == 0:
        return "unclear"
    low, high = sentiment.bootstrap_cis([scores])[0]
    return sentiment.verdict(len(scores), low, high)


def verdict_report(rows: pd.DataFrame) -> str:
    """The verdict against the annotators' feeling in three classes (an unclear verdict counts as
    neutral), beside always answering neutral: macro-F1 and the share right."""
    gold = np.sign(rows["feeling"].to_numpy()).astype(int)
    said = rows["verdict"].map({"negative": -1, "positive": 1}).fillna(0).to_numpy().astype(int)
    neutral = np.zeros_like(gold)
    shares = rows["verdict"].value_counts(normalize=True).round(2).to_dict()
    return (f"verdict (unclear as neutral) against the annotators' feeling, {len(rows)} entity-articles: "
            f"macro-F1 {macro_f1(gold, said):.3f}, right {np.mean(gold == said):.3f}; always neutral: "
            f"macro-F1 {macro_f1(gold, neutral):.3f}, right {np.mean(gold == neutral):.3f}; verdicts {shares}")


def ordering_agreement(rows: pd.DataFrame, column: str) -> tuple[float, int]:
    """Within each event and entity, the pairs of outlets the annotators rank differently: the share
    the method ranks the same way (ties count half)."""
    agree, pairs = 0.0, 0
    for _, g in rows.dropna(subset=[column]).groupby(["event", "entity"]):
        items = list(zip(g["feeling"], g[column]))
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                (fa, pa), (fb, pb) = items[i], items[j]
                if fa == fb:
                    continue
                pairs += 1
                agree += 0.5 if pa == pb else float((pa - pb) * (fa - fb) > 0)
    return (agree / pairs if pairs else float("nan")), pairs


def basil_report(rows: pd.DataFrame) -> pd.DataFrame:
    out = []
    for column, name in (("target", "target model, all mentions"),
                         ("net", "target model, net tone (positive - negative mentions)"),
                         ("target_author", "target model, author's own"),
                         ("combined", "before: mean combined score of the sentences")):
        have = rows.dropna(subset=[column])
        rho = have["feeling"].rank().corr(have[column].rank())
        agreement, pairs = ordering_agreement(rows, column)
        out.append({"method": name, "entities": len(have), "spearman_rho": rho, "outlet_order_agreement": agreement,
                    "pairs": pairs})
    return pd.DataFrame(out)


SPAN_SIGN = {"neg": -1, "pos": 1}


def annotated_ceiling(basil: Path = BASIL) -> pd.DataFrame:
    """How far the annotators' own bias spans go toward their author feeling: per article and main
    entity, the spans aimed directly at the entity summed by polarity (+1 positive, -1 negative),
    lexical (loaded wording) and informational (facts and quotes chosen) apart. A method that found
    every lexical span and its polarity perfectly would reach the first row's rho, not more: what a
    sentence-level reading of words toward an actor can hope for on this measure."""
    rows = []
    for path in sorted((basil / "annotations").glob("*/*_ann.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        spans = [p for p in ann["phrase-level-annotations"] if p.get("aim") == "dir"]
        for entity, feeling in author_feelings(ann["article-level-annotations"]):
            mine = [p for p in spans if p.get("target", "").lower() == entity.lower()]
            rows.append({"feeling": feeling, **{
                kind: sum(SPAN_SIGN.get(p["polarity"], 0) for p in mine if p["bias"] in kinds)
                for kind, kinds in (("lexical", {"lex"}), ("informational", {"inf"}), ("both", {"lex", "inf"}))}})
    table = pd.DataFrame(rows)
    return pd.DataFrame([{"annotated spans toward the entity (summed polarity)": kind, "entities": len(table),
                          "spearman_rho": table["feeling"].rank().corr(table[kind].rank())}
                         for kind in ("lexical", "informational", "both")])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="refit on train, choose on dev, write the shipped model")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--basil", action="store_true", help="also the author feeling toward BASIL's main entities")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"target_sentiment: {args.data}: NewsMTSC not found (give --data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tables = {name: read(name, args.data) for name in SETS}
    if args.fit:
        feats = {name: featurise(tables[name]) for name in SETS}
        print(f"features of {sum(map(len, tables.values()))} targets in {time.perf_counter() - started:.0f} s")
        model, chosen = choose_and_fit(feats, tables)
        model["info"] = {"data": "NewsMTSC train (Hamborg & Donnay 2021, MIT licence); settings chosen on rw-dev "
                                 "and mt-dev", "fitted": dt.date.today().isoformat(), **chosen,
                         "command": "python benchmarks/target_sentiment.py --fit", "classes": list(targets.LABELS)}
        MODEL.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)} ({len(model['vocabulary'])} words, {len(model['numeric'])} features)")
    predictions = {}
    for name in ("rw-dev", "mt-dev"):
        t = tables[name]
        found = targets.target_sentiment(zip(t["sentence"], t["from"], t["to"]))
        labels = found["label"].map({"negative": -1, "neutral": 0, "positive": 1}).to_numpy()
        predictions[name] = {**sentence_baselines(t), "target model": labels}
    result = report(tables, predictions)
    print(result.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.basil and BASIL.is_dir():
        print("\nBASIL (50 events, 150 articles): the annotated author feeling toward each main entity")
        rows = basil_rows()
        print(basil_report(rows).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        for name, years in (("all 50 events", None), ("2010-2012", {"2010", "2011", "2012"}),
                            ("2013-2014", {"2013", "2014"})):
            print(f"{name}: " + verdict_report(rows if years is None else rows[rows["year"].isin(years)]))
        print("\nThe ceiling: the annotators' own bias spans aimed at each entity, against their author feeling")
        print(annotated_ceiling().to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"\n{time.perf_counter() - started:.0f} s; data: {args.data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
