"""What a corpus run has done and may do: each article's identity (path, size, time, hash) for
resuming, the files gone since the last run, and the lock that keeps two runs out of one folder.
"""

from __future__ import annotations

import hashlib
import os
import socket
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportError
from ..load import NewsCompareWarning, readable
from .store import iter_table


@dataclass(frozen=True)
class Identity:
    """What makes an article the same article across runs: its id (the key of every table), the
    SHA-256 of its bytes, and the file it was read from with links resolved (``source``)."""

    article: str
    sha256: str | None
    source: str


def identity(path: Path, article: str) -> Identity:
    """The identity of the article file at ``path`` (no hash when it cannot be read)."""
    from ..load import MAX_BYTES

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


def resume_plan(plan: list[Identity], done: dict[str, Identity]) -> tuple[set[str], set[str]]:
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


def gone_articles(before: dict[str, Identity], planned: dict[str, Identity]) -> set[str]:
    """Recorded articles that this run does not plan and whose file no longer exists (deleted, or
    renamed: the new name is another article): their rows go, with a warning naming each."""
    gone = set()
    for art, ident in before.items():
        if art not in planned and ident.source and not os.path.exists(ident.source):
            gone.add(art)
            warnings.warn(f"{ident.source}: the file of article {art!r} is gone (deleted or renamed); its rows "
                          "were removed", NewsCompareWarning, stacklevel=4)
    return gone
