"""What the sources analysis reads from the lexicons (cues.csv, source_types.csv, descriptions.csv and
the actor lexicon), compiled once per state of the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..actors import ActorLexicon, actor_lexicon
from ..lexicons import Lexicons, get, word_alternation

Lex = Lexicons | str | Path | None


@dataclass(frozen=True)
class SourceLexicon:
    """What the sources analysis reads from the lexicons, compiled once per state of the files."""

    cues: dict[str, tuple[str, str]]  # cue (lower case) -> (stance, kind)
    cue_re: re.Pattern
    type_rules: list[tuple[re.Pattern, str]]
    descriptions: dict[str, re.Pattern]
    actors: ActorLexicon
    # word_lists.csv: the words the source rules read (each list's "about" says what for)
    speaker_nouns: frozenset = frozenset()
    text_nouns: frozenset = frozenset()
    issued: frozenset = frozenset()
    occasions: frozenset = frozenset()
    not_person: frozenset = frozenset()
    notice_labels: frozenset = frozenset()
    not_characterising: frozenset = frozenset()
    naming: frozenset = frozenset()
    not_spoken: frozenset = frozenset()
    presenting_verbs: frozenset = frozenset()
    speaking_objects: frozenset = frozenset()  # with the text nouns
    infinitive_cues: frozenset = frozenset()
    judging_the_saying: frozenset = frozenset()
    listener_cues: frozenset = frozenset()
    inverted_cues: frozenset = frozenset()
    finders: frozenset = frozenset()
    needs_that: frozenset = frozenset()
    reply_cues: frozenset = frozenset()


def _build_source_lexicon(lex: Lexicons) -> SourceLexicon:
    cues = {r["cue"].lower(): (r["stance"], r["kind"]) for r in lex.table("cues.csv")}
    alternatives = word_alternation(c.lower() for c in cues)  # a trie: hundreds of cues, one try a character
    return SourceLexicon(
        cues=cues,
        cue_re=re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])", re.IGNORECASE),
        type_rules=[(re.compile(r["pattern"]), r["source_type"]) for r in lex.table("source_types.csv")],
        descriptions={r["description"].lower(): re.compile(rf"(?<![\w-])(?:{r['refers_to']})(?![\w-])")
                      for r in lex.table("descriptions.csv")},
        actors=actor_lexicon(lex), **_word_lists(lex))


LISTS = ("speaker_nouns", "text_nouns", "issued", "occasions", "not_person", "notice_labels", "not_characterising",
         "naming", "not_spoken", "presenting_verbs", "infinitive_cues", "judging_the_saying", "listener_cues",
         "inverted_cues", "finders", "needs_that", "reply_cues")


def _word_lists(lex: Lexicons) -> dict[str, frozenset]:
    lists = {name: frozenset(lex.word_list(name)) for name in LISTS}
    return {**lists, "speaking_objects": lists["text_nouns"] | frozenset(lex.word_list("speaking_objects"))}


def source_lexicon(lexicons: Lex = None) -> SourceLexicon:
    """cues.csv, source_types.csv, descriptions.csv and the actor lexicon, compiled."""
    return get(lexicons).compiled("sources", _build_source_lexicon)


def cue_table(lexicons: Lex = None) -> dict[str, tuple[str, str]]:
    """cue (lower case) -> (stance, kind) from ``cues.csv``."""
    return source_lexicon(lexicons).cues


def cue_regex(lexicons: Lex = None) -> re.Pattern:
    """Any cue word or phrase, as a whole word."""
    return source_lexicon(lexicons).cue_re


def descriptions(lexicons: Lex = None) -> dict[str, re.Pattern]:
    """Descriptions that name an organisation met just before ("the alliance" -> NATO), from
    ``descriptions.csv``: the head word and a pattern for the names it can stand for."""
    return source_lexicon(lexicons).descriptions
