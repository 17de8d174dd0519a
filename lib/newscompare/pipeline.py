"""From paths to analysed documents in one call, and the per-article summary tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .clean import clean
from .groups import group_key, group_map, unit_column
from .lexicons import Lexicons
from .load import load_articles, readable
from .segment import Document, segment

__all__ = ["ARTICLE_COLUMNS", "articles_table", "group_key", "group_map", "prepare", "prepare_article",
           "removals_table",
           "unit_column"]

ARTICLE_COLUMNS = ["article", "path", "title", "words", "sentences", "paragraphs", "quotes", "format",
                   "encoding", "english", "dateline_place", "dateline_agency", "removed_chars"]


def prepare(paths, manifest: str | Path | None = None, problems: list | None = None,
            lexicons: Lexicons | str | Path | None = None) -> list[Document]:
    """Load, clean and segment every article in ``paths`` (files and folders in any mix).

    With a ``problems`` list, files that cannot be loaded are recorded there instead of raised.
    ``lexicons`` (a Lexicons object or folder) supplies the cleaning rules.
    """
    return [prepare_article(a, lexicons) for a in load_articles(paths, manifest=manifest, problems=problems)]


def prepare_article(article, lexicons: Lexicons | str | Path | None = None) -> Document:
    """One loaded Article cleaned and segmented (what ``prepare`` does to each; corpus mode, to each
    article it loads on its own)."""
    return segment(article, clean(article, lexicons))


def articles_table(docs: list[Document]) -> pd.DataFrame:
    """One row per article: id, input path, title, size, encoding, dateline, and characters removed."""
    rows = []
    for d in docs:
        m = d.article.meta
        rows.append((d.id, readable(d.article.path), d.article.title, d.words,
                     sum(not s.heading for s in d.sentences), len(d.paragraphs), len(d.quotes), m.get("format"),
                     m.get("encoding"), m.get("english"), m.get("dateline_place", ""),
                     m.get("dateline_agency", ""), sum(len(e.text) - len(e.replacement) for e in d.cleaned.edits)))
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def removals_table(docs: list[Document]) -> pd.DataFrame:
    """Every cleaning edit of every article: article, start, end, text, replacement, rule."""
    if not docs:
        return pd.DataFrame(columns=["article", "start", "end", "text", "replacement", "rule"])
    return pd.concat([d.cleaned.removals() for d in docs], ignore_index=True)
