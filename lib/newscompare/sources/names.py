"""A speaker's phrase split into a name and a role: "Sen. Ted Cruz of Texas" -> ("Ted Cruz", "Sen. of
Texas"); "segments of the FSA" -> ("FSA", "segments of the FSA").
"""

from __future__ import annotations

import re

from ..actors import ActorLexicon, actor_lexicon
from .lexicon import Lex
from .phrases import proper


def _actor_alias(name: str, alex: ActorLexicon) -> str:
    """A lexicon alias's actor ("Moscow" -> "Russia"); other names as they are."""
    if alex.names is not None and alex.names.fullmatch(name):
        return alex.name_actor.get(name) or alex.name_actor.get(name.lower()) or name
    return name


HYPHENATED_ADJECTIVE = re.compile(r"^[A-Z][\w.]*-[a-z]+$")  # "Oregon-based", "Kremlin-backed": not a name's part


def _person_split(words: list[str], alex: ActorLexicon) -> tuple[str, str]:
    """A person: the name follows the last title word ("NATO Secretary General Jens Stoltenberg")."""
    cut = 0
    for k, w in enumerate(words[:-1]):
        # Titles count in lower case too: "European Union spokesman Peter Stano".
        if w in alex.titles or w.capitalize() in alex.titles or (k == cut and (
                w in alex.demonyms or not proper(w) or HYPHENATED_ADJECTIVE.match(w))):
            cut = k + 1
    return _actor_alias(" ".join(words[cut:]), alex), " ".join(words[:cut]).rstrip(",")


def split_name(phrase: str, lexicons: Lex = None) -> tuple[str, str]:
    """'Turkish Prime Minister Ahmet Davutoğlu' -> ('Ahmet Davutoğlu', 'Turkish Prime Minister');
    organisations and plain noun phrases keep their words; lexicon aliases map to their actor
    ('Moscow' -> 'Russia')."""
    return name_and_role(phrase, actor_lexicon(lexicons))


def name_and_role(phrase: str, alex: ActorLexicon) -> tuple[str, str]:
    words = _without_determiner(phrase.strip(" ,;:“”\"'").split())
    if not words:
        return "", ""
    prepositions = {"to", "of", "with", "in", "from", "near", "at", "for"}
    if words[-1] not in alex.org_words and proper(words[-1]) and not prepositions & set(words):
        return _person_split(words, alex)
    # A person's name and where they come from: "Michael Brown of Washington", "Ana Ruiz from Leeds"
    at = next((k for k, w in enumerate(words) if w in prepositions), len(words))
    head = words[:at]
    if 2 <= len(head) < len(words) and all(proper(w) and w not in alex.org_words for w in head) \
            and head[-1] not in alex.titles:
        name, title = _person_split(head, alex)
        return name, " ".join([title] * bool(title) + words[at:])
    return _described_source(words, alex)


def _without_determiner(words: list[str]) -> list[str]:
    """The words without an article ("the", "a") or a demonstrative before a name ("those Republicans")."""
    while len(words) > 1 and (words[0].lower() in {"the", "a", "an"} or (
            words[0].lower() in {"these", "those", "this", "that", "some"} and any(proper(w) for w in words[1:]))):
        words = words[1:]
    return words


def _described_source(words: list[str], alex: ActorLexicon) -> tuple[str, str]:
    """A descriptive phrase: a proper name after "of"/"from" names the source ("segments of the FSA"),
    the phrase its role; else the phrase is the source."""
    joined = " ".join(words)
    m = re.search(r"\b(?:of|from)\s+(?:the\s+)?((?:al-)?[A-Z][\w’'.-]*(?:\s+(?:al-)?[A-Z][\w’'.-]*)*)", joined)
    if m and words[-1] not in alex.org_words:
        name = m.group(1)
        if alex.names is not None and alex.names.fullmatch(name):
            name = alex.name_actor.get(name) or name
        return name, joined
    return joined, ""
