"""Sentiment of every sentence by TextBlob and VADER, a combined score calibrated to human ratings,
article figures with bootstrap intervals, word shifts, and sentiment toward each actor.

Everything is scored sentence by sentence: VADER's compound saturates on long texts, so an article is
never scored as one string; article and paragraph figures are aggregates of sentences.

Scales: ``tb_polarity`` in [-1, 1], ``tb_subjectivity`` in [0, 1] (TextBlob's pattern analyser,
offline); ``vader_compound`` in [-1, 1] and ``vader_pos/neg/neu`` shares (vaderSentiment ships its
lexicon); ``combined`` in [-1, 1] is a ridge regression of the human mean rating / 4 on both tools'
scores and a news-domain word adjustment, fitted on the 5,190 human-rated New York Times editorial
sentences of Hutto & Gilbert (2014). Its coefficients are ``data/sentiment_calibration.json``; how it
was fitted and how well it does are in that file and in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .lexicons import Lexicons, get
from .load import NewsCompareWarning
from .segment import Document
from .targets import as_scored, pattern_sentiment, target_sentiment, vader_analyser

SCORE_COLUMNS = ["tb_polarity", "tb_subjectivity", "vader_compound", "vader_pos", "vader_neg", "vader_neu",
                 "combined"]
SENTENCE_SCORE_COLUMNS = ["article", "sentence", "paragraph", "position", "in_quote", "heading", "words", "text",
                          *SCORE_COLUMNS]
BASE_FEATURES = ["tb_polarity", "tb_subjectivity", "vader_compound", "vader_pos", "vader_neg",
                 "vc_hinge_m05", "vc_hinge_0", "vc_hinge_05", "tb_hinge_m03", "tb_hinge_0", "tb_hinge_03",
                 "tb_x_vc", "subj_x_vc", "same_sign"]
# Three classes: the human scale runs from -4 to 4, so +-0.5 there is +-0.125 on the combined scale.
NEUTRAL_BAND = {"human": 0.5, "combined": 0.125, "vader_compound": 0.05, "tb_polarity": 0.05}
WORD_RE = re.compile(r"[a-z']+")


def _vader():
    return vader_analyser()


def _pattern():
    return pattern_sentiment()


MAX_SCORED_CHARS = 2000  # VADER's time grows with the square of a text's length: longer texts go in pieces


def _tool_tuple(text: str) -> tuple[float, float, float, float, float, float]:
    if not text or not text.strip():
        return (0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    if len(text) > MAX_SCORED_CHARS:  # a long quotation: its pieces, weighted by length
        from .segment import cap_sentences, split_sentences

        pieces = [text[a:b] for a, b in cap_sentences(split_sentences(text), text, MAX_SCORED_CHARS)]
        weights = np.array([len(p) for p in pieces], dtype=float)
        scores = np.array([_tool_tuple(p) for p in pieces])
        return tuple(float(x) for x in weights @ scores / weights.sum())
    text = as_scored(text)  # "isn’t" read as "isn't": VADER's negations need the straight apostrophe
    polarity, subjectivity = _pattern()(text)
    v = _vader().polarity_scores(text)
    return (float(polarity), float(subjectivity), v["compound"], v["pos"], v["neg"], v["neu"])


def tool_scores(text: str) -> dict[str, float]:
    """TextBlob polarity and subjectivity and VADER's four scores for one sentence ("" gives zeros)."""
    return dict(zip(SCORE_COLUMNS[:-1], _tool_tuple(text)))


def base_features(scores: pd.DataFrame) -> np.ndarray:
    """The tool scores and a few bends and interactions (piecewise-linear terms), one row per sentence."""
    tp, ts = scores["tb_polarity"].to_numpy(), scores["tb_subjectivity"].to_numpy()
    vc = scores["vader_compound"].to_numpy()
    hinge = lambda x, k: np.maximum(0.0, x - k)  # noqa: E731
    cols = [tp, ts, vc, scores["vader_pos"].to_numpy(), scores["vader_neg"].to_numpy(),
            hinge(vc, -0.5), hinge(vc, 0.0), hinge(vc, 0.5), hinge(tp, -0.3), hinge(tp, 0.0), hinge(tp, 0.3),
            tp * vc, ts * vc, (np.sign(tp) == np.sign(vc)).astype(float)]
    return np.column_stack(cols)


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().replace("’", "'"))


# ------------------------------------------------------------------------------------------ calibration
def fit_calibration(texts: list[str], human: np.ndarray, lam: float = 30.0, min_count: int = 3,
                    scores: pd.DataFrame | None = None) -> dict:
    """Ridge regression of human/4 on the base features and word counts; returns the JSON-ready model."""
    scores = pd.DataFrame([tool_scores(t) for t in texts]) if scores is None else scores
    tokens = [words_of(t) for t in texts]
    df: dict[str, int] = {}
    for toks in tokens:
        for w in set(toks):
            df[w] = df.get(w, 0) + 1
    vocab = sorted(w for w, c in df.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    base = base_features(scores)
    bag = np.zeros((len(texts), len(vocab)))
    for r, toks in enumerate(tokens):
        for w in toks:
            if w in index:
                bag[r, index[w]] += 1
    X = np.column_stack([np.ones(len(texts)), base, bag])
    penalty = lam * np.eye(X.shape[1])
    penalty[0, 0] = 0.0
    coef = np.linalg.solve(X.T @ X + penalty, X.T @ (np.asarray(human, dtype=float) / 4.0))
    words = {w: round(float(c), 6) for w, c in zip(vocab, coef[1 + base.shape[1]:]) if abs(c) >= 1e-4}
    return {"intercept": float(coef[0]), "base": dict(zip(BASE_FEATURES, map(float, coef[1 : 1 + base.shape[1]]))),
            "words": words, "lambda": lam, "min_count": min_count, "target": "human mean rating / 4"}


def calibration(lexicons: Lexicons | str | Path | None = None) -> dict:
    """The calibration model (``data/sentiment_calibration.json``, shipped or your own copy)."""
    return get(lexicons).json("sentiment_calibration.json")


def combine(scores: pd.DataFrame, texts, model: dict | None = None) -> np.ndarray:
    """The calibrated score for sentences whose tool scores are in ``scores``, clipped to [-1, 1]."""
    model = calibration() if model is None else model
    base = base_features(scores) @ np.array([model["base"][f] for f in BASE_FEATURES])
    words = model["words"]
    adjust = np.array([sum(words.get(w, 0.0) for w in words_of(t)) for t in texts])
    return np.clip(model["intercept"] + base + adjust, -1.0, 1.0)


def score_texts(texts: list[str], model: dict | None = None) -> pd.DataFrame:
    """All scores for a list of sentences, one row each, columns SCORE_COLUMNS."""
    scores = pd.DataFrame.from_records([_tool_tuple(t) for t in texts], columns=SCORE_COLUMNS[:-1])
    scores["combined"] = combine(scores, texts, model) if len(texts) else []
    return scores


def sentence_scores(docs: list[Document], lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Every sentence with every score: article, sentence, paragraph, position (0 = first sentence,
    1 = last), in_quote, heading, words, text, then SCORE_COLUMNS. ``lexicons`` supplies the calibration."""
    rows, texts = [], []
    for d in docs:
        n = len(d.sentences)
        for s in d.sentences:
            rows.append((d.id, s.sentence, s.paragraph, s.sentence / (n - 1) if n > 1 else 0.0, s.in_quote, s.heading,
                         s.words, s.text, *_tool_tuple(s.text)))
            texts.append(s.text)
    scores = pd.DataFrame.from_records(rows, columns=SENTENCE_SCORE_COLUMNS[:-1])
    scores["combined"] = combine(scores, texts, calibration(lexicons)) if texts else pd.Series(dtype=float)
    for d in docs:
        if d.article.meta.get("english") is False:  # English lexicons: no score is better than a wrong one
            warnings.warn(f"{d.id}: does not look like English; its sentiment scores are left empty (NaN)",
                          NewsCompareWarning, stacklevel=2)
            scores.loc[scores["article"] == d.id, SCORE_COLUMNS] = np.nan
    return scores


# ------------------------------------------------------------------------------------------- aggregates
def classify(values, method: str) -> np.ndarray:
    """-1, 0, 1 by the neutral band of ``method`` (see NEUTRAL_BAND)."""
    band = NEUTRAL_BAND[method]
    # Rounded first: a score of exactly 0.05 (TextBlob's averages often are) must fall on the same side
    # of the band whatever the last bit of the float, which differs between Python versions (3.12's sum()).
    values = np.round(np.asarray(values, dtype=float), 9)
    return np.where(values > band, 1, np.where(values < -band, -1, 0))


def bootstrap_ci(values, stat=np.mean, n: int = 2000, seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat`` over sentences (resampled with replacement)."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return (float("nan"), float("nan"))
    if len(values) == 1:  # every draw is the one value (stat of one value: the value itself)
        return (float(stat(values)), float(stat(values)))
    rng = np.random.default_rng(seed)
    draws = stat(values[rng.integers(0, len(values), size=(n, len(values)))], axis=1)
    lo, hi = np.quantile(draws, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def bootstrap_cis(groups, n: int = 2000, seed: int = 0, level: float = 0.95) -> list[tuple[float, float]]:
    """``bootstrap_ci`` of the mean for many groups of values at once, the same intervals: groups of
    one size share their resampling indices (the same seed draws the same indices), so each size
    is drawn once and its quantiles taken in one array operation."""
    groups = [np.asarray(v, dtype=float) for v in groups]
    out: list[tuple[float, float]] = [(float("nan"), float("nan"))] * len(groups)
    by_size: dict[int, list[int]] = {}
    for k, v in enumerate(groups):
        by_size.setdefault(len(v), []).append(k)
    for size, members in by_size.items():
        if size == 0:
            continue
        if size == 1:
            for k in members:
                out[k] = (float(groups[k][0]), float(groups[k][0]))
            continue
        idx = np.random.default_rng(seed).integers(0, size, size=(n, size))
        # each group's means as bootstrap_ci takes them (one array per group: the same sums to the last bit)
        # (np.add.reduce(...) / size is what ndarray.mean computes, without its wrapper's cost per call)
        draws = np.stack([np.add.reduce(groups[k][idx], axis=1) / size for k in members])  # (groups, n)
        bounds = np.quantile(draws, [(1 - level) / 2, 1 - (1 - level) / 2], axis=1)
        for j, k in enumerate(members):
            out[k] = (float(bounds[0, j]), float(bounds[1, j]))
    return out


def article_summary(scores: pd.DataFrame, method: str = "combined", unit: str = "article", *,
                    by: str | None = None) -> pd.DataFrame:
    """Per article (or per value of another unit column of ``scores``: ``group``, see
    groups.unit_column): sentences, mean score with a 95% bootstrap interval, share negative and
    positive (with intervals) by ``method``'s neutral band, and mean subjectivity. (``by`` is the old
    name of ``unit``.)"""
    by = by or unit
    rows = []
    for art, g in scores.groupby(by, sort=False):
        if "heading" in g:
            g = g[~g["heading"].astype(bool)]
        g = g[g[method].notna()]  # unscored (not English) sentences do not count
        if g.empty:
            rows.append((art, method, 0, *[np.nan] * 10))
            continue
        v = g[method].to_numpy()
        cls = classify(v, method)
        neg_lo, neg_hi = bootstrap_ci((cls < 0).astype(float))
        pos_lo, pos_hi = bootstrap_ci((cls > 0).astype(float))
        lo, hi = bootstrap_ci(v)
        rows.append((art, method, len(g), v.mean() if len(v) else np.nan, lo, hi, (cls < 0).mean(), neg_lo, neg_hi,
                     (cls > 0).mean(), pos_lo, pos_hi, g["tb_subjectivity"].mean()))
    return pd.DataFrame(rows, columns=[by, "method", "sentences", "mean", "mean_low", "mean_high", "share_negative",
                                       "negative_low", "negative_high", "share_positive", "positive_low",
                                       "positive_high", "subjectivity"])


def disagreements(scores: pd.DataFrame) -> pd.DataFrame:
    """Sentences where TextBlob and VADER disagree in sign (both outside their neutral bands)."""
    tb, vd = classify(scores["tb_polarity"], "tb_polarity"), classify(scores["vader_compound"], "vader_compound")
    mask = (tb * vd) < 0
    return scores.loc[mask, ["article", "sentence", "tb_polarity", "vader_compound", "combined", "text"]]


def quote_scores(docs: list[Document]) -> pd.DataFrame:
    """Every quotation's own words scored: article, sentence (where the quote starts), quote, scores."""
    rows = []
    for d in docs:
        for q in d.quotes:
            rows.append((d.id, d.sentence_at(q.start), q.text(d.text).strip()))
    meta = pd.DataFrame(rows, columns=["article", "sentence", "quote"])
    return pd.concat([meta, score_texts(meta["quote"].tolist())], axis=1)


def voices(scores: pd.DataFrame, quotes: pd.DataFrame | None = None, method: str = "combined") -> pd.DataFrame:
    """The sources' voice against the author's: the author's sentences (not mostly quotation) and the
    quoted words themselves (``quotes`` from quote_scores), per article: voice, units, mean."""
    author = scores[~scores["heading"] & ~scores["in_quote"]].assign(voice="author (sentences)")
    parts = [author[["article", "voice", method]]]
    if quotes is not None and not quotes.empty:
        parts.append(quotes.assign(voice="sources (quoted words)")[["article", "voice", method]])
    both = pd.concat(parts, ignore_index=True)
    return (both.groupby(["article", "voice"])[method].agg(["count", "mean"]).reset_index()
            .rename(columns={"count": "units", "mean": f"mean_{method}"}))


def word_shift(scores: pd.DataFrame, a: str, b: str, top: int = 15) -> pd.DataFrame:
    """Which words make article ``a`` more negative or positive than ``b`` (VADER lexicon valences).

    contribution = (uses in a / words in a - uses in b / words in b) * valence, per 1,000 words: a
    negative contribution pulls ``a`` below ``b``. Columns: word, valence, count_a, count_b, contribution.
    """
    lex = _vader().lexicon
    counts, totals = {}, {}
    for art in (a, b):
        # Capitalised words inside a sentence are names ("Justice and Development Party"), not sentiment.
        toks = [w.lower() for t in scores.loc[scores["article"] == art, "text"]
                for i, w in enumerate(re.findall(r"[A-Za-z']+", t.replace("’", "'"))) if i == 0 or not w[:1].isupper()]
        totals[art] = max(1, len(toks))
        counts[art] = pd.Series(toks, dtype=object).value_counts()
    vocab = sorted((set(counts[a].index) | set(counts[b].index)) & set(lex))
    rows = []
    for w in vocab:
        ca, cb = int(counts[a].get(w, 0)), int(counts[b].get(w, 0))
        rows.append((w, lex[w], ca, cb, 1000 * (ca / totals[a] - cb / totals[b]) * lex[w]))
    table = pd.DataFrame(rows, columns=["word", "valence", "count_a", "count_b", "contribution"])
    return table.reindex(table["contribution"].abs().sort_values(ascending=False, kind="stable").index).head(top)


TOWARD_COLUMNS = ["article", "sentence", "speaker", "actor", "label", "start", "end", "score", "sentiment",
                  "evidence", "text"]
AUTHOR = "the author"
LABEL_SIGN = {"negative": -1, "neutral": 0, "positive": 1}  # a mention's label as a number (the net tone is their mean)


def _offsets_in_sentence(mentions: pd.DataFrame, docs: list[Document] | None = None) -> list[tuple[int, int]]:
    """Each mention's span within its sentence text: its own clean offsets less its sentence's start,
    with ``docs``; without them (a mentions table alone), the k-th occurrence of its label there, for
    the k-th mention with that label in the sentence."""
    if docs is not None:
        starts = {(d.id, s.sentence): s.clean_start for d in docs for s in d.sentences}
        rows = zip(mentions["article"], mentions["sentence"], mentions["start"], mentions["end"])
        return [(a - starts[(art, sid)], b - starts[(art, sid)]) for art, sid, a, b in rows]
    seen: dict[tuple, int] = {}
    spans = []
    for art, sid, label, text in zip(mentions["article"], mentions["sentence"], mentions["label"], mentions["text"]):
        key = (art, sid, label.lower())
        k = seen.get(key, 0)
        seen[key] = k + 1
        at = -1
        for _ in range(k + 1):
            at = text.lower().find(label.lower(), at + 1)
            if at < 0:
                break
        spans.append((at, at + len(label)) if at >= 0 else (0, len(text)))
    return spans


def _speakers(mentions: pd.DataFrame, sources: pd.DataFrame | None) -> list[str]:
    """Who says what a mention's sentence says about the actor: the source of the quotation or reported
    speech in that sentence, or the author; a source is never the speaker of its own mention."""
    if sources is None or sources.empty:
        return [AUTHOR] * len(mentions)
    speech = sources[sources["kind"].isin(["direct", "partial", "indirect", "according_to", "statement"])]
    by_sentence: dict[tuple, list] = {}
    for r in speech.itertuples():
        by_sentence.setdefault((r.article, r.sentence), []).append(r)
    out = []
    for art, sid, actor, label, start in zip(mentions["article"], mentions["sentence"], mentions["actor"],
                                             mentions["label"], mentions["start"]):
        said = [r for r in by_sentence.get((art, sid), []) if r.source not in (actor, label)
                and label not in (r.source, r.role) and not (r.start <= start < r.end)]
        out.append(said[0].source if said else AUTHOR)
    return out


def mention_sentiment(mentions: pd.DataFrame, sources: pd.DataFrame | None = None,
                      lexicons: Lexicons | str | Path | None = None, scores: pd.DataFrame | None = None,
                      pronouns: pd.DataFrame | None = None, docs: list[Document] | None = None) -> pd.DataFrame:
    """Who says what about whom: every actor mention with the sentiment of its sentence toward that
    actor (targets.target_sentiment), the speaker (the author, or the source a quotation or reported
    speech in the sentence is attributed to) and the evidence. Columns: TOWARD_COLUMNS. ``scores``
    (sentence_scores) saves scoring the sentences again. ``pronouns`` (actors.pronoun_mentions) adds a
    row for each "he" or "she" resolved to a person, its label the pronoun: more of what an article says
    about someone, in the sentences that do not repeat the name. ``docs`` (the documents of the
    mentions) place each mention in its sentence by its own offsets; without them it is found there by
    its label."""
    spans = _offsets_in_sentence(mentions, docs)
    if pronouns is not None and not pronouns.empty:
        spans += [(a, a + len(label)) for a, label in zip(pronouns["offset"], pronouns["label"])]
        mentions = pd.concat([mentions[pronouns.columns.intersection(mentions.columns)], pronouns],
                             ignore_index=True)
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "score" else object) for c in TOWARD_COLUMNS})
    memo = {} if scores is None else {t: (v, p) for t, v, p in zip(scores["text"], scores["vader_compound"],
                                                                    scores["tb_polarity"]) if v == v}
    found = target_sentiment(((t, a, b) for t, (a, b) in zip(mentions["text"], spans)), lexicons, memo)
    table = mentions[["article", "sentence", "actor", "label", "start", "end", "text"]].reset_index(drop=True)
    table["speaker"] = _speakers(table, sources)
    table["score"] = found["score"].round(4).to_numpy()
    table["sentiment"] = found["label"].to_numpy()
    table["evidence"] = found["evidence"].to_numpy()
    first = {a: i for i, a in enumerate(dict.fromkeys(table["article"]))}  # the articles' own order
    order = table.assign(_a=table["article"].map(first)).sort_values(["_a", "sentence", "start"], kind="stable").index
    return table.loc[order, TOWARD_COLUMNS].reset_index(drop=True)


def actor_sentiment(scores: pd.DataFrame, mentions: pd.DataFrame, method: str = "target",
                    toward: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per actor and article: how the article's sentences treat the actor, with a 95% bootstrap
    interval and the evidence (sentence numbers).

    ``method="target"`` (the default) scores each mention's sentence toward that actor
    (mention_sentiment, or ``toward`` when it is already computed); a sentence praising one actor
    and attacking another scores differently for each. Any other method (e.g. "combined") is the
    mean score of the sentences that name the actor, as before. Columns: actor, article, sentences,
    mean_<method>, method, evidence, then mentions, mean_low, mean_high, negative, neutral, positive
    (mentions by label; for sentence methods, sentences by the method's neutral band), and net (positive
    minus negative, as a share of them all: -1..1; the net tone, which ranks three outlets' treatment
    of an entity as BASIL's annotators do more often than the mean score: see benchmarks/RESULTS.md),
    verdict (``verdict``: negative, neutral, positive, or unclear on thin evidence or an interval
    across zero).
    """
    cols = ["actor", "article", "sentences", f"mean_{method}", "method", "evidence", "mentions", "mean_low",
            "mean_high", "negative", "neutral", "positive", "net", "verdict"]
    if mentions.empty:  # typed, so that sums and rankings of an empty table work
        types = {"sentences": int, f"mean_{method}": float, "mentions": int, "mean_low": float, "mean_high": float,
                 "negative": int, "neutral": int, "positive": int, "net": float, "verdict": str}
        return pd.DataFrame({c: pd.Series(dtype=types.get(c, object)) for c in cols})
    if method == "target":
        units = (toward if toward is not None else mention_sentiment(mentions))[["article", "sentence", "actor",
                                                                                "score", "sentiment"]]
        units = units.rename(columns={"score": "value"})
    else:
        pairs = mentions[["article", "sentence", "actor"]].drop_duplicates()
        units = pairs.merge(scores[["article", "sentence", method]], on=["article", "sentence"])
        units = units.rename(columns={method: "value"})
        units["sentiment"] = pd.Series(classify(units["value"], method)).map(
            {-1: "negative", 0: "neutral", 1: "positive"}).to_numpy()
    units = units.sort_values(["actor", "article", "sentence"], kind="stable")
    out = _per_actor_and_article(units)
    out = out.rename(columns={"mean": f"mean_{method}"}).assign(method=method)
    out = out.astype({"negative": int, "neutral": int, "positive": int})
    labelled = (out["negative"] + out["neutral"] + out["positive"]).clip(lower=1)
    out["net"] = ((out["positive"] - out["negative"]) / labelled).round(4)
    out["verdict"] = [verdict(n, lo, hi) for n, lo, hi in zip(out["mentions"], out["mean_low"], out["mean_high"])]
    return out[cols]


MIN_MENTIONS = 3  # fewer mentions than this and the tone toward an actor is "unclear"
NEUTRAL_TONE = 0.1  # a tone interval inside (-0.1, 0.1) is neutral


def verdict(mentions: int, low: float, high: float) -> str:
    """What the tone toward an actor in one article can be said to be, from its mentions and the 95%
    interval of their mean: "unclear" with fewer than MIN_MENTIONS mentions or an interval that
    spans zero wider than the neutral band (NEUTRAL_TONE), "neutral" inside it, else "negative" or
    "positive".
    Summed over an article this tone ranked outlets no better than chance on held-out events (see
    "How far to trust each table"): a clear verdict says the article's words lean, not that an expert
    would call the article harsh."""
    if mentions < MIN_MENTIONS or not (np.isfinite(low) and np.isfinite(high)):
        return "unclear"
    if -NEUTRAL_TONE < low and high < NEUTRAL_TONE:
        return "neutral"
    if high < 0:
        return "negative"
    return "positive" if low > 0 else "unclear"


def _per_actor_and_article(units: pd.DataFrame) -> pd.DataFrame:
    """actor_sentiment's figures from its units (article, sentence, actor, value, sentiment; sorted by
    actor, article, sentence): sentences, mean, mentions, evidence, the labels' counts and the mean's
    bootstrap interval, one row per (actor, article) in sorted order. One pass over plain lists: a
    pandas aggregation per group cost more than the sentiment model itself."""
    groups: dict[tuple, list[int]] = {}
    for k, key in enumerate(zip(units["actor"].tolist(), units["article"].tolist())):
        groups.setdefault(key, []).append(k)
    keys = sorted(groups)
    sentence, label = units["sentence"].tolist(), units["sentiment"].tolist()
    value = units["value"].to_numpy(dtype=float)
    rows = []
    for key in keys:
        members = groups[key]
        seen = sorted({sentence[k] for k in members})
        labels = [label[k] for k in members]
        rows.append((*key, len(seen), len(members), ", ".join(map(str, seen)),
                     *(labels.count(name) for name in ("negative", "neutral", "positive"))))
    out = pd.DataFrame(rows, columns=["actor", "article", "sentences", "mentions", "evidence",
                                      "negative", "neutral", "positive"])
    # pandas' grouped mean (compensated summation), the figures the table always had, to the last bit
    out.insert(3, "mean", units.groupby(["actor", "article"], sort=True)["value"].mean().to_numpy())
    values = [value[groups[key]] for key in keys]
    bounds = bootstrap_cis([v[~np.isnan(v)] for v in values])
    out["mean_low"], out["mean_high"] = [b[0] for b in bounds], [b[1] for b in bounds]
    return out


def who_says_what(toward: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Speaker -> actor -> sentiment, per article: mentions, mean score toward the actor and the
    sentences, for the ``top`` actors each article names most. Comparing articles, a reader sees
    whether one lets an actor's critics speak and the other his allies."""
    cols = ["article", "speaker", "actor", "mentions", "mean_score", "evidence"]
    if toward.empty:
        return pd.DataFrame(columns=cols)
    counts = toward.groupby(["article", "actor"]).size().rename("n").reset_index()
    keep = counts.sort_values(["article", "n", "actor"], ascending=[True, False, True]).groupby("article").head(top)
    mine = toward.merge(keep[["article", "actor"]], on=["article", "actor"])
    out = (mine.groupby(["article", "speaker", "actor"])
           .agg(mentions=("score", "size"), mean_score=("score", "mean"),
                evidence=("sentence", lambda v: ", ".join(map(str, sorted(set(v))))))
           .reset_index())
    return out[cols]
