"""Framing on BASIL: do the project's framing markers find the wording that expert annotators marked
as loaded, and do its tables show real differences rather than house style?

Data: ``../shared/data/basil/`` (Fan et al., EMNLP 2019: the same event in Fox News, the New York
Times and HuffPost; the 50 events here are the development part, the other 50 are measured outside
the project; no licence: measured, never copied). Each event's three articles are analysed together,
as a user would compare them. Prints, each beside its target from the issue on framing:

1. Sentences with lexical bias (an annotated ``lex`` span) flagged by the union of the framing
   markers, against all sentences: the lift (target >= 2.0) and the share of all sentences flagged
   (target <= 0.35). Each marker is printed alone too.
2. The annotators' loaded content words that appear in the same article's framing tables: loaded
   words, distinctive terms that rank (top 10), stance markers and scare quotes, descriptive labels
   only that article uses, word-choice terms (target >= 0.40); and with the words that signal a frame.
3. House-style tokens (HOUSE below: honorifics, outlet names, reporting verbs, weekdays) among the top
   10 distinctive terms of any article (target: none).
4. Events with at least one word-choice pair (target >= 0.50), and ten pairs drawn at random to read.
5. With ``--frames``: each frame's precision and recall on the 100 sentences judged by hand in
   ``benchmarks/data/basil_frames_judged.csv`` (target: precision >= 0.70 for each frame), and the
   share of all BASIL sentences with no frame.

    python benchmarks/framing_basil.py [--events N] [--seed 0] [--frames]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import warnings
from collections import defaultdict
from pathlib import Path

import pandas as pd

import newscompare as nc
from newscompare import framing, wording

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil"
TOP = 10
# The benchmark's own list, kept apart from the library's house_style (word_lists.csv) so that editing one cannot
# pass the other: honorifics, outlet and agency names, reporting verbs, weekdays.
HOUSE = frozenset("""mr mrs ms dr rep sen gov fox news times york huffpost huffington post cnn msnbc nbc abc
cbs npr reuters ap associated press said says told according added monday tuesday wednesday thursday friday
saturday sunday""".split())
MARKERS = ["loaded", "scare_quote", "distinctive", "description_only_here", "word_choice"]
OTHER_MARKERS = ["hedge_or_booster", "strong_sentiment"]


def write_event(files: list[Path], folder: Path) -> dict[str, dict[int, tuple[int, int]]]:
    """Write each article as title + paragraphs; return each article's BASIL sentences as raw spans,
    the title as sentence -1."""
    spans = {}
    for f in files:
        art = json.loads(f.read_text(encoding="utf-8"))
        text, mine = art["title"] + "\n\n", {-1: (0, len(art["title"]))}
        for p, paragraph in enumerate(art["body-paragraphs"]):
            if p:
                text += "\n\n"
            for k, sentence in enumerate(paragraph):
                if k:
                    text += " "
                mine[len(mine) - 1] = (len(text), len(text) + len(sentence))
                text += sentence
        (folder / f"{f.stem}.txt").write_text(text, encoding="utf-8")
        spans[f.stem] = mine
    return spans


def lexical_bias(f: Path) -> dict[int, set[str]]:
    """BASIL sentence number (-1: the title) -> the content words of its lexical-bias spans."""
    ann = json.loads((BASIL / "annotations" / f.parent.name / f"{f.stem}_ann.json").read_text(encoding="utf-8"))
    out: dict[int, set[str]] = defaultdict(set)
    for p in ann["phrase-level-annotations"]:
        if p["bias"] == "lex":
            out[-1 if p["id"] == "title" else int(p["id"][1:])] |= framing.content_terms(p["txt"])
    return out


def flagged_sentences(a: nc.Analysis, loaded: pd.DataFrame, choices: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per marker, the (article, sentence) rows it flags, with the words it flags them by."""
    t = a.tables
    stance = t["stance"]
    top = t["terms"][t["terms"]["ranks"] & (t["terms"]["z"] > 1.96)].groupby("article").head(TOP)
    terms = framing.sentence_terms(a.docs).merge(top[["article", "term"]], on=["article", "term"])
    labels = t["actors"][(t["actors"]["only_in"] != "") & (t["actors"]["label_kind"] == "description")]
    described = t["mentions"].merge(labels[["article", "actor", "label"]], on=["article", "actor", "label"])
    other = choices[["other", "other_sentence", "other_term"]].set_axis(["article", "sentence", "term"], axis=1)
    side = pd.concat([choices[["article", "sentence", "term"]], other])
    strong = t["sentences"][t["sentences"]["vader_compound"].abs() >= 0.75]
    return {
        "loaded": loaded[["article", "sentence", "term"]],
        "scare_quote": stance[stance["category"] == "scare_quote"].rename(columns={"words": "term"}),
        "distinctive": terms,
        "description_only_here": described.rename(columns={"label": "term"}),
        "word_choice": side,
        "hedge_or_booster": stance[stance["category"].isin(["hedge", "booster"])].rename(columns={"words": "term"}),
        "strong_sentiment": strong.assign(term=""),
        "frame_words": t["frame_hits"].assign(term=t["frame_hits"]["words"].str.replace(",", "")),
    }


def measure_event(files: list[Path]) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spans = write_event(files, Path(tmp))
        a = nc.analyze([tmp])
    loaded = wording.loaded_words(a.docs)
    choices = a.tables["word_choice"]  # aligned sentences and the actors' labels, as a user sees them
    flags = flagged_sentences(a, loaded, choices)
    sentence_rows, coverage, house, pairs = [], [], [], []
    for d in a.docs:
        raw = {s.sentence: (s.start, s.end) for s in d.sentences}
        lex = lexical_bias(next(f for f in files if f.stem == d.id))
        marked = {m: {int(x) for x in flags[m][flags[m]["article"] == d.id]["sentence"]} for m in flags}
        words = {m: {str(w).lower() for w in flags[m][flags[m]["article"] == d.id]["term"]} for m in flags}
        year = next(f for f in files if f.stem == d.id).parent.name
        for k, (a0, b0) in spans[d.id].items():
            mine = [sid for sid, (a1, b1) in raw.items() if a1 < b0 and a0 < b1]
            row = {"article": d.id, "year": year, "basil": k, "lexical": k in lex}
            row.update({m: any(sid in marked[m] for sid in mine) for m in flags})
            sentence_rows.append(row)
        table_words = set().union(*(set(" ".join(words[m]).split()) for m in MARKERS + ["hedge_or_booster"]))
        frame_words = set(" ".join(words["frame_words"]).split())
        for k, ws in lex.items():
            coverage += [{"article": d.id, "year": year, "word": w, "found": w in table_words,
                          "with_frames": w in table_words | frame_words} for w in ws]
        top = a.tables["terms"]
        top = top[(top["article"] == d.id) & top["ranks"]].head(TOP)
        house += [{"article": d.id, "year": year, "term": term} for term in top["term"] if term in HOUSE]
    pairs = choices.assign(event=files[0].stem.rsplit("_", 1)[0], year=files[0].parent.name).to_dict("records")
    return sentence_rows, coverage, house, pairs


def lift(table: pd.DataFrame, marker: str) -> tuple[float, float]:
    """(share of all sentences the marker flags, lift on the lexical-bias sentences)."""
    share, hit = table[marker].mean(), table[table["lexical"]][marker].mean()
    return round(share, 3), round(hit / share, 2) if share else float("nan")


def split_summary(table, cov, house, pairs, events, years) -> dict:
    n = sum(1 for e in events if any(p.parent.name in years for p in (BASIL / "articles").glob(f"*/{e}_*.json")))
    with_pair = pairs["event"].nunique() if len(pairs) else 0
    share, union_lift = lift(table, "union")
    return {"union lift": union_lift, "sentences flagged": share,
            "loaded words found": round(cov["found"].mean(), 3),
            "with frame words": round(cov["with_frames"].mean(), 3),
            "house-style terms in a top 10": len(house), "events with a word-choice pair": round(with_pair / n, 2),
            "events": n}


JUDGED = Path(__file__).resolve().parent / "data" / "basil_frames_judged.csv"


def sentence_frames(text: str) -> set[str]:
    """The frames the project finds in one sentence, analysed alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = nc.segment(nc.Article("s", Path("s.txt"), text, "s"))
    return set(framing.frame_hits([d])["frame"])


def frames_report() -> None:
    judged = pd.read_csv(JUDGED, dtype=str, keep_default_na=False)
    gold, found = [], []
    for r in judged.itertuples(index=False):
        art = json.loads((BASIL / "articles" / r.year / f"{r.article}.json").read_text(encoding="utf-8"))
        text = [s for p in art["body-paragraphs"] for s in p][int(r.sentence)]
        gold.append(set(r.frames.split()))
        found.append(sentence_frames(text))
    rows = []
    for frame in framing.frame_names():
        predicted = sum(frame in f for f in found)
        right = sum(frame in f and frame in g for f, g in zip(found, gold))
        judged_n = sum(frame in g for g in gold)
        rows.append({"frame": frame, "judged": judged_n, "found": predicted, "right": right,
                     "precision": round(right / predicted, 2) if predicted else float("nan"),
                     "recall": round(right / judged_n, 2) if judged_n else float("nan")})
    print(f"\n5. frames on {len(judged)} BASIL sentences judged by hand ({JUDGED.name}); target precision >= 0.70")
    print(pd.DataFrame(rows).to_string(index=False))
    print(f"   no frame: judged {sum(not g for g in gold)} of {len(gold)}, found {sum(not f for f in found)}")
    every = [s for p in sorted((BASIL / "articles").glob("*/*.json"))
             for par in json.loads(p.read_text(encoding="utf-8"))["body-paragraphs"] for s in par]
    none = sum(not sentence_frames(s) for s in every)
    print(f"   all {len(every)} BASIL body sentences: {none / len(every):.2f} carry no frame")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=0, help="only the first N events (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--frames", action="store_true", help="also measure the frames on the hand-judged sentences")
    ap.add_argument("--pairs", type=int, default=10, help="word-choice pairs drawn at random to read (default 10)")
    args = ap.parse_args(argv)
    if not (BASIL / "articles").is_dir():
        print(f"skipped: BASIL is not at {BASIL} (see ../shared/data/basil/README.md)")
        return 0
    events = sorted({p.name.rsplit("_", 1)[0] for p in (BASIL / "articles").glob("*/*.json")})
    events = events[: args.events] if args.events else events
    rows, coverage, house, pairs = [], [], [], []
    for i, event in enumerate(events, 1):
        r, c, h, p = measure_event(sorted((BASIL / "articles").glob(f"*/{event}_*.json")))
        rows += r
        coverage += c
        house += h
        pairs += p
        print(f"\r{i}/{len(events)} events", end="", file=sys.stderr)
    print(file=sys.stderr)
    table = pd.DataFrame(rows)
    table["union"] = table[MARKERS].any(axis=1)
    cov, house, pairs = pd.DataFrame(coverage), pd.DataFrame(house, columns=["article", "year", "term"]), \
        pd.DataFrame(pairs)
    splits = {"2010-2012 (read)": ["2010", "2011", "2012"], "2013-2014 (dev)": ["2013", "2014"],
              "all": sorted(table["year"].unique())}
    print(f"BASIL: {len(events)} events, {len(table)} sentences (titles included), "
          f"{int(table['lexical'].sum())} with lexical bias\n")
    markers = [*MARKERS, *OTHER_MARKERS, "frame_words", "union"]
    print("lift of each marker (share of lexical-bias sentences flagged / share of all flagged), by split:")
    print(pd.DataFrame({name: [lift(table[table["year"].isin(ys)], m)[1] for m in markers]
                        for name, ys in splits.items()}, index=markers).to_string())
    summary = {name: split_summary(table[table["year"].isin(ys)], cov[cov["year"].isin(ys)],
                                   house[house["year"].isin(ys)],
                                   pairs[pairs["year"].isin(ys)] if len(pairs) else pairs, events, ys)
               for name, ys in splits.items()}
    print("\n" + pd.DataFrame(summary).to_string())
    print("\ntargets: union lift >= 2.0 with <= 0.35 of sentences flagged; loaded words found >= 0.40; "
          "house-style terms 0; events with a word-choice pair >= 0.40 (pairs read real >= 0.75: by hand)")
    if len(house):
        print(f"house-style terms: {house['term'].value_counts().to_dict()}")
    records = pairs.to_dict("records") if len(pairs) else []
    print(f"{len(records)} word-choice pairs in {len({p['event'] for p in records})} events; "
          f"{args.pairs} at random (seed {args.seed}) to read:")
    for i, p in enumerate(random.Random(args.seed).sample(records, min(args.pairs, len(records))), 1):
        print(f"{i:3}. {p['term']!r} / {p['other_term']!r}  ({p['article']} s{p['sentence']} / {p['other']} "
              f"s{p['other_sentence']}, similarity {p['similarity']})\n       A: {p['text'][:220]}\n"
              f"       B: {p['other_text'][:220]}")
    if args.frames:
        frames_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
