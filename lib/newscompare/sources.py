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
from functools import lru_cache

import pandas as pd

from .framing import ORG_WORDS, actor_lexicon
from .lexicons import read_table
from .segment import Document, Sentence

SOURCE_COLUMNS = ["article", "sentence", "source", "role", "source_type", "kind", "cue", "cue_stance", "quote",
                  "start", "end", "text"]
SELF = "the outlet (self)"
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "him": "person", "her": "person"}
NP_TAGS = ("NN", "JJ", "DT", "PRP$", "POS", "CD", "NNP", "NNPS", "NNS")
SKIP_LEFT = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "may", "might", "could", "would",
             "will", "also", "publicly", "allegedly", "reportedly", "later", "then", "repeatedly", "again",
             "previously", "not", "never", "already", "still", "now", "openly", "once", "first", "earlier",
             "which", "who", "that", "apparently", "officially", "both", "recently", "quickly"}
SELF_RE = re.compile(r"\b(?:as\s+)?we\s+(?:have\s+)?(?:previously\s+|earlier\s+|already\s+)?(?P<cue>reported|revealed|"
                     r"noted|wrote|learned)\b|\b(?:as\s+)?(?:this|our)\s+(?:outlet|newspaper|site)\s+(?:has\s+)?"
                     r"(?P<cue2>reported)\b", re.IGNORECASE)
NP_TEXT = r"(?P<np>(?:[^,;:!?.]|(?<=[A-Z])\.)+)"  # up to a clause break; "U.S." stays whole
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|post|video|"
                          r"communiqué|release)\s+(?:by|from)\s+)?" + NP_TEXT)
STATEMENT_RE = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?P<cue>statements?|communiqué)\s+(?:by|from)\s+" + NP_TEXT)
PASSIVE_MEDIA_RE = re.compile(r"\b(?:videos?|photos?|images?|footage|posts?|statements?|pictures?|recordings?|clips?)\s+"
                              r"(?P<cue>posted|released|distributed|published|issued|shared|broadcast|uploaded)\s+by\s+"
                              r"(?P<np>(?:(?!\s+(?:on|in|at|via|from|to|that|which|and)\b)[^,;:!?.])+)")
MEDIA_OBJECTS = re.compile(r"\b(?:videos?|photos?|images?|footage|posts?|statements?|pictures?|recordings?|"
                           r"communiqués?|clips?)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[str, str]]:
    """cue (lower case) -> (stance, kind) from ``data/cues.csv``."""
    return {r["cue"].lower(): (r["stance"], r["kind"]) for r in read_table("cues.csv")}


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    """Any cue word or phrase, as a whole word."""
    cues = sorted(cue_table(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _type_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r["pattern"]), r["source_type"]) for r in read_table("source_types.csv")]


@lru_cache(maxsize=1)
def _state_actors() -> frozenset:
    rows = read_table("actors.csv")
    return frozenset(r["actor"] for r in rows if r["kind"] == "demonym")


@lru_cache(maxsize=1)
def _leaders() -> frozenset:
    return frozenset(r["alias"] for r in read_table("actors.csv") if r["kind"] == "leader")


def source_type(source: str, role: str = "") -> str:
    """Classify a source by ``data/source_types.csv`` (first matching rule wins); states are governments."""
    for phrase in (source, f"{role} {source}".strip()):
        for pattern, kind in _type_rules():
            if pattern.search(phrase):
                return kind
    if source in _state_actors() or (source.split() and source.split()[-1] in _leaders()):
        return "government or official"
    return "other"


# ----------------------------------------------------------------------------------------- noun phrases
def _np_left(toks, i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase that ends just before token i, skipping auxiliaries,
    adverbs, relative pronouns, a parenthesis and a comma-delimited prepositional aside."""
    j = i - 1
    while j >= 0:
        tok, tag = toks[j][0], toks[j][1]
        if tok.lower() in SKIP_LEFT or tag in ("RB", "MD"):
            j -= 1
        elif tok == ")":  # "Jaysh al-Nasr (Army of Victory) which ..."
            while j >= 0 and toks[j][0] != "(":
                j -= 1
            j -= 1
        elif tok == ",":
            k = j - 1
            while k >= 0 and toks[k][0] != ",":
                k -= 1
            # ", in a meeting with ..., told" or ", speaking on condition of anonymity, said": skip the aside
            if k >= 0 and (toks[k + 1][1] == "IN" or toks[k + 1][1] in ("VBG", "VBN")):
                j = k - 1
            else:
                return None
        else:
            break
    if j < 0:
        return None
    if toks[j][1] == "PRP":  # "he said": resolved to a named source later
        return j, j + 1
    b = j + 1
    a = b
    while a > 0 and (toks[a - 1][1].startswith(NP_TAGS) or toks[a - 1][0] in {"’s", "'s", "of", "and", "the"}
                     or toks[a - 1][0].startswith("al-")):
        if toks[a - 1][0] in {"of", "and"} and not (a - 2 >= 0 and toks[a - 2][1].startswith(NP_TAGS)):
            break
        a -= 1
    while a < b and toks[a][0] in {"of", "and"}:
        a += 1
    if a < b and all(t[0] in actor_lexicon().not_actors or t[0] in {"the", "last", "this"} for t in toks[a:b]):
        return _np_left(toks, a - 1) if a >= 1 and toks[a - 1][1] == "IN" else None  # "on Tuesday"
    # "witnesses in the village of Yamadi said": the speaker is the noun phrase before the preposition
    if a >= 2 and toks[a - 1][1] == "IN" and toks[a - 1][0].lower() in {"in", "from", "at", "near", "inside", "on"}:
        outer = _np_left(toks, a - 1)
        if outer is not None:
            return outer
    # "sources close to the Kremlin", "officials familiar with the talks"
    if a >= 3 and toks[a - 1][0] in {"to", "with"} and toks[a - 2][0] in {"close", "familiar", "near"}:
        outer = _np_left(toks, a - 2)
        if outer is not None:
            return outer[0], b
    return (a, b) if a < b and toks[b - 1][1] not in ("DT", "IN", "POS") else None


def _np_right(toks, i: int) -> tuple[int, int] | None:
    """The noun phrase starting just after token i ("..., said Putin")."""
    a = i + 1
    b = a
    while b < len(toks) and (toks[b][1].startswith(NP_TAGS) or toks[b][0] in {"’s", "'s"}):
        b += 1
    return (a, b) if b > a else None


def _subject(toks, upto: int, first: bool = False) -> tuple[int, int] | None:
    """The last noun phrase before token ``upto`` that is followed by its verb ("the Turkish Foreign
    Ministry allegedly summoned", "Turkey is"): the subject of the clause the token belongs to."""
    best = None
    for k in range(1, upto):
        if not toks[k][1].startswith("VB") and toks[k][1] != "MD":
            continue
        j = k - 1
        while j >= 0 and toks[j][1] == "RB":
            j -= 1
        if j < 0 or not toks[j][1].startswith(("NN", "PRP")) or toks[j][1] == "PRP$":
            continue
        a = j
        while a > 0 and (toks[a - 1][1].startswith(NP_TAGS) or toks[a - 1][0].startswith("al-")):
            a -= 1
        # "Turkey on Tuesday rejected": the noun phrase in a prepositional phrase is not the subject
        while a >= 2 and toks[a - 1][1] == "IN" and toks[a - 2][1].startswith(NP_TAGS):
            j = a - 2
            a = j
            while a > 0 and toks[a - 1][1].startswith(NP_TAGS):
                a -= 1
        if toks[a - 1][1] == "IN" if a > 0 else False:
            continue
        best = (a, j + 1)
        if first:
            break
    return best


def _proper(word: str) -> bool:
    return word[:1].isupper() or bool(re.match(r"(?:al|el|bin|ibn)-[A-Z]", word))


def split_name(phrase: str) -> tuple[str, str]:
    """'Turkish Prime Minister Ahmet Davutoğlu' -> ('Ahmet Davutoğlu', 'Turkish Prime Minister');
    organisations and plain noun phrases keep their words; lexicon aliases map to their actor
    ('Moscow' -> 'Russia')."""
    lex = actor_lexicon()
    words = phrase.strip(" ,;:“”\"'").split()
    while len(words) > 1 and (words[0].lower() in {"the", "a", "an"} or (
            words[0].lower() in {"these", "those", "this", "that", "some"} and any(_proper(w) for w in words[1:]))):
        words = words[1:]
    if not words:
        return "", ""
    name_words = list(words)
    prepositions = {"to", "of", "with", "in", "from", "near", "at", "for"}
    if name_words[-1] not in ORG_WORDS and _proper(name_words[-1]) and not prepositions & set(name_words):
        # A person: the name follows the last title word ("NATO Secretary General Jens Stoltenberg").
        cut = 0
        for k, w in enumerate(name_words[:-1]):
            # Titles count in lower case too: "European Union spokesman Peter Stano".
            if w in lex.titles or w.capitalize() in lex.titles or (k == cut and (w in lex.demonyms or not _proper(w))):
                cut = k + 1
        role, name = " ".join(name_words[:cut]), " ".join(name_words[cut:])
        if lex.names is not None and lex.names.fullmatch(name):
            name = lex.name_actor.get(name) or lex.name_actor.get(name.lower()) or name
        return name, role
    # A descriptive phrase: a proper name after "of"/"from" names the source ("segments of the FSA").
    joined = " ".join(words)
    m = re.search(r"\b(?:of|from)\s+(?:the\s+)?((?:al-)?[A-Z][\w’'.-]*(?:\s+(?:al-)?[A-Z][\w’'.-]*)*)", joined)
    if m and name_words[-1] not in ORG_WORDS:
        name = m.group(1)
        if lex.names is not None and lex.names.fullmatch(name):
            name = lex.name_actor.get(name) or name
        return name, joined
    return joined, ""


# ---------------------------------------------------------------------------------------- extraction
def _standalone(text: str, q, sent: Sentence) -> bool:
    """A quote set off as a clause of its own (sentence start, or after a colon or comma) is a direct
    quote; one woven into the author's syntax ("a “stab in the back”") is partial."""
    before = text[sent.clean_start : q.start].rstrip()
    return not before or before.endswith((":", ",", "—", "–"))


def _quotes_in(doc: Document, sent: Sentence):
    return [q for q in doc.quotes if sent.clean_start <= q.start < sent.clean_end]


ANAPHORS = {"he", "she", "him", "her", "they", "it", "these", "the minister", "the ministry", "the president",
            "the group", "these groups", "this group", "those groups", "the spokesman", "the spokeswoman",
            "the prime minister", "the official", "the officials", "the army", "the military", "the government"}


@lru_cache(maxsize=1)
def descriptions() -> dict[str, re.Pattern]:
    """Descriptions that name an organisation met just before ("the alliance" -> NATO), from
    ``data/descriptions.csv``: the head word and a pattern for the names it can stand for."""
    return {r["description"].lower(): re.compile(rf"(?<![\w-])(?:{r['refers_to']})(?![\w-])")
            for r in read_table("descriptions.csv")}


def _resolve_description(head: str, history: list[dict]) -> str | None:
    """"the alliance" -> the name it stands for, found in a recent source or its role ("NATO" in
    "NATO Secretary General")."""
    pattern = descriptions()[head]
    for row in reversed(history):
        for field in ("source", "role"):
            m = pattern.search(row[field] or "")
            if m:
                return m.group(0)
    return None


def _resolve(phrase: str, history: list[dict]) -> str | None:
    """A pronoun or a description ("the ministry", "these groups", "the alliance") -> the nearest
    fitting source named before it in the same or the previous sentence; None when nothing fits."""
    low = phrase.lower().strip()
    words = low.split()
    if len(words) == 2 and words[0] == "the" and words[1] in descriptions():
        return _resolve_description(words[1], history)
    if low not in ANAPHORS:
        return None
    head = low.split()[-1].rstrip("s") if low not in PRONOUNS else low
    for row in reversed(history):
        if row["source"] == SELF or row["source_type"] == "document":
            continue
        typ, named = row["source_type"], f"{row['source']} {row['role']}".lower()
        if head in {"he", "she", "him", "her"}:
            person = row["source"] not in _state_actors() and row["source"].split()[-1] not in ORG_WORDS
            if person and row["source"][:1].isupper() and typ != "armed group":
                return row["source"]
        elif head in {"they", "it", "these"}:
            return row["source"]
        elif head == "group":
            if typ == "armed group" or "group" in named:
                return row["source"]
        elif head in named:
            return row["source"]
    return None


def _row(doc, sent, source, role, kind, cue, quote, s, e, history):
    resolved = None if source == SELF else _resolve(source, history)
    if resolved:
        role = role or source
        source = resolved
    elif source != SELF:
        source, role2 = split_name(source)
        role = role or role2
    if not source:
        return None
    stance = cue_table().get(cue.lower(), ("neutral", ""))[0] if cue else "neutral"
    if cue.lower().startswith("according to"):
        stance = "neutral"
    return {"article": doc.id, "sentence": sent.sentence, "source": source, "role": role,
            "source_type": source_type(source, role), "kind": kind, "cue": cue, "cue_stance": stance,
            "quote": quote, "start": s, "end": e, "text": sent.text}


def _sentence_attributions(doc: Document, sent: Sentence, history: list[dict]) -> list[dict]:
    text = sent.text
    toks = doc.tagged(sent)
    quotes = _quotes_in(doc, sent)
    inside = [(q.start, q.end) for q in quotes]
    rows: list[dict] = []
    used: set[int] = set()  # token indexes already attributed

    def tok_text(a, b):
        phrase = doc.text[toks[a][2] : toks[b - 1][3]]
        if a == 0 and toks[0][1] in ("DT", "NN", "NNS", "PRP", "PRP$", "CD"):  # "Officials told ..." starts a sentence
            phrase = phrase[:1].lower() + phrase[1:]
        return phrase

    def add(*args):
        recent = [r for r in history if r["sentence"] >= sent.sentence - 1] + rows
        row = _row(doc, sent, *args, history=recent)
        if row and not any((r["source"], r["kind"], r["cue"]) == (row["source"], row["kind"], row["cue"]) for r in rows):
            rows.append(row)

    # according to X / a statement by X
    for m in ACCORDING_RE.finditer(text):
        np = re.split(r"\s+(?:that|which|who|after|before|when|while|as)\s+", m.group("np"))[0]
        add(np, "", "according_to", "according to", "", sent.clean_start + m.start(), sent.clean_start + m.end())
    if not any(r["kind"] == "according_to" for r in rows):
        for m in STATEMENT_RE.finditer(text):
            add(m.group("np"), "", "statement", m.group("cue"), "", sent.clean_start + m.start(),
                sent.clean_start + m.end())
    for m in PASSIVE_MEDIA_RE.finditer(text):
        add(m.group("np"), "", "media", m.group("cue"), "", sent.clean_start + m.start(), sent.clean_start + m.end())
        used.update(i for i, t in enumerate(toks) if m.start() <= t[2] - sent.clean_start < m.end())
    # the outlet's own reporting
    for m in SELF_RE.finditer(text):
        add(SELF, "", "media", (m.group("cue") or m.group("cue2")).lower(), "", sent.clean_start + m.start(),
            sent.clean_start + m.end())
        used.update(i for i, t in enumerate(toks) if m.start() <= t[2] - sent.clean_start < m.end())
    # cue verbs
    quoted_words = " … ".join(q.text(doc.text).strip(" ,") for q in quotes)
    for m in cue_regex().finditer(text):
        cs, ce = sent.clean_start + m.start(), sent.clean_start + m.end()
        if any(a <= cs < b for a, b in inside):
            continue
        i = next((k for k, t in enumerate(toks) if t[2] == cs), None)
        if i is None or i in used:
            continue
        cue = m.group(0)
        stance, cue_kind = cue_table()[cue.lower()]
        # "the claim", "reports" as nouns do not attribute; "Turkey claims" (tagged as a noun) does.
        if cue_kind == "speech" and not toks[i][1].startswith("VB") and not (
                i > 0 and toks[i - 1][1] in ("NNP", "NNPS", "PRP") and cue.lower().endswith("s")):
            continue
        if cue_kind == "media" and not MEDIA_OBJECTS.search(text[m.end() : m.end() + 60]):
            continue
        if i > 0 and toks[i - 1][0].lower() in {"was", "were", "been", "being", "be", "is", "are"} \
                and toks[i][1] in ("VBN", "VBD"):
            continue  # passive: "the jet was warned" attributes nothing to the jet
        span = None
        if i > 0 and toks[i - 1][0] == "," and toks[i][1] == "VBG":
            span = _subject(toks, i - 1)  # ", denying ...": the subject of the clause before
        elif i > 0 and toks[i - 1][0] == "and":
            span = _subject(toks, i - 1, first=True)  # "X rejected ... and said": the sentence's subject
        if span is None:
            span = _np_left(toks, i)
        if span is None or (quotes and toks[i - 1][0] in {",", "”", '"'} if i > 0 else False):
            right = _np_right(toks, i)  # "..." said Putin
            if right and toks[right[0]][1].startswith("NNP"):
                span = right
        if span is None:
            continue
        speaker = tok_text(*span)
        if cue_kind == "media":
            kind = "media"
        elif cue_kind == "statement":
            kind = "statement"
        elif quotes:
            kind = "direct" if any(_standalone(doc.text, q, sent) for q in quotes) else "partial"
        else:
            kind = "indirect"
        if kind != "media" and re.search(r"\bin a statement\b", text[m.end() : m.end() + 30]):
            kind = "statement"
        add(speaker, "", kind, cue, quoted_words if kind in ("direct", "partial") else "", cs, ce)
    # a longer quotation with no cue verb: the clause subject said it
    if not rows:
        for q in quotes:
            if len(q.text(doc.text).split()) >= 5 and q.start > sent.clean_start + 1:
                i = next((k for k, t in enumerate(toks) if t[2] >= q.start), len(toks))
                span = _subject(toks, i)
                if span:
                    verb = next((t[0] for t in toks[span[1] : i] if t[1].startswith("VB")), "")
                    add(tok_text(*span), "", "partial", verb, q.text(doc.text).strip(" ,"), q.start, q.end)
    return rows


def find_sources(docs: list[Document]) -> pd.DataFrame:
    """One row per attribution: article, sentence, source, role, source_type, kind, cue, cue_stance,
    quote, start, end (clean offsets of the cue or quote), text (the evidence sentence).

    Image credits come from the cleaning log: their ``sentence`` is -1 and start/end are raw offsets.
    """
    rows: list[dict] = []
    for doc in docs:
        history: list[dict] = []
        prev: Sentence | None = None
        for sent in doc.sentences:
            found = _sentence_attributions(doc, sent, history[-3:])
            if not found and sent.in_quote and history and history[-1]["kind"] == "direct" and prev is not None \
                    and history[-1]["sentence"] == prev.sentence:
                last = history[-1]
                found = [{**last, "sentence": sent.sentence, "cue": "(continued)", "quote": sent.text.strip("“”\" "),
                          "start": sent.clean_start, "end": sent.clean_end, "text": sent.text}]
            rows.extend(found)
            history.extend(found)
            prev = sent
        for e in doc.cleaned.edits:
            if e.rule == "image_credit":
                credit = re.sub(r"^\s*[\w ]+?:\s*", "", e.text).strip()
                rows.append({"article": doc.id, "sentence": -1, "source": credit, "role": "",
                             "source_type": source_type(credit) if source_type(credit) != "other" else "media or outlet",
                             "kind": "credit", "cue": e.text.split(":")[0].strip(), "cue_stance": "neutral",
                             "quote": "", "start": e.start, "end": e.end, "text": e.text.strip()})
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


# ------------------------------------------------------------------------------------- summaries
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


CHECKABLE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?:st|nd|rd|th|km|m|%)?(?![\w-])|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
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


# ------------------------------------------------------------------------------------- evaluation
def _norm(value) -> str:
    return re.sub(r"\s+", " ", str(value).replace("’", "'").strip().lower())


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame, fields=("attribution", "source", "kind", "cue")) -> pd.DataFrame:
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
