"""Segmenting: paragraphs, sentences, quotations and tokens, with character offsets.

Offline throughout: pysbd splits sentences, textblob's bundled pattern tagger gives part-of-speech
tags (no NLTK data). Offsets are kept twice: ``clean_start``/``clean_end`` into the clean text and
``start``/``end`` into the raw text as read, so every row can point back at the file.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from .clean import CLOSING_PUNCTUATION, Cleaned, clean, cleaned_article
from .load import Article, NewsCompareWarning

SENTENCE_COLUMNS = ["article", "sentence", "paragraph", "start", "end", "text", "words", "heading",
                    "in_quote", "quote_share"]

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
WORD_RE = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?", re.UNICODE)


@dataclass
class Quote:
    """A quotation in the clean text: [start, end) includes the marks, the words are [inner_start, inner_end)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def text(self, clean_text: str) -> str:
        return clean_text[self.inner_start : self.inner_end]


@dataclass
class Sentence:
    article: str
    sentence: int
    paragraph: int
    clean_start: int
    clean_end: int
    start: int
    end: int
    text: str
    words: int
    heading: bool
    quote_share: float

    @property
    def in_quote(self) -> bool:
        """Most of the sentence lies inside quotation marks: the words are a source's, not the author's."""
        return self.quote_share >= 0.5


@dataclass
class Document:
    """An article with its clean text, paragraphs, quotations and sentences."""

    article: Article
    cleaned: Cleaned
    paragraphs: list[tuple[int, int]]
    quotes: list[Quote]
    sentences: list[Sentence]
    _tags: dict = field(default_factory=dict, repr=False)
    _starts: dict = field(default_factory=dict, repr=False)  # sorted offsets for bisection, made once

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    def quotes_in(self, sentence: Sentence) -> list[Quote]:
        """The quotations that start inside ``sentence`` (found by bisection: linear overall)."""
        if "quotes" not in self._starts:
            self._starts["quotes"] = [q.start for q in self.quotes]
        starts = self._starts["quotes"]
        return self.quotes[bisect.bisect_left(starts, sentence.clean_start):
                           bisect.bisect_left(starts, sentence.clean_end)]

    def quoted_at(self, offset: int) -> bool:
        """Does the character at this clean offset lie inside a quotation?"""
        if "quoted_chars" not in self._starts:
            self._starts["quoted_chars"] = _QuotedChars(self.quotes)
        return self._starts["quoted_chars"].within(offset, offset + 1) > 0

    def sentence_at(self, offset: int) -> int:
        """The number of the sentence that contains the clean offset (-1 when none does)."""
        if "sentences" not in self._starts:
            self._starts["sentences"] = [s.clean_start for s in self.sentences]
        i = bisect.bisect_right(self._starts["sentences"], offset) - 1
        return self.sentences[i].sentence if i >= 0 and offset < self.sentences[i].clean_end else -1

    def tagged(self, sentence: Sentence) -> list[Token]:
        """The sentence's Tokens (word, POS tag, clean start, clean end); the whole article is tagged in
        one call the first time (the tagger's per-call cost dominates on short sentences)."""
        if not self._tags:
            for sent, tags in zip(self.sentences, tag_many([s.text for s in self.sentences])):
                base = sent.clean_start
                self._tags[sent.sentence] = [_token(Token, (w, tag, s + base, e + base)) for w, tag, s, e in tags]
        return self._tags[sentence.sentence]

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, paragraphs={len(self.paragraphs)}, "
                f"sentences={len(self.sentences)}, words={self.words})")


# ----------------------------------------------------------------------------------------- paragraphs
def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, or single lines when the text has no blank lines."""
    sep = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    spans, pos = [], 0
    for m in re.finditer(sep, text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_heading(par: str, first: bool = False) -> bool:
    """A short paragraph with no closing punctuation, such as 'The Turkish Connection'; the first
    paragraph (a headline) may run to 30 words."""
    words = par.split()
    return 0 < len(words) <= (30 if first else 12) and "\n" not in par and not CLOSING_PUNCTUATION.search(par)


# ------------------------------------------------------------------------------------------- quotes
def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotations marked with double quotes (curly, straight or guillemets, mixed), and single curly
    quotes used as quotation marks (‘vetted’, not the apostrophe in Turkey’s).

    A quote left open at the end of a paragraph ends there, marked ``closed=False``; in the news
    convention a long quote's next paragraph opens with a quote mark, which starts the next Quote. An
    opening mark after a comma or full stop and before a space closes an open quote (_misturned_close).
    """
    if paragraphs is None:
        paragraphs = find_paragraphs(text)
    quotes: list[Quote] = []
    open_at: int | None = None
    for pi, (ps, pe) in enumerate(paragraphs):
        i = ps
        while i < pe:
            ch = text[i]
            if open_at is None:
                if ch in OPEN_DOUBLE or ch == '"' or (ch in CLOSE_DOUBLE and (i == ps or text[i - 1].isspace())):
                    open_at = i
            elif ch in CLOSE_DOUBLE or ch == '"' or _misturned_close(text, i, pe):
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, True))
                open_at = None
            i += 1
        if open_at is not None:
            # Left open: it ends with the paragraph. If the quote goes on, the next paragraph opens with
            # a quote mark of its own and so starts a quote of its own.
            quotes.append(Quote(open_at, pe, open_at + 1, pe, False))
            open_at = None
    quotes.extend(_single_quotes(text, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _misturned_close(text: str, i: int, end: int) -> bool:
    """An opening mark that closes an open quotation: after a comma or a full stop and before a space
    ('“It's unusual,“ said Larry Noble': a typesetting slip)."""
    return (text[i] in OPEN_DOUBLE and i > 0 and text[i - 1] in ",.?!" and i + 1 < end
            and text[i + 1].isspace())


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    inside = [(q.start, q.end) for q in doubles]
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[“\"]))‘([^‘’\n]{1,120}?)’(?![^\W\d_])", text):
        if not any(s <= m.start() < e for s, e in inside):
            out.append(Quote(m.start(), m.end(), m.start() + 1, m.end() - 1, True))
    return out


# ---------------------------------------------------------------------------------------- sentences
@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


# A sentence end: closing punctuation (and quote marks or brackets), space, then a capital or digit,
# possibly behind an opening quote mark or bracket.
# It starts only at the first mark of a run, so a run of marks is tried once (200,000 dots in a row
# would otherwise be tried from each of them: quadratic).
_EASY_END = re.compile(r"(?<![.!?])[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]{0,2}[A-Z0-9])")
WINDOW = 60  # characters before a boundary that the checks for abbreviations, initials and acronyms read
# What pysbd decides instead: ellipses, enumerations ("1. "), lower-case dotted abbreviations ("e.g.").
_HARD = re.compile(r"\.\.\.|…|(?<![\w.])\d+\.\s|\b[a-z]{1,4}\.[a-z]")
# After a dotted acronym ("U.S.") a sentence ends only if a typical sentence opener follows.
_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.){2,}[\"”’')\]]*$")
_INITIAL_END = re.compile(r"(?<![\w.])[A-Z]\.$")
SENTENCE_OPENERS = frozenset("""The A An In On At But And It Its He She They We I This That These Those There Then
However Meanwhile Yet So If When While After Before Still Some Many Most Its His Her Their Our""".split())
# Abbreviations that end in a full stop but not a sentence ("Gen. Smith", "Nov. 24").
ABBREVIATIONS = frozenset("""Mr Mrs Ms Dr Prof Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep Rev Fr St Jr Sr Inc Ltd Co
Corp Bros No Nos vs v etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft Ave Blvd Dept Univ approx est
Fig cf al""".split())
_LAST_WORD = re.compile(r"([A-Za-z]+)\.[\"”’')\]]*$")


# A boundary the rule leaves to pysbd: after an ellipsis, an enumeration ("1.") or "e.g.".
_HARD_END = re.compile(r"(?:\.\.|…)[\"”’')\]]*$|(?<![\w.])\d+\.$|\b[a-z]{1,4}\.(?:[a-z]\.?)+$")


def _easy_split(text: str, defer_hard: bool = False) -> list[tuple[int, int]]:
    """Sentence spans by rule; with ``defer_hard``, no split where pysbd should decide (_HARD_END)."""
    spans, start = [], 0
    for m in _EASY_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        near = max(start, end - WINDOW)  # what precedes the boundary: bounded, so linear overall
        last = _LAST_WORD.search(text, near, end)
        if last and last.group(1) in ABBREVIATIONS:
            continue  # "Gen. Smith": not a sentence end
        if _INITIAL_END.search(text, near, end):
            continue  # "J. Smith"
        if defer_hard and _HARD_END.search(text, near, end):
            continue  # left to pysbd, with the rest of this stretch
        if m.group(0).rstrip()[-1:] in _CLOSING_QUOTES and _EXCLAIMED.search(m.group(0)) \
                and _said_by_a_name(text, m.end()):
            continue  # '...the wall!" Fox told Jorge Ramos': the quotation and its speaker, one sentence
        if _ACRONYM_END.search(text, near, end):
            following = text[m.end():].lstrip("\"“‘'([").split(" ", 1)[0]
            if following not in SENTENCE_OPENERS:
                continue  # "the U.S. Army", not "in the U.S. The next day"
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_CLOSING_QUOTES = frozenset("\"”’'")
_EXCLAIMED = re.compile(r"[!?]")
_NAME_THEN_VERB = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,3}([a-z]+)\b")


def _speech_verbs(lex) -> frozenset:
    return frozenset(r["cue"].strip().lower() for r in lex.table("cues.csv")
                     if r.get("kind", "").strip() == "speech" and " " not in r["cue"].strip())


def _said_by_a_name(text: str, at: int) -> bool:
    """Does a name of one to three capitalised words and a verb of speech of the shipped cues.csv
    follow at ``at`` ("Fox told", "Jorge Ramos said")?"""
    from .lexicons import get

    m = _NAME_THEN_VERB.match(text, at)
    return bool(m) and m.group(1) in get(None).compiled("speech_verbs", _speech_verbs)


_WORDY = re.compile(r"[^\W_]")


def _merge_unworded(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A "sentence" with no letter or digit (an ellipsis alone, a lone quotation mark) joins the
    sentence before it, or the one after it when it comes first."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not _WORDY.search(text, s, e):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    if len(out) > 1 and not _WORDY.search(text, *out[0]):
        out[:2] = [(out[0][0], out[1][1])]
    return out


def _pysbd_split(text: str) -> list[tuple[int, int]]:
    """pysbd's sentences of ``text`` as spans (pysbd may alter the text; what it loses stays one sentence)."""
    spans, cursor = [], 0
    try:
        pieces = _segmenter().segment(text)
    except Exception:  # pysbd fails on some odd inputs; one sentence is a defined answer
        pieces = [text]
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:  # pysbd changed the text; keep what is left as one sentence
            rest = text[cursor:].strip()
            if rest:
                at = text.find(rest, cursor)
                spans.append((at, at + len(rest)))
            cursor = len(text)
            break
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    tail = text[cursor:].strip()
    if tail:
        at = text.find(tail, cursor)
        spans.append((at, at + len(tail)))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in ``text`` (one paragraph). Prose is split at closing punctuation followed by a
    capital, except after known abbreviations, initials, and dotted acronyms not followed by a
    sentence opener. A stretch with an ellipsis, an enumeration or a dotted lower-case abbreviation
    goes to pysbd, whose rules handle them: only that stretch, since pysbd is many times slower. A
    quotation closing in "!" or "?" stays one sentence with the name and verb of speech after it
    ('...wall!" Fox told Jorge Ramos'), and a piece with no word (an ellipsis, a lone quotation mark)
    joins the sentence before it."""
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    body = text[lead : len(stripped)]
    if not body:
        return []
    if not _HARD.search(body):
        return [(s + lead, e + lead) for s, e in _merge_unworded(_easy_split(body), body)]
    spans = []
    for s, e in _easy_split(body, defer_hard=True):
        piece = body[s:e]
        parts = _pysbd_split(piece) if _HARD.search(piece) else [(0, e - s)]
        spans.extend((s + a, s + b) for a, b in parts)
    return [(s + lead, e + lead) for s, e in _merge_unworded(spans, body)]


MAX_SENTENCE_CHARS = 2000  # a news sentence is rarely a tenth of this; longer is text without full stops
_CLAUSE_BREAK = re.compile(r"[;:—–]\s|,\s|\s")


def cap_sentences(spans: list[tuple[int, int]], text: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Spans no longer than ``limit``: a longer one is cut at the last clause break (semicolon, colon,
    dash, comma) in its second half, else at the last space, else at ``limit``. Every later step then
    works on bounded pieces, so time grows linearly with the text however it is punctuated."""
    out = []
    for s, e in spans:
        while e - s > limit:
            cut = _best_break(text, s + limit // 2, s + limit)
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def _best_break(text: str, lo: int, hi: int) -> int:
    """The end of the piece: after the last clause break in text[lo:hi] (a comma or stronger first)."""
    window = text[lo:hi]
    for pattern in (r"[;:—–]\s", r",\s", r"\s"):
        found = [m.end() for m in re.finditer(pattern, window)]
        if found:
            return lo + found[-1]
    return hi


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


class _QuotedChars:
    """How many characters of a span lie inside quotations, by prefix sums over the sorted quotes."""

    def __init__(self, quotes: list[Quote]):
        spans = sorted((q.start, q.end) for q in quotes)
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.before = [0]  # quoted characters in the quotes before index i
        for a, b in spans:
            self.before.append(self.before[-1] + (b - a))

    def within(self, cs: int, ce: int) -> int:
        """Quoted characters in [cs, ce): whole quotes in between plus the parts of those at the edges."""
        lo = bisect.bisect_right(self.ends, cs)   # first quote ending after cs
        hi = bisect.bisect_left(self.starts, ce)  # first quote starting at or after ce
        if hi <= lo:
            return 0
        total = self.before[hi] - self.before[lo]
        total -= max(0, cs - self.starts[lo])  # the part of the first quote before the span
        total -= max(0, self.ends[hi - 1] - ce)  # the part of the last quote after the span
        return max(0, total)


def segment(article: Article, cleaned: Cleaned | None = None) -> Document:
    """Split an article into paragraphs, quotations and sentences (cleaning it first, with the shipped
    rules, if ``cleaned`` is not given). The Document's article carries what cleaning found (dateline)."""
    if cleaned is None:
        cleaned = clean(article)
    article = cleaned_article(article, cleaned)
    text = cleaned.text
    paragraphs = find_paragraphs(text)
    quotes = find_quotes(text, paragraphs)
    sentences: list[Sentence] = []
    capped = 0
    quoted = _QuotedChars(quotes)
    for pi, (ps, pe) in enumerate(paragraphs):
        par = text[ps:pe]
        heading = len(paragraphs) > 1 and is_heading(par, first=pi == 0)  # a one-paragraph text is all article
        found = [(0, len(par))] if heading else split_sentences(par)
        spans = cap_sentences(found, par)
        capped += len(spans) - len(found)
        for s, e in spans:
            cs, ce = ps + s, ps + e
            inside = quoted.within(cs, ce)
            sentences.append(Sentence(
                article=article.id, sentence=len(sentences), paragraph=pi, clean_start=cs, clean_end=ce,
                start=cleaned.to_raw(cs, "start"), end=cleaned.to_raw(ce, "end"), text=text[cs:ce],
                words=count_words(text[cs:ce]), heading=heading,
                quote_share=round(min(1.0, inside / max(1, ce - cs)), 3)))
    if not sentences:
        warnings.warn(f"{article.path}: no sentences left after cleaning", NewsCompareWarning, stacklevel=2)
    if capped:
        warnings.warn(f"{article.path}: {capped} cut(s) in sentences longer than {MAX_SENTENCE_CHARS} characters "
                      "(text without full stops?); each piece is analysed as a sentence", NewsCompareWarning,
                      stacklevel=2)
    return Document(article=article, cleaned=cleaned, paragraphs=paragraphs, quotes=quotes,
                    sentences=sentences)


def sentences_table(docs: list[Document]) -> pd.DataFrame:
    """One row per sentence: article, sentence, paragraph, start, end (raw offsets), text, words,
    heading, in_quote, quote_share."""
    rows = [(s.article, s.sentence, s.paragraph, s.start, s.end, s.text, s.words, s.heading, s.in_quote,
             s.quote_share) for d in docs for s in d.sentences]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


# ------------------------------------------------------------------------------------------- tokens
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\d[\d,.]*\d|[^\W_](?:[\w’'-]*[^\W_])?|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation with offsets (U.S., Su-24, Turkey’s and 2,224 stay whole)."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class Token(NamedTuple):
    """A tagged token: the word as written, its part-of-speech tag (Penn Treebank, from TextBlob's
    pattern tagger), and its start and end: in the text tagged (``tag_many``), or in the article's
    clean text (``Document.tagged``). A tuple too: ``tok[0]`` is ``tok.word``."""

    word: str
    tag: str
    start: int
    end: int


_token = tuple.__new__  # Token(...) without the keyword handling of a namedtuple's __new__: one per word


def tag_text(text: str) -> list[Token]:
    """Part-of-speech tags from textblob's bundled pattern tagger (offline), with offsets."""
    return tag_many([text])[0]


def tag_many(texts: list[str]) -> list[list[Token]]:
    """Tag several sentences in one tagger call (one line each); tokens keep offsets into their text."""
    from textblob.en import tag

    toks = [tokenize(t) for t in texts]
    lines = [" ".join(t for t, _, _ in ts) for ts in toks]
    flat = tag("\n".join(line for line in lines if line), tokenize=False) if any(lines) else []
    if len(flat) != sum(len(ts) for ts in toks):  # never expected; a neutral tag rather than misaligned ones
        return [[_token(Token, (t, "NN", s, e)) for t, s, e in ts] for ts in toks]
    out, i = [], 0
    for ts in toks:
        out.append([_token(Token, (t, ":" if t in DASHES else tg, s, e))
                    for (t, s, e), (_, tg) in zip(ts, flat[i : i + len(ts)])])
        i += len(ts)
    return out


# Dashes the tagger does not know (it calls "—" a noun); the Penn Treebank tags a dash ":", as the tagger
# does "-" and "--".
DASHES = frozenset("―—–")
