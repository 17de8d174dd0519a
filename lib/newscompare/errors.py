"""The library's own errors: one base class, each message names the file and the problem."""

from __future__ import annotations

from pathlib import Path


class NewsCompareError(Exception):
    """Base class of every error newscompare raises on purpose.

    ``path`` is the file or folder concerned (or None), ``reason`` the problem in plain words and
    ``hint`` what the user can do about it. ``str(err)`` gives all three on one line.
    """

    def __init__(self, path: str | Path | None, reason: str, hint: str = ""):
        self.path = None if path is None else Path(path)
        self.reason = reason
        self.hint = hint
        where = f"{self.path}: " if self.path is not None else ""
        tail = f" ({hint})" if hint else ""
        super().__init__(f"{where}{reason}{tail}")

    def __reduce__(self):  # picklable, so an error raised in a worker process reaches the caller whole
        return (type(self), (self.path, self.reason, self.hint))


class ArticleLoadError(NewsCompareError):
    """A file or folder could not be read as an article."""


class ReportError(NewsCompareError):
    """A report could not be written."""
