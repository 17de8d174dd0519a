"""From paths to analysed documents in one call, and the per-article summary table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .clean import clean
from .load import load_articles
from .segment import Document, segment

ARTICLE_COLUMNS = ["article", "path", "title", "words", "sentences", "paragraphs", "quotes", "format",
                   "encoding", "english", "dateline_place", "dateline_agency", "removed_chars"]


def prepare(paths, manifest: str | Path | None = None, problems: list | None = None) -> list[Document]:
    """Load, clean and segment every article in ``paths`` (files and folders in any mix).

    With a ``problems`` list, files that cannot be loaded are recorded there instead of raised.
    """
    return [segment(a, clean(a)) for a in load_articles(paths, manifest=manifest, problems=problems)]


def group_map(docs: list[Document], by: str = "article") -> dict[str, str]:
    """Article id -> the group it is compared in: itself for ``by="article"``, else the value of the
    manifest column ``by`` (e.g. ``group`` or ``outlet``); articles without a value form "(none)"."""
    if by == "article":
        return {d.id: d.id for d in docs}
    if not any(by in d.article.meta for d in docs):
        from .errors import NewsCompareError

        raise NewsCompareError(None, f"no article has a manifest column {by!r}",
                               "add it to articles.csv beside the articles, or compare by 'article'")
    return {d.id: str(d.article.meta.get(by) or "(none)") for d in docs}


def group_key(by: str) -> str:
    """The name of the column that holds the compared unit: 'article', or 'group' for any other ``by``."""
    return "article" if by == "article" else "group"


def articles_table(docs: list[Document]) -> pd.DataFrame:
    """One row per article: id, input path, title, size, encoding, dateline, and characters removed."""
    rows = []
    for d in docs:
        m = d.article.meta
        rows.append((d.id, str(d.article.path), d.article.title, d.words,
                     sum(not s.heading for s in d.sentences), len(d.paragraphs), len(d.quotes), m.get("format"),
                     m.get("encoding"), m.get("english"), m.get("dateline_place", ""),
                     m.get("dateline_agency", ""), sum(len(e.text) - len(e.replacement) for e in d.cleaned.edits)))
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def removals_table(docs: list[Document]) -> pd.DataFrame:
    """Every cleaning edit of every article: article, start, end, text, replacement, rule."""
    return pd.concat([d.cleaned.removals() for d in docs], ignore_index=True)
