"""Framing: which words distinguish each article, its news frames, how sure it sounds, and which
content it shares with the other articles or leaves out. (Who each article names is ``actors``; its
functions are importable from here too.)

Every table carries ``article`` and ``sentence`` (or can be joined to the rows that do), so each
figure can be traced to its sentences. Lexicons (see ``newscompare.lexicons``): frames.csv,
stance.csv, equivalents.csv, and cues.csv for scare quotes.

Aggregates over what is compared (``compare_by``: single articles or groups of them) come in two
layers: ``frame_shares``, ``marker_rates`` and ``term_z_scores`` work on tables (the report and
corpus mode both call them), ``frames_table``, ``stance_rates`` and ``distinctive_terms`` on documents.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from .actors import (  # noqa: F401
    ACTOR_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    actor_lexicon,
    actor_matrix,
    actors_table,
    find_mentions,
    find_places,
    label_comparison,
    mentions_and_places,
)
from .errors import NewsCompareError
from .groups import group_map, unit_column
from .lexicons import Lexicons, get
from .load import NewsCompareWarning
from .segment import Document
from .sources import cue_regex, source_lexicon

TERM_COLUMNS = ["term", "article", "count", "z", "ranks"]
FRAME_HIT_COLUMNS = ["article", "sentence", "frame", "words", "text"]
FRAME_COLUMNS = ["article", "frame", "sentences", "share"]
STANCE_COLUMNS = ["article", "marker", "category", "sentence", "words", "start", "end", "text"]
# Markers found by rule rather than by stance.csv, after that file's categories.
RULE_CATEGORIES = ("scare_quote", "rhetorical_question", "exclamation")
MIN_HITS = 5  # fewer hits than this and a comparison is flagged as resting on thin evidence
MIN_WORDS = 150  # shorter articles give unstable shares and rates

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves one two s t its it’s also well much many however""".split())
_TERM = re.compile(r"(?<![\w’'-])(?:[^\W\d_][\w’'-]*[^\W_]|[^\W\d_])")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")

Lex = Lexicons | str | Path | None


def _warn(message: str) -> None:
    warnings.warn(message, NewsCompareWarning, stacklevel=3)


def check_lengths(docs: list[Document]) -> None:
    """Warn about articles too short for stable shares and rates."""
    for d in docs:
        if d.words < MIN_WORDS:
            _warn(f"{d.id}: only {d.words} words; shares and rates per 1,000 words are unstable below {MIN_WORDS}")


def with_unit(table: pd.DataFrame, docs: list[Document], compare_by: str) -> tuple[pd.DataFrame, str]:
    """``table`` with the column of the compared unit ("article" is there already; "group" is added)."""
    unit = unit_column(compare_by)
    if unit != "article":
        table = table.assign(group=table["article"].map(group_map(docs, compare_by)))
    return table, unit


def unit_totals(docs: list[Document], compare_by: str) -> tuple[pd.Series, pd.Series]:
    """Sentences (not headings) and words per compared unit, in the order the articles come."""
    groups = group_map(docs, compare_by)
    sentences: Counter = Counter()
    words: Counter = Counter()
    for d in docs:
        sentences[groups[d.id]] += sum(not s.heading for s in d.sentences)
        words[groups[d.id]] += d.words
    return pd.Series(sentences, dtype=int), pd.Series(words, dtype=int)


# ======================================================================================= 1. vocabulary
# House style, not framing: honorifics and titles of address, and the reporting verbs every outlet
# uses in its own way ("Mr." is the New York Times's, "said" everyone's). Not ranked as distinctive.
HOUSE_STYLE = frozenset("""mr mrs ms miss dr rep sen gov lt gen col sgt jr sr st said says say told tells
according added adds reported reports reporter reporters spokesman spokeswoman interview statement
fox cnn msnbc nbc abc cbs npr pbs bbc reuters ap afp associated press huffpost huffington post times york
nytimes breitbart alternet federalist usa today journal news newsweek politico axios guardian telegraph
staff writer correspondent contributed contributing
edt est gmt bst updated copyright photo photos image images getty caption video watch click read
monday tuesday wednesday thursday friday saturday sunday""".split())
MIN_SENTENCES = 2  # a term ranks with evidence from this many sentences, or when it is loaded (loaded.csv)
Z_SIGNIFICANT = 1.96  # a z-score past this is the usual bar for a difference beyond chance


def content_terms(text: str) -> set[str]:
    """The content words of a text: lower case, no stopwords, numbers, single letters, possessives or
    house style (HOUSE_STYLE: honorifics, reporting verbs)."""
    words = {w.lower().replace("’", "'") for w in _TERM.findall(text)}
    return {w for w in words if w not in STOPWORDS and w not in HOUSE_STYLE and len(w) > 1 and not w.endswith("'s")}


def sentence_terms(docs: list[Document]) -> pd.DataFrame:
    """Content words per sentence (see content_terms): article, sentence, term."""
    rows = [(d.id, s.sentence, term) for d in docs for s in d.sentences for term in sorted(content_terms(s.text))]
    return pd.DataFrame(rows, columns=["article", "sentence", "term"])


def term_counts(docs: list[Document]) -> pd.DataFrame:
    """Sentences using each content word, per article: article, term, sentences."""
    rows = []
    for d in docs:
        counts: Counter = Counter()
        for s in d.sentences:
            counts.update(content_terms(s.text))
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
    prior = pooled * (1.0 / max(1, len(units) - 1))
    out = []
    for u in units:
        mine = by_unit.loc[u].astype(float)
        z = log_odds_z(mine, pooled.sub(mine, fill_value=0), prior)
        count = mine.reindex(z.index, fill_value=0).astype(int).values
        part = pd.DataFrame({"term": z.index, unit: u, "count": count, "z": z.values,
                             "ranks": (count >= MIN_SENTENCES) | z.index.isin(list(loaded))})
        part = part.sort_values(["ranks", "z"], ascending=[False, False], kind="stable")
        out.append(part if top is None else part.head(top))
    return pd.concat(out, ignore_index=True)[columns]


def name_words(places: pd.DataFrame | None) -> frozenset:
    """The lower-case words of the place names found (``actors.find_places``): "york" of "New York",
    "idlib". Place and outlet names are where an article is or who wrote it, not its framing: they
    never rank as distinctive terms (outlets are in HOUSE_STYLE)."""
    if places is None or places.empty:
        return frozenset()
    return frozenset(w for name in places["place"].dropna().unique() for w in content_terms(str(name)))


def distinctive_terms(docs: list[Document], compare_by: str = "article", *, by: str | None = None,
                      lexicons: Lex = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's (or group's) terms against the pooled rest: term, article (or group), count
    (sentences using it), z, ranks (see term_z_scores); the terms that rank come first, by z.

    Units are sentences (a term counts once per sentence), so two short articles still give a
    result; the prior is the pooled counts of all articles. (``by`` is the old name of ``compare_by``.)
    The words of the place names in ``places`` (``actors.find_places``) are left out (``name_words``).
    """
    compare_by = by or compare_by
    counts = term_counts(docs)
    counts = counts[~counts["term"].isin(name_words(places))]
    counts, unit = with_unit(counts, docs, compare_by)
    if counts.empty:
        _warn("no content words found; the vocabulary comparison is empty")
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


# =========================================================================================== 2. frames
def _build_frame_patterns(lex: Lexicons) -> dict[str, re.Pattern]:
    by_frame: dict[str, list[str]] = defaultdict(list)
    for row in lex.table("frames.csv"):
        by_frame[row["frame"]].append(f"(?:{row['indicator']})")
    return {f: re.compile(rf"(?<![\w])(?:{'|'.join(p)})(?![\w])", re.IGNORECASE) for f, p in by_frame.items()}


def frame_patterns(lexicons: Lex = None) -> dict[str, re.Pattern]:
    """One compiled pattern per frame of ``frames.csv``, in the file's order."""
    return get(lexicons).compiled("frames", _build_frame_patterns)


def frame_names(lexicons: Lex = None) -> list[str]:
    """The frames of ``frames.csv`` in the file's order (a frame added there shows up everywhere)."""
    return list(frame_patterns(lexicons))


_NAME_LINK = frozenset("and of for the de".split())


def _in_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a word of a name ("Justice and Development Party", "In God We Trust")? A
    capitalised match inside a sentence whose neighbouring word (across and/of/for/the) is capitalised
    too. A capitalised word on its own ("Catholic teaching", "God") is not."""
    if start == 0 or not text[start:start + 1].isupper():
        return False
    before = [w for w in _WORD.findall(text[max(0, start - 40) : start])][-3:]
    after = [w for w in _WORD.findall(text[end : end + 40])][:3]
    near = [w for w in reversed(before) if w.lower() not in _NAME_LINK][:1] + \
        [w for w in after if w.lower() not in _NAME_LINK][:1]
    return any(w[:1].isupper() for w in near)


_LITERAL_CAPITAL = re.compile(r"(?<!\\)[A-Z]")  # a capital letter of a pattern that is not an escape (\W)


def _lower_frame_patterns(lex: Lexicons) -> dict[str, re.Pattern]:
    """The frame patterns in lower case without IGNORECASE, for lower-cased text: three times faster
    (case-insensitive matching is slow in ``re``) and the same matches."""
    return {f: re.compile(_LITERAL_CAPITAL.sub(lambda m: m.group(0).lower(), p.pattern))
            for f, p in frame_patterns(lex).items()}


def frame_hits(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """One row per sentence and frame it signals: article, sentence, frame, the matching words, text."""
    lex = get(lexicons)
    patterns, lowered = frame_patterns(lex), lex.compiled("frames_lower", _lower_frame_patterns)
    rows = []
    for d in docs:
        for s in d.sentences:
            low = s.text.lower()
            same = len(low) == len(s.text)  # lower-casing kept every offset (it nearly always does)
            for frame, pattern in (lowered if same else patterns).items():
                words = sorted({s.text[m.start():m.end()].lower() for m in pattern.finditer(low if same else s.text)
                                if not _in_name(s.text, m.start(), m.end())})
                if words:
                    rows.append((d.id, s.sentence, frame, ", ".join(words), s.text))
    return pd.DataFrame(rows, columns=FRAME_HIT_COLUMNS)


def frame_shares(hits: pd.DataFrame, sentences: pd.Series, frames: list[str], unit: str = "article") -> pd.DataFrame:
    """Share of each unit's sentences that signal each frame, plus ``none`` (no frame at all).

    ``hits`` are frame hits with a ``unit`` column, ``sentences`` the number of sentences per unit.
    Columns: unit, frame, sentences, share. Warns when a frame rests on fewer than MIN_HITS sentences.
    """
    rows = []
    for u, n in sentences.items():
        mine = hits[hits[unit] == u]
        for frame in [*frames, "none"]:
            if frame == "none":
                k = int(n) - len(mine[["article", "sentence"]].drop_duplicates())
            else:
                k = int((mine["frame"] == frame).sum())
            rows.append((u, frame, k, k / max(1, int(n))))
    table = pd.DataFrame(rows, columns=[unit, *FRAME_COLUMNS[1:]])
    thin = table[(table["frame"] != "none")].groupby("frame")["sentences"].sum()
    for frame in thin[thin < MIN_HITS].index:
        _warn(f"frame {frame!r}: only {int(thin[frame])} sentences in all articles; compare its shares with care")
    return table


def frames_table(docs: list[Document], hits: pd.DataFrame | None = None, compare_by: str = "article", *,
                 lexicons: Lex = None, by: str | None = None) -> pd.DataFrame:
    """Share of each article's (or group's, see groups.group_map) sentences that signal each frame,
    plus ``none`` (no frame at all). Columns: article (or group), frame, sentences, share."""
    compare_by = by or compare_by
    hits = frame_hits(docs, lexicons) if hits is None else hits
    hits, unit = with_unit(hits, docs, compare_by)
    sentences, _ = unit_totals(docs, compare_by)
    return frame_shares(hits, sentences, frame_names(lexicons), unit)


# =========================================================================================== 3. stance
def _build_stance(lex: Lexicons) -> tuple[re.Pattern, list[tuple[str, str]]]:
    rows = lex.table("stance.csv")
    alternatives = "|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(rows))
    return (re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE),
            [(r["marker"], r["category"]) for r in rows])


def stance_patterns(lexicons: Lex = None) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One pattern for all hedges and boosters of ``stance.csv`` (group ``m<i>`` is row i), and the
    (marker, category) of each row."""
    return get(lexicons).compiled("stance", _build_stance)


def stance_categories(lexicons: Lex = None) -> list[str]:
    """The categories of ``stance.csv`` in the file's order, then those found by rule (RULE_CATEGORIES)."""
    return list(dict.fromkeys([c for _, c in stance_patterns(lexicons)[1]] + list(RULE_CATEGORIES)))


def stance_markers(docs: list[Document], lexicons: Lex = None) -> pd.DataFrame:
    """Hedges, boosters, scare quotes, rhetorical questions and exclamations, one row each, with
    the clean-text offsets of the marker (``start``, ``end``) and its sentence.

    A scare quote is a quoted phrase of at most four words that no one is said to have said (no cue
    verb just before or after it, as in "called it a “farce”"), and not a title ("Axios on HBO");
    "so-called" and its kin are scare markers of stance.csv. Questions and exclamations count only in the
    author's own sentences, not inside quotations.
    """
    rows = []
    cue = cue_regex(lexicons)
    pattern, kinds = stance_patterns(lexicons)
    for d in docs:
        for s in d.sentences:
            for m in pattern.finditer(s.text):
                marker, category = kinds[int(m.lastgroup[1:])]
                rows.append((d.id, marker, category, s.sentence, m.group(0), s.clean_start + m.start(),
                             s.clean_start + m.end(), s.text))
            said_until = -1  # the end of the last quotation someone is said to have said
            for q in d.quotes_in(s):
                words = q.text(d.text).strip(" ,.;:!?")
                # a quotation right after one that is attributed belongs to it ("a “stab” from the “allies”")
                attributed = (_attributed(d.text, q, cue, s.clean_start)
                              or (said_until >= 0 and q.start - said_until <= 25))
                if attributed:
                    said_until = q.end
                elif 0 < len(words.split()) <= 4 and not _title(words):
                    rows.append((d.id, "scare quote", "scare_quote", s.sentence, words, q.start, q.end, s.text))
            rows.extend(_closing_marks(d, s))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'")).split())


def drop_credited_scare_quotes(markers: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """The markers without the scare quotes that are words a source is credited with: a quotation the
    sources table gives to a speaker (its quote holds the words, in that sentence or the one before or
    after) is reported speech, not the author's distance from a word."""
    scare = markers["category"] == "scare_quote"
    if not scare.any() or attributions.empty:
        return markers
    quotes: dict[tuple[str, int], list[str]] = defaultdict(list)  # (article, sentence) -> credited quotes
    for r in attributions[attributions["quote"].astype(str) != ""].itertuples(index=False):
        quotes[(r.article, r.sentence)].append(_fold(str(r.quote)))

    def credited(r) -> bool:
        words = _fold(r.words)
        return bool(words) and any(words in q for k in (r.sentence - 1, r.sentence, r.sentence + 1)
                                   for q in quotes.get((r.article, k), ()))

    keep = [not (is_scare and credited(r)) for is_scare, r in zip(scare, markers.itertuples(index=False))]
    return markers[pd.Series(keep, index=markers.index, dtype=bool)].reset_index(drop=True)


def _attributed(text: str, q, cue: re.Pattern, sentence_start: int = 0) -> bool:
    """Is the quoted phrase someone's words: a cue verb just before it in its sentence ("called it a
    “farce”") or just after it ("“a farce,” she said")? A cue elsewhere in the sentence, or in the
    sentence before, does not make it so."""
    before, after = text[max(0, sentence_start, q.start - 40) : q.start], text[q.end : q.end + 25]
    return bool(cue.search(before.split(",")[-1]) or cue.match(after.lstrip(" ,—–")))


def _title(words: str) -> bool:
    """A quoted title ("Axios on HBO", "Talking Points"): every longer word capitalised."""
    long = [w for w in words.split() if len(w) > 3]
    return len(words.split()) >= 2 and bool(long) and all(w[:1].isupper() for w in long)


def _closing_marks(d: Document, s) -> list[tuple]:
    """A question or exclamation mark closing one of the author's own sentences (not a quotation)."""
    end = len(s.text.rstrip("”\"’' )"))
    if s.in_quote or not s.text[:end].endswith(("?", "!")):
        return []
    question = s.text[:end].endswith("?")
    marker, category = ("question", "rhetorical_question") if question else ("exclamation", "exclamation")
    return [(d.id, marker, category, s.sentence, s.text[end - 1], s.clean_start + end - 1, s.clean_start + end, s.text)]


def marker_rates(markers: pd.DataFrame, words: pd.Series, categories: list[str], unit: str = "article") -> pd.DataFrame:
    """Markers per 1,000 words per unit and category, from ``markers`` with a ``unit`` column and the
    ``words`` per unit. Columns: unit, category, count, words, per_1000."""
    rows = []
    for u, n in words.items():
        mine = markers[markers[unit] == u]
        for cat in categories:
            k = int((mine["category"] == cat).sum())
            rows.append((u, cat, k, int(n), 1000 * k / max(1, int(n))))
    return pd.DataFrame(rows, columns=[unit, "category", "count", "words", "per_1000"])


def stance_rates(docs: list[Document], markers: pd.DataFrame | None = None, compare_by: str = "article", *,
                 lexicons: Lex = None, by: str | None = None) -> pd.DataFrame:
    """Markers per 1,000 words, per article (or group) and category: article (or group), category,
    count, words, per_1000."""
    compare_by = by or compare_by
    markers = stance_markers(docs, lexicons) if markers is None else markers
    markers, unit = with_unit(markers, docs, compare_by)
    _, words = unit_totals(docs, compare_by)
    return marker_rates(markers, words, stance_categories(lexicons), unit)


# ======================================================================================== 4. selection
def equivalents(lexicons: Lex = None) -> dict[str, str]:
    """Words that report the same content ("downed", "shot" -> "down"), from ``equivalents.csv``."""
    return get(lexicons).compiled("equivalents", lambda lex: {
        r["word"].lower(): r["concept"] for r in lex.table("equivalents.csv")})


def stem(word: str, same: dict[str, str]) -> str:
    word = word.lower().replace("’", "'")
    if word in same:
        return same[word]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Words of an attribution rather than of what is reported: with the cue verbs, they never make two
# sentences "the same content" ("..., she told reporters").
ATTRIBUTION_WORDS = frozenset("""reporters journalists interview statement spokesman spokeswoman spokesperson
according mr mrs ms""".split())


def _no_content(lexicons: Lex) -> frozenset:
    """Words that carry no content for alignment: stopwords (pronouns among them), the one-word cue
    verbs of cues.csv and ATTRIBUTION_WORDS."""
    cues = {c for c in source_lexicon(lexicons).cues if " " not in c}
    return STOPWORDS | ATTRIBUTION_WORDS | frozenset(cues)


def _vectors(docs: list[Document], same: dict[str, str], skip: frozenset = STOPWORDS):
    keys, bags = [], []
    for d in docs:
        for s in d.sentences:
            if s.heading:
                continue
            words = [stem(w, same) for w in _WORD.findall(s.text) if w.lower().replace("’", "'") not in skip]
            keys.append((d.id, s.sentence, s.text))
            bags.append(Counter(words))
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    vecs = []
    for bag in bags:
        v = {w: c * math.log((1 + n) / (1 + df[w])) + 1e-9 for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return keys, vecs


COMMON_POSTINGS = 2000  # a word in more sentences than this is too common to align on


def _postings(keys, vecs) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """word -> article -> [(sentence index, weight)]; words in more than COMMON_POSTINGS sentences are
    left out, so that aligning a sentence costs at most that many look-ups a word, whatever the length
    of the texts: the time grows with the sentences, not with sentences x sentences. Kept by article,
    a sentence looks only at the other articles' sentences."""
    index: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    sizes: Counter = Counter()
    for j, vec in enumerate(vecs):
        for w, x in vec.items():
            index[w][keys[j][0]].append((j, x))
            sizes[w] += 1
    return {w: p for w, p in index.items() if sizes[w] <= COMMON_POSTINGS}


def _best_matches(i: int, keys, vecs, index, firsts: dict) -> dict[str, tuple[float, int, str]]:
    """For sentence i, the most similar sentence of each other article: (similarity, sentence, text);
    with no shared word, similarity 0 and that article's first sentence (``firsts``)."""
    art = keys[i][0]
    sims: dict[int, float] = defaultdict(float)
    for w, x in vecs[i].items():
        for art2, postings in index.get(w, {}).items():
            if art2 != art:
                for j, y in postings:
                    sims[j] += x * y
    best = {art2: (0.0, *first) for art2, first in firsts.items() if art2 != art}
    for j in sorted(sims):
        art2, sid2, text2 = keys[j]
        if sims[j] > best[art2][0]:
            best[art2] = (sims[j], sid2, text2)
    return best


def align_content(docs: list[Document], threshold: float = 0.15, lexicons: Lex = None) -> pd.DataFrame:
    """For each sentence, its most similar sentence in each other article (TF-IDF cosine on stemmed
    content words): article, sentence, other, other_sentence, similarity, shared, text, other_text.

    ``shared`` is similarity >= threshold: both articles report that content. Pronouns, cue verbs and
    attribution words ("she told reporters") are not content, so sentences alike only in them score 0.
    """
    columns = ["article", "sentence", "other", "other_sentence", "similarity", "shared", "text", "other_text"]
    types = {"sentence": int, "other_sentence": int, "similarity": float, "shared": bool}
    if len({d.id for d in docs}) < 2:
        _warn("content alignment needs at least two articles; the table is empty")
        return pd.DataFrame(columns=columns).astype(types)
    keys, vecs = _vectors(docs, equivalents(lexicons), _no_content(lexicons))
    index = _postings(keys, vecs)
    firsts: dict[str, tuple[int, str]] = {}
    for art, sid, text in keys:
        firsts.setdefault(art, (sid, text))
    rows = []
    for i, (art, sid, text) in enumerate(keys):
        for art2, (sim, sid2, text2) in _best_matches(i, keys, vecs, index, firsts).items():
            rows.append((art, sid, art2, sid2, round(sim, 3), sim >= threshold, text, text2))
    return pd.DataFrame(rows, columns=columns).astype(types)


def selection_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article and other article: sentences whose content the other also reports, and the share."""
    if alignment.empty:
        return pd.DataFrame(columns=["article", "other", "sentences", "shared", "share_shared"])
    g = alignment.groupby(["article", "other"])
    out = g.agg(sentences=("sentence", "count"), shared=("shared", "sum")).reset_index()
    out["share_shared"] = out["shared"] / out["sentences"]
    return out
