"""Actors on real news: how many named people the actor finder finds, and how clean its actors are.

Data: ``../shared/data/newsmtsc/`` (sentences naming a target person; MIT) and
``../shared/data/basil/`` (the same event in three outlets, with main entities; no licence: measured,
never copied). Prints, each with its target from the issue on actors:

1. NewsMTSC train + dev: the share of named (non-pronoun) targets that an actor mention overlaps
   (target >= 0.97).
2. BASIL: the share of (article, main entity) pairs where the entity's surname is in an actor or
   label of that article.
3. BASIL: the share of (article, actor) pairs whose actor is a single common English word (lower
   case in TextBlob's lexicon with a tag that is not a proper noun; target <= 8%), and the share
   whose name joins two names with " and " or " or " (target: none but organisations').

    python benchmarks/actors.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import newscompare as nc
from newscompare import actors

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their", "i", "we", "you", "it"}


def newsmtsc_found(data: Path = SHARED / "newsmtsc") -> tuple[float, int]:
    rows = [json.loads(x) for name in ("train", "rw-dev", "mt-dev")
            for x in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x]
    table = pd.DataFrame(rows)
    table = table[~table["mention"].str.lower().str.strip(" \"“”'").isin(PRONOUNS)]
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for sentence, group in table.groupby("sentence", sort=False):
            doc = nc.segment(nc.Article("s", Path("s.txt"), sentence, "s"))
            spans = [(doc.cleaned.to_raw(s, "start"), doc.cleaned.to_raw(e, "end"))
                     for s, e in zip(*[actors.find_mentions([doc])[c] for c in ("start", "end")])]
            for a, b in zip(group["from"], group["to"]):
                found += any(s < b and a < e for s, e in spans)
    return found / max(1, len(table)), len(table)


def basil_actors(data: Path = SHARED / "basil") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(article, actor, label) rows of the BASIL articles, and (article, entity) rows with found."""
    mentions, entities = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for triplet in sorted({p.name.rsplit("_", 1)[0] for p in (data / "articles").glob("*/*.json")}):
            files = sorted((data / "articles").glob(f"*/{triplet}_*.json"))
            with tempfile.TemporaryDirectory() as tmp:
                for f in files:
                    art = json.loads(f.read_text(encoding="utf-8"))
                    text = art["title"] + "\n\n" + "\n\n".join(" ".join(p) for p in art["body-paragraphs"])
                    (Path(tmp) / f"{f.stem}.txt").write_text(text, encoding="utf-8")
                    entities += [(f.stem, e) for e in art["main-entities"]]
                found = actors.find_mentions(nc.prepare([tmp]))
            mentions.append(found[["article", "actor", "label"]])
    table = pd.concat(mentions, ignore_index=True)
    rows = []
    for article, entity in entities:
        surname = entity.split()[-1].lower()
        mine = table[table["article"] == article]
        hit = (mine["actor"].str.lower().str.contains(surname, regex=False)
               | mine["label"].str.lower().str.contains(surname, regex=False)).any()
        rows.append({"article": article, "entity": entity, "found": bool(hit)})
    return table, pd.DataFrame(rows)


def common_word_share(table: pd.DataFrame) -> tuple[float, float, int]:
    from textblob.en import lexicon

    pairs = table[["article", "actor"]].drop_duplicates()
    def common(name: str) -> bool:
        tag = lexicon.get(name.lower()) if " " not in name else None
        return tag is not None and not tag.startswith("NNP")
    joined = pairs["actor"].str.contains(r" (?:and|or) ", regex=True) & ~pairs["actor"].str.split().str[-1].isin(
        actors.ORG_WORDS)
    return pairs["actor"].map(common).mean(), joined.mean(), len(pairs)


def main(argv=None) -> int:
    started = time.perf_counter()
    rows = []
    if (SHARED / "newsmtsc").is_dir():
        share, n = newsmtsc_found()
        rows.append(("NewsMTSC: named targets found as an actor mention", f"{share:.3f}", n, ">= 0.97"))
    else:
        print("actors: NewsMTSC not found in ../shared/data; skipped", file=sys.stderr)
    if (SHARED / "basil").is_dir():
        table, ents = basil_actors()
        common, joined, pairs = common_word_share(table)
        rows.append(("BASIL: main entities found in their article", f"{ents['found'].mean():.3f}", len(ents),
                     ">= 0.97 people, >= 0.85 groups"))
        rows.append(("BASIL: actors that are one common English word", f"{common:.3f}", pairs, "<= 0.08"))
        rows.append(("BASIL: actors joining two names with and/or", f"{joined:.3f}", pairs, "0"))
    else:
        print("actors: BASIL not found in ../shared/data; skipped", file=sys.stderr)
    print(pd.DataFrame(rows, columns=["measure", "value", "n", "target"]).to_string(index=False))
    print(f"\n{time.perf_counter() - started:.0f} s; `python benchmarks/actors.py`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
