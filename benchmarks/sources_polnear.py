"""Named sources against PolNeAR's attributions (2016 US election news from seven outlets).

Data: ``../shared/data/polnear/`` (Newell, Margolin & Ruths 2018; no licence: used here to measure,
never copied). Split: ``dev`` by default (84 articles); ``train`` is for building lexicons. Gold: every
attribution with a Source (the first annotator's file of an article, in sorted order).

A prediction matches a gold attribution when its source as written (``mention_start``/``mention_end``)
overlaps the gold Source span, or its cue overlaps the gold Cue and the names agree (the gold source's
last word is in the predicted source or mention). "Speech": the gold cue is a verb of saying in
``cues.csv`` or the content holds a quotation mark; "direct": the content holds a quotation mark. A
prediction inside the quoted content of a gold attribution (a nested attribution, which PolNeAR does
not annotate) is not counted against precision, nor is the continuation of a quotation into the next
sentence (the same attribution). Printed beside a regex baseline ("X said", "said X").

With ``--types`` it also prints the share of attributions typed "other" (target <= 0.15) and the
type accuracy on the 150 dev sources typed by hand in ``tests/data/polnear_source_types.csv`` (target
>= 0.85; how the file was made is in ``tests/data/polnear_source_types.md``): each hand-typed Source is
compared with the type of the prediction whose source as written overlaps it.

``--basil`` prints the share typed "other" on the BASIL events in ``../shared/data/basil/`` too.

    python benchmarks/sources_polnear.py [--split dev] [--misses 15] [--types] [--basil]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import newscompare as nc
from basil import article_text, read_article
from newscompare import sources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
QUOTES = re.compile(r"[“”\"]")
BASELINE = re.compile(r"(?P<src>(?:[A-Z][\w.'’-]+\s){0,3}[A-Z][\w.'’-]+|\b[Hh]e|\b[Ss]he|\b[Tt]hey)"
                      r"\s+(?P<cue>said|says)\b"
                      r"|\b(?P<cue2>said|says)\s+(?P<src2>(?:[A-Z][\w.'’-]+\s?){1,4})")


@dataclass
class Gold:
    source: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    source_text: str
    cue_text: str
    content_text: str


def read_gold(ann: Path, text: str) -> list[Gold]:
    spans, out = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:
            tid, info, _ = line.split("\t", 2)
            kind, *offsets = info.replace(";", " ").split()
            spans[tid] = (kind, int(offsets[0]), int(offsets[-1]))
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("E"):
            continue
        parts = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
        if "Source" not in parts or "Cue" not in parts or not {parts["Source"], parts["Cue"]} <= set(spans):
            continue
        src, cue = spans[parts["Source"]][1:], spans[parts["Cue"]][1:]
        content = spans[parts["Content"]][1:] if "Content" in parts else (cue[1], cue[1])
        if _swapped(text[src[0]:src[1]], text[cue[0]:cue[1]]):
            src, cue = cue, src
            read_gold.swapped += 1
        out.append(Gold(src, cue, content, text[src[0]:src[1]], text[cue[0]:cue[1]], text[content[0]:content[1]]))
    return out


read_gold.swapped = 0  # annotations whose Source and Cue labels were swapped, counted over a run


def _swapped(source: str, cue: str) -> bool:
    """An annotation with the labels the wrong way round: the Source span is a verb of saying and the
    Cue span a capitalised name ('"...," said Hester' annotated Source 'said', Cue 'Hester')."""
    return source.strip().lower() in {"said", "says", "say", "told", "added", "wrote"} and cue[:1].isupper()


def articles(split: str, data: Path = DATA) -> list[tuple[Path, Path]]:
    pairs = []
    for txt in sorted((data / split / "text").glob("*.txt")):
        anns = sorted((data / split / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


def predicted(txt: Path, plausible_only: bool = True) -> tuple[list[dict], str, float]:
    """The extractor's attributions with raw offsets of the mention and the cue (and the row itself,
    ``row``); the raw text; seconds. ``plausible_only``: see sources.find_sources."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        (doc,) = nc.prepare([txt])
        rows = sources.find_sources([doc], plausible_only=plausible_only)
        seconds = time.perf_counter() - started
    to_raw = doc.cleaned.to_raw
    out = []
    # A quotation's continuation in the next sentence, or the quotation before "X said", is the same
    # attribution as the row with the cue, not another one.
    for r in rows[(rows["sentence"] >= 0) & ~rows["cue"].isin([sources.CONTINUED, sources.QUOTED_BEFORE])].itertuples():
        mention = (to_raw(r.mention_start, "start"), to_raw(r.mention_end, "end")) if r.mention_start >= 0 else None
        cue = (to_raw(r.cue_start, "start"), to_raw(r.cue_end, "end")) if r.cue_start >= 0 else None
        out.append({"source": r.source, "mention": mention, "mention_text": r.mention, "cue": cue, "cue_text": r.cue,
                    "kind": r.kind, "source_type": r.source_type, "row": sources.records.Attribution(*r[1:])})
    return out, doc.article.raw, seconds


def baseline(text: str) -> list[dict]:
    out = []
    for m in BASELINE.finditer(text):
        g = "src" if m.group("src") else "src2"
        c = "cue" if m.group("cue") else "cue2"
        out.append({"source": m.group(g).strip(), "mention": (m.start(g), m.end(g)), "mention_text": m.group(g),
                    "cue": (m.start(c), m.end(c)), "cue_text": m.group(c), "kind": "regex"})
    return out


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _names_agree(pred: dict, gold: Gold) -> bool:
    words = re.findall(r"[\w’'-]+", gold.source_text.lower())
    return bool(words) and (words[-1] in pred["source"].lower() or words[-1] in pred["mention_text"].lower())


def matches(pred: dict, gold: Gold) -> bool:
    return _overlap(pred["mention"], gold.source) or (_overlap(pred["cue"], gold.cue) and _names_agree(pred, gold))


def score(preds: list[dict], golds: list[Gold]) -> dict:
    """Counts for one article: predictions matched and not counted, gold matched by kind."""
    matched_gold = [any(matches(p, g) for p in preds) for g in golds]
    verdicts = [verdict(p, golds) for p in preds]
    tp, fp = verdicts.count(True), verdicts.count(False)
    return {"tp": tp, "fp": fp, "gold": golds, "found": matched_gold}


def verdict(pred: dict, golds: list[Gold]) -> bool | None:
    """True when the prediction matches an annotation, False when it is wrong, None when it is not
    counted (a cue inside an annotated quotation: a quotation within a quotation)."""
    if any(matches(pred, g) for g in golds):
        return True
    nested = (g.content for g in golds if QUOTES.search(g.content_text))
    return None if any(pred["cue"] and c[0] <= pred["cue"][0] < c[1] for c in nested) else False


def speech_cues() -> set[str]:
    return {c for c, (_, kind) in sources.cue_table().items() if kind == "speech"}


def summary(results: list[dict], seconds: float, n: int) -> dict:
    speech = speech_cues()
    tp = sum(r["tp"] for r in results)
    fp = sum(r["fp"] for r in results)
    pairs = [(g, f) for r in results for g, f in zip(r["gold"], r["found"])]
    is_speech = [(g.cue_text.lower() in speech or bool(QUOTES.search(g.content_text)), f) for g, f in pairs]
    direct = [f for g, f in pairs if QUOTES.search(g.content_text)]
    precision = tp / max(1, tp + fp)
    recall_speech = sum(f for s, f in is_speech if s) / max(1, sum(s for s, _ in is_speech))
    return {"precision": precision, "recall_all": sum(f for _, f in pairs) / max(1, len(pairs)),
            "recall_speech": recall_speech, "recall_direct": sum(direct) / max(1, len(direct)),
            "f1_speech": 2 * precision * recall_speech / max(1e-9, precision + recall_speech),
            "gold": len(pairs), "predicted": tp + fp, "seconds_per_article": seconds / max(1, n)}


def miss_causes(results: list[dict]) -> Counter:
    cues = set(sources.cue_table())
    causes: Counter = Counter()
    for r in results:
        for g, found in zip(r["gold"], r["found"]):
            if found:
                continue
            words = g.cue_text.lower().split()
            if not any(w in cues for w in words):
                causes[f"cue not in cues.csv: {g.cue_text.lower()}"] += 1
            else:
                causes["cue known, speaker not found or another chosen"] += 1
    return causes


TYPED = ROOT / "tests" / "data" / "polnear_source_types.csv"


def type_report(predictions: dict[str, list[dict]]) -> None:
    """The share typed "other", and the accuracy on the hand-typed sources, with the confusions."""
    every = [p for preds in predictions.values() for p in preds]
    other = sum(p["source_type"] == "other" for p in every) / max(1, len(every))
    print(f"\nsource types: {other:.3f} of {len(every)} attributions typed 'other' (target <= 0.15)")
    typed = pd.read_csv(TYPED)
    right, found, confusions = 0, 0, Counter()
    for r in typed.itertuples(index=False):
        hit = [p for p in predictions.get(r.article, []) if _overlap(p["mention"], (r.start, r.end))]
        if not hit:
            continue
        found += 1
        right += hit[0]["source_type"] == r.source_type
        if hit[0]["source_type"] != r.source_type:
            confusions[f"{r.source_type} -> {hit[0]['source_type']}"] += 1
    print(f"type accuracy on {TYPED.name}: {right / max(1, found):.3f} of the {found} of {len(typed)} sources "
          f"the extractor found (target >= 0.85); {right} right")
    for pair, n in confusions.most_common(12):
        print(f"    {n:3d}  {pair}")


BASIL = ROOT.parent / "shared" / "data" / "basil"


def basil_other_share() -> None:
    """The share of BASIL attributions typed "other" (each article alone: a type does not depend on the others)."""
    import tempfile

    counts = Counter()
    for year in sorted((BASIL / "articles").glob("*")):
        for f in sorted(year.glob("*.json")):
            text = article_text(read_article(f))
            with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                (Path(tmp) / f"{f.stem}.txt").write_text(text, encoding="utf-8")
                rows = sources.find_sources(nc.prepare([tmp]))
            counts.update(rows[rows["sentence"] >= 0]["source_type"])
    total = sum(counts.values())
    print(f"\nBASIL: {counts['other'] / max(1, total):.3f} of {total} attributions typed 'other' (target <= 0.15)")
    print("  " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--misses", type=int, default=15, help="how many miss causes to list")
    ap.add_argument("--types", action="store_true", help="also score the source types")
    ap.add_argument("--basil", action="store_true", help="also give the share typed 'other' on BASIL")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"sources_polnear: {args.data}: PolNeAR not found (give --data)", file=sys.stderr)
        return 2
    ours, regex, seconds, by_article = [], [], 0.0, {}
    pairs = articles(args.split, args.data)
    for txt, ann in pairs:
        preds, raw, took = predicted(txt)
        by_article[txt.stem] = preds
        golds = read_gold(ann, raw)
        seconds += took
        ours.append(score(preds, golds))
        regex.append(score(baseline(raw), golds))
    table = pd.DataFrame([{"method": "newscompare", **summary(ours, seconds, len(pairs))},
                          {"method": "regex 'X said'", **summary(regex, 0.0, len(pairs))}])
    print(f"PolNeAR {args.split}: {len(pairs)} articles; `python benchmarks/sources_polnear.py --split {args.split}`; "
          f"{read_gold.swapped} annotations with Source and Cue swapped are read the right way round")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print("\nmisses by cause (newscompare):")
    causes = miss_causes(ours)
    known = causes.pop("cue known, speaker not found or another chosen", 0)
    print(f"  cue known, speaker not found or another chosen: {known}")
    print(f"  cue not in cues.csv: {sum(causes.values())}, most often:")
    for cause, n in causes.most_common(args.misses):
        print(f"    {n:4d}  {cause.split(': ', 1)[1]}")
    if args.types:
        type_report(by_article)
    if args.basil and (BASIL / "articles").is_dir():
        basil_other_share()
    return 0


if __name__ == "__main__":
    sys.exit(main())
