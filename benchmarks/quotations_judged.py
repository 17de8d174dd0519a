"""Every quotation of 15 BASIL articles (five 2014 events: never read for a source rule before this
check) with its speaker judged by hand (``benchmarks/data/quotations_judged.csv``): how many the
sources table credits to the wrong person, as a user's run makes it (#33 asks at most 2%).

A quotation is each pair of quotation marks segment finds, by its clean-text offsets. The sources
rows of its sentence whose quoted words hold it (or that it holds) are its credits. Judged by hand:
who said it, as the labels a right credit may carry (``speaker``: "braley", "statement;mcginley";
"none" where no one is quoted: a term, a title). A credit is right when every source credited
contains one of those labels; wrong when one does not (a wrong person, a pronoun resolved to a
website, "audible whisper", or anyone for a quotation no one said); missed when nothing is credited
to a quotation someone said. The ``verdict`` column is the hand judgement of the rows at the commit
that added the file, so the first line of the output checks the automatic reading against it.

Source types on the same articles (``benchmarks/data/source_types_judged.csv``): each distinct source
and type of an event, judged right or wrong by hand ("not a source" where the phrase names no one:
"audible whisper"), counted per source and per attribution; a source and type not judged yet is
printed (#33 asks >= 0.90 typed right).

    python benchmarks/quotations_judged.py
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

from basil import write_article
from target_sentiment import BASIL

JUDGED = Path(__file__).resolve().parent / "data" / "quotations_judged.csv"
TYPES = Path(__file__).resolve().parent / "data" / "source_types_judged.csv"


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).strip(" ,.!?\"“”")


def credits(docs, sources: pd.DataFrame) -> dict[tuple[str, int, int], list[str]]:
    """(article, start, end) of each quotation -> the sources the table credits it to."""
    out = {}
    for d in docs:
        rows = sources[sources["article"] == d.id]
        for q in d.quotes:
            words = _norm(d.text[q.start:q.end])
            sid = d.sentence_at(q.start)
            here = rows[rows["sentence"] == sid]
            out[(d.id, q.start, q.end)] = [
                s for s, quote in zip(here["source"], here["quote"].astype(str))
                if quote and words and (_norm(quote) in words or words in _norm(quote))]
    return out


def verdict(credited: list[str], speaker: str) -> str:
    if not credited:
        return "none" if speaker == "none" else "missed"
    labels = [] if speaker == "none" else speaker.split(";")
    return "right" if all(any(k in c.lower() for k in labels) for c in credited) else "wrong"


def main() -> int:
    if not (BASIL / "articles").is_dir():
        print(f"quotations_judged: {BASIL}: BASIL not found (the shared data); nothing measured")
        return 0
    import newscompare as nc

    judged = pd.read_csv(JUDGED, keep_default_na=False)
    found: dict = {}
    typed = []
    for event in judged["event"].unique():
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for f in sorted((BASIL / "articles").glob(f"*/{event}_*.json")):
                write_article(f, Path(tmp))
            analysis = nc.analyze([tmp])
        found.update(credits(analysis.docs, analysis.tables["sources"]))
        typed.append(analysis.tables["sources"].groupby(["source", "source_type"]).size().rename("now")
                     .reset_index().assign(event=event[:8]))
    now = [verdict(found.get((a, s, e), []), sp) if (a, s, e) in found else "quotation gone"
           for a, s, e, sp in zip(judged["article"], judged["start"], judged["end"], judged["speaker"])]
    judged = judged.assign(now=now)
    same = (judged["now"] == judged["verdict"]).sum()
    print(f"{len(judged)} quotations in {judged['article'].nunique()} articles (BASIL 2014); the reading now agrees "
          f"with the hand verdict (taken at the commit that added the file) on {same}")
    for name, column in (("hand verdict", "verdict"), ("now", "now")):
        c = Counter(judged[column])
        credited = c["right"] + c["wrong"]
        said = credited + c["missed"]
        print(f"  {name}: credited {credited}, wrong {c['wrong']} ({c['wrong'] / max(1, credited):.1%} of the credited;"
              f" #33 asks <= 2%), right {c['right']} ({c['right'] / max(1, said):.1%} of the {said} quotations "
              f"someone said), missed {c['missed']}, no speaker {c['none']}")
    changed = judged[judged["now"] != judged["verdict"]]
    if len(changed):
        print("  changed since the hand verdict:\n" + changed[["article", "sentence", "speaker", "verdict", "now"]]
              .to_string(index=False))
    report_types(pd.concat(typed, ignore_index=True))
    return 0


def report_types(now: pd.DataFrame) -> None:
    """Source types now against the hand judgements of each event's sources and types."""
    judged = pd.read_csv(TYPES, keep_default_na=False)
    both = now.merge(judged, on=["event", "source", "source_type"], how="left")
    sources = both[both["type_right"] != "not a source"]
    known = sources[sources["type_right"].isin(["yes", "no"])]
    right = known["type_right"] == "yes"
    print(f"source types: {right.sum()} of {len(known)} sources typed right ({right.mean():.3f}; #33 asks >= 0.90),"
          f" {known.loc[right, 'now'].sum()} of {known['now'].sum()} attributions"
          f" ({known.loc[right, 'now'].sum() / max(1, known['now'].sum()):.3f});"
          f" {(both['type_right'] == 'not a source').sum()} phrases that name no one left out")
    new = sources[~sources["type_right"].isin(["yes", "no"])]
    if len(new):
        print("  not judged yet:\n" + new[["event", "source", "source_type", "now"]].to_string(index=False))


if __name__ == "__main__":
    sys.exit(main())
