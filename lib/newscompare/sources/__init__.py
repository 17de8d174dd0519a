"""Named sources: who each article quotes or cites, how, with which verb, and what kind of source it is.

Rule-based and offline (textblob's bundled pattern tagger; no spaCy model). For every sentence it
finds attributions of these kinds:

- ``direct``: a quotation set off as a clause (at the sentence start, or after a colon or comma) with
  a speaker and a cue verb before or after it; a paragraph that is all quotation continues the
  previous speaker's quote;
- ``partial``: a quoted phrase woven into the author's sentence ("a “stab in the back”"), or a
  quotation of five words or more with a speaker but no cue verb;
- ``indirect``: reported speech with a cue verb and no quotation ("Turkey claims ...");
- ``according_to``: "according to X" (also "according to a statement by X");
- ``statement``: "a statement by X", "X said in a statement", claims of responsibility;
- ``media``: videos, photos and posts distributed by someone, and the outlet's own earlier reporting;
- ``credit``: image credits (from the cleaning log: they are not in the clean text).

Speakers are noun phrases next to the cue; pronouns and phrases such as "the ministry" or "these
groups" resolve to the nearest fitting source named in the same or the previous sentence, and
"the alliance", "the bloc"... to the organisation such a source or its role names. Lexicons:
``data/cues.csv`` (cue, stance, kind), ``data/source_types.csv`` (pattern, source_type) and
``data/descriptions.csv`` (description, refers_to).
"""

from __future__ import annotations

import re
from dataclasses import astuple, replace

import pandas as pd

from ..lexicons import get
from ..segment import Document, Sentence
from .extractors import (
    according_to,
    continued_quote,
    cue_verbs,
    image_credits,
    nominal_claims,
    passive_by,
    passive_media,
    self_reports,
    sentence_attributions,
    statements,
)
from .kinds import ELECTION, one_type_per_source, source_type, typed_from_context
from .lexicon import Lex, SourceLexicon, cue_regex, cue_table, descriptions, source_lexicon
from .names import split_name
from .plausibility import plausible
from .quote_credits import characterisations, credited_quotes, cueless_quotes
from .records import (
    CONFIDENCES,
    CONTINUED,
    QUOTED_BEFORE,
    SELF,
    SOURCE_COLUMNS,
    Attribution,
    Candidate,
    SentenceContext,
    confidence_of,
)
from .resolution import PRONOUNS, resolved_by_mentions

__all__ = [
    "SELF", "SOURCE_COLUMNS", "CONFIDENCES", "CONTINUED", "QUOTED_BEFORE", "ELECTION", "Attribution", "Candidate",
    "SentenceContext", "SourceLexicon", "Lex",
    "find_sources", "quoted_share", "source_comparison", "unsourced_claims", "evaluate", "source_lexicon",
    "cue_table", "cue_regex", "descriptions", "source_type", "split_name", "sentence_attributions",
    "according_to", "statements", "passive_media", "passive_by", "self_reports", "credited_quotes", "cue_verbs",
    "characterisations", "nominal_claims", "cueless_quotes",
]


def find_sources(docs: list[Document], lexicons: Lex = None, mentions: pd.DataFrame | None = None,
                 plausible_only: bool = True) -> pd.DataFrame:
    """One row per attribution: article, sentence, source, role, source_type, kind, cue, cue_stance,
    quote, start, end (clean offsets of the cue or quote), text (the evidence sentence).

    Image credits come from the cleaning log: their ``sentence`` is -1 and start/end are raw offsets.
    ``mentions`` (actors.find_mentions of the same documents), when given, saves finding them again
    to resolve a pronoun that no earlier source fits. ``plausible_only`` leaves out the rows the
    fitted attribution model (``sources.plausibility``) finds unlikely; False keeps every row found.
    """
    slex = source_lexicon(lexicons)
    rows: list[Attribution] = []
    by_article = dict(iter(mentions.groupby("article", sort=False))) if mentions is not None else None
    for doc in docs:
        history: list[Attribution] = []
        prev: Sentence | None = None
        for sent in doc.sentences:
            if sent.heading:  # a headline or sub-heading is not a sentence of the body
                continue
            found = sentence_attributions(doc, sent, history[-3:], slex) or continued_quote(sent, history, prev)
            history.extend(found)
            prev = sent
        mine = None if by_article is None else by_article.get(doc.id, mentions.iloc[:0])
        typed = typed_from_context(doc, resolved_by_mentions(doc, history, lexicons, mine), slex)
        rows.extend(quotes_before_their_speaker(doc, typed, slex))
        rows.extend(image_credits(doc, slex))
    rows = [replace(r, confidence=confidence_of(r, PRONOUNS)) for r in one_type_per_source(rows, PRONOUNS)]
    if plausible_only:
        rows = plausible(rows, get(lexicons), PRONOUNS)
    return pd.DataFrame([astuple(r) for r in rows], columns=SOURCE_COLUMNS)


MAX_QUOTED_BEFORE = 3  # sentences of quotation a "X said" after them can credit


def quotes_before_their_speaker(doc: Document, rows: list[Attribution], slex) -> list[Attribution]:
    """A quotation no one is credited with, right before a sentence that names its speaker with a verb
    of speech and holds no quotation of its own ('“We will not back down.” Ana Ruiz told reporters
    after the vote.'): each of its sentences (three at most) is credited to that speaker, cue
    QUOTED_BEFORE. Never across a sentence credited to someone else, a heading or a sentence that is
    not quotation. The rows come back in sentence order."""
    credited = {r.sentence for r in rows}
    by_number = {s.sentence: s for s in doc.sentences}
    added = []
    for r in rows:
        sent = by_number.get(r.sentence)
        if (sent is None or r.quote or doc.quotes_in(sent) or r.mention_start < 0
                or slex.cues.get(r.cue.lower(), ("", ""))[1] != "speech"):
            continue
        j = r.sentence - 1
        while j in by_number and r.sentence - j <= MAX_QUOTED_BEFORE and j not in credited:
            before = by_number[j]
            if before.heading or not before.in_quote:
                break
            added.append(replace(r, sentence=j, kind="direct", cue=QUOTED_BEFORE, quote=before.text.strip("“”\" "),
                                 start=before.clean_start, end=before.clean_end, text=before.text, mention="",
                                 mention_start=-1, mention_end=-1, cue_start=-1, cue_end=-1))
            credited.add(j)
            j -= 1
    return sorted(rows + added, key=lambda a: a.sentence) if added else rows


def quoted_share(docs: list[Document]) -> pd.DataFrame:
    """Share of each article's words that stand inside quotation marks."""
    rows = []
    for d in docs:
        quoted = sum(len(q.text(d.text).split()) for q in d.quotes)
        rows.append((d.id, quoted, d.words, quoted / max(1, d.words)))
    return pd.DataFrame(rows, columns=["article", "quoted_words", "words", "share_quoted"])


def source_comparison(sources: pd.DataFrame) -> pd.DataFrame:
    """Source x article: attributions per source, and which articles use it (``only_in``)."""
    if sources.empty:
        return pd.DataFrame(columns=["source", "source_type"])
    table = sources.pivot_table(index=["source", "source_type"], columns="article", values="kind",
                                aggfunc="count", fill_value=0)
    users = (table > 0).sum(axis=1)
    table["only_in"] = [table.columns[(row > 0).values][0] if n == 1 else "" for (_, row), n in
                        zip(table.iterrows(), users)]
    return table.reset_index()


CHECKABLE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?:st|nd|rd|th|km|m|%)?(?![\w-])"
                       r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
                       r"last (?:week|month|year)|killed|died|downed|shot down|launched|authori[sz]ed|formed)\b")


def unsourced_claims(docs: list[Document], sources: pd.DataFrame) -> pd.DataFrame:
    """Sentences that state checkable facts (numbers, dates, named events) with no attribution in them."""
    attributed = set(zip(sources["article"], sources["sentence"]))
    rows = []
    for d in docs:
        for s in d.sentences:
            if s.heading or (d.id, s.sentence) in attributed:
                continue
            hits = sorted({m.group(0) for m in CHECKABLE.finditer(s.text)})
            if hits:
                rows.append((d.id, s.sentence, ", ".join(hits), s.text))
    return pd.DataFrame(rows, columns=["article", "sentence", "checkable", "text"])


def _norm(value) -> str:
    return re.sub(r"\s+", " ", str(value).replace("’", "'").strip().lower())


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame,
             fields=("attribution", "source", "kind", "cue")) -> pd.DataFrame:
    """Precision, recall and F1 per field against hand annotations (article, sentence, source, kind, cue).

    A field's unit is (article, sentence, value); ``attribution`` is (article, sentence) alone.
    """
    rows = []
    for f in fields:
        def keys(df):
            if f == "attribution":
                return {(a, int(s)) for a, s in zip(df["article"], df["sentence"])}
            return {(a, int(s), _norm(v)) for a, s, v in zip(df["article"], df["sentence"], df[f])}
        p, g = keys(predicted), keys(gold)
        tp = len(p & g)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((f, len(g), len(p), tp, prec, rec, f1))
    return pd.DataFrame(rows, columns=["field", "gold", "predicted", "correct", "precision", "recall", "f1"])
