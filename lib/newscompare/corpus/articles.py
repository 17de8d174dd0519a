"""One batch of articles through load, clean, segment and the per-article analyses; a failure
is recorded per article, and the rows carry each article's identity.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd

from ..errors import NewsCompareError
from ..groups import group_of
from ..lexicons import Lexicons, get
from ..load import readable
from .ledger import Identity
from .store import PER_ARTICLE_TABLES


def _prepare(path: str, manifest: dict, article_id: str, lex: Lexicons):
    from ..load import load_article
    from ..pipeline import prepare_article

    art = load_article(path, manifest)
    art.id = article_id
    return prepare_article(art, lex)


def _analyses(docs: list, compare_by: str, lex: Lexicons) -> dict[str, pd.DataFrame]:
    from ..steps import Run

    # Names are grouped within each article, so a result never depends on which articles share a batch.
    run = Run(docs, lex, compare_by, names_across_articles=False)
    with run.lexicons.steady():  # the lexicon files checked once for the batch
        tables = run.tables(("articles", "mentions", "pronouns", "toward", "frame_hits", "stance", "sources",
                             "term_counts"))
        tables["sentences"] = run["scored_sentences"]
        # "others" would count the other articles of the batch, which depends on how batches fall
        tables["loaded"] = run["loaded"].drop(columns="others")
    groups = [d.id if compare_by == "article" else group_of(d.article.meta, compare_by) for d in docs]
    tables["articles"].insert(1, "group", groups)
    return {name: tables[name] for name in PER_ARTICLE_TABLES}


def unread_entries(problems: list, skipped: list, done: set[str]) -> pd.DataFrame:
    """Folder entries that were not read (a file that is not a readable article, a sub-folder, a pipe)
    as rows of the errors table: article (the name), path, error; those already recorded are left out."""
    rows = [(Path(p.path).stem, str(p.path), str(p)) for p in problems if p.path is not None]
    rows += [(w.path.stem, str(w.path), str(w)) for w in skipped]
    rows = [tuple(map(readable, r)) for r in rows if readable(os.path.realpath(r[1])) not in done]
    table = pd.DataFrame(rows, columns=["article", "path", "error"])
    return table.assign(source=[readable(os.path.realpath(p)) for p in table["path"]], sha256=None)


def with_identity(tables: dict[str, pd.DataFrame], identities: dict[str, Identity]) -> dict[str, pd.DataFrame]:
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
