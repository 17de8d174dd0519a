"""Wording: loaded language, and the different words articles choose for the same thing.

``loaded_words`` finds the words and phrases of ``loaded.csv`` (verbs that attack or praise, labels,
dramatising nouns, extreme and judging adjectives: an editable list) in every sentence, and says how
many of the other articles use the same word: a loaded word no other article uses is a choice this
one made. ``word_choice`` reads the sentences that report the same content (``framing.align_content``)
side by side and keeps the short stretches where one article's words stand in for the other's
("illegal immigrants" / "undocumented immigrants", "tax hike" / "tax increase"). Every row carries
the article, the sentence and its text.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from . import loaded_model as lm
from .framing import (
    LOADED_MODES,
    Lex,
    content_skip,
    equivalents,
    loaded_lexicon,
    marker_rates,
    stem,
    stopwords,
    unit_totals,
    with_unit,
)
from .groups import group_map, unit_column
from .lexicons import Lexicons, get
from .segment import Document, Sentence
from .sources import source_lexicon

LOADED_COLUMNS = ["article", "sentence", "term", "kind", "score", "start", "end", "in_quote", "others", "text"]
SENTENCE_SCORE_COLUMNS = ["article", "sentence", "loaded_score"]
VOICE_COLUMNS = ["voice", "count", "words", "per_1000", "low", "high"]
WORD_CHOICE_COLUMNS = ["article", "term", "other", "other_term", "pairs", "sentence", "other_sentence",
                       "similarity", "text", "other_text"]
MIN_SIMILARITY = 0.3  # aligned sentences less alike than this say different things, not the same thing differently
MAX_WORDS = 3  # a stretch longer than this is a different clause, not a different word
LEARNED = "learned"  # the kind of a loaded word the model found and loaded.csv does not list


_WORDISH = re.compile(r"[^\W\d_][\w’'-]*")
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _loaded_index(terms: dict[str, tuple[str, str]]) -> tuple[set, dict]:
    """Terms for lookup by word: one-word terms, and the phrases by their first word (each a pattern
    matched where that word stands). Looking words up is many times faster than one regex of four
    hundred alternatives, and finds the same matches."""
    singles = {t for t in terms if " " not in t}
    phrases: dict[str, list[re.Pattern]] = defaultdict(list)
    for t in sorted((t for t in terms if " " in t), key=len, reverse=True):
        words = t.split()
        phrases[words[0]].append(re.compile(r"\s+".join(map(re.escape, words)) + r"(?![\w-])", re.IGNORECASE))
    return singles, dict(phrases)


@dataclass(frozen=True)
class _LoadedLexicon:
    """loaded.csv split by what each entry does: the terms always a row (words and phrases), the
    phrases a row in a sentence the model finds loaded, and the words never a row."""
    kinds: dict[str, tuple[str, str]]
    always: tuple[set, dict]
    phrases: dict
    never: frozenset


def _build_loaded_lexicon(lex: Lexicons) -> _LoadedLexicon:
    kinds = loaded_lexicon(lex)
    by_mode = {m: {t: v for t, v in kinds.items() if v[1] == m} for m in LOADED_MODES}
    model_phrases = {t: v for t, v in by_mode["model"].items() if " " in t}
    return _LoadedLexicon(kinds, _loaded_index(by_mode["always"]), _loaded_index(model_phrases)[1],
                          frozenset(by_mode["never"]))


def _loaded_in(text: str, singles: set, phrases: dict) -> list[tuple[int, int]]:
    """(start, end) of each listed term in ``text``: a phrase where one starts ("lashed out"), else a
    word, or a word before a possessive ("regime’s")."""
    found, until = [], -1
    for m in _WORDISH.finditer(text):
        if m.start() < until:
            continue
        word = m.group(0).lower()
        head = re.split(r"['’]", word, maxsplit=1)[0] if ("'" in word or "’" in word) else word
        if head in phrases:
            hit = next((h for h in (p.match(text, m.start()) for p in phrases[head]) if h), None)
            if hit:
                found.append((hit.start(), hit.end()))
                until = hit.end()
                continue
        if word in singles:
            found.append((m.start(), m.end()))
        elif head != word and head in singles and word[len(head):] in POSSESSIVES:
            found.append((m.start(), m.start() + len(head)))
    return found


def _model_spans(tagged: list, picked: list[tuple[int, float]]) -> dict[tuple[int, int], float]:
    """Clean-text (start, end) of each word the model picked, a possessive's ending left out."""
    spans = {}
    for i, p in picked:
        tok, _, a, b = tagged[i]
        cut = next((len(e) for e in ("’s", "'s") if tok.lower().endswith(e) and len(tok) > len(e)), 0)
        spans[(a, b - cut)] = p
    return spans


def _listed_spans(s: Sentence, scored: lm.ScoredSentence, table: _LoadedLexicon, model: lm.LoadedModel
                  ) -> list[tuple[int, int]]:
    """Clean-text spans of loaded.csv's terms that are rows here: those always a row, and the listed
    phrases when the model finds the sentence loaded."""
    spans = _loaded_in(s.text, *table.always)
    if scored.score >= model.sentence_threshold and table.phrases:
        spans += _loaded_in(s.text, set(), table.phrases)
    return [(s.clean_start + a, s.clean_start + b) for a, b in spans]


def _sentence_rows(d: Document, s: Sentence, model: lm.LoadedModel, ctx: lm.WordContext,
                   table: _LoadedLexicon) -> tuple[float, list[list]]:
    """The sentence's loaded score and its rows: the model's words, loaded.csv's listed terms (a listed
    phrase replaces the words inside it), never a term listed as never or a capitalised word inside
    the sentence (part of a name: "Radical Party")."""
    tagged = d.tagged(s)
    scored = lm.score_sentence(model, ctx, tagged, [d.quoted_at(t[2]) for t in tagged])
    prob = {tagged[i][2]: p for i, p in scored.words}
    spans = _model_spans(tagged, lm.loaded_tokens(scored, model.sentence_threshold, model.word_threshold))
    for a, b in _listed_spans(s, scored, table, model):
        spans = {k: v for k, v in spans.items() if not (a <= k[0] < b)}
        spans[(a, b)] = max((p for o, p in prob.items() if a <= o < b), default=0.0)
    rows = []
    for (a, b), p in sorted(spans.items()):
        text = d.text[a:b]
        term = re.sub(r"\s+", " ", text.lower())
        if term in table.never or (a > s.clean_start and text[:1].isupper()):
            continue
        kind = table.kinds.get(term, (LEARNED, ""))[0]
        rows.append([d.id, s.sentence, term, kind, round(p, 4), a, b, d.quoted_at(a), s.text])
    return round(scored.score, 4), rows


def _others_using(terms: set[str], docs: list[Document]) -> dict[str, set[str]]:
    """term -> the articles whose text uses it anywhere (as a word, or a phrase across any spaces)."""
    users: dict[str, set[str]] = defaultdict(set)
    phrases = {t for t in terms if " " in t}
    for d in docs:
        low = d.text.lower().replace("’", "'")
        words = set(_WORDISH.findall(low))
        flat = " ".join(low.split())
        for t in terms:
            key = t.replace("’", "'")
            if (key in flat) if t in phrases else (key in words or f"{key}'s" in words):
                users[t].add(d.id)
    return users


@dataclass(frozen=True)
class LoadedReading:
    """What the loaded-language model read: one row per loaded word or phrase (LOADED_COLUMNS), and
    each sentence's probability of being biased (SENTENCE_SCORE_COLUMNS)."""
    words: pd.DataFrame
    sentences: pd.DataFrame


def read_loaded(docs: list[Document], lexicons: Lex = None) -> LoadedReading:
    """Loaded words and sentence scores in one pass (``loaded_model``: fitted on BABE, AGPL-3.0)."""
    lex = get(lexicons)
    model = lm.load_model(lex)
    table = lex.compiled("loaded_lexicon", _build_loaded_lexicon)
    ctx = lm.word_context(table.kinds, model.bias_words)
    found, scores = [], []
    for d in docs:
        for s in d.sentences:
            score, rows = _sentence_rows(d, s, model, ctx, table)
            scores.append((d.id, s.sentence, score))
            found += rows
    others = _others_using({r[2] for r in found}, docs)
    rows = [[*r[:8], len(others.get(r[2], set()) - {r[0]}), r[8]] for r in found]
    words = pd.DataFrame(rows, columns=LOADED_COLUMNS).astype({"in_quote": bool, "others": int, "score": float})
    return LoadedReading(words, pd.DataFrame(scores, columns=SENTENCE_SCORE_COLUMNS).astype({"loaded_score": float}))


def loaded_words(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """Each loaded word or phrase in each sentence: article, sentence, term (as written, lower case),
    kind (its kind in ``loaded.csv``, or "learned" for a word only the model knows), score (the
    model's probability that an expert marks the word), start and end (clean-text offsets), in_quote
    (inside a quotation: a source's word, not the author's), others (how many of the other articles
    use the term anywhere), text.

    A word is a row when the fitted model (``loaded_model``) finds its sentence loaded and the word
    likely marked; loaded.csv's ``mode`` column forces a term in (``always``) or out (``never``).
    """
    return read_loaded(docs, lexicons).words


def loaded_kinds(lexicons: Lex = None) -> list[str]:
    """The kinds of ``loaded.csv`` in the file's order, then "learned"."""
    kinds = dict.fromkeys(kind for kind, _ in loaded_lexicon(lexicons).values())
    return list(kinds) + ([LEARNED] if LEARNED not in kinds else [])


def loaded_rates(docs: list[Document], loaded: pd.DataFrame | None = None, compare_by: str = "article", *,
                 lexicons: Lex = None) -> pd.DataFrame:
    """Loaded words per 1,000 words, per article (or group) and kind: article (or group), category
    (the kind), count, words, per_1000; the same shape as framing.stance_rates."""
    loaded = loaded_words(docs, lexicons) if loaded is None else loaded
    loaded, unit = with_unit(loaded.rename(columns={"kind": "category"}), docs, compare_by)
    _, words = unit_totals(docs, compare_by)
    return marker_rates(loaded, words, loaded_kinds(lexicons), unit)


def _voice_words(docs: list[Document], compare_by: str) -> pd.Series:
    """Words in the author's voice and in quotations, per article (or group)."""
    groups = group_map(docs, compare_by)
    rows = []
    for d in docs:
        for s in d.sentences:
            if s.heading:
                continue
            quoted = round(s.words * s.quote_share)
            rows += [(groups[d.id], "author", s.words - quoted), (groups[d.id], "quotation", quoted)]
    return pd.DataFrame(rows, columns=["unit", "voice", "words"]).groupby(["unit", "voice"])["words"].sum()


def poisson_interval(count: int, z: float = 1.96) -> tuple[float, float]:
    """An approximate 95% interval of a Poisson count (Wilson-Hilferty; 0 at the bottom for none)."""
    if count == 0:
        return 0.0, 3.69  # the exact upper bound for zero events
    low = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    k = count + 1
    high = k * (1 - 1 / (9 * k) + z / (3 * math.sqrt(k))) ** 3
    return low, high


def loaded_by_voice(docs: list[Document], loaded: pd.DataFrame | None = None, compare_by: str = "article", *,
                    lexicons: Lex = None) -> pd.DataFrame:
    """Loaded words per 1,000 words in the author's voice and in quotations, per article (or group),
    with a 95% interval (the count read as Poisson): article (or group), voice, count, words,
    per_1000, low, high. Headlines are left out of both (they are neither)."""
    loaded = loaded_words(docs, lexicons) if loaded is None else loaded
    unit = unit_column(compare_by)
    groups = group_map(docs, compare_by)
    heads = {(d.id, s.sentence) for d in docs for s in d.sentences if s.heading}
    body = loaded[pd.Series([(a, s) not in heads for a, s in zip(loaded["article"], loaded["sentence"])],
                            index=loaded.index, dtype=bool)]
    counts = body.assign(unit=body["article"].map(groups),
                         voice=body["in_quote"].map({True: "quotation", False: "author"})
                         ).groupby(["unit", "voice"]).size()
    words = _voice_words(docs, compare_by)
    rows = []
    for (u, voice), n in words.items():
        c = int(counts.get((u, voice), 0))
        low, high = poisson_interval(c)
        per = 1000 / n if n else float("nan")
        rows.append([u, voice, c, int(n), c * per, low * per, high * per])
    return pd.DataFrame(rows, columns=[unit, *VOICE_COLUMNS])


_TOKEN = re.compile(r"[^\W_][\w’'-]*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("’", "'"))


def _plain(words: list[str], skip: frozenset) -> bool:
    """A stretch that can be a word choice: lower-case words (not names), no numbers, at least one
    word that carries content."""
    if not words or len(words) > MAX_WORDS:
        return False
    if any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
        return False
    return any(w.lower() not in skip for w in words)


def _choices(a: str, b: str, skip: frozenset, same: dict[str, str]) -> list[tuple[str, str]]:
    """The stretches where sentence ``a`` and ``b`` put different words between the same words."""
    ta, tb = _tokens(a), _tokens(b)
    la, lb = [w.lower() for w in ta], [w.lower() for w in tb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if op != "replace" or not (_plain(ta[i1:i2], skip) and _plain(tb[j1:j2], skip)):
            continue
        if not _same_slot_between(la, lb, (i1, i2, j1, j2), skip):
            continue
        x, y = " ".join(la[i1:i2]), " ".join(lb[j1:j2])
        if _same_content(la[i1:i2], lb[j1:j2], skip, same) or \
                x.replace("-", "").replace(" ", "") == y.replace("-", "").replace(" ", ""):
            continue  # the same word inflected or spelt apart ("attack" / "attacks", "same-sex" / "same sex")
        out.append((x, y))
    return out


def _same_slot_between(la: list[str], lb: list[str], spans: tuple[int, int, int, int], skip: frozenset) -> bool:
    """Do the stretches la[i1:i2] and lb[j1:j2] fill the same slot: between shared words, or beside a
    shared content word?"""
    i1, i2, j1, j2 = spans
    left = la[i1 - 1] if i1 > 0 and j1 > 0 and la[i1 - 1] == lb[j1 - 1] else ""
    right = la[i2] if i2 < len(la) and j2 < len(lb) and la[i2] == lb[j2] else ""
    return bool(left and right) or (left or right) not in skip | {""}


def _label_choices(mentions: pd.DataFrame, order: dict[str, int], lex: Lexicons) -> list[list]:
    """Word-choice rows from the actors' labels: for an actor two articles both name, a descriptive
    label only the first uses beside one only the second uses, of the lexicon's labels ("rebels" /
    "terrorists") or of a group with the same noun and another describing word ("illegal immigrants"
    / "undocumented immigrants"). Each label of the first article is paired with the other article's
    label used most; the evidence is each label's first sentence."""
    described = mentions[(mentions["kind"] == "label")
                         | ((mentions["kind"] == "group") & mentions["label"].str.contains(" "))]
    if described.empty:
        return []
    labels: dict[tuple[str, str], dict[str, list]] = defaultdict(dict)  # (article, actor) -> label -> rows
    for r in described.itertuples(index=False):
        labels[(r.article, r.actor)].setdefault(r.label.lower(), []).append(r)
    every = {(a, actor): set(g.str.lower()) for (a, actor), g in mentions.groupby(["article", "actor"])["label"]}
    rows = []
    for (a, actor), mine in labels.items():
        for (b, other_actor), theirs in labels.items():
            if other_actor == actor and order.get(a, 0) < order.get(b, 0):
                only_b = {y: rs for y, rs in theirs.items() if y not in every[(a, actor)]}
                rows += _paired_labels((a, mine), (b, only_b), every[(b, actor)], lex)
    return rows


def _paired_labels(first: tuple[str, dict], second: tuple[str, dict], b_labels: set[str], lex: Lexicons) -> list[list]:
    """Rows pairing each label of the first article that the second never uses with the second's label,
    of those only it uses (``second``), used most in the same slot."""
    (a, mine), (b, only_b) = first, second
    rows = []
    for x, xs in mine.items():
        if x in b_labels:
            continue
        same_slot = [y for y in only_b if _same_slot(x, y, xs[0].kind, only_b[y][0].kind)
                     and _described_apart(x, y, xs[0].kind, lex)]
        if same_slot:
            y = max(same_slot, key=lambda label: (len(only_b[label]), label))
            one, other = xs[0], only_b[y][0]
            rows.append([a, x, b, y, len(xs) + len(only_b[y]), one.sentence, other.sentence,
                         float("nan"), one.text, other.text])
    return rows


def _same_slot(x: str, y: str, kind_x: str, kind_y: str) -> bool:
    """Two labels of one actor that can stand for each other: two of the lexicon's labels with no word
    in common, or two groups with the same noun and other describing words ("illegal immigrants",
    "undocumented immigrants")."""
    def stems(words: list[str]) -> set[str]:
        return {stem(w, {}) for w in words}

    if kind_x == kind_y == "label":
        return not stems(x.split()) & stems(y.split())  # not "rebel faction" / "rebels": one word
    return (kind_x == kind_y == "group" and x.split()[-1] == y.split()[-1]
            and not stems(x.split()[:-1]) & stems(y.split()[:-1]))


def _described_apart(x: str, y: str, kind: str, lex: Lexicons) -> bool:
    """Two groups of one noun are a choice only when their describing words differ in connotation
    ("illegal" / "undocumented immigrants"; not "female" / "male workers"); the lexicon's labels of
    one actor ("rebels" / "terrorists") always are."""
    return kind != "group" or _connotations_differ(" ".join(x.split()[:-1]), " ".join(y.split()[:-1]), lex)


CONNOTATION_GAP = 0.35  # two stretches whose connotations differ less than this say the same thing alike
CHOICE_WORDS = 2  # a word choice is one or two words a side, leading articles aside
ARTICLES = ("a", "an", "the")


def _build_connotation(lex: Lexicons):
    """word -> how loaded it is out of context, 0 to 1: a term of loaded.csv 1; VADER's valence / 4;
    a word of BABE's bias lexicon 0.5. And word -> VADER's valence, for the sign. (The fitted model's
    weight for a word alone was tried and left out: it marks topic words such as "visa".)"""
    from .targets import vader_analyser

    model = lm.load_model(lex)
    listed = {t for t, (_, mode) in loaded_lexicon(lex).items() if mode != "never" and " " not in t}
    vader = vader_analyser().lexicon

    def connotation(word: str) -> float:
        return max(1.0 if word in listed else 0.0, abs(vader.get(word, 0.0)) / 4,
                   0.5 if word in model.bias_words else 0.0)

    return connotation, vader


def _word_class(word: str) -> str:
    """"N" for a noun or an adjective (they name alike: "terrorist", "illegal"), else the first letter
    of the tag the tagger's lexicon gives the word out of context; "" for a word it lacks."""
    from textblob.en import lexicon

    tag = (lexicon.get(word) or "")[:1]
    return "N" if tag == "J" else tag


def _choice_pair(x: str, y: str, stop: frozenset) -> tuple[str, str] | None:
    """The two stretches as a word choice, leading articles dropped ("an unarmed" / "a black"), or
    None when they cannot be one: longer than CHOICE_WORDS, a grammar word at either edge ("mosque
    and", "wisdom of the"), or heads the tagger's lexicon puts in different classes ("war" /
    "choosing"; a word it lacks fits any)."""
    def trim(s: str) -> list[str]:
        words = s.split()
        while words and words[0] in ARTICLES:
            words = words[1:]
        return words

    a, b = trim(x), trim(y)
    if not a or not b or len(a) > CHOICE_WORDS or len(b) > CHOICE_WORDS:
        return None
    ca, cb = _word_class(a[-1]), _word_class(b[-1])
    if any(w in stop for w in (a[0], a[-1], b[0], b[-1])) or (ca and cb and ca != cb):
        return None
    return " ".join(a), " ".join(b)


def _connotations_differ(x: str, y: str, lex: Lexicons) -> bool:
    """Do two stretches name a thing with different connotation: one markedly more loaded than the
    other ("illegal" / "undocumented", "regime" / "government"), or of opposite valence?"""
    connotation, vader = lex.compiled("connotation", _build_connotation)
    cx, cy = (max((connotation(w) for w in s.split()), default=0.0) for s in (x, y))
    vx, vy = (sum(vader.get(w, 0.0) for w in s.split()) for s in (x, y))
    return abs(cx - cy) >= CONNOTATION_GAP or vx * vy < 0


def _same_content(a: list[str], b: list[str], skip: frozenset, same: dict[str, str]) -> bool:
    """Do two stretches hold the same content words, inflected or with other grammar words around them
    ("charge" / "charges", "allow" / "have allowed", "accept my" / "accepts the")?"""
    def key(words: list[str]) -> set[str]:
        return {stem(w, same).removesuffix("e") for w in words if w not in skip}

    return key(a) == key(b)


def _not_choices(lexicons: Lex) -> frozenset:
    """Words whose swap is house style or grammar, not a choice: stopwords, house style, and the
    neutral verbs of saying ("said" / "told")."""
    neutral = {c for c, (stance, _) in source_lexicon(lexicons).cues.items() if stance == "neutral" and " " not in c}
    return content_skip(lexicons) | frozenset(neutral)


def word_choice(docs: list[Document], alignment: pd.DataFrame, lexicons: Lex = None,
                min_similarity: float = MIN_SIMILARITY, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where two articles name the same thing differently: from each pair of aligned sentences
    (``alignment`` from framing.align_content, similarity >= ``min_similarity``), the stretches of
    at most MAX_WORDS words that stand between the same words in both ("the illegal immigrants who" /
    "the undocumented immigrants who").

    With ``mentions`` (actors.find_mentions), also the labels each article alone gives an actor both
    name ("rebels" / "terrorists"; "illegal immigrants" / "undocumented immigrants": _label_choices).

    A swap from aligned sentences counts only when the two stretches differ in connotation
    (``_connotations_differ``: one markedly more loaded, or of opposite valence): precision first.

    Columns: article, term, other, other_term, pairs (aligned sentence pairs showing the swap, or the
    mentions under the two labels), and the first such pair as evidence (sentence, other_sentence,
    similarity, text, other_text; similarity is empty for a pair of labels). Each pair of articles
    appears once, in the order the articles come; most pairs first.
    """
    order = {d.id: i for i, d in enumerate(docs)}
    lex = get(lexicons)
    labelled = _label_choices(mentions, order, lex) if mentions is not None else []
    if alignment.empty and not labelled:
        return pd.DataFrame(columns=WORD_CHOICE_COLUMNS)
    skip, same, stop = _not_choices(lexicons), equivalents(lexicons), stopwords(lexicons)
    close = alignment[(alignment["similarity"] >= min_similarity)
                      & (alignment["article"].map(order) < alignment["other"].map(order))] if not alignment.empty \
        else alignment
    found: dict[tuple, list] = {(r[0], r[1], r[2], r[3]): r for r in labelled}
    for r in close.itertuples(index=False):
        for x, y in _choices(r.text, r.other_text, skip, same):
            pair = _choice_pair(x, y, stop)
            if pair is None or not _connotations_differ(*pair, lex):
                continue  # not one thing named two ways, or named alike ("big" / "real"): not a choice
            key = (r.article, x, r.other, y)
            if key in found:
                found[key][4] += 1
            else:
                found[key] = [r.article, x, r.other, y, 1, r.sentence, r.other_sentence, r.similarity, r.text,
                              r.other_text]
    table = pd.DataFrame(list(found.values()), columns=WORD_CHOICE_COLUMNS)
    return table.sort_values(["pairs", "article", "other"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)
