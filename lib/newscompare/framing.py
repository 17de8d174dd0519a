"""Framing: who each article names and how, its distinctive words, its news frames, how sure it
sounds, and which content it shares with the other articles or leaves out.

Every table carries ``article`` and ``sentence`` (or can be joined to the mentions that do), so each
figure can be traced to its sentences. Lexicons live in ``data/``: actors.csv, titles.txt,
not_actors.txt, frames.csv, stance.csv.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .lexicons import read_list, read_table
from .load import NewsCompareWarning
from .pipeline import group_key, group_map
from .segment import Document

MENTION_COLUMNS = ["article", "sentence", "actor", "label", "kind", "start", "end", "text"]
PLACE_COLUMNS = ["article", "sentence", "place", "label", "reason", "start", "end", "text"]
# Words after which a capitalised name reads as a place ("in Idlib", "above the Idlib zone").
LOCATIVES = frozenset("in near above over across around outside inside into within throughout toward towards".split())
ACTOR_COLUMNS = ["article", "actor", "label", "count", "only_in"]
TERM_COLUMNS = ["term", "article", "count", "z"]
FRAME_HIT_COLUMNS = ["article", "sentence", "frame", "words", "text"]
FRAME_COLUMNS = ["article", "frame", "sentences", "share"]
STANCE_COLUMNS = ["article", "marker", "category", "sentence", "words", "start", "end", "text"]
ORG_WORDS = frozenset("""Ministry Party Army Front Council Office Agency Forces Force Department Committee Group
Union Organization Organisation Navy Guard Guards Brigade Brigades Movement Command Parliament Assembly Nations""".split())
MIN_HITS = 5  # fewer hits than this and a comparison is flagged as resting on thin evidence
MIN_WORDS = 150  # shorter articles give unstable shares and rates

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves one two s t its it’s also well much many however""".split())


def _warn(message: str) -> None:
    warnings.warn(message, NewsCompareWarning, stacklevel=3)


def check_lengths(docs: list[Document]) -> None:
    """Warn about articles too short for stable shares and rates."""
    for d in docs:
        if d.words < MIN_WORDS:
            _warn(f"{d.id}: only {d.words} words; shares and rates per 1,000 words are unstable below {MIN_WORDS}")


# =========================================================================================== 1. actors
@dataclass(frozen=True)
class ActorLexicon:
    names: re.Pattern | None
    name_actor: dict
    compound: re.Pattern | None
    modifier_actor: dict
    fixed_labels: re.Pattern | None
    label_actor: dict
    titles: frozenset
    not_actors: frozenset
    demonyms: frozenset
    places: frozenset
    place_words: frozenset


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    """Compile ``data/actors.csv`` (actor, alias, kind: name, demonym, leader or label)."""
    rows = read_table("actors.csv")
    names = {r["alias"]: r["actor"] for r in rows if r["kind"] == "name"}
    modifiers = {r["alias"]: r["actor"] for r in rows if r["kind"] in {"demonym", "leader", "name"}}
    fixed = {r["alias"].lower(): r["actor"] for r in rows if r["kind"] == "label" and r["actor"] != "@state"}
    state = [r["alias"] for r in rows if r["kind"] == "label" and r["actor"] == "@state"]
    # Aliases written with capitals match case-sensitively ("US", not "us"); lower-case ones in any case.
    cased = [a for a in names if a != a.lower()]
    plain = [a for a in names if a == a.lower()]
    parts = []
    if cased:
        parts.append(f"(?:{_alternation(cased)})")
    if plain:
        parts.append(f"(?i:{_alternation(plain)})")
    name_re = re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])") if parts else None
    compound = (re.compile(rf"(?<![\w])(?P<mod>{_alternation(modifiers)})(?:['’]s)?\s+(?P<lab>(?i:{_alternation(state)}))"
                           rf"(?![\w])") if modifiers and state else None)
    fixed_re = re.compile(rf"(?<![\w])(?i:{_alternation(fixed)})(?![\w])") if fixed else None
    return ActorLexicon(
        names=name_re, name_actor={**names, **{k.lower(): v for k, v in names.items() if k == k.lower()}},
        compound=compound, modifier_actor=modifiers, fixed_labels=fixed_re, label_actor=fixed,
        titles=frozenset(read_list("titles.txt")), not_actors=frozenset(read_list("not_actors.txt")),
        demonyms=frozenset(r["alias"] for r in rows if r["kind"] == "demonym"),
        places=frozenset(read_list("places.txt")), place_words=frozenset(read_list("place_words.txt")))


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def _reads_as_place(toks, first: int, last: int, lex: ActorLexicon) -> bool:
    """Does this mention of a name read like a place: after a locative ("in", "near the"), or before a
    place word ("Idlib province", "Afrin, a city")? Not before a possessive ("in Smith's view")."""
    after = [t[0] for t in toks[last + 1 : last + 4]]
    if after[:1] and after[0] in {"’s", "'s", "’", "'"}:
        return False
    if after[:1] and after[0].lower() in lex.place_words:
        return True
    if after[:2] == [",", "a"] or after[:2] == [",", "the"]:
        if len(after) > 2 and after[2].lower() in lex.place_words:
            return True
    before = [t[0].lower() for t in toks[max(0, first - 2) : first]]
    return bool(before) and (before[-1] in LOCATIVES or (before[-1] == "the" and len(before) == 2 and before[0] in LOCATIVES))


def _proper_names(doc: Document, sent, taken, lex: ActorLexicon):
    """Runs of proper-noun tokens (pattern tagger) with a leading demonym kept in the label:
    (start, end, name, label, reads as a place)."""
    toks = doc.tagged(sent)
    runs, cur = [], []
    for i, (tok, tag, s, e) in enumerate(toks):
        connector = tok in {"and", "of", "al", "bin", "de"} and cur and i + 1 < len(toks) and toks[i + 1][1].startswith("NNP")
        if tag.startswith("NNP") or connector or (cur and tok.startswith("al-")):
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and toks[run[-1]][0] in {"and", "of"}:
            run = run[:-1]
        first = run[0]
        if first > 0 and toks[first - 1][0] in lex.demonyms:
            first -= 1
        s, e = toks[first][2], toks[run[-1]][3]
        label = doc.text[s:e]
        words = [t[0] for t in toks[first : run[-1] + 1]]
        if words[-1] not in ORG_WORDS:  # a person: "Russian President Vladimir Putin" -> "Vladimir Putin"
            while words and (words[0] in lex.titles or words[0] in lex.demonyms):
                words = words[1:]
        name = " ".join(words)
        if not name or name in lex.not_actors or label in lex.not_actors or not _free(taken, s, e):
            continue
        if lex.names is not None and lex.names.fullmatch(name):
            continue
        out.append((s, e, name, label, _reads_as_place(toks, first, run[-1], lex)))
    return out


_NAME_PREFIX = re.compile(r"^(al|el|bin|de)-")
_TERM = re.compile(r"(?<![\w’'-])(?:[^\W\d_][\w’'-]*[^\W_]|[^\W\d_])")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _name_key(token: str) -> str:
    return _NAME_PREFIX.sub("", token.lower().replace("’", "'"))


def _group_names(names: list[str]) -> dict[str, str]:
    """Map each proper name to its fullest variant: 'Putin' -> 'Vladimir Putin' when both occur.

    A shorter name joins a longer one when it ends with the same word and all its words occur in it.
    """
    canon: dict[str, str] = {}
    groups: dict[str, list[tuple[set, str]]] = defaultdict(list)  # last word -> (words, full name)
    for name in sorted(set(names), key=lambda n: (-len(n.split()), n)):
        keys = [_name_key(t) for t in name.split()]
        for tokens, full in groups[keys[-1]]:
            if set(keys) <= tokens:
                canon[name] = full
                break
        else:
            groups[keys[-1]].append((set(keys), name))
            canon[name] = name
    return canon


def mentions_and_places(docs: list[Document], names_across_articles: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """find_mentions and find_places in one pass (both tables come from the same names)."""
    lex = actor_lexicon()
    rows = []
    for doc in docs:
        for sent in doc.sentences:
            text, base, taken = sent.text, sent.clean_start, []

            def add(s, e, actor, label, kind, placelike=False):
                taken.append((s, e))
                rows.append([doc.id, sent.sentence, actor, label, kind, s, e, text, placelike])

            if lex.compound is not None:
                for m in lex.compound.finditer(text):
                    add(base + m.start(), base + m.end(), lex.modifier_actor[m.group("mod")], m.group(0), "label")
            for pattern, lookup, kind in ((lex.names, lex.name_actor, "name"),
                                          (lex.fixed_labels, lex.label_actor, "label")):
                if pattern is None:
                    continue
                for m in pattern.finditer(text):
                    s, e = base + m.start(), base + m.end()
                    if _free(taken, s, e):
                        actor = lookup.get(m.group(0)) or lookup.get(m.group(0).lower())
                        add(s, e, actor, m.group(0) if kind == "name" else m.group(0).lower(), kind)
            for s, e, name, label, placelike in _proper_names(doc, sent, taken, lex):
                add(s, e, name, label, "proper name", placelike)
    table = pd.DataFrame(rows, columns=[*MENTION_COLUMNS, "_placelike"])
    # Names are grouped, and judged to be places, within a scope: all the articles, or each one.
    table["_scope"] = "" if names_across_articles else table["article"]
    proper = table["kind"] == "proper name"
    canon = {sc: _group_names(names.tolist()) for sc, names in table[proper].groupby("_scope")["actor"]}
    table.loc[proper, "actor"] = [canon[sc].get(a, a) for sc, a in zip(table.loc[proper, "_scope"], table.loc[proper, "actor"])]
    # A name is a place when listed in places.txt, or when at least half its mentions read like one.
    share = table[proper].groupby(["_scope", "actor"])["_placelike"].mean()
    is_place = proper & pd.Series([a in lex.places or (share.get((sc, a), 0.0) >= 0.5 and a.split()[-1] not in ORG_WORDS)
                                   for a, sc in zip(table["actor"], table["_scope"])], index=table.index, dtype=bool)
    places = table[is_place].assign(place=lambda t: t["actor"], reason=lambda t: [
        "places.txt" if a in lex.places else "reads as a place" for a in t["actor"]])
    order = ["article", "sentence", "start"]
    return (table[~is_place][MENTION_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True),
            places[PLACE_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True))


def find_mentions(docs: list[Document], names_across_articles: bool = True) -> pd.DataFrame:
    """Every actor mention: article, sentence, actor, label (as written), kind, clean offsets, sentence text.

    kind: ``name`` (an alias in actors.csv), ``label`` (a descriptive label such as "rebels" or
    "Obama Regime") or ``proper name`` (a capitalised name not in the lexicon, grouped across variants:
    "Putin" joins "Vladimir Putin", across all the articles, or within each article when
    ``names_across_articles`` is False, as corpus mode does). Places are left out (see find_places).
    """
    return mentions_and_places(docs, names_across_articles)[0]


def find_places(docs: list[Document], names_across_articles: bool = True) -> pd.DataFrame:
    """The capitalised names left out of the actors because they are places: article, sentence, place,
    label, reason (``places.txt``, or ``reads as a place``: at least half its mentions follow "in",
    "near"... or precede a word of place_words.txt), clean offsets, sentence text."""
    return mentions_and_places(docs, names_across_articles)[1]


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actor x article: the labels used with counts; ``only_in`` names the article when only it uses
    that label for an actor that more than one article names."""
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    counts = mentions.groupby(["article", "actor", "label"], sort=False).size().rename("count").reset_index()
    n_articles = mentions.groupby("actor")["article"].nunique()
    users = counts.groupby(["actor", "label"])["article"].agg(lambda a: sorted(set(a)))
    counts["only_in"] = [users[(act, lab)][0] if len(users[(act, lab)]) == 1 and n_articles[act] > 1 else ""
                         for act, lab in zip(counts["actor"], counts["label"])]
    return counts.sort_values(["actor", "article", "count"], ascending=[True, True, False]).reset_index(drop=True)[ACTOR_COLUMNS]


def actor_matrix(mentions: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Mentions per actor and article (the actors named most often overall first)."""
    if mentions.empty:
        return pd.DataFrame()
    table = mentions.pivot_table(index="actor", columns="article", values="sentence", aggfunc="count", fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]


def label_comparison(actors: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """For actors named by at least ``min_articles`` articles: each article's labels, 'label (count)'."""
    if actors.empty:
        return pd.DataFrame()
    shared = actors.groupby("actor")["article"].nunique()
    keep = actors[actors["actor"].isin(shared[shared >= min_articles].index)]
    cell = keep.assign(text=[f"{lab} ({n})" + (" *" if only else "") for lab, n, only in
                             zip(keep["label"], keep["count"], keep["only_in"])])
    return cell.groupby(["actor", "article"])["text"].agg("; ".join).unstack(fill_value="")


# ======================================================================================= 2. vocabulary
def content_terms(text: str) -> set[str]:
    """The content words of a text: lower case, no stopwords, numbers, single letters or possessives."""
    words = {w.lower().replace("’", "'") for w in _TERM.findall(text)}
    return {w for w in words if w not in STOPWORDS and len(w) > 1 and not w.endswith("'s")}


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


def distinctive_terms(docs: list[Document], by: str = "article") -> pd.DataFrame:
    """Each article's (or group's) terms against the pooled rest: term, article (or group), count
    (sentences using it), z.

    Units are sentences (a term counts once per sentence), so two short articles still give a
    result; the prior is the pooled counts of all articles.
    """
    key = group_key(by)
    terms = sentence_terms(docs)
    if terms.empty:
        _warn("no content words found; the vocabulary comparison is empty")
        return pd.DataFrame(columns=["term", key, "count", "z"])
    groups = group_map(docs, by)
    terms[key] = terms["article"].map(groups)
    by = key
    counts = terms.groupby([by, "term"]).size()
    pooled = terms.groupby("term").size().astype(float)
    prior = pooled * (1.0 / max(1, len(set(groups.values())) - 1))  # as strong as one comparison side
    out = []
    for art in dict.fromkeys(terms[by]):
        mine = counts.loc[art]
        rest = pooled.sub(mine, fill_value=0)
        z = log_odds_z(mine.astype(float), rest, prior)
        out.append(pd.DataFrame({"term": z.index, by: art, "count": mine.reindex(z.index, fill_value=0).astype(int).values,
                                 "z": z.values}))
    table = pd.concat(out, ignore_index=True)
    table = table.sort_values([by, "z"], ascending=[True, False], kind="stable").reset_index(drop=True)
    return table[["term", by, "count", "z"]]


def pairwise_terms(docs: list[Document]) -> pd.DataFrame:
    """Every ordered pair of articles: term, article, other, count (sentences in article), z (article vs other)."""
    terms = sentence_terms(docs)
    if terms.empty:
        return pd.DataFrame(columns=["term", "article", "other", "count", "z"])
    counts = terms.groupby(["article", "term"]).size().astype(float)
    ids = list(dict.fromkeys(terms["article"]))
    out = []
    for a in ids:
        for b in ids:
            if a == b:
                continue
            ca, cb = counts.loc[a], counts.loc[b]
            prior = ca.add(cb, fill_value=0)
            z = log_odds_z(ca, cb, prior)
            out.append(pd.DataFrame({"term": z.index, "article": a, "other": b,
                                     "count": ca.reindex(z.index, fill_value=0).astype(int).values, "z": z.values}))
    table = pd.concat(out, ignore_index=True)
    return table.sort_values(["article", "other", "z"], ascending=[True, True, False], kind="stable").reset_index(drop=True)


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


# =========================================================================================== 3. frames
@lru_cache(maxsize=1)
def frame_patterns() -> dict[str, re.Pattern]:
    """One compiled pattern per frame from ``data/frames.csv``."""
    by_frame: dict[str, list[str]] = defaultdict(list)
    for row in read_table("frames.csv"):
        by_frame[row["frame"]].append(f"(?:{row['indicator']})")
    return {f: re.compile(rf"(?<![\w])(?:{'|'.join(p)})(?![\w])", re.IGNORECASE) for f, p in by_frame.items()}


FRAMES = ("responsibility", "conflict", "human_interest", "economic", "morality")


def frame_hits(docs: list[Document]) -> pd.DataFrame:
    """One row per sentence and frame it signals: article, sentence, frame, the matching words, text."""
    rows = []
    for d in docs:
        for s in d.sentences:
            for frame, pattern in frame_patterns().items():
                # A capitalised word inside the sentence is part of a name ("Justice and Development Party").
                words = sorted({m.group(0).lower() for m in pattern.finditer(s.text)
                                if m.start() == 0 or not m.group(0)[:1].isupper()})
                if words:
                    rows.append((d.id, s.sentence, frame, ", ".join(words), s.text))
    return pd.DataFrame(rows, columns=FRAME_HIT_COLUMNS)


def frames_table(docs: list[Document], hits: pd.DataFrame | None = None, by: str = "article") -> pd.DataFrame:
    """Share of each article's (or group's, see pipeline.group_map) sentences that signal each frame,
    plus ``none`` (no frame at all). Columns: article (or group), frame, sentences, share."""
    hits = frame_hits(docs) if hits is None else hits
    groups = group_map(docs, by)
    sizes: Counter = Counter()
    for d in docs:
        sizes[groups[d.id]] += sum(not s.heading for s in d.sentences)
    unit = hits["article"].map(groups)
    rows = []
    for g, n in sizes.items():
        mine = hits[unit == g]
        for frame in list(frame_patterns()) + ["none"]:
            if frame == "none":
                k = n - len(mine[["article", "sentence"]].drop_duplicates())
            else:
                k = int((mine["frame"] == frame).sum())
            rows.append((g, frame, k, k / max(1, n)))
    table = pd.DataFrame(rows, columns=[group_key(by), *FRAME_COLUMNS[1:]])
    thin = table[(table["frame"] != "none")].groupby("frame")["sentences"].sum()
    for frame in thin[thin < MIN_HITS].index:
        _warn(f"frame {frame!r}: only {int(thin[frame])} sentences in all articles; compare its shares with care")
    return table


# =========================================================================================== 4. stance
@lru_cache(maxsize=1)
def stance_patterns() -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One pattern for all hedges and boosters of ``data/stance.csv`` (group ``m<i>`` is row i), and
    the (marker, category) of each row."""
    rows = read_table("stance.csv")
    alternatives = "|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(rows))
    return (re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE),
            [(r["marker"], r["category"]) for r in rows])


def _cue_pattern() -> re.Pattern:
    from .sources import cue_regex

    return cue_regex()


def stance_markers(docs: list[Document]) -> pd.DataFrame:
    """Hedges, boosters, scare quotes, rhetorical questions and exclamations, one row each, with
    the clean-text offsets of the marker (``start``, ``end``) and its sentence.

    A scare quote is a quoted phrase of at most four words in a sentence that attributes it to no
    one (no cue verb such as "said" or "called"). Questions and exclamations count only in the
    author's own sentences, not inside quotations.
    """
    rows = []
    cue = _cue_pattern()
    pattern, kinds = stance_patterns()
    for d in docs:
        for s in d.sentences:
            for m in pattern.finditer(s.text):
                marker, category = kinds[int(m.lastgroup[1:])]
                rows.append((d.id, marker, category, s.sentence, m.group(0), s.clean_start + m.start(),
                             s.clean_start + m.end(), s.text))
            for q in d.quotes:
                if s.clean_start <= q.start < s.clean_end:
                    words = q.text(d.text).strip(" ,.;:!?")
                    if 0 < len(words.split()) <= 4 and not cue.search(s.text):
                        rows.append((d.id, "scare quote", "scare_quote", s.sentence, words, q.start, q.end, s.text))
            end = len(s.text.rstrip("”\"’' )"))
            if not s.in_quote and s.text[:end].endswith("?"):
                rows.append((d.id, "question", "rhetorical_question", s.sentence, "?", s.clean_start + end - 1,
                             s.clean_start + end, s.text))
            if not s.in_quote and s.text[:end].endswith("!"):
                rows.append((d.id, "exclamation", "exclamation", s.sentence, "!", s.clean_start + end - 1,
                             s.clean_start + end, s.text))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


STANCE_CATEGORIES = ("hedge", "booster", "scare_quote", "rhetorical_question", "exclamation")


def stance_rates(docs: list[Document], markers: pd.DataFrame | None = None, by: str = "article") -> pd.DataFrame:
    """Markers per 1,000 words, per article (or group) and category: article (or group), category,
    count, words, per_1000."""
    markers = stance_markers(docs) if markers is None else markers
    groups = group_map(docs, by)
    words: Counter = Counter()
    for d in docs:
        words[groups[d.id]] += d.words
    unit = markers["article"].map(groups)
    rows = []
    for g, n in words.items():
        mine = markers[unit == g]
        for cat in STANCE_CATEGORIES:
            k = int((mine["category"] == cat).sum())
            rows.append((g, cat, k, n, 1000 * k / max(1, n)))
    return pd.DataFrame(rows, columns=[group_key(by), "category", "count", "words", "per_1000"])


# ======================================================================================== 5. selection
@lru_cache(maxsize=1)
def equivalents() -> dict[str, str]:
    """Words that report the same content ("downed", "shot" -> "down"), from ``data/equivalents.csv``."""
    return {r["word"].lower(): r["concept"] for r in read_table("equivalents.csv")}


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word in equivalents():
        return equivalents()[word]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _vectors(docs: list[Document]):
    keys, bags = [], []
    for d in docs:
        for s in d.sentences:
            if s.heading:
                continue
            words = [_stem(w) for w in _WORD.findall(s.text) if w.lower() not in STOPWORDS]
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


def align_content(docs: list[Document], threshold: float = 0.15) -> pd.DataFrame:
    """For each sentence, its most similar sentence in each other article (TF-IDF cosine on stemmed
    content words): article, sentence, other, other_sentence, similarity, shared, text, other_text.

    ``shared`` is similarity >= threshold: both articles report that content.
    """
    if len({d.id for d in docs}) < 2:
        _warn("content alignment needs at least two articles; the table is empty")
    keys, vecs = _vectors(docs)
    rows = []
    for i, (art, sid, text) in enumerate(keys):
        best: dict[str, tuple[float, int, str]] = {}
        for j, (art2, sid2, text2) in enumerate(keys):
            if art2 == art:
                continue
            sim = sum(x * vecs[j].get(w, 0.0) for w, x in vecs[i].items())
            if art2 not in best or sim > best[art2][0]:
                best[art2] = (sim, sid2, text2)
        for art2, (sim, sid2, text2) in best.items():
            rows.append((art, sid, art2, sid2, round(sim, 3), sim >= threshold, text, text2))
    table = pd.DataFrame(rows, columns=["article", "sentence", "other", "other_sentence", "similarity", "shared",
                                        "text", "other_text"])
    return table.astype({"sentence": int, "other_sentence": int, "similarity": float, "shared": bool})


def selection_summary(alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article and other article: sentences whose content the other also reports, and the share."""
    if alignment.empty:
        return pd.DataFrame(columns=["article", "other", "sentences", "shared", "share_shared"])
    g = alignment.groupby(["article", "other"])
    out = g.agg(sentences=("sentence", "count"), shared=("shared", "sum")).reset_index()
    out["share_shared"] = out["shared"] / out["sentences"]
    return out
