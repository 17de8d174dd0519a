"""What is compared: single articles, or groups of articles named by a manifest column.

One name throughout the library, the notebooks and the command line: ``compare_by`` ("article", or
a column of articles.csv such as ``group`` or ``outlet``). Tables that aggregate over what is
compared name that column ``article`` or ``group`` (see unit_column).
"""

from __future__ import annotations

from .errors import NewsCompareError
from .segment import Document


def group_map(docs: list[Document], compare_by: str = "article") -> dict[str, str]:
    """Article id -> the unit it is compared in: itself for ``compare_by="article"``, else the value of
    the manifest column ``compare_by`` (e.g. ``group`` or ``outlet``); articles without one form "(none)"."""
    if compare_by == "article":
        return {d.id: d.id for d in docs}
    if docs and not any(compare_by in d.article.meta for d in docs):
        raise NewsCompareError(None, f"no article has a manifest column {compare_by!r}",
                               "add it to articles.csv beside the articles, or compare by 'article'")
    return {d.id: group_of(d.article.meta, compare_by) for d in docs}


def default_compare_by(docs: list[Document]) -> str:
    """What a report compares when the user does not say: the ``group`` column of articles.csv when it
    puts the articles in two or more groups (outlets, say), else single articles."""
    groups = {d.article.meta.get("group") for d in docs}
    return "group" if len({g for g in groups if g}) >= 2 else "article"


def compare_by_note(compare_by: str) -> str:
    """One sentence saying what is compared and how to change it, for the report's top and the CLI."""
    if compare_by == "article":
        return "Comparing single articles."
    return (f"Comparing groups of articles by the '{compare_by}' column of articles.csv; "
            "--compare-by article compares single articles.")


def group_of(meta: dict, compare_by: str) -> str:
    """The group an article's manifest row puts it in ("(none)" when the column is empty or absent)."""
    return str(meta.get(compare_by) or "(none)")


def unit_column(compare_by: str) -> str:
    """The name of the column that holds the compared unit: 'article', or 'group' for any other value."""
    return "article" if compare_by == "article" else "group"


group_key = unit_column  # the name used before; kept for users' notebooks
