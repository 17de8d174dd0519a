"""Are the tables the same before and after a change that should not change them (a refactor, a
speed-up)? Writes every table of the analysis on the seeds, on each BASIL event (its three articles
together, as a user compares them) and on each PolNeAR dev article, and the tables of corpus mode and
of a comparison of outlets (60 BASIL articles; see corpus_and_groups), then compares two such dumps.

    python benchmarks/compare_tables.py --write DIR          # dump this checkout's tables into DIR
    python benchmarks/compare_tables.py --write DIR --against OLD   # dump, then compare with OLD

Against an older checkout: ``git worktree add /tmp/old COMMIT`` and run this script there with
``PYTHONPATH=/tmp/old/lib``. A table present in one dump only is listed, not a failure (a new table).
Exit status 1 when a table both have differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import newscompare as nc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def article_text(art: dict) -> str:
    return art["title"] + "\n\n" + "\n\n".join(" ".join(p) for p in art["body-paragraphs"])


def inputs(limit: int) -> dict[str, list[tuple[str, str]]]:
    """name -> [(file name, text)] of each set analysed together."""
    sets = {"seeds": [(p.name, p.read_text(encoding="utf-8", errors="replace"))
                      for p in sorted((ROOT / "seeds").glob("*.txt"))]}
    basil = SHARED / "basil" / "articles"
    events = sorted({p.name.rsplit("_", 1)[0] for p in basil.glob("*/*.json")})
    for e in events[:limit] if limit else events:
        sets[f"basil-{e}"] = [(f"{p.stem}.txt", article_text(json.loads(p.read_text(encoding="utf-8"))))
                              for p in sorted(basil.glob(f"*/{e}_*.json"))]
    polnear = sorted((SHARED / "polnear" / "dev" / "text").glob("*.txt"))
    for p in polnear[:limit] if limit else polnear:
        sets[f"polnear-{p.stem}"] = [(p.name, p.read_text(encoding="utf-8"))]
    return sets


def dump(folder: Path, limit: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sets = inputs(limit)
    t0 = time.perf_counter()
    for i, (name, files) in enumerate(sets.items(), 1):
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for fname, text in files:
                (Path(tmp) / fname).write_text(text, encoding="utf-8")
            tables = nc.analyze([tmp], "article").tables
        tables["articles"] = tables["articles"].drop(columns=["path"])
        pd.to_pickle(tables, folder / f"{name}.pkl")
        print(f"\r{i}/{len(sets)} sets", end="", file=sys.stderr)
    pd.to_pickle(corpus_and_groups(limit or 60), folder / "corpus-and-groups.pkl")
    print(f"\nwrote {len(sets) + 1} sets into {folder} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def corpus_and_groups(n: int) -> dict[str, pd.DataFrame]:
    """The second way in: the first ``n`` BASIL articles in corpus mode (batches of 7, names grouped
    within each article) with their group tables, and the report's analysis comparing the outlets
    (``compare_by="group"``) with its notes. Paths are left out (they name a temporary folder)."""
    from newscompare import corpus

    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        src = Path(tmp) / "in"
        src.mkdir()
        rows = ["file,group"]
        for p in sorted((SHARED / "basil" / "articles").glob("*/*.json"))[:n]:
            (src / f"{p.stem}.txt").write_text(article_text(json.loads(p.read_text(encoding="utf-8"))),
                                                encoding="utf-8")
            rows.append(f"{p.stem}.txt,{p.stem.rsplit('_', 1)[1]}")
        (src / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        corpus.analyze_corpus([src], Path(tmp) / "run", jobs=1, batch=7)
        tables = {f"corpus:{t}": corpus.read_table(Path(tmp) / "run", t) for t in corpus.PER_ARTICLE_TABLES}
        tables.update({f"corpus group:{t}": v for t, v in corpus.group_tables(Path(tmp) / "run").items()})
        analysis = nc.analyze([src], "group")
        tables.update({f"by group:{t}": v for t, v in analysis.tables.items()})
        tables["by group:notes"] = analysis.notes_table()
    return {t: v.drop(columns=[c for c in ("path", "source") if c in v]) for t, v in tables.items()}


def compare(new: Path, old: Path) -> int:
    differ, only = {}, set()
    names = sorted(p.name for p in old.glob("*.pkl"))
    for name in names:
        if not (new / name).is_file():
            only.add(f"set {name} (old only)")
            continue
        a, b = pd.read_pickle(new / name), pd.read_pickle(old / name)
        only |= {f"table {t} (new only)" for t in set(a) - set(b)} | {f"table {t} (old only)" for t in set(b) - set(a)}
        for t in sorted(set(a) & set(b)):
            x, y = a[t].reset_index(drop=True), b[t].reset_index(drop=True)
            try:
                pd.testing.assert_frame_equal(x, y, check_dtype=False, check_exact=False, rtol=1e-9, atol=1e-12)
            except AssertionError as exc:
                differ.setdefault(t, []).append((name, str(exc).splitlines()[0:3]))
    print(f"{len(names)} sets compared; tables that differ: {len(differ)}")
    for t, cases in differ.items():
        print(f"  {t}: {len(cases)} sets, e.g. {cases[0][0]}: {' '.join(cases[0][1])}")
    for o in sorted(only):
        print(f"  only in one dump: {o}")
    return 1 if differ else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", type=Path, help="dump this checkout's tables here")
    ap.add_argument("--against", type=Path, help="a dump to compare with")
    ap.add_argument("--limit", type=int, default=0, help="at most N BASIL events and N PolNeAR articles")
    args = ap.parse_args(argv)
    if not (SHARED / "basil").is_dir():
        print(f"skipped: the annotated data is not at {SHARED}")
        return 0
    if args.write:
        dump(args.write, args.limit)
    return compare(args.write, args.against) if args.against and args.write else 0


if __name__ == "__main__":
    sys.exit(main())
