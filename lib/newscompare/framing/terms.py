"""Distinctive terms: which words set each article (or group) apart, by weighted log-odds with an
informative prior (Monroe et al. 2008), with the loaded words of loaded.csv and keyword in context.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from ..errors import NewsCompareError
from ..lexicons import Lexicons, get
from ..segment import Document
from .common import TERM, Lex, content_skip, warn, with_unit

MIN_SENTENCES = 2  # a term ranks with evidence from this many sentences, or when it is loaded (loaded.csv)


Z_SIGNIFICANT = 1.96  # a z-score past this is the usual bar for a difference beyond chance


def content_terms(text: str, skip: frozenset | None = None) -> set[str]:
    """The content words of a text: lower case, no stopwords, numbers, single letters, possessives or
    house style (``skip``: content_skip, the shipped lists when None)."""
    skip = content_skip() if skip is None else skip
    words = {w.lower().replace("’", "'") for w in TERM.findall(text)}
    return {w for w in words if w not in skip and len(w) > 1 and not w.endswith("'s")}


def sentence_terms(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """Content words per sentence (see content_terms): article, sentence, term."""
    skip = content_skip(lexicons)
    rows = [(d.id, s.sentence, term) for d in docs for s in d.sentences for term in sorted(content_terms(s.text, skip))]
    return pd.DataFrame(rows, columns=["article", "sentence", "term"])


def term_counts(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """Sentences using each content word, per article: article, term, sentences."""
    skip = content_skip(lexicons)
    rows = []
    for d in docs:
        counts: Counter = Counter()
        for s in d.sentences:
            counts.update(content_terms(s.text, skip))
        rows.extend((d.id, t, n) for t, n in sorted(counts.items()))
    return pd.DataFrame(rows, columns=["article", "term", "sentences"])


def log_odds_z(counts_a: pd.Series, counts_b: pd.Series, prior: pd.Series) -> pd.Series:
    """Log-odds ratio with an informative Dirichlet prior, as z-scores (Monroe, Colaresi & Quinn 2008).

    Positive z: the term is more typical of A than of B. ``prior`` holds the Dirichlet pseudo-counts.
    """
    vocab = prior.index
    ya, yb = counts_a.reindex(vocab, fill_value=0), counts_b.reindex(vocab, fill_value=0)
    a0, na, nb = prior.sum(), ya.sum(), yb.sum()
    delta = (np.log((ya + prior) / (na + a0 - ya - prior)) - np.log((yb + prior) / (nb + a0 - yb - prior)))
    var = 1.0 / (ya + prior) + 1.0 / (yb + prior)
    return delta / np.sqrt(var)


def term_z_scores(counts: pd.DataFrame, unit: str = "article", top: int | None = None,
                  loaded: frozenset = frozenset()) -> pd.DataFrame:
    """Each unit's terms against the pooled rest, from ``counts`` (unit, term, sentences: sentences of
    the unit using the term): term, unit, count, z, ranks; within each unit the terms that rank first,
    highest z first (``top`` per unit).

    A term ``ranks`` when it rests on at least MIN_SENTENCES sentences of the unit or is a loaded word
    (``loaded``): one sentence's word is an anecdote, not a pattern. The prior is the pooled counts of
    all units, as strong as one side of a comparison.
    """
    columns = ["term", unit, "count", "z", "ranks"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    by_unit = counts.groupby([unit, "term"], sort=False)["sentences"].sum()
    pooled = by_unit.groupby(level=1).sum().astype(float)
    units = sorted(dict.fromkeys(counts[unit]), key=str)
    prior = (pooled * (1.0 / max(1, len(units) - 1))).to_numpy()
    # One row of counts per unit over the pooled vocabulary: every unit's z-scores in one array
    # operation (the table has a row per unit and term; a loop of pandas calls per unit cost 10 times more).
    mine = by_unit.unstack(level=0).reindex(index=pooled.index, columns=units).fillna(0).to_numpy(float).T
    rest = pooled.to_numpy() - mine
    z = _log_odds_z_rows(mine, rest, prior)
    count = mine.astype(int)
    ranks = (count >= MIN_SENTENCES) | pooled.index.isin(list(loaded))[None, :]
    parts = []
    for k, u in enumerate(units):
        order = np.lexsort((-z[k], ~ranks[k]))  # ranking terms first, then by z; ties in vocabulary order
        if top is not None:
            order = order[:top]
        parts.append(pd.DataFrame({"term": pooled.index[order], unit: u, "count": count[k, order],
                                   "z": z[k, order], "ranks": ranks[k, order]}))
    return pd.concat(parts, ignore_index=True)[columns]


def _log_odds_z_rows(ya: np.ndarray, yb: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """log_odds_z for many units at once: ``ya`` and ``yb`` hold one row of counts per unit."""
    a0 = prior.sum()
    na, nb = ya.sum(axis=1, keepdims=True), yb.sum(axis=1, keepdims=True)
    delta = np.log((ya + prior) / (na + a0 - ya - prior)) - np.log((yb + prior) / (nb + a0 - yb - prior))
    return delta / np.sqrt(1.0 / (ya + prior) + 1.0 / (yb + prior))


def name_words(places: pd.DataFrame | None, lexicons: Lex = None) -> frozenset:
    """The lower-case words of the place names found (``actors.find_places``): "york" of "New York",
    "idlib". Place and outlet names are where an article is or who wrote it, not its framing: they
    never rank as distinctive terms (outlets are in the house style of word_lists.csv)."""
    if places is None or places.empty:
        return frozenset()
    skip = content_skip(lexicons)
    return frozenset(w for name in places["place"].dropna().unique() for w in content_terms(str(name), skip))


def distinctive_terms(docs: list[Document], compare_by: str = "article", *, by: str | None = None,
                      lexicons: Lex = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's (or group's) terms against the pooled rest: term, article (or group), count
    (sentences using it), z, ranks (see term_z_scores); the terms that rank come first, by z.

    Units are sentences (a term counts once per sentence), so two short articles still give a
    result; the prior is the pooled counts of all articles. (``by`` is the old name of ``compare_by``.)
    The words of the place names in ``places`` (``actors.find_places``) are left out (``name_words``).
    """
    compare_by = by or compare_by
    counts = term_counts(docs, lexicons)
    counts = counts[~counts["term"].isin(name_words(places, lexicons))]
    counts, unit = with_unit(counts, docs, compare_by)
    if counts.empty:
        warn("no content words found; the vocabulary comparison is empty")
    table = term_z_scores(counts, unit, loaded=loaded_terms(lexicons))
    return table.sort_values(unit, kind="stable").reset_index(drop=True)


def significant_terms(terms: pd.DataFrame) -> pd.DataFrame:
    """The rows of a terms table (``distinctive_terms``) that rank and whose z-score is past
    Z_SIGNIFICANT: the words distinctive beyond chance."""
    return terms[terms["ranks"] & (terms["z"] > Z_SIGNIFICANT)]


def keyword_in_context(docs: list[Document], term: str, width: int = 45) -> pd.DataFrame:
    """Every sentence using ``term``: article, sentence, left context, the word, right context."""
    rows = []
    pattern = re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])", re.IGNORECASE)
    for d in docs:
        for s in d.sentences:
            for m in pattern.finditer(s.text.replace("’", "'")):
                rows.append((d.id, s.sentence, s.text[max(0, m.start() - width) : m.start()].rjust(width),
                             s.text[m.start() : m.end()], s.text[m.end() : m.end() + width]))
    return pd.DataFrame(rows, columns=["article", "sentence", "left", "term", "right"])


LOADED_MODES = ("model", "always", "never")


def _build_loaded(lex: Lexicons) -> dict[str, tuple[str, str]]:
    out = {}
    for r in lex.table("loaded.csv"):
        term, mode = r["term"].strip().lower(), (r.get("mode") or "always").strip().lower()
        if not term:
            continue
        if mode not in LOADED_MODES:
            raise NewsCompareError(lex.path("loaded.csv"), f"the mode of {term!r} is {mode!r}",
                                   f"write one of {', '.join(LOADED_MODES)} (empty means always)")
        out[term] = (r["kind"].strip(), mode)
    return out


def loaded_lexicon(lexicons: Lex = None) -> dict[str, tuple[str, str]]:
    """Each word or phrase of ``loaded.csv`` (lower case) -> its (kind, mode). The mode says what the
    entry does: ``model`` (the shipped entries) is evidence the fitted model weighs, a row only where
    the model finds the word loaded (a listed phrase: where the model finds its sentence loaded);
    ``always`` makes the term a row wherever it stands (your domain's words; an empty mode, or a file
    without the column, means always); ``never`` keeps it out of the table."""
    return get(lexicons).compiled("loaded", _build_loaded)


def loaded_terms(lexicons: Lex = None) -> frozenset:
    """The one-word terms of ``loaded.csv``, as content_terms writes them."""
    return frozenset(t for t in loaded_lexicon(lexicons) if " " not in t)
