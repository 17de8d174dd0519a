"""The portrayal table's tone against BASIL's annotated author feeling toward each main entity, by
leave-events-out cross-validation (the only way BASIL may be fitted on).

Data: ``../shared/data/basil/`` (Fan et al. 2019; read where it lies). Each of the 50 events (2010-2014)
is analysed as a user runs it (``nc.analyze`` on its three articles). Two kinds of annotation teach:
- the phrase-level spans of bias aimed at an entity (loaded words; facts and quotations chosen), each
  with its polarity, label the sentences that name the entity's actor (``span_labels``): a sentence
  model (multinomial logistic regression on ``portrayal.SENTENCE_FEATURES``) learns from them how far
  a sentence leans toward or against an actor;
- the author's feeling toward each main entity, matched to the actor of its article whose name holds
  the entity's last word (the most mentioned), is what the tone is measured against.
Events are dealt into FOLDS folds; for each fold the sentence model is fitted on the other events'
sentences, its penalty chosen and the neutral band chosen by the same split of those events (nested),
and the fold's tones predicted. Printed: Spearman rho, outlet order (pairs of outlets whose feeling
differs, within an event and entity, ranked the same way), macro-F1 of the three-class verdict beside
always answering neutral, for all events and for 2010-2012 and 2013-2014 apart; an ablation (each kind
of evidence alone); the baselines (actor_sentiment's mean target score and net tone).

    python benchmarks/portrayal.py                 # cross-validated figures and the ablation
    python benchmarks/portrayal.py --fit           # also fit on all 50 events and write the model
    python benchmarks/portrayal.py --cache DIR     # keep the analysed tables between runs
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import pickle
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from basil import write_article
from newscompare import portrayal
from target_sentiment import BASIL, author_feelings, fit, macro_f1, ordering_agreement

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "lib" / "newscompare" / "data" / "portrayal_model.json"
LAMBDAS = (0.001, 0.1)
BANDS = (0.05, 0.1, 0.15, 0.2, 0.3)
TONE_SCALE = 2.0  # tanh(sum of leanings / 2): fixed before measuring (it does not change any ranking)
FOLDS = 10
GROUPS = {  # the kinds of evidence, for the ablation: the sentence features each rests on
    "author's voice": ["author", "author_sign"],
    "quotations": ["quoted", "quoted_sign"],
    "who speaks": ["speaks"],
    "loaded wording": ["loaded"],
    "epithets": ["epithet"],
    "reported alone": ["alone"],
    "headline": ["heading"],
    "sentence scores": ["combined"],
}


def event_tables(triplet: str, cache: Path | None) -> tuple[str, dict]:
    """The analysed tables of one BASIL event, and its year."""
    import newscompare as nc

    files = sorted((BASIL / "articles").glob(f"*/{triplet}_*.json"))
    path = cache / f"{triplet}.pkl" if cache else None
    if path and path.exists():
        return files[0].parent.name, pickle.loads(path.read_bytes())["tables"]
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in files:
            write_article(f, Path(tmp))
        tables = nc.analyze([tmp]).tables
    if path:
        path.write_bytes(pickle.dumps({"year": files[0].parent.name, "tables": tables}))
    return files[0].parent.name, tables


def match_actor(counts: pd.Series, entity: str) -> str | None:
    """The actor standing for a BASIL entity ("Barack_Obama"), from an article's actors and their
    mentions: the most mentioned actor whose name holds the entity's last word."""
    last = entity.replace("_", " ").split()[-1].lower()
    hits = [a for a in counts.index if last in a.lower()]
    return max(hits, key=lambda a: (counts[a], a)) if hits else None


def annotations(article: str) -> dict:
    return json.loads(next((BASIL / "annotations").glob(f"*/{article}_ann.json")).read_text(encoding="utf-8"))


def span_labels(units: pd.DataFrame, sentences: pd.DataFrame) -> np.ndarray:
    """Each unit's label from BASIL's spans of bias aimed directly at an entity: the sign of the summed
    polarity of the spans found in the unit's sentence (by their text) whose target is the unit's
    actor (matched as match_actor does)."""
    label = pd.Series(0.0, index=pd.MultiIndex.from_frame(units[["article", "actor", "sentence"]]))
    for art, mine in sentences.groupby("article"):
        counts = units[units["article"] == art].groupby("actor")["mentions"].sum()
        texts = list(zip(mine["sentence"], mine["text"]))
        for span in annotations(art)["phrase-level-annotations"]:
            if span.get("aim") != "dir" or span.get("polarity") not in ("neg", "pos"):
                continue
            needle = span["txt"].strip().strip("\u201c\u201d\"")[:60]
            where = next((sid for sid, text in texts if needle and needle in text), None)
            actor = match_actor(counts, span.get("target", ""))
            if where is not None and actor is not None and (art, actor, where) in label.index:
                label[(art, actor, where)] += 1 if span["polarity"] == "pos" else -1
    return np.sign(label.to_numpy()).astype(int)


def event_data(triplet: str, year: str, tables: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An event's sentence units (with their span labels) and its annotated entity-articles (with the
    actor matched and the baselines)."""
    units = portrayal.sentence_units(tables["toward"], tables["sources"], tables["sentences"], tables["alignment"],
                                     tables.get("epithets"))
    units = units.assign(event=triplet, year=year, label=span_labels(units, tables["sentences"]))
    base = tables["actor_sentiment"].set_index(["article", "actor"])
    rows = []
    for article in sorted(tables["articles"]["article"]):
        counts = units[units["article"] == article].groupby("actor")["mentions"].sum()
        for entity, feeling in author_feelings(annotations(article)["article-level-annotations"]):
            actor = match_actor(counts, entity)
            row = {"event": triplet, "year": year, "article": article, "entity": entity, "feeling": feeling,
                   "actor": actor}
            if actor is not None and (article, actor) in base.index:
                b = base.loc[(article, actor)]
                row.update(base_target=b["mean_target"], base_net=b["net"], base_verdict=b["verdict"])
            rows.append(row)
    return units, pd.DataFrame(rows)


def triplets() -> list[str]:
    return sorted({p.name.rsplit("_", 1)[0] for p in (BASIL / "articles").glob("*/*.json")})


@functools.lru_cache(maxsize=1)
def fold_of() -> dict[str, int]:
    """Each BASIL event's fold: the events in sorted order dealt round FOLDS folds."""
    return {e: k % FOLDS for k, e in enumerate(triplets())}


def folds(events: pd.Series) -> np.ndarray:
    """Each row's fold, by its event: an event's three articles are always left out together, and a
    sentence unit and an entity-article of one event always share a fold."""
    return events.map(fold_of()).to_numpy()


def fit_sentences(units: pd.DataFrame, features, lam: float) -> dict:
    """The sentence model (portrayal.sentence_leanings reads it) fitted on these units' span labels."""
    x = np.nan_to_num(units[features].to_numpy(dtype=float))
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    w, b = fit((x - mean) / scale, units["label"].to_numpy(), lam, balanced=True)
    return {"features": list(features), "classes": [-1, 0, 1], "mean": mean.round(6).tolist(),
            "scale": scale.round(6).tolist(), "weights": w.round(6).tolist(), "intercepts": b.round(6).tolist()}


def tones(units: pd.DataFrame, rows: pd.DataFrame, model: dict) -> np.ndarray:
    """The tone of each entity-article row (0 where no actor was matched)."""
    lean = pd.Series(portrayal.sentence_leanings(units, model), index=units.index)
    summed = lean.groupby([units["article"], units["actor"]]).sum()
    keys = list(zip(rows["article"], rows["actor"]))
    return np.tanh(summed.reindex(keys).fillna(0).to_numpy() / TONE_SCALE)


VERDICT_CLASS = {"negative": -1, "positive": 1}  # neutral and unclear count as neutral


def classes(tone: np.ndarray, band: float) -> np.ndarray:
    return np.where(tone <= -band, -1, np.where(tone >= band, 1, 0))


def rank_rho(rows: pd.DataFrame, tone: np.ndarray) -> float:
    return float(rows["feeling"].rank().corr(pd.Series(tone, index=rows.index).rank()))


def held_out_tones(units: pd.DataFrame, rows: pd.DataFrame, features, lam: float) -> np.ndarray:
    """Leave-events-out tones: each fold's rows from a model fitted on the other folds' units."""
    out = np.zeros(len(rows))
    unit_fold, row_fold = folds(units["event"]), folds(rows["event"])
    for k in np.unique(row_fold):
        model = fit_sentences(units[unit_fold != k], features, lam)
        out[row_fold == k] = tones(units[unit_fold == k], rows[row_fold == k], model)
    return out


def choose(units: pd.DataFrame, rows: pd.DataFrame, features) -> tuple[float, float]:
    """From these events alone: the penalty (by the rho of leave-events-out tones) and the neutral band
    (by their macro-F1)."""
    trials = {lam: held_out_tones(units, rows, features, lam) for lam in LAMBDAS}
    lam = max(trials, key=lambda penalty: rank_rho(rows, trials[penalty]))
    gold = np.sign(rows["feeling"].to_numpy()).astype(int)
    band = max(BANDS, key=lambda b: (macro_f1(gold, classes(trials[lam], b)), -b))
    return lam, band


def cross_validated(units: pd.DataFrame, rows: pd.DataFrame, features) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Nested leave-events-out: for each fold of events, the penalty and band chosen on the other events
    (by the same split of them), the sentence model fitted on them, and the portrayal table of the
    fold's events as the library makes it: their tones, and their verdicts as classes (unclear as
    neutral); and the portrayal tables of all folds' events, each made by a model not fitted on it."""
    tone, said, tables = np.zeros(len(rows)), np.zeros(len(rows), dtype=int), []
    unit_fold, row_fold = folds(units["event"]), folds(rows["event"])
    for k in np.unique(row_fold):
        train_units, train_rows = units[unit_fold != k], rows[row_fold != k]
        lam, band = choose(train_units, train_rows.reset_index(drop=True), features)
        model = {**fit_sentences(train_units, features, lam), "tone_scale": TONE_SCALE, "neutral_band": band}
        test = row_fold == k
        tables.append(portrayal.portrayal(units[unit_fold == k], model=model))
        table = tables[-1].set_index(["article", "actor"])
        keys = list(zip(rows.loc[test, "article"], rows.loc[test, "actor"]))
        tone[test] = table["tone"].reindex(keys).fillna(0).to_numpy()
        said[test] = table["verdict"].reindex(keys).map(VERDICT_CLASS).fillna(0).to_numpy()
    return tone, said, pd.concat(tables, ignore_index=True)


def lead_agreement(rows: pd.DataFrame, held_out: pd.DataFrame) -> dict:
    """The report's portrayal lead (differences.portrayal_pair) on each event, from held-out portrayal
    tables, restricted to the actors matched to an annotated entity: how often the annotators' feeling
    orders the two articles the same way, the other way, or not at all."""
    from newscompare.differences import portrayal_pair

    counts = {"events with a lead": 0, "annotators agree": 0, "annotators disagree": 0, "annotators equal": 0}
    feeling = rows.drop_duplicates(["article", "actor"]).set_index(["article", "actor"])["feeling"]
    for event, mine in rows.groupby("event"):
        table = held_out[held_out["article"].isin(set(mine["article"])) & held_out["actor"].isin(set(mine["actor"]))]
        pair = portrayal_pair(table, {a: a for a in table["article"]}) if len(table) else None
        if pair is None:
            continue
        a, b = pair
        fa, fb = feeling.get((a.article, a.actor)), feeling.get((b.article, b.actor))
        if fa is None or fb is None:
            continue
        counts["events with a lead"] += 1
        counts["annotators agree" if fa < fb else "annotators disagree" if fa > fb else "annotators equal"] += 1
    return counts


def measures(rows: pd.DataFrame, tone: np.ndarray, said: np.ndarray) -> dict:
    table = rows.assign(_tone=tone)
    gold = np.sign(rows["feeling"].to_numpy()).astype(int)
    order, pairs = ordering_agreement(table, "_tone")
    return {"entities": len(rows), "spearman_rho": rank_rho(rows, tone), "outlet_order": order, "pairs": pairs,
            "macro_f1": macro_f1(gold, said), "always_neutral_f1": macro_f1(gold, np.zeros_like(gold))}


SPLITS = (("all 50 events", None), ("2010-2012", {"2010", "2011", "2012"}), ("2013-2014", {"2013", "2014"}))


def split_report(rows: pd.DataFrame, tone: np.ndarray, said: np.ndarray, name: str) -> list[dict]:
    out = []
    for split, years in SPLITS:
        keep = np.ones(len(rows), bool) if years is None else rows["year"].isin(years).to_numpy()
        out.append({"method": name, "events": split, **measures(rows[keep], tone[keep], said[keep])})
    return out


def read_all(cache: Path | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    all_units, all_rows = [], []
    events = triplets()
    for k, triplet in enumerate(events, 1):
        units, rows = event_data(triplet, *event_tables(triplet, cache))
        all_units.append(units)
        all_rows.append(rows)
        print(f"\r{k}/{len(events)} events analysed", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return pd.concat(all_units, ignore_index=True), pd.concat(all_rows, ignore_index=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="fit on all 50 events and write the shipped model")
    ap.add_argument("--cache", type=Path, help="a folder keeping each event's analysed tables")
    args = ap.parse_args(argv)
    if not BASIL.is_dir():
        print(f"portrayal: {BASIL}: BASIL not found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    units, every = read_all(args.cache)
    rows = every.dropna(subset=["actor"]).reset_index(drop=True)
    labels = units["label"].value_counts().to_dict()
    print(f"{len(units)} sentence units, span labels: {labels.get(-1, 0)} negative, {labels.get(1, 0)} positive; "
          f"{len(every)} entity-articles annotated, {len(rows)} matched to an actor ({len(rows) / len(every):.0%}); "
          f"feelings {dict(sorted(rows['feeling'].value_counts().items()))}\n")
    results = []
    for name, column in (("mean target score (actor_sentiment)", "base_target"),
                         ("net tone (actor_sentiment)", "base_net")):
        tone = rows[column].fillna(0).to_numpy(dtype=float)
        said = rows["base_verdict"].map(VERDICT_CLASS).fillna(0).to_numpy(dtype=int)
        results += split_report(rows, tone, said, name)
    features = portrayal.SENTENCE_FEATURES
    tone, said, held_out = cross_validated(units, rows, features)
    results += split_report(rows, tone, said, "portrayal tone (cross-validated)")
    figures = {"events": rows["event"].nunique(), **{k: round(float(v), 3) if isinstance(v, float) else int(v)
                                                     for k, v in measures(rows, tone, said).items()}}
    print(pd.DataFrame(results).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    known = units.groupby(["article", "actor"])["label"].sum().reindex(list(zip(rows["article"], rows["actor"])))
    ceiling = measures(rows, known.fillna(0).to_numpy(dtype=float), np.zeros(len(rows), dtype=int))
    print("\nThe report's lead on each event (an actor two outlets portray apart, held-out tables, annotated "
          "entities only): " + ", ".join(f"{k} {v}" for k, v in lead_agreement(rows, held_out).items()))
    print(f"\nThe ceiling of this design: the annotators' own span labels summed over the same sentences: "
          f"rho {ceiling['spearman_rho']:.3f}, outlet order {ceiling['outlet_order']:.3f}")
    print("\nAblation, all 50 events, cross-validated: the sentence model on each kind of evidence alone")
    ablation = []
    for group, feats in GROUPS.items():
        t, s, _ = cross_validated(units, rows, feats)
        ablation.append({"evidence": group, **measures(rows, t, s)})
    print(pd.DataFrame(ablation).drop(columns=["always_neutral_f1"]).to_string(
        index=False, float_format=lambda v: f"{v:.3f}"))
    if args.fit:
        lam, band = choose(units, rows, features)
        model = {**fit_sentences(units, features, lam), "tone_scale": TONE_SCALE, "neutral_band": band}
        model["info"] = {"data": "BASIL (Fan et al. 2019; no licence stated: the fitted weights only, no text): "
                                 "phrase-level spans of bias aimed at an entity, 50 events, 2010-2014",
                         "fitted": dt.date.today().isoformat(), "lambda": lam,
                         "validation": f"{FOLDS} folds of events, nested; only the cross-validated figures "
                                       "are reported", "cross_validated": figures,
                         "command": "python benchmarks/portrayal.py --fit"}
        MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL.relative_to(ROOT)} (lambda {lam}, neutral band {band})")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
