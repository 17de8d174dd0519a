"""The corpus's Parquet store: per-article tables written in numbered chunks under
``OUT/parts/<table>/``, read back whole or chunk by chunk, and articles dropped from it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pandas as pd

from ..errors import ReportError

PER_ARTICLE_TABLES = ("articles", "sentences", "mentions", "pronouns", "toward", "frame_hits", "stance", "loaded",
                      "sources", "term_counts")


def _serial(part: Path) -> int:
    return int(part.stem.split("-")[1])


class ChunkWriter:
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
