"""What differs most between the articles (or groups): the few findings a report leads with, each
with the sentences behind it.

Each finder reads the analysis's tables and returns at most one finding of its kind, the largest:
the kind of source one unit cites most more than another (``sources_by_type``), loaded wording in
the author's own voice where the intervals do not overlap (``loaded_in_own_voice``), a descriptive
label only one unit gives an actor they share (``labels_only_one_uses``), and each unit's most
distinctive word (``distinctive_words``).

A finding that would rest on thin evidence (fewer than three attributions, overlapping intervals) is
left out rather than shown weak.

Tone toward an actor is not among them. ``portrayal_pair`` finds the actor two articles portray
furthest apart (clear verdicts that differ, intervals apart); measured on BASIL with models not
fitted on the event (``benchmarks/portrayal.py``), it picked such a pair in 3 of 50 events, and in all
3 the annotators felt the same toward the actor in both articles: not a lead to print.
"""

from __future__ import annotations

import pandas as pd

from .framing import significant_terms
from .groups import group_map, unit_column
from .segment import Document
from .wording import loaded_by_voice

DIFFERENCE_COLUMNS = ["kind", "finding", "evidence"]  # evidence: [(article, sentence), ...]
MIN_SOURCES = 3  # a unit needs this many attributions of a type before its share is compared
EVIDENCE = 3  # sentences shown per finding


def _evidence(rows: pd.DataFrame) -> list[tuple[str, int]]:
    pairs = rows[["article", "sentence"]].drop_duplicates()
    return [(str(a), int(s)) for a, s in pairs.head(EVIDENCE).itertuples(index=False) if s >= 0]


def sources_by_type(docs: list[Document], tables: dict, compare_by: str) -> list[list]:
    """The source type whose share of the attributions differs most between two units."""
    src = tables["sources"]
    if src.empty:
        return []
    src = src.assign(unit=src["article"].map(group_map(docs, compare_by)))
    counts = src.groupby(["unit", "source_type"]).size().unstack(fill_value=0)
    if len(counts) < 2:
        return []
    shares = counts.div(counts.sum(axis=1), axis=0)
    best = None
    for kind in counts.columns:
        hi, lo = shares[kind].idxmax(), shares[kind].idxmin()
        gap = shares.loc[hi, kind] - shares.loc[lo, kind]
        if counts.loc[hi, kind] >= MIN_SOURCES and (best is None or gap > best[0]):
            best = (gap, kind, hi, lo)
    if best is None:
        return []
    gap, kind, hi, lo = best
    finding = (f"{hi} cites {kind} sources {counts.loc[hi, kind]} times ({shares.loc[hi, kind]:.0%} of its "
               f"attributions); {lo} {counts.loc[lo, kind]} times ({shares.loc[lo, kind]:.0%}).")
    return [["sources", finding, _evidence(src[(src["unit"] == hi) & (src["source_type"] == kind)])]]


def loaded_in_own_voice(docs: list[Document], tables: dict, compare_by: str) -> list[list]:
    """The units furthest apart in loaded words per 1,000 of their own words (quotations left out),
    when their 95% intervals do not overlap."""
    unit = unit_column(compare_by)
    rates = loaded_by_voice(docs, tables["loaded"], compare_by)
    own = rates[(rates["voice"] == "author") & (rates["words"] > 0)].set_index(unit)
    if len(own) < 2:
        return []
    hi, lo = own["per_1000"].idxmax(), own["per_1000"].idxmin()
    if own.loc[hi, "low"] <= own.loc[lo, "high"]:
        return []
    units = group_map(docs, compare_by)
    loaded = tables["loaded"]
    mine = loaded[loaded["article"].map(units).eq(hi) & ~loaded["in_quote"]].sort_values("score", ascending=False)
    words = ", ".join(f"“{t}”" for t in dict.fromkeys(mine["term"].head(5)))
    finding = (f"{hi} uses {own.loc[hi, 'per_1000']:.1f} loaded words per 1,000 of its own words "
               f"({own.loc[hi, 'low']:.1f} to {own.loc[hi, 'high']:.1f}), {lo} {own.loc[lo, 'per_1000']:.1f} "
               f"({own.loc[lo, 'low']:.1f} to {own.loc[lo, 'high']:.1f}); the strongest: {words}.")
    return [["loaded words", finding, _evidence(mine)]]


def labels_only_one_uses(docs: list[Document], tables: dict, compare_by: str) -> list[list]:
    """The descriptive label only one unit gives an actor that another unit names too, used most (twice
at least; a label holding a word of the actor's name is a name variant, left out)."""
    actors, mentions = tables["actors"], tables["mentions"]
    if actors.empty:
        return []
    units = group_map(docs, compare_by)
    named_by = actors.assign(unit=actors["article"].map(units)).groupby("actor")["unit"].nunique()
    own_name = [bool(set(str(lab).lower().split()) & set(str(act).lower().split()))
                for lab, act in zip(actors["label"], actors["actor"])]  # "Elizabeth Cheney": a name, not a label
    only = actors[(actors["only_in"] != "") & (actors["label_kind"] == "description") & (actors["count"] >= 2)
                  & actors["actor"].map(named_by).gt(1) & ~pd.Series(own_name, index=actors.index)]
    if only.empty:
        return []
    top = only.sort_values(["count", "actor"], ascending=[False, True]).iloc[0]
    rows = mentions[(mentions["article"] == top["article"]) & (mentions["actor"] == top["actor"])
                    & (mentions["label"] == top["label"])]
    finding = (f"Only {units[top['article']]} calls {top['actor']} “{top['label']}” ({top['count']} times); "
               "the others name the actor too.")
    return [["labels", finding, _evidence(rows)]]


def distinctive_words(docs: list[Document], tables: dict, compare_by: str) -> list[list]:
    """Each unit's most distinctive word (framing.significant_terms), for two units at most."""
    terms = tables["terms"] if compare_by == "article" else tables.get("terms_by_group", tables["terms"])
    unit = unit_column(compare_by) if "group" in terms else "article"
    strong = significant_terms(terms)
    if strong.empty:
        return []
    parts = []
    for u, rows in strong.groupby(unit, sort=False):
        top = rows.sort_values("z", ascending=False).iloc[0]
        parts.append((float(top["z"]), u, top["term"], int(top["count"])))
    parts = sorted(parts, reverse=True)[:2]
    finding = "; ".join(f"{u}'s most distinctive word is “{t}” (in {n} sentences, z {z:.1f})" for z, u, t, n in parts)
    units = group_map(docs, compare_by)
    evidence = []
    for _, u, t, _ in parts:
        for d in docs:
            if units[d.id] == u:
                evidence += [(d.id, s.sentence) for s in d.sentences if t in s.text.lower()][:2]
    return [["distinctive words", finding + ".", evidence[:EVIDENCE]]]


def portrayal_pair(table: pd.DataFrame, units: dict[str, str]):
    """Of the portrayal table, the two rows (a, b) of one actor in articles of different ``units``
    furthest apart, a the more negative, where both verdicts are clear (not "unclear"), they differ,
    and a's interval lies below b's; None when no actor is portrayed so apart."""
    clear = table[table["verdict"] != "unclear"].assign(unit=lambda t: t["article"].map(units))
    best = None
    for _, rows in clear.groupby("actor"):
        for a in rows.itertuples():
            for b in rows.itertuples():
                apart = a.unit != b.unit and a.verdict != b.verdict and a.tone_high < b.tone_low
                if apart and (best is None or b.tone - a.tone > best[0]):
                    best = (b.tone - a.tone, a, b)
    return None if best is None else best[1:]


FINDERS = (sources_by_type, loaded_in_own_voice, labels_only_one_uses, distinctive_words)


def largest_differences(docs: list[Document], tables: dict, compare_by: str = "article") -> pd.DataFrame:
    """The findings a report leads with, one per kind at most: kind, finding (a sentence), evidence
    ((article, sentence) pairs). Empty for a single article or unit."""
    if len(set(group_map(docs, compare_by).values())) < 2:
        return pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    rows = [row for find in FINDERS for row in find(docs, tables, compare_by)]
    return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)


def interval_sentence(summary: pd.DataFrame, unit: str = "article", value: str = "mean", low: str = "mean_low",
                      high: str = "mean_high", what: str = "mean sentence sentiment") -> str:
    """One sentence saying what a figure of intervals shows: the pairs of units whose intervals do
    not overlap, or that none differ beyond their intervals."""
    rows = summary.dropna(subset=[value, low, high]).sort_values(value)
    if len(rows) < 2:
        return f"One {unit} only: nothing to compare."
    items = list(rows.itertuples(index=False))
    apart = [(a, b) for i, a in enumerate(items) for b in items[i + 1:] if getattr(a, high) < getattr(b, low)]
    if not apart:
        return (f"The {what} of the {unit}s ranges from {rows[value].iloc[0]:+.2f} ({rows[unit].iloc[0]}) to "
                f"{rows[value].iloc[-1]:+.2f} ({rows[unit].iloc[-1]}), but every interval overlaps the others: "
                "no difference this figure can show.")
    said = "; ".join(f"{getattr(a, unit)} ({getattr(a, value):+.2f}) lies below {getattr(b, unit)} "
                     f"({getattr(b, value):+.2f})" for a, b in apart[:3])
    return f"The {what}: {said}, with intervals that do not overlap."

