"""CSV exports: one tidy table per analysis, the same ``article`` id in every table."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from .pipeline import articles_table, removals_table
from .segment import Document, sentences_table


def table_builders() -> dict[str, Callable[[list[Document]], pd.DataFrame]]:
    """Name -> function building that table from documents. Columns are documented in the README."""
    return {
        "articles": articles_table,
        "sentences": sentences_table,
        "removals": removals_table,
    }


def write_tables(docs: list[Document], folder: str | Path) -> dict[str, Path]:
    """Write every table as FOLDER/<name>.csv (UTF-8); return the paths by name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, build in table_builders().items():
        paths[name] = folder / f"{name}.csv"
        build(docs).to_csv(paths[name], index=False)
    return paths
