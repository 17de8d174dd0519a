"""How each article portrays each actor: one row per article and actor with a tone (-1..1), its
interval, a verdict and the sentences that weigh most.

The tone weighs, sentence by sentence, what an analyst would weigh (``sentence_units``): the target
model's scores of the actor's mentions in the author's voice and in others' quotations, whether the
actor speaks there, how loaded the sentence is, whether it is the headline, the epithets attached to
the actor, and whether no other article reports it (the alignment table). A sentence model fitted on
BASIL's phrase-level annotations of bias aimed at an entity (``benchmarks/portrayal.py``; weights in
``data/portrayal_model.json``) turns each sentence into a leaning toward or against the actor
(``sentence_leanings``); the tone is the tanh of their sum. The interval resamples the actor's
sentences; the verdict is "unclear" where the evidence pulls both ways or rests on fewer than
``sentiment.MIN_MENTIONS`` mentions. How often the tone agrees with expert judgement on events it was
not fitted on is in the README ("How far to trust each table").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .lexicons import Lexicons, get
from .sentiment import AUTHOR, LABEL_SIGN, MIN_MENTIONS, tool_scores
from .targets import softmax

PORTRAYAL_COLUMNS = ["article", "actor", "mentions", "tone", "tone_low", "tone_high", "verdict", "evidence"]
UNIT_COLUMNS = ["article", "actor", "sentence", "author", "author_sign", "quoted", "quoted_sign", "mentions",
                "combined", "speaks", "loaded", "alone", "heading", "epithet"]
EVIDENCE_SENTENCES = 5
BOOTSTRAP_DRAWS = 200


def _speaker_actors(mentions: pd.DataFrame, sources: pd.DataFrame) -> dict[tuple, str]:
    """(article, source name) -> the actor the source is, where a mention of the actor in that article
    carries the source's name as its label or its actor name, or ends with it (a surname)."""
    names: dict[tuple, set] = {}
    for art, actor, label in zip(mentions["article"], mentions["actor"], mentions["label"]):
        for name in {actor, label}:
            names.setdefault((art, name.lower()), set()).add(actor)
            last = name.split()[-1].lower() if name.split() else ""
            names.setdefault((art, "~" + last), set()).add(actor)
    out = {}
    for art, source in set(zip(sources["article"], sources["source"])):
        found = names.get((art, source.lower())) or names.get((art, "~" + source.split()[-1].lower())
                                                              if source.split() else (art, ""))
        if found and len(found) == 1:
            out[(art, source)] = next(iter(found))
    return out


def _alone(alignment: pd.DataFrame, articles: int) -> set[tuple]:
    """The (article, sentence) pairs no other article reports (no shared alignment), when the run has
    more than one article."""
    if articles < 2 or alignment is None or alignment.empty:
        return set()
    shared = set(zip(*[alignment.loc[alignment["shared"], c] for c in ("article", "sentence")]))
    every = set(zip(alignment["article"], alignment["sentence"]))
    return every - shared


def sentence_units(toward: pd.DataFrame, sources: pd.DataFrame, sentences: pd.DataFrame,
                   alignment: pd.DataFrame | None = None, epithets: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article, actor and sentence naming the actor (UNIT_COLUMNS): the mean target score of
    the actor's mentions in the author's voice (``author``, NaN where none) and their mean label sign,
    the same in others' quotations (``quoted``), mentions, whether the actor speaks there, the
    sentence's loaded-language probability in the author's voice, whether no other article reports
    it (``alone``), whether it is a heading, and the summed polarity (VADER's compound score) of the
    epithets (actors.find_epithets) attached to the actor there."""
    if toward.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("article", "actor") else float)
                             for c in UNIT_COLUMNS})
    t = toward.copy()
    speaker_actor = _speaker_actors(t, sources) if sources is not None and not sources.empty else {}
    t["speaker_actor"] = [speaker_actor.get((a, s), s) for a, s in zip(t["article"], t["speaker"])]
    t["sign"] = t["sentiment"].map(LABEL_SIGN).astype(float)
    viewed = t[t["speaker_actor"] != t["actor"]]  # what an actor says of itself is not the article's view of it
    by_author = viewed["speaker"] == AUTHOR
    keys = ["article", "actor", "sentence"]
    mine = viewed[by_author].groupby(keys).agg(author=("score", "mean"), author_sign=("sign", "mean"))
    others = viewed[~by_author].groupby(keys).agg(quoted=("score", "mean"), quoted_sign=("sign", "mean"))
    units = t.groupby(keys).size().rename("mentions").to_frame().join(mine).join(others).reset_index()
    speaking = {(a, speaker_actor.get((a, s), s), n) for a, s, n in
                zip(sources["article"], sources["source"], sources["sentence"])} if sources is not None else set()
    units["speaks"] = [float((a, x, n) in speaking) for a, x, n in zip(units["article"], units["actor"],
                                                                      units["sentence"])]
    info = sentences.set_index(["article", "sentence"])
    at = list(zip(units["article"], units["sentence"]))
    loaded = info["loaded_score"].fillna(0) * (1 - info["quote_share"].fillna(0))
    units["loaded"] = loaded.reindex(at).fillna(0).to_numpy()
    units["combined"] = info["combined"].reindex(at).fillna(0).to_numpy()
    units["heading"] = info["heading"].reindex(at).fillna(False).astype(float).to_numpy()
    alone = _alone(alignment, sentences["article"].nunique())
    units["alone"] = [float(k in alone) for k in at]
    units["epithet"] = 0.0
    if epithets is not None and not epithets.empty:
        polarity = epithets.assign(polarity=[tool_scores(e)["vader_compound"] for e in epithets["epithet"]]) \
            .groupby(keys)["polarity"].sum()
        units["epithet"] = polarity.reindex(pd.MultiIndex.from_frame(units[keys])).fillna(0).to_numpy()
    return units[UNIT_COLUMNS]


SENTENCE_FEATURES = ["author", "author_sign", "quoted", "quoted_sign", "loaded", "alone", "speaks", "heading",
                     "combined", "epithet"]


def sentence_leanings(units: pd.DataFrame, model: dict) -> np.ndarray:
    """For each unit, the model's probability that the sentence leans positive toward the actor less the
    probability that it leans negative (-1..1): the sentence model fitted on BASIL's phrase-level
    annotations of bias aimed at an entity (loaded words, and facts or quotations chosen)."""
    if units.empty:
        return np.zeros(0)
    x = units[model["features"]].to_numpy(dtype=float)
    z = (np.nan_to_num(x) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    p = softmax(z @ np.asarray(model["weights"]).T + np.asarray(model["intercepts"]))
    classes = list(model["classes"])
    return p[:, classes.index(1)] - p[:, classes.index(-1)]


def tone_of(leanings: np.ndarray, scale: float) -> np.ndarray:
    """The tone (-1..1) from the sum of the sentence leanings along the last axis: tanh(sum / scale), so
    that one clearly leaning sentence moves the tone less than several."""
    return np.tanh(np.sum(leanings, axis=-1) / scale)


def _interval(leanings: np.ndarray, scale: float, seed: int) -> tuple[float, float]:
    """A 95% interval of the tone from resampling the actor's sentences in the article (one sentence:
    no interval but the tone itself)."""
    n = len(leanings)
    if n == 1:
        tone = float(tone_of(leanings, scale))
        return tone, tone
    rng = np.random.default_rng(seed)
    tones = np.sort(tone_of(leanings[rng.integers(0, n, (BOOTSTRAP_DRAWS, n))], scale))
    return float(tones[int(0.025 * BOOTSTRAP_DRAWS)]), float(tones[int(0.975 * BOOTSTRAP_DRAWS) - 1])


def verdict(mentions: int, tone: float, low: float, high: float, band: float) -> str:
    """negative or positive where the tone lies beyond the neutral band and its whole interval beyond
    zero; neutral where the tone lies inside the band and the interval does not reach twice the band;
    unclear otherwise (the evidence pulls both ways) or on fewer than MIN_MENTIONS mentions."""
    if mentions < MIN_MENTIONS:
        return "unclear"
    if tone <= -band and high < 0:
        return "negative"
    if tone >= band and low > 0:
        return "positive"
    return "neutral" if -band < tone < band and -2 * band < low and high < 2 * band else "unclear"


def portrayal(units: pd.DataFrame, lexicons: Lexicons | str | None = None, model: dict | None = None) -> pd.DataFrame:
    """The portrayal table (PORTRAYAL_COLUMNS) from sentence_units: per article and actor, the mentions,
    the tone (tone_of the sentence leanings), its 95% interval from resampling the actor's sentences,
    the verdict and the evidence (the sentences leaning most, in order). ``model`` replaces the shipped
    data/portrayal_model.json (a benchmark's fold)."""
    model = get(lexicons).json("portrayal_model.json") if model is None else model
    if units.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith("tone") else object)
                             for c in PORTRAYAL_COLUMNS})
    lean = sentence_leanings(units, model)
    scale, band = model["tone_scale"], model["neutral_band"]
    groups: dict[tuple, list[int]] = {}
    for k, key in enumerate(zip(units["article"].tolist(), units["actor"].tolist())):
        groups.setdefault(key, []).append(k)
    sentences, counts = units["sentence"].to_numpy(), units["mentions"].to_numpy()
    rows = []
    for k, ((art, actor), at) in enumerate(groups.items()):
        mine = lean[at]
        tone = float(tone_of(mine, scale))
        low, high = _interval(mine, scale, seed=k)
        low, high = min(low, tone), max(high, tone)
        mentions = int(counts[at].sum())
        top = np.sort(sentences[at][np.argsort(-np.abs(mine), kind="stable")[:EVIDENCE_SENTENCES]])
        rows.append({"article": art, "actor": actor, "mentions": mentions, "tone": round(tone, 4),
                     "tone_low": round(low, 4), "tone_high": round(high, 4),
                     "verdict": verdict(mentions, tone, low, high, band),
                     "evidence": ", ".join(str(int(s)) for s in top)})
    return pd.DataFrame(rows, columns=PORTRAYAL_COLUMNS)


def validation(lexicons: Lexicons | str | None = None) -> dict:
    """The model's cross-validated figures on BASIL (events it was not fitted on), as its fit wrote them."""
    return get(lexicons).json("portrayal_model.json").get("info", {}).get("cross_validated", {})


def trust_sentence(lexicons: Lexicons | str | None = None) -> str:
    """How far to trust the tone, in one sentence, from the figures the model was shipped with."""
    v = validation(lexicons)
    if not v:
        return "This portrayal model carries no validation figures: read the evidence, not the tone."
    return (f"On {v['events']} BASIL events it was not fitted on, the tone ranked two outlets' treatment of an "
            f"actor as expert annotators did in {v['outlet_order']:.0%} of the {v['pairs']} pairs they "
            f"ranked apart (a coin toss gets 50%), with a rank correlation of {v['spearman_rho']:.2f} to "
            f"their judgement; the verdict's macro-F1 was {v['macro_f1']:.2f} against {v['always_neutral_f1']:.2f} "
            "for always answering neutral. Read a verdict as a lean to check in the evidence sentences.")
