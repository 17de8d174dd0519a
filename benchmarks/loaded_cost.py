"""What the loaded-language model costs: the whole analysis of ten BASIL articles (``nc.analyze``) with
the model, and with the loaded words found as before it, by the word list alone (every term of
``loaded.csv`` a row, no sentence score), alternated, medians of ``--repeat`` runs in one process.
The issue on loaded language asks for at most 1.3 times.

    python benchmarks/loaded_cost.py [--articles 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from unittest import mock

import pandas as pd

import newscompare as nc
from basil import write_article
from newscompare import wording
from newscompare.lexicons import get

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil" / "articles"


def word_list_only(docs, lexicons=None) -> wording.LoadedReading:
    """The loaded words as found before the model: every term of loaded.csv, wherever it stands."""
    lex = get(lexicons)
    kinds = wording.loaded_lexicon(lex)
    singles, phrases = wording._loaded_index(kinds)
    rows, scores = [], []
    for d in docs:
        for s in d.sentences:
            scores.append((d.id, s.sentence, float("nan")))
            for a, b in wording._loaded_in(s.text, singles, phrases):
                term = s.text[a:b].lower()
                rows.append([d.id, s.sentence, term, kinds.get(term, ("", ""))[0], 1.0, s.clean_start + a,
                             s.clean_start + b, d.quoted_at(s.clean_start + a), 0, s.text])
    return wording.LoadedReading(pd.DataFrame(rows, columns=wording.LOADED_COLUMNS),
                                 pd.DataFrame(scores, columns=wording.SENTENCE_SCORE_COLUMNS))


def timed(folder: Path, lex, before: bool) -> float:
    with warnings.catch_warnings(), (mock.patch.object(wording, "read_loaded", word_list_only) if before
                                     else mock.patch.object(wording, "read_loaded", wording.read_loaded)):
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        nc.analyze([folder], lexicons=lex)
        return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not BASIL.is_dir():
        print(f"skipped: BASIL is not at {BASIL}")
        return 0
    lex = nc.Lexicons()
    with tempfile.TemporaryDirectory() as tmp:
        for p in sorted(BASIL.glob("*/*.json"))[: args.articles]:
            write_article(p, Path(tmp))
        timed(Path(tmp), lex, False)  # warm up: imports, lexicons, the model file
        runs: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.repeat):
            for before in (True, False):
                runs[before].append(timed(Path(tmp), lex, before))
    old, new = statistics.median(runs[True]), statistics.median(runs[False])
    print(f"{args.articles} BASIL articles, medians of {args.repeat}: word list alone {old:.2f} s, "
          f"with the model {new:.2f} s; ratio {new / old:.2f} (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
