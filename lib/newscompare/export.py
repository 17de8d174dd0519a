"""The analysis, computed once: every table of a set of articles, kept with the documents behind it,
saved as a bundle that every notebook of a report reads, and exported as CSV.

``analyze(ARTICLES)`` prepares the articles and builds the tables; ``analyze(bundle=FOLDER)`` reads a
bundle that ``save_analysis`` wrote instead. The same ``article`` id is in every table; the columns
are documented in the README.
"""

from __future__ import annotations

import json
import pickle
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import framing, sentiment, sources, steps
from .groups import default_compare_by, group_map, unit_column
from .lexicons import Lexicons, get
from .pipeline import prepare
from .segment import Document

Lex = Lexicons | str | Path | None
BUNDLE_VERSION = 1


GROUPED = ("terms", "frames", "stance_rates")  # tables that compare units; "<name>_by_group" by groups


def build_tables(docs: list[Document], compare_by: str = "article", lexicons: Lex = None) -> dict[str, pd.DataFrame]:
    """Every table of the analysis, by name: articles, sentences (with all scores and the compared
    ``group``), actors, mentions, places, terms, frames, frame_hits, stance, stance_rates, sources,
    toward (each mention's sentiment and speaker), actor_sentiment, who_says_what (speaker -> actor),
    quotes, alignment, loaded (loaded words), word_choice (the same thing named differently), removals.
    When
    ``compare_by`` names a manifest column, terms_by_group, frames_by_group, stance_rates_by_group and
    sentiment_by_group compare the groups."""
    group_map(docs, compare_by)  # a missing manifest column is said before any analysis runs
    run = steps.Run(docs, lexicons, compare_by)
    with run.lexicons.steady():  # the lexicon files checked once for the whole analysis
        for name in steps.REPORT_ORDER:
            run[name]
        tables = run.tables(steps.REPORT_TABLES)
        if compare_by != "article":
            tables.update(run.tables(steps.GROUP_TABLES))
    return tables


@dataclass
class Analysis:
    """The documents, every table built from them, and how they were compared.

    ``notes`` are the warnings met on the way (a short article, a frame on thin evidence, a text
    that is not English), one line each, for the reader to weigh the figures by.
    """

    docs: list[Document]
    tables: dict[str, pd.DataFrame]
    compare_by: str = "article"
    lexicons: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        """The column naming what is compared: "article", or "group"."""
        return unit_column(self.compare_by)

    def compared(self, name: str) -> pd.DataFrame:
        """The table ``name`` (terms, frames or stance_rates) for what is compared: per article, or
        its ``_by_group`` form when comparing groups."""
        return self.tables[name if self.unit == "article" else f"{name}_by_group"]

    def grouped(self, name: str) -> pd.DataFrame:
        """The table ``name`` with a ``group`` column beside ``article``: the group each article is
        compared in (the article itself when comparing single articles), resolved from ``compare_by``
        once, here, rather than by each notebook."""
        table = self.tables[name]
        return table.assign(group=table["article"].map(group_map(self.docs, self.compare_by)))

    def notes_table(self) -> pd.DataFrame:
        return pd.DataFrame({"note": self.notes}, dtype=object)


def analyze(articles=None, compare_by: str | None = "article", lexicons: Lex = None, *,
            bundle: str | Path | None = None, docs: list[Document] | None = None) -> Analysis:
    """Prepare ``articles`` (paths; or ``docs`` already prepared) and build every table, once; or,
    with ``bundle``, read the analysis a report saved there (``articles`` is then not read).
    ``compare_by`` None compares by the ``group`` column of articles.csv when it names two or more
    groups, else single articles (``groups.default_compare_by``); ``Analysis.compare_by`` says which."""
    if bundle is not None:
        return load_analysis(bundle)
    lex = get(lexicons)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = prepare(articles, lexicons=lex) if docs is None else docs
        compare_by = default_compare_by(docs) if compare_by is None else compare_by
        framing.check_lengths(docs)
        tables = build_tables(docs, compare_by, lex)
    notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UserWarning)))
    return Analysis(docs, tables, compare_by, None if lex.folder is None else str(lex.folder), notes)


def save_analysis(analysis: Analysis, folder: str | Path) -> Path:
    """Write the analysis to ``folder``: each table as Parquet, the documents as a pickle, and how it
    was made (meta.json). Read it back with ``analyze(bundle=folder)``; a pickle runs code when
    loaded, so read only bundles you made."""
    folder = Path(folder)
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    for name, table in analysis.tables.items():
        table.to_parquet(folder / "tables" / f"{name}.parquet", index=False)
    with open(folder / "documents.pickle", "wb") as fh:
        pickle.dump(analysis.docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    meta = {"version": BUNDLE_VERSION, "compare_by": analysis.compare_by, "lexicons": analysis.lexicons,
            "notes": analysis.notes, "tables": list(analysis.tables)}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


def load_analysis(folder: str | Path) -> Analysis:
    """The analysis that save_analysis wrote to ``folder``."""
    from .errors import NewsCompareError

    folder = Path(folder)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewsCompareError(folder, f"is not an analysis bundle ({exc})",
                               "give the folder save_analysis wrote") from None
    if meta.get("version") != BUNDLE_VERSION:
        raise NewsCompareError(folder, f"bundle version {meta.get('version')} is not {BUNDLE_VERSION}",
                               "rerun the analysis with this version of newscompare")
    tables = {name: pd.read_parquet(folder / "tables" / f"{name}.parquet") for name in meta["tables"]}
    with open(folder / "documents.pickle", "rb") as fh:
        docs = pickle.load(fh)
    return Analysis(docs, tables, meta["compare_by"], meta["lexicons"], meta["notes"])


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(v):
    return f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cannot run as spreadsheet formulas: a cell, a column name or an index label
    (an article id made a column by a pivot) starting with =, +, -, @, a tab or a carriage return gets
    a leading apostrophe (the OWASP advice for CSV files opened in Excel, LibreOffice or Google
    Sheets), whatever the column's dtype (object, string, category). Numbers are left as they are."""
    out = table.copy()
    for i, col in enumerate(out.columns):
        if not (pd.api.types.is_numeric_dtype(out.iloc[:, i]) or pd.api.types.is_bool_dtype(out.iloc[:, i])):
            out.isetitem(i, [_safe_text(v) for v in out.iloc[:, i]])
    out.columns = [_safe_text(c) for c in out.columns]
    out.index = pd.Index([_safe_text(v) for v in out.index], name=_safe_text(out.index.name))
    return out


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path) -> dict[str, Path]:
    """Write each table as FOLDER/<name>.csv (UTF-8), made safe to open in a spreadsheet
    (spreadsheet_safe; the tables in memory and in Parquet keep their text as it is)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        paths[name] = folder / f"{name}.csv"
        spreadsheet_safe(table).to_csv(paths[name], index=False)
    return paths


def _article_figures(d: Document, tables: dict[str, pd.DataFrame], summary: pd.DataFrame) -> dict[str, object]:
    s = summary.loc[d.id] if d.id in summary.index else None
    frames, src = tables["frames"], tables["sources"]
    rates = tables["stance_rates"]
    rate = {c: n for a, c, n in zip(rates["article"], rates["category"], rates["per_1000"]) if a == d.id}
    lead = frames[(frames["article"] == d.id) & (frames["frame"] != "none")].nlargest(2, "share")
    types = src[src["article"] == d.id]["source_type"].value_counts()
    stance = tables["stance"]
    return {
        "words": d.words,
        "sentences": sum(not x.heading for x in d.sentences),
        "mean sentiment (combined, 95% CI)": "n/a" if s is None else
        f"{s['mean']:+.3f} [{s['mean_low']:+.3f}, {s['mean_high']:+.3f}]",
        "negative / positive sentences": "n/a" if s is None else
        f"{s['share_negative']:.0%} / {s['share_positive']:.0%}",
        "leading frames (share of sentences)": ", ".join(f"{r.frame} {r.share:.0%}" for r in lead.itertuples())
        or "none",
        "sources by type": ", ".join(f"{t} {n}" for t, n in types.items()) or "none",
        "quoted share of words": f"{sources.quoted_share([d])['share_quoted'].iloc[0]:.1%}",
        "hedges per 1,000 words": f"{rate.get('hedge', 0):.1f}",
        "boosters per 1,000 words": f"{rate.get('booster', 0):.1f}",
        "scare quotes": int(((stance["article"] == d.id) & (stance["category"] == "scare_quote")).sum()),
    }


def key_figures(docs: list[Document], tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One column per article, one row per key figure: length, mean sentiment with its interval,
    leading frames, sources by type, hedges and boosters per 1,000 words (always per article)."""
    tables = analyze(docs=docs).tables if tables is None else tables
    summary = sentiment.article_summary(tables["sentences"]).set_index("article")
    return pd.DataFrame({d.id: _article_figures(d, tables, summary) for d in docs})
