"""The records the extractors pass along: a ``Candidate`` as one extractor finds it, the ``Attribution``
row it becomes, and the ``SentenceContext`` every extractor reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..segment import Document, Sentence
from .lexicon import SourceLexicon

SOURCE_COLUMNS = ["article", "sentence", "source", "role", "source_type", "kind", "cue", "cue_stance", "quote",
                  "start", "end", "text", "mention", "mention_start", "mention_end", "cue_start", "cue_end",
                  "confidence"]
# How an attribution was found, strongest first: the confidence column.
CONFIDENCES = ("cue in sentence", "pronoun resolved", "adjacent sentence", "no cue")
CONTINUED, QUOTED_BEFORE = "(continued)", "(quoted before)"  # the cues of rows credited across sentences


SELF = "the outlet (self)"


@dataclass(frozen=True)
class Candidate:
    """An attribution as one extractor finds it: the speaker as written (or SELF), before it is
    resolved, split into name and role, and typed. ``start``/``end``: clean offsets of cue or quote."""

    speaker: str
    kind: str
    cue: str
    quote: str
    start: int
    end: int
    mention_at: tuple[int, int] = (-1, -1)  # clean offsets of the speaker as written (-1: none)
    cue_at: tuple[int, int] = (-1, -1)  # clean offsets of the cue (-1: none)


@dataclass(frozen=True)
class Attribution:
    """One row of the sources table (SOURCE_COLUMNS)."""

    article: str
    sentence: int
    source: str
    role: str
    source_type: str
    kind: str
    cue: str
    cue_stance: str
    quote: str
    start: int
    end: int
    text: str
    mention: str = ""  # the source as written in this sentence, or the pronoun or description resolved
    mention_start: int = -1
    mention_end: int = -1
    cue_start: int = -1
    cue_end: int = -1
    confidence: str = ""


def confidence_of(r: Attribution, pronouns) -> str:
    """How strong the evidence of an attribution is (CONFIDENCES): credited from the sentence before or
    after (a quotation continued, or followed by "X said"), a pronoun resolved to a name, a cue in its
    own sentence, or no cue at all (a quotation no verb credits, an image credit)."""
    if r.cue in (CONTINUED, QUOTED_BEFORE):
        return "adjacent sentence"
    if r.mention.lower() in pronouns and r.source.lower() != r.mention.lower():
        return "pronoun resolved"
    return "cue in sentence" if r.cue_start >= 0 else "no cue"


@dataclass
class SentenceContext:
    """What every extractor reads about one sentence; ``used`` holds tokens already attributed."""

    doc: Document
    sent: Sentence
    toks: list
    quotes: list
    slex: SourceLexicon
    used: set = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.sent.text

    def offset(self, m: re.Match) -> tuple[int, int]:
        return self.sent.clean_start + m.start(), self.sent.clean_start + m.end()

    def span(self, m: re.Match, group: str) -> tuple[int, int]:
        """Clean offsets of a named group of a match in the sentence."""
        return self.sent.clean_start + m.start(group), self.sent.clean_start + m.end(group)

    def phrase(self, a: int, b: int) -> str:
        """The words of tokens [a, b); a common noun starting the sentence loses its capital."""
        phrase = self.doc.text[self.toks[a].start : self.toks[b - 1].end]
        if a == 0 and self.toks[0].tag in ("DT", "NN", "NNS", "PRP", "PRP$", "CD") \
                and not re.match(r"[A-Z][\w.-]*['’]s$", self.toks[0].word):  # "Officials told", not "Rubio’s campaign"
            phrase = phrase[:1].lower() + phrase[1:]
        return phrase

    def mark_used(self, m: re.Match) -> None:
        self.used.update(i for i, t in enumerate(self.toks) if m.start() <= t[2] - self.sent.clean_start < m.end())
