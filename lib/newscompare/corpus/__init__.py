"""Corpus mode: thousands of articles, one task per article, in worker processes or on Dask.

``analyze_corpus`` streams articles through load, clean, segment and the per-article analyses
(sentences with sentiment, actor mentions, frame hits, stance markers, sources, sentence terms) and
writes the rows in Parquet chunks under ``OUT/parts/<table>/``, so memory stays flat however large the
corpus. A rerun skips the articles already written (resumable); an article that fails is recorded in
the ``errors`` table with the reason and the run goes on. ``group_tables`` then compares groups of
articles (a manifest column such as ``group``, the outlet) from those chunks.

The package: store -> ledger -> articles -> workers -> run -> groups, each importing only those before it.
"""

from .articles import analyze_batch
from .groups import group_tables, sorted_for_comparison
from .ledger import LOCK_NAME, Identity, identity, recorded, run_lock
from .run import CorpusSummary, analyze_corpus
from .store import PER_ARTICLE_TABLES, drop_articles, iter_table, read_table
from .workers import make_batches, progress_printer

__all__ = [
    "CorpusSummary",
    "Identity",
    "LOCK_NAME",
    "PER_ARTICLE_TABLES",
    "analyze_batch",
    "analyze_corpus",
    "drop_articles",
    "group_tables",
    "identity",
    "iter_table",
    "make_batches",
    "progress_printer",
    "read_table",
    "recorded",
    "run_lock",
    "sorted_for_comparison",
]
