"""Segmenting: paragraphs, sentences, quotations and tokens, with character offsets.

Offline throughout: pysbd splits sentences, textblob's bundled pattern tagger gives part-of-speech
tags (no NLTK data). Offsets are kept twice: ``clean_start``/``clean_end`` into the clean text and
``start``/``end`` into the raw text as read, so every row can point back at the file.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .clean import Cleaned, clean
from .load import Article, NewsCompareWarning

SENTENCE_COLUMNS = ["article", "sentence", "paragraph", "start", "end", "text", "words", "heading",
                    "in_quote", "quote_share"]

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
WORD_RE = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?", re.UNICODE)
TOKEN_RE = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?(?:\.(?=[^\W\d_]\.))?|[^\w\s]", re.UNICODE)


@dataclass
class Quote:
    """A quotation in the clean text: [start, end) includes the marks, the words are [inner_start, inner_end)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    mark: str = '"'

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

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    def tagged(self, sentence: Sentence) -> list[tuple[str, str, int, int]]:
        """(token, POS tag, clean start, clean end) for a sentence, computed once."""
        key = sentence.sentence
        if key not in self._tags:
            self._tags[key] = [(tok, tag, s + sentence.clean_start, e + sentence.clean_start)
                               for tok, tag, s, e in tag_text(sentence.text)]
        return self._tags[key]

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


def is_heading(par: str) -> bool:
    """A short paragraph with no closing punctuation, such as 'The Turkish Connection'."""
    words = par.split()
    return 0 < len(words) <= 12 and "\n" not in par and not re.search(r"[.!?:;,\"”’)\]]\s*$", par)


# ------------------------------------------------------------------------------------------- quotes
def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotations marked with double quotes (curly, straight or guillemets, mixed), and single curly
    quotes used as quotation marks (‘vetted’, not the apostrophe in Turkey’s).

    A quote left open at the end of a paragraph ends there, marked ``closed=False``; in the news
    convention a long quote's next paragraph opens with a quote mark, which starts the next Quote.
    """
    if paragraphs is None:
        paragraphs = find_paragraphs(text)
    quotes: list[Quote] = []
    open_at: int | None = None
    open_mark = '"'
    for pi, (ps, pe) in enumerate(paragraphs):
        i = ps
        while i < pe:
            ch = text[i]
            if open_at is None:
                if ch in OPEN_DOUBLE or ch == '"' or (ch in CLOSE_DOUBLE and (i == ps or text[i - 1].isspace())):
                    open_at, open_mark = i, ch
            elif ch in CLOSE_DOUBLE or ch == '"':
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, True, open_mark))
                open_at = None
            i += 1
        if open_at is not None:
            # Left open: it ends with the paragraph. If the quote goes on, the next paragraph opens with
            # a quote mark of its own and so starts a quote of its own.
            quotes.append(Quote(open_at, pe, open_at + 1, pe, False, open_mark))
            open_at = None
    quotes.extend(_single_quotes(text, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    inside = [(q.start, q.end) for q in doubles]
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[“\"]))‘([^‘’\n]{1,120}?)’(?![^\W\d_])", text):
        if not any(s <= m.start() < e for s, e in inside):
            out.append(Quote(m.start(), m.end(), m.start() + 1, m.end() - 1, True, "‘"))
    return out


# ---------------------------------------------------------------------------------------- sentences
@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in ``text`` (one paragraph), found with pysbd and located by search."""
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


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def segment(article: Article, cleaned: Cleaned | None = None) -> Document:
    """Split an article into paragraphs, quotations and sentences (cleaning it first if needed)."""
    if cleaned is None:
        cleaned = clean(article)
    text = cleaned.text
    paragraphs = find_paragraphs(text)
    quotes = find_quotes(text, paragraphs)
    sentences: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        par = text[ps:pe]
        heading = len(paragraphs) > 1 and is_heading(par)  # a one-paragraph text is all article
        spans = [(0, len(par))] if heading else split_sentences(par)
        for s, e in spans:
            cs, ce = ps + s, ps + e
            inside = sum(max(0, min(ce, q.end) - max(cs, q.start)) for q in quotes)
            sentences.append(Sentence(
                article=article.id, sentence=len(sentences), paragraph=pi, clean_start=cs, clean_end=ce,
                start=cleaned.to_raw(cs, "start"), end=cleaned.to_raw(ce, "end"), text=text[cs:ce],
                words=count_words(text[cs:ce]), heading=heading,
                quote_share=round(min(1.0, inside / max(1, ce - cs)), 3)))
    if not sentences:
        warnings.warn(f"{article.path}: no sentences left after cleaning", NewsCompareWarning, stacklevel=2)
    return Document(article=article, cleaned=cleaned, paragraphs=paragraphs, quotes=quotes,
                    sentences=sentences)


def sentences_table(docs: list[Document]) -> pd.DataFrame:
    """One row per sentence: article, sentence, paragraph, start, end (raw offsets), text, words,
    heading, in_quote, quote_share."""
    rows = [(s.article, s.sentence, s.paragraph, s.start, s.end, s.text, s.words, s.heading, s.in_quote,
             s.quote_share) for d in docs for s in d.sentences]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


# ------------------------------------------------------------------------------------------- tokens
def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation with offsets (U.S., Su-24, Turkey’s and 2,224 stay whole)."""
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(
        r"(?:[A-Z]\.){2,}|\d[\d,.]*\d|[^\W_](?:[\w’'-]*[^\W_])?|[^\w\s]", text)]


def tag_text(text: str) -> list[tuple[str, str, int, int]]:
    """Part-of-speech tags from textblob's bundled pattern tagger (offline), with offsets."""
    from textblob.en import tag

    toks = tokenize(text)
    if not toks:
        return []
    tagged = tag(" ".join(t for t, _, _ in toks), tokenize=False)
    if len(tagged) != len(toks):  # never expected; fall back to a neutral tag rather than misalign
        return [(t, "NN", s, e) for t, s, e in toks]
    return [(t, tg, s, e) for (t, s, e), (_, tg) in zip(toks, tagged)]
