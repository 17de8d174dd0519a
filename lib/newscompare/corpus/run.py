"""``analyze_corpus``: plan the articles, resume what is done, analyse the rest into the store.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

import pandas as pd

from ..lexicons import Lexicons, get
from ..load import SkippedEntry, readable
from .articles import analyze_batch, unread_entries, with_identity
from .ledger import gone_articles, identity, recorded, resume_plan, run_lock
from .store import ChunkWriter, drop_articles
from .workers import batch_results, make_batches


@dataclass
class CorpusSummary:
    articles: int
    skipped: int
    failed: int
    sentences: int
    seconds: float
    out: Path

    def __str__(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles analysed ({rate:.1f}/s), {self.skipped} already done, {self.failed} failed, "
                f"{self.sentences} sentences, {self.seconds:.0f} s -> {self.out}")


def analyze_corpus(paths, out: str | Path, jobs: int = 1, scheduler: str | None = None, *, compare_by: str = "group",
                   chunk: int = 200, batch: int = 16, progress: Callable[[int, int, int, float], None] | None = None,
                   manifest: str | Path | None = None, lexicons: Lexicons | str | Path | None = None,
                   group_by: str | None = None) -> CorpusSummary:
    """Analyse every article in ``paths`` into OUT/parts/<table>/part-*.parquet; return a summary.

    ``jobs`` worker processes (1: this process), or ``scheduler="tcp://host:port"`` for a Dask
    distributed cluster. Articles travel to the workers ``batch`` at a time (at most ``chunk``), each
    analysed on its own. Articles already in OUT are skipped, so an interrupted run can be resumed.
    ``compare_by`` names the manifest column that groups the articles (``group_by`` is its old name);
    ``lexicons`` a folder of edited lexicons. ``progress(done, total, failed, seconds)`` is called
    after every batch.
    """
    from ..load import plan_articles

    compare_by = group_by or compare_by
    task = partial(analyze_batch, compare_by=compare_by, lexicons=get(lexicons))
    out = Path(out)
    problems: list = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan = plan_articles(paths, manifest, problems)
    if problems and not plan:
        raise problems[0]
    out.mkdir(parents=True, exist_ok=True)
    skipped = [w.message for w in caught if isinstance(w.message, SkippedEntry)]
    with run_lock(out):
        return _analyse_into(out, plan, problems, skipped, task, jobs, scheduler, chunk, batch, progress)


def _analyse_into(out: Path, plan: list, problems: list, skipped: list, task: Callable, jobs: int,
                  scheduler: str | None, chunk: int, batch: int, progress) -> CorpusSummary:
    """The body of analyze_corpus, run under its lock."""
    writer = ChunkWriter(out, chunk)  # first: what a killed run left half written is dropped
    identities = {art_id: identity(p, art_id) for p, _, art_id in plan}
    before = recorded(out)
    skip, replace = resume_plan(list(identities.values()), before)
    drop_articles(out, replace | gone_articles(before, identities))
    done_paths = {i.source for i in before.values()}  # the unread entries recorded earlier
    unread = unread_entries(problems, skipped, done_paths)
    # Each task carries only its own manifest row, not the folder's whole manifest.
    items = [(str(p), {p.name: man[p.name]} if p.name in man else {}, art_id)
             for p, man, art_id in plan if art_id not in skip]
    batches = make_batches(items, max(1, min(batch, chunk)), jobs)
    if not unread.empty:  # entries of the folders that could not be read: in the errors table, not lost
        writer.add({"errors": unread}, len(unread))
    started = time.perf_counter()
    n = failed = sentences = 0
    window = 4 * max(1, jobs)
    try:
        for batch_items, tables, failures in batch_results(batches, task, jobs, scheduler, window):
            n += len(batch_items)
            failed += len(failures)
            if failures:
                tables = {**tables, "errors": pd.DataFrame([tuple(map(readable, f)) for f in failures],
                                                           columns=["article", "path", "error"])}
            tables = with_identity(tables, identities)
            if "sentences" in tables:
                sentences += len(tables["sentences"])
            writer.add(tables, len(batch_items))
            if progress:
                progress(n, len(items), failed, time.perf_counter() - started)
    finally:
        writer.flush()  # what was finished is kept, interrupted or not
    return CorpusSummary(n - failed, len(plan) - len(items), failed, sentences, time.perf_counter() - started, out)
