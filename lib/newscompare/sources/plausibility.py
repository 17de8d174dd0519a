"""How likely an attribution the extractors found is one a trained annotator would mark: a logistic
regression over what the row says of itself (its cue, kind, source type, whether the source is a
name, a pronoun or a common noun and that noun, how it was found), fitted on PolNeAR's train split
and its threshold chosen on dev (``benchmarks/attribution_model.py --fit``). Rows below the
threshold are left out of the sources table; ``data/attribution_model.json`` holds the weights, and
a copy without weights (or ``"threshold": 0``) keeps every row.
"""

from __future__ import annotations

import math
import re

from ..lexicons import Lexicons
from .records import CONTINUED, QUOTED_BEFORE, SELF, Attribution

# The kinds of attribution PolNeAR's annotators mark throughout: what someone said or wrote. A video
# or a statement a group released ("distributed the video", "took credit") is kept whatever the model
# says: the annotation scheme of election news seldom marks them, the project's sources table does.
JUDGED_KINDS = ("direct", "partial", "indirect", "according_to")
RARE = "(rare)"  # a cue or head noun seen fewer times than the model's min_count when it was fitted


def features(r: Attribution, pronouns) -> list[str]:
    """The row's features, as names: cue, kind, source type, confidence, and the source's form (a
    pronoun, the outlet itself, a common noun and its head, a name and its length, a role given)."""
    cue = r.cue.lower()
    out = [f"cue={cue}", f"kind={r.kind}", f"type={r.source_type}", f"confidence={r.confidence}",
           f"stance={r.cue_stance}"]
    source = r.source.strip()
    words = re.findall(r"[\w’'-]+", source.lower())
    if source.lower() in pronouns:
        out.append("source=pronoun")
    elif source == SELF:
        out.append("source=self")
    elif source[:1].islower():
        out += ["source=common", f"head={words[-1] if words else ''}"]
    else:
        out += ["source=name", f"name_words={min(len(words), 4)}"]
    if r.role:
        out.append("role")
    if r.quote:
        out.append("quote")
    return out


def probability(r: Attribution, model: dict, pronouns) -> float:
    """P(an annotator marks this attribution) under ``model`` (weights by feature name)."""
    return probability_of(features(r, pronouns), model)


def probability_of(feats: list[str], model: dict) -> float:
    """The model's probability for a row's features (a feature it lacks counts as its rare form)."""
    weights = model["weights"]
    z = model["intercept"]
    for f in feats:
        name, _, value = f.partition("=")
        if f not in weights and value and f"{name}={RARE}" in weights:
            f = f"{name}={RARE}"
        z += weights.get(f, 0.0)
    return 1.0 / (1.0 + math.exp(-z))


def load_model(lex: Lexicons) -> dict:
    return lex.json("attribution_model.json")  # parsed once per state of the file


def plausible(rows: list[Attribution], lex: Lexicons, pronouns) -> list[Attribution]:
    """The rows an annotator would likely mark (probability at least the model's threshold), of the
    JUDGED_KINDS (rows of other kinds are kept); the rows that continue or precede a kept attribution
    across sentences are kept with it."""
    model = load_model(lex)
    threshold = model.get("threshold", 0.0)
    if not model.get("weights") or threshold <= 0:
        return rows
    out, dropped = [], set()
    for r in rows:
        if r.kind not in JUDGED_KINDS:
            out.append(r)
        elif r.cue in (CONTINUED, QUOTED_BEFORE) or r.sentence < 0:
            if (r.article, r.source) not in dropped or r.cue == QUOTED_BEFORE:
                out.append(r)
        elif probability(r, model, pronouns) >= threshold:
            out.append(r)
            dropped.discard((r.article, r.source))
        else:
            dropped.add((r.article, r.source))
    return out
