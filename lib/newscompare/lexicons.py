"""The editable lexicons shipped in ``newscompare/data/``: read once, cached.

Edit the files in ``lib/newscompare/data/`` (the package is installed in editable mode) and restart
the kernel; each file's header names its columns.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

from .errors import NewsCompareError


def data_text(name: str) -> str:
    return resources.files("newscompare").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict, ...]:
    """Rows of a CSV lexicon as dicts of strings (values as written: a space can be a value)."""
    rows = []
    reader = csv.DictReader(io.StringIO(data_text(name)))
    for row in reader:
        if None in row or None in row.values():
            raise NewsCompareError(resources.files("newscompare").joinpath(f"data/{name}"),
                                   f"line {reader.line_num} has {'more' if None in row else 'fewer'} fields "
                                   f"than the header {reader.fieldnames}", "quote values that contain commas")
        rows.append({k.strip(): v for k, v in row.items()})
    return tuple(rows)


@lru_cache(maxsize=None)
def read_list(name: str) -> tuple[str, ...]:
    """Lines of a list lexicon, without comments and blank lines."""
    return tuple(line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#"))
