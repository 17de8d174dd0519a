"""Corpus mode: thousands of articles, one task per article, in worker processes or on Dask.

``analyze_corpus`` streams articles through load, clean, segment and the per-article analyses
(sentences with sentiment, actor mentions, frame hits, stance markers, sources, sentence terms) and
writes the rows in Parquet chunks under ``OUT/parts/<table>/``, so memory stays flat however large the
corpus. A rerun skips the articles already written (resumable); an article that fails is recorded in
the ``errors`` table with the reason and the run goes on. ``group_tables`` then compares groups of
articles (a manifest column such as ``group``, the outlet) from those chunks.
"""

from __future__ import annotations

import hashlib
import os
import socket
import sys
import time
import warnings
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from .errors import NewsCompareError, ReportError
from .groups import group_of
from .lexicons import Lexicons, get
from .load import NewsCompareWarning, SkippedEntry, readable

PER_ARTICLE_TABLES = ("articles", "sentences", "mentions", "pronouns", "toward", "frame_hits", "stance", "loaded",
                      "sources", "term_counts")


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


def _prepare(path: str, manifest: dict, article_id: str, lex: Lexicons):
    from .clean import clean
    from .load import load_article
    from .segment import segment

    art = load_article(path, manifest)
    art.id = article_id
    return segment(art, clean(art, lex))


def _analyses(docs: list, compare_by: str, lex: Lexicons) -> dict[str, pd.DataFrame]:
    from . import actors, framing, sentiment, sources, wording
    from .pipeline import articles_table

    scores = sentiment.sentence_scores(docs, lex)
    # Names are grouped within each article, so a result never depends on which articles share a batch.
    mentions = actors.find_mentions(docs, names_across_articles=False, lexicons=lex)
    attributions = sources.find_sources(docs, lex, mentions)
    pronouns = actors.pronoun_mentions(docs, mentions, lex)
    loaded = wording.read_loaded(docs, lex)
    tables = {
        "articles": articles_table(docs),
        "sentences": scores.merge(loaded.sentences, on=["article", "sentence"], how="left"),
        "mentions": mentions,
        "pronouns": pronouns,
        "toward": sentiment.mention_sentiment(mentions, attributions, lex, scores, pronouns),
        "frame_hits": framing.frame_hits(docs, lex),
        "stance": framing.drop_credited_scare_quotes(framing.stance_markers(docs, lex), attributions),
        # "others" would count the other articles of the batch, which depends on how batches fall
        "loaded": loaded.words.drop(columns="others"),
        "sources": attributions,
        "term_counts": framing.term_counts(docs),
    }
    groups = [d.id if compare_by == "article" else group_of(d.article.meta, compare_by) for d in docs]
    tables["articles"].insert(1, "group", groups)
    return tables


def _unread_entries(problems: list, skipped: list, done: set[str]) -> pd.DataFrame:
    """Folder entries that were not read (a file that is not a readable article, a sub-folder, a pipe)
    as rows of the errors table: article (the name), path, error; those already recorded are left out."""
    rows = [(Path(p.path).stem, str(p.path), str(p)) for p in problems if p.path is not None]
    rows += [(w.path.stem, str(w.path), str(w)) for w in skipped]
    rows = [tuple(map(readable, r)) for r in rows if readable(os.path.realpath(r[1])) not in done]
    table = pd.DataFrame(rows, columns=["article", "path", "error"])
    return table.assign(source=[readable(os.path.realpath(p)) for p in table["path"]], sha256=None)


def _with_identity(tables: dict[str, pd.DataFrame], identities: dict[str, Identity]) -> dict[str, pd.DataFrame]:
    """The articles and errors tables with each article's identity (source, sha256), for resuming."""
    out = dict(tables)
    for name in ("articles", "errors"):
        if name in out and not out[name].empty:
            table = out[name].copy()
            table["source"] = [identities[a].source if a in identities else p for a, p in
                               zip(table["article"], table["path"])]
            table["sha256"] = [identities[a].sha256 if a in identities else None for a in table["article"]]
            out[name] = table
    return out


def _failure(path: str, exc: Exception) -> str:
    if isinstance(exc, NewsCompareError):
        return str(exc)
    # An unexpected failure on one article must not stop a run of thousands.
    return f"{path}: unexpected {type(exc).__name__}: {exc}"


def analyze_batch(items: list[tuple[str, dict, str]], compare_by: str = "group", lexicons: Lexicons | None = None
                  ) -> tuple[dict[str, pd.DataFrame], list[tuple[str, str, str]]]:
    """Articles (path, manifest row, article id) through every per-article analysis; ``compare_by``
    names the manifest column that gives the articles table its ``group``.

    Each article is loaded, cleaned and segmented on its own, and a failure is that article's alone;
    the analyses then run over the batch's documents at once, so each table is built once per batch
    rather than once per article (pandas' per-table cost was a tenth of the run). Every table carries
    ``article``, the articles table also ``group`` (the writer adds it to the others once per chunk).
    Returns the tables and (article id, path, reason) for each article that failed.
    """
    lex = get(lexicons)
    docs, failed, paths = [], [], {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # corpus runs record problems in tables, not as warnings
        for path, manifest, article_id in items:
            try:
                docs.append(_prepare(path, manifest, article_id, lex))
                paths[article_id] = path
            except Exception as exc:
                failed.append((article_id, path, _failure(path, exc)))
        try:
            tables = _analyses(docs, compare_by, lex) if docs else {}
        except Exception:  # find the article that breaks the analyses; the others go on
            parts = []
            for doc in docs:
                try:
                    parts.append(_analyses([doc], compare_by, lex))
                except Exception as exc:
                    failed.append((doc.id, paths[doc.id], _failure(paths[doc.id], exc)))
            tables = ({n: pd.concat([p[n] for p in parts], ignore_index=True) for n in PER_ARTICLE_TABLES}
                      if parts else {})
    return tables, failed


def _serial(part: Path) -> int:
    return int(part.stem.split("-")[1])


class _ChunkWriter:
    """Buffers the tables of finished batches and writes one Parquet file per table every ``chunk`` articles."""

    def __init__(self, out: Path, chunk: int):
        self.out, self.chunk = out, chunk
        self.buffers: dict[str, list[pd.DataFrame]] = {n: [] for n in (*PER_ARTICLE_TABLES, "errors")}
        self.pending = 0
        self.serial = max([_serial(p) for p in out.glob("parts/*/part-*.parquet")] + [0])
        self._drop_unfinished()

    def _drop_unfinished(self) -> None:
        """Remove what an interrupted run left of a chunk it did not finish: files half written, and
        the parts of a chunk whose articles (or, with no article, errors) part was never written.
        Its articles are not in the done set, so this run analyses them again."""
        for tmp in self.out.glob("parts/*/.part-*.tmp"):
            tmp.unlink()
        finished = {_serial(p) for name in ("articles", "errors")
                    for p in self.out.glob(f"parts/{name}/part-*.parquet")}
        for part in self.out.glob("parts/*/part-*.parquet"):
            if _serial(part) not in finished:
                part.unlink()

    def add(self, tables: dict[str, pd.DataFrame], articles: int = 1) -> None:
        for name, table in tables.items():
            if not table.empty:
                self.buffers[name].append(table)
        self.pending += articles
        if self.pending >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """Write the buffered chunk; on a full disk or an unwritable folder, remove what was written
        of it and say so in one line (a rerun analyses its articles again)."""
        if not self.pending:
            return
        try:
            self._write_chunk()
        except OSError as exc:
            self._drop_unfinished()
            raise ReportError(self.out, f"cannot be written: {exc.strerror or exc}",
                              "free some space or choose another --out; the unfinished chunk was removed, "
                              "and a rerun into the same --out goes on from the articles already written") from None

    def _write_chunk(self) -> None:
        self.serial += 1
        articles = self.buffers["articles"]
        groups = (dict(pd.concat([a[["article", "group"]] for a in articles]).itertuples(index=False))
                  if articles else {})
        # The analysis tables first, then articles, then errors: a chunk counts as finished once its
        # articles part is written (its errors part, if it has no article), and by then it is whole.
        for name in sorted(self.buffers, key=lambda n: (n == "articles") + 2 * (n == "errors")):
            frames = self.buffers[name]
            if not frames:
                continue
            folder = self.out / "parts" / name
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".part-{self.serial:06d}.parquet.tmp"
            table = pd.concat(frames, ignore_index=True)
            if name not in ("articles", "errors"):
                table.insert(1, "group", table["article"].map(groups))
                if name != "sentences" and "text" in table:  # the evidence text is in the sentences table
                    table = table.drop(columns=["text"])
            table.to_parquet(tmp, index=False)
            os.replace(tmp, folder / f"part-{self.serial:06d}.parquet")
            self.buffers[name] = []
        self.pending = 0


def read_table(out: str | Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """All chunks of one table of a corpus run, concatenated (``columns`` reads only those)."""
    parts = sorted((Path(out) / "parts" / name).glob("part-*.parquet"))
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat([pd.read_parquet(p, columns=columns) for p in parts], ignore_index=True)


def iter_table(out: str | Path, name: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
    """The chunks of one table, one at a time (for aggregates that must not hold the whole corpus)."""
    for p in sorted((Path(out) / "parts" / name).glob("part-*.parquet")):
        yield pd.read_parquet(p, columns=columns)


@dataclass(frozen=True)
class Identity:
    """What makes an article the same article across runs: its id (the key of every table), the
    SHA-256 of its bytes, and the file it was read from with links resolved (``source``)."""

    article: str
    sha256: str | None
    source: str


def identity(path: Path, article: str) -> Identity:
    """The identity of the article file at ``path`` (no hash when it cannot be read)."""
    from .load import MAX_BYTES

    try:
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read(MAX_BYTES + 1)).hexdigest()
    except OSError:
        digest = None
    return Identity(article, digest, readable(os.path.realpath(path)))


def recorded(out: Path) -> dict[str, Identity]:
    """The identities already in the articles and errors tables of a run, by article id."""
    found: dict[str, Identity] = {}
    for name in ("errors", "articles"):  # an article written after an error (a rerun) wins
        for chunk in iter_table(out, name):
            shas = chunk["sha256"] if "sha256" in chunk else [None] * len(chunk)
            sources = chunk["source"] if "source" in chunk else chunk["path"]
            for art, sha, src in zip(chunk["article"], shas, sources):
                found[str(art)] = Identity(str(art), sha, str(src))
    return found


def _resume(plan: list[Identity], done: dict[str, Identity]) -> tuple[set[str], set[str]]:
    """Which planned articles to skip (the same id and the same bytes, however the path is spelled)
    and which to analyse again (the same id, other bytes: its old rows are replaced). Each case where
    the file is not the one recorded is named in a warning."""
    skip, replace = set(), set()
    for ident in plan:
        before = done.get(ident.article)
        if before is None:
            continue
        elsewhere = before.source != ident.source
        if before.sha256 is None or before.sha256 == ident.sha256:
            skip.add(ident.article)
            if elsewhere and before.sha256 is not None:
                warnings.warn(f"{ident.source}: article {ident.article!r} was analysed from {before.source} with the "
                              "same content; not analysed again", NewsCompareWarning, stacklevel=3)
        else:
            replace.add(ident.article)
            where = f" (before: {before.source})" if elsewhere else ""
            warnings.warn(f"{ident.source}: article {ident.article!r} changed since it was analysed{where}; "
                          "analysed again, its old rows replaced", NewsCompareWarning, stacklevel=3)
    return skip, replace


def drop_articles(out: Path, articles: set[str]) -> None:
    """Remove the rows of ``articles`` from every table of a run, chunk by chunk (each chunk rewritten
    atomically). The analysis tables go first and the articles and errors tables last, so a run killed
    half way still lists the articles as done with their old identity and a rerun repeats this."""
    if not articles:
        return
    order = sorted((p for p in (out / "parts").iterdir() if p.is_dir()),
                   key=lambda p: (p.name in ("articles", "errors"), p.name))
    for folder in order:
        for part in sorted(folder.glob("part-*.parquet")):
            table = pd.read_parquet(part)
            keep = ~table["article"].astype(str).isin(articles)
            if keep.all():
                continue
            tmp = part.with_name(f".{part.name}.tmp")
            try:
                table[keep].reset_index(drop=True).to_parquet(tmp, index=False)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise ReportError(out, f"cannot be written: {exc.strerror or exc}",
                                  "free some space or choose another --out; the tables are as before this run, "
                                  "and a rerun into the same --out goes on from there") from None
            os.replace(tmp, part)


def _results(batches: list, task: Callable, jobs: int, scheduler: str | None, window: int) -> Iterator[tuple]:
    """Run analyze_batch over batches: in this process, in ``jobs`` worker processes, or on a Dask
    cluster; yields (batch, tables, failures), in order locally, as they finish on Dask.

    At most ``window`` batches are in flight, so results never pile up; a new batch is submitted as
    each one is collected, so no worker waits for the slowest batch of a window.
    """
    if scheduler:
        try:
            from dask.distributed import Client, as_completed
        except ImportError:
            raise ReportError(None, "--scheduler needs dask.distributed", "pip install 'dask[distributed]'") from None
        with Client(scheduler) as client:
            window = max(window, 2 * sum(client.nthreads().values()))  # keep every worker thread busy
            pending = iter(batches)
            futures = {client.submit(task, b, pure=False): b for b in islice(pending, window)}
            running = as_completed(list(futures))
            for fut in running:
                nxt = next(pending, None)
                if nxt is not None:
                    new = client.submit(task, nxt, pure=False)
                    futures[new] = nxt
                    running.add(new)
                yield (futures.pop(fut), *fut.result())
                fut.release()
        return
    if jobs <= 1:
        for batch in batches:
            yield (batch, *task(batch))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent) as pool:
        pending = iter(batches)
        queue = deque((b, pool.submit(task, b)) for b in islice(pending, window))
        while queue:
            batch, fut = queue.popleft()
            result = fut.result()
            nxt = next(pending, None)
            if nxt is not None:
                queue.append((nxt, pool.submit(task, nxt)))
            yield (batch, *result)


def _end_with_parent() -> None:
    """In a worker process: be killed when the parent dies, even by SIGKILL (Linux prctl
    PR_SET_PDEATHSIG); elsewhere a thread ends the worker once its parent is gone."""
    parent = os.getppid()
    try:
        import ctypes
        import signal

        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) == 0:  # 1 = PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the parent died before the call
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def make_batches(items: list, size: int, workers: int = 1) -> list[list]:
    """Consecutive batches of at most ``size`` items. With several workers the last batches shrink
    (to a quarter of what is left per worker pair), so the workers finish together instead of one
    idling while the other ends a full batch."""
    out, i = [], 0
    while i < len(items):
        left = len(items) - i
        n = size if workers <= 1 else max(1, min(size, -(-left // (2 * workers))))
        out.append(items[i : i + n])
        i += n
    return out


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
    from .load import plan_articles

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


LOCK_NAME = ".newscompare-corpus.lock"


def _lock_holder(path: Path) -> tuple[int, str] | None:
    try:
        pid, host = path.read_text(encoding="utf-8").split()[:2]
        return int(pid), host
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def run_lock(out: Path):
    """One corpus run at a time into ``out``: a lock file holding this process's id and host, made
    exclusively; a second run is refused with the reason. A lock whose process is gone (a run that
    was killed) is taken over; one from another host is respected."""
    path = out / LOCK_NAME
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            holder = _lock_holder(path)
            if holder is not None and (holder[1] != socket.gethostname() or _alive(holder[0])):
                raise ReportError(out, f"another corpus run (process {holder[0]} on {holder[1]}) is writing into it",
                                  f"wait for it to finish, or choose another --out (a stale lock is {path})") from None
            path.unlink(missing_ok=True)  # left by a run that died
    else:
        raise ReportError(out, "cannot take the run lock", f"remove {path} if no run is writing into it")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {socket.gethostname()}\n")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _gone(before: dict[str, Identity], planned: dict[str, Identity]) -> set[str]:
    """Recorded articles that this run does not plan and whose file no longer exists (deleted, or
    renamed: the new name is another article): their rows go, with a warning naming each."""
    gone = set()
    for art, ident in before.items():
        if art not in planned and ident.source and not os.path.exists(ident.source):
            gone.add(art)
            warnings.warn(f"{ident.source}: the file of article {art!r} is gone (deleted or renamed); its rows "
                          "were removed", NewsCompareWarning, stacklevel=4)
    return gone


def _analyse_into(out: Path, plan: list, problems: list, skipped: list, task: Callable, jobs: int,
                  scheduler: str | None, chunk: int, batch: int, progress) -> CorpusSummary:
    """The body of analyze_corpus, run under its lock."""
    writer = _ChunkWriter(out, chunk)  # first: what a killed run left half written is dropped
    identities = {art_id: identity(p, art_id) for p, _, art_id in plan}
    before = recorded(out)
    skip, replace = _resume(list(identities.values()), before)
    drop_articles(out, replace | _gone(before, identities))
    done_paths = {i.source for i in before.values()}  # the unread entries recorded earlier
    unread = _unread_entries(problems, skipped, done_paths)
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
        for batch_items, tables, failures in _results(batches, task, jobs, scheduler, window):
            n += len(batch_items)
            failed += len(failures)
            if failures:
                tables = {**tables, "errors": pd.DataFrame([tuple(map(readable, f)) for f in failures],
                                                           columns=["article", "path", "error"])}
            tables = _with_identity(tables, identities)
            if "sentences" in tables:
                sentences += len(tables["sentences"])
            writer.add(tables, len(batch_items))
            if progress:
                progress(n, len(items), failed, time.perf_counter() - started)
    finally:
        writer.flush()  # what was finished is kept, interrupted or not
    return CorpusSummary(n - failed, len(plan) - len(items), failed, sentences, time.perf_counter() - started, out)



def progress_printer(stream=None) -> Callable[[int, int, int, float], None]:
    """A one-line progress bar with articles per second (redrawn on a terminal, every 10% otherwise)."""
    stream = stream or sys.stderr
    tty = stream.isatty()
    last = {"t": 0.0, "pct": -10}

    def show(done: int, total: int, failed: int, seconds: float) -> None:
        pct = int(100 * done / total) if total else 100
        if tty and (seconds - last["t"] >= 0.2 or done == total):
            bar = "#" * (pct // 4) + "." * (25 - pct // 4)
            stream.write(f"\r[{bar}] {done}/{total} articles, {done / max(seconds, 1e-9):.1f}/s, {failed} failed")
            if done == total:
                stream.write("\n")
            stream.flush()
            last["t"] = seconds
        elif not tty and (pct >= last["pct"] + 10 or done == total):
            stream.write(f"{done}/{total} articles ({pct}%), {done / max(seconds, 1e-9):.1f}/s, {failed} failed\n")
            last["pct"] = pct

    return show


# ------------------------------------------------------------------------------------------- groups
def group_tables(out: str | Path, lexicons: Lexicons | str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Comparisons between groups from a corpus run: sentiment with intervals, frames, stance rates,
    sources by type, distinctive terms (the top 50 per group), loaded words per 1,000 words. Each table
    has a ``group`` column; they come from the same functions as the notebooks' (framing.frame_shares,
    marker_rates, term_z_scores)."""
    from . import framing, sentiment, wording

    articles = read_table(out, "articles", ["article", "group", "words", "sentences"])
    if articles.empty:
        return {}
    totals = articles.groupby("group")[["words", "sentences"]].sum()
    scores = read_table(out, "sentences", ["article", "group", "heading", "combined", "tb_subjectivity"])
    frames = read_table(out, "frame_hits", ["article", "group", "sentence", "frame"])
    stance = read_table(out, "stance", ["group", "category"])
    loaded = read_table(out, "loaded", ["group", "kind"]).rename(columns={"kind": "category"})
    src = read_table(out, "sources", ["group", "source_type"])
    counts = pd.concat([chunk.groupby(["group", "term"], as_index=False)["sentences"].sum()
                        for chunk in iter_table(out, "term_counts", ["group", "term", "sentences"])]
                       or [pd.DataFrame(columns=["group", "term", "sentences"])], ignore_index=True)
    return {
        "groups": articles.groupby("group").agg(articles=("article", "count"), words=("words", "sum"),
                                                 sentences=("sentences", "sum")).reset_index(),
        "sentiment": sentiment.article_summary(scores, unit="group"),
        "frames": framing.frame_shares(frames, totals["sentences"], framing.frame_names(lexicons), "group"),
        "stance_rates": framing.marker_rates(stance, totals["words"], framing.stance_categories(lexicons), "group"),
        "loaded_rates": framing.marker_rates(loaded, totals["words"], wording.loaded_kinds(lexicons), "group"),
        "sources_by_type": src.groupby(["group", "source_type"]).size().rename("attributions").reset_index(),
        "actor_sentiment": _group_actor_sentiment(read_table(out, "toward", ["group", "actor", "speaker", "score",
                                                                            "sentiment"])),
        "terms": framing.term_z_scores(counts, "group", top=50, loaded=framing.loaded_terms(lexicons)),
    }


def _group_actor_sentiment(toward: pd.DataFrame, top: int = 50) -> pd.DataFrame:
    """Sentiment toward the ``top`` actors named most in the corpus, per group: mentions, mean score
    (target model), the mean in the author's own sentences and in what the sources say, and the net
    tone (positive minus negative mentions, as a share of them all; as actor_sentiment's ``net``)."""
    cols = ["group", "actor", "mentions", "mean_target", "mean_author", "mean_sources", "net"]
    if toward.empty:
        return pd.DataFrame(columns=cols)
    keep = toward["actor"].value_counts().head(top).index
    mine = toward[toward["actor"].isin(keep)].assign(author=lambda t: t["speaker"] == "the author")
    out = mine.groupby(["group", "actor"]).agg(mentions=("score", "size"), mean_target=("score", "mean")).reset_index()
    by_voice = mine.groupby(["group", "actor", "author"])["score"].mean().unstack("author")
    out["mean_author"] = by_voice.get(True, pd.Series(dtype=float)).reindex(
        pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    out["mean_sources"] = by_voice.get(False, pd.Series(dtype=float)).reindex(
        pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    if "sentiment" in mine:
        from .sentiment import LABEL_SIGN

        signs = mine.assign(sign=mine["sentiment"].map(LABEL_SIGN).fillna(0))
        net = signs.groupby(["group", "actor"])["sign"].mean().round(4)
        out["net"] = net.reindex(pd.MultiIndex.from_frame(out[["group", "actor"]])).to_numpy()
    else:
        out["net"] = float("nan")
    return out[cols]


def sorted_for_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """A table in a canonical row order (for comparing runs whose articles finished in another order)."""
    keys = [c for c in ("article", "sentence", "start", "frame", "term", "marker", "source", "actor", "speaker")
            if c in table]
    return table.sort_values(keys, kind="stable").reset_index(drop=True)
