"""Framing: which words distinguish each article, its news frames, how sure it sounds, and which
content it shares with the other articles or leaves out. (Who each article names is ``actors``; its
functions are importable from here too.)

Every table carries ``article`` and ``sentence`` (or can be joined to the rows that do), so each
figure can be traced to its sentences. Lexicons (see ``newscompare.lexicons``): frames.csv,
stance.csv, equivalents.csv, and cues.csv for scare quotes.

Aggregates over what is compared (``compare_by``: single articles or groups of them) come in two
layers: ``frame_shares``, ``marker_rates`` and ``term_z_scores`` work on tables (the report and
corpus mode both call them), ``frames_table``, ``stance_rates`` and ``distinctive_terms`` on documents.

The package: common -> terms -> frames -> stance -> alignment, each importing only those before it.
"""

from ..actors import (  # noqa: F401  (framing's old home of these: users' notebooks import them from here)
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
from .alignment import COMMON_POSTINGS, align_content, selection_summary
from .common import (
    FRAME_COLUMNS,
    FRAME_HIT_COLUMNS,
    MIN_HITS,
    MIN_WORDS,
    RULE_CATEGORIES,
    STANCE_COLUMNS,
    TERM,
    TERM_COLUMNS,
    WORD,
    Lex,
    check_lengths,
    content_skip,
    equivalents,
    stem,
    stopwords,
    unit_totals,
    warn,
    with_unit,
)
from .frames import frame_hits, frame_names, frame_patterns, frame_shares, frames_table
from .stance import (
    drop_credited_scare_quotes,
    marker_rates,
    stance_categories,
    stance_markers,
    stance_patterns,
    stance_rates,
)
from .terms import (
    LOADED_MODES,
    MIN_SENTENCES,
    Z_SIGNIFICANT,
    content_terms,
    distinctive_terms,
    keyword_in_context,
    loaded_lexicon,
    loaded_terms,
    log_odds_z,
    name_words,
    sentence_terms,
    significant_terms,
    term_counts,
    term_z_scores,
)

__all__ = [
    "COMMON_POSTINGS",
    "FRAME_COLUMNS",
    "FRAME_HIT_COLUMNS",
    "LOADED_MODES",
    "Lex",
    "MIN_HITS",
    "MIN_SENTENCES",
    "MIN_WORDS",
    "RULE_CATEGORIES",
    "STANCE_COLUMNS",
    "TERM",
    "TERM_COLUMNS",
    "WORD",
    "Z_SIGNIFICANT",
    "align_content",
    "check_lengths",
    "content_skip",
    "content_terms",
    "distinctive_terms",
    "drop_credited_scare_quotes",
    "equivalents",
    "frame_hits",
    "frame_names",
    "frame_patterns",
    "frame_shares",
    "frames_table",
    "keyword_in_context",
    "loaded_lexicon",
    "loaded_terms",
    "log_odds_z",
    "marker_rates",
    "name_words",
    "selection_summary",
    "sentence_terms",
    "significant_terms",
    "stance_categories",
    "stance_markers",
    "stance_patterns",
    "stance_rates",
    "stem",
    "stopwords",
    "term_counts",
    "term_z_scores",
    "unit_totals",
    "warn",
    "with_unit",
]
