"""Epithets found by ``actors.find_epithets`` against the epithets marked by hand on BASIL
(``benchmarks/data/epithets_judged.csv``: 197 in the titles and first 12 body sentences of 48 articles
of 16 events; read its README).

A found epithet matches a marked one when their characters overlap (one to one, in order); recall is
the share of marked epithets matched, precision the share of found ones (in the marked sentences)
matched, resolution the share of matches whose actor is the marked actor (by the last word of its
name). Printed for the 2010-2012 events (where errors may be read to write rules) beside the
2013-2014 events, by kind.

    python benchmarks/epithets.py            # the figures
    python benchmarks/epithets.py --errors   # and the misses and false finds of 2010-2012 only
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from basil import article_text, read_article, write_article
from target_sentiment import BASIL

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "benchmarks" / "data" / "epithets_judged.csv"
READ_SENTENCES = 12  # the body sentences of each article that were read
TRAIN_YEARS = {"2010", "2011", "2012"}


def sentence_offsets(art: dict) -> dict[str, int]:
    """Where each BASIL sentence ("title", "p0", ...) starts in the article as write_article writes it."""
    text = article_text(art)
    out, at = {"title": 0}, len(art["title"]) + 2
    k = 0
    for para in art["body-paragraphs"]:
        for sent in para:
            out[f"p{k}"] = text.index(sent, at)
            at = out[f"p{k}"] + len(sent)
            k += 1
    return out


def analysed(event: str):
    """The event's documents and epithets, as a user's run makes them."""
    import newscompare as nc
    from newscompare import steps

    files = sorted((BASIL / "articles").glob(f"*/{event}_*.json"))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in files:
            write_article(f, Path(tmp))
        docs = nc.prepare([tmp])
    run = steps.Run(docs)
    return docs, run["epithets"], files


def clean_span(doc, raw_text: str, start: int, end: int) -> tuple[int, int]:
    """A span of the raw text where it lies in the clean text (found near its raw place)."""
    wanted = raw_text[start:end]
    near = [m.start() for m in re.finditer(re.escape(wanted), doc.text[max(0, start - 300): start + 300])]
    if not near:
        return start, end
    at = max(0, start - 300) + min(near, key=lambda k: abs(max(0, start - 300) + k - start))
    return at, at + len(wanted)


def read_limit(doc, art: dict, offsets: dict[str, int]) -> int:
    """The clean offset where the sentences read end (after body sentence READ_SENTENCES - 1)."""
    last = f"p{READ_SENTENCES - 1}"
    if last not in offsets:
        return len(doc.text)
    flat = [s for p in art["body-paragraphs"] for s in p]
    raw = article_text(art)
    return clean_span(doc, raw, offsets[last], offsets[last] + len(flat[READ_SENTENCES - 1]))[1]


def same_actor(found: str, marked: str) -> bool:
    last = marked.split()[-1].lower()
    return last in found.lower() or found.split()[-1].lower() in marked.lower()


def compare(judged: pd.DataFrame) -> pd.DataFrame:
    """One row per marked epithet and per found epithet in the sentences read: matched or not, and
    whether the actor is right."""
    rows = []
    for event, marks in judged.groupby("event", sort=True):
        docs, found, files = analysed(event)
        by_id = {d.id: d for d in docs}
        for f in files:
            art = read_article(f)
            doc = by_id[f.stem]
            offsets, raw = sentence_offsets(art), article_text(art)
            limit = read_limit(doc, art, offsets)
            gold = [(*clean_span(doc, raw, offsets[m.sentence] + m.start, offsets[m.sentence] + m.end), m.actor, m.kind)
                    for m in marks[marks["article"] == f.stem].itertuples()]
            mine = found[(found["article"] == f.stem) & (found["start"] < limit)]
            used = set()
            for gs, ge, actor, kind in gold:
                hit = next((r for r in mine.itertuples() if r.Index not in used and r.start < ge and gs < r.end), None)
                if hit is not None:
                    used.add(hit.Index)
                rows.append({"event": event, "year": f.parent.name, "article": f.stem, "side": "marked", "kind": kind,
                             "actor": actor, "phrase": doc.text[gs:ge], "matched": hit is not None,
                             "found_actor": hit.actor if hit is not None else "",
                             "right_actor": hit is not None and same_actor(hit.actor, actor)})
            for r in mine.itertuples():
                if r.Index not in used:
                    rows.append({"event": event, "year": f.parent.name, "article": f.stem, "side": "found",
                                 "kind": r.kind, "actor": r.actor, "phrase": r.epithet, "matched": False,
                                 "found_actor": r.actor, "right_actor": False})
                else:
                    rows.append({"event": event, "year": f.parent.name, "article": f.stem, "side": "found",
                                 "kind": r.kind, "actor": r.actor, "phrase": r.epithet, "matched": True,
                                 "found_actor": r.actor, "right_actor": True})
    return pd.DataFrame(rows)


def figures(table: pd.DataFrame) -> dict:
    marked, found = table[table["side"] == "marked"], table[table["side"] == "found"]
    matched = marked[marked["matched"]]
    return {"marked": len(marked), "found": len(found), "recall": marked["matched"].mean(),
            "precision": found["matched"].mean() if len(found) else float("nan"),
            "resolved_right": matched["right_actor"].mean() if len(matched) else float("nan")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the misses and false finds of 2010-2012")
    args = ap.parse_args(argv)
    if not BASIL.is_dir():
        print(f"epithets: {BASIL}: BASIL not found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    judged = pd.read_csv(JUDGED, dtype={"year": str})
    table = compare(judged)
    train = table["year"].isin(TRAIN_YEARS)
    out = []
    for split, part in (("2010-2012 (rules read)", table[train]), ("2013-2014", table[~train]), ("all", table)):
        out.append({"events": split, "kind": "all", **figures(part)})
    for kind in ("appositive", "definite", "premodifier", "predicate"):
        for split, part in (("2010-2012 (rules read)", table[train]), ("2013-2014", table[~train])):
            out.append({"events": split, "kind": kind, **figures(part[part["kind"] == kind])})
    print(pd.DataFrame(out).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.errors:
        errs = table[train & (~table["matched"] | (table["side"] == "marked") & ~table["right_actor"])]
        with pd.option_context("display.max_colwidth", 90, "display.width", 200):
            print(errs[["article", "side", "kind", "actor", "found_actor", "phrase"]].to_string(index=False))
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
