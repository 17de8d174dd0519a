"""Speaker noun phrases in tagged tokens: walking left or right of a cue to the phrase that speaks
(over appositives, asides, ages and home towns). Splitting a phrase into a name and a role is
``sources.names``.
"""

from __future__ import annotations

import re

from ..actors import WEEKDAYS, gazetteer
from ..segment import DASHES
from .lexicon import SourceLexicon

NP_TAGS = ("NN", "JJ", "DT", "PRP$", "POS", "CD", "NNP", "NNPS", "NNS")


SKIP_LEFT = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "may", "might", "could", "would",
             "will", "also", "publicly", "allegedly", "reportedly", "later", "then", "repeatedly", "again",
             "previously", "not", "never", "already", "still", "now", "openly", "once", "first", "earlier",
             "which", "who", "that", "apparently", "officially", "both", "recently", "quickly", "further", "since",
             "long"}


def _skip_left(toks, i: int, states: frozenset) -> int | None:
    """The token before ``i`` that can end the speaker's noun phrase, skipping auxiliaries, adverbs,
    relative pronouns, a parenthesis and a comma-delimited aside; None when a plain comma stops it."""
    j, go_on = i - 1, True
    while go_on and j >= 0:
        j, go_on = _left_step(toks, j, states)
        if j is None:
            return None
    return j if j >= 0 else None


def _left_step(toks, j: int, states: frozenset) -> tuple[int | None, bool]:
    """(the next token to look at, whether to go on left) from token ``j``; None: no speaker."""
    tok, tag = toks[j].word, toks[j].tag
    if tok.lower() in SKIP_LEFT or tag in ("RB", "MD"):
        return j - 1, True
    if tag == "CD" and 0 < j < len(toks) - 1 and toks[j - 1].word == "," and toks[j + 1].word == ",":
        return j - 2, True  # "Tom Ruiz, 56, who has led the union, told": an age between commas
    if tok == ")" or _dash_ends_at(toks, j) is not None:
        return _before_enclosed(toks, j, states), True
    if tok == "," and j + 1 < len(toks) and toks[j + 1].word.lower() in {"who", "which"} and j > 0:
        return j - 1, False  # "Omar Haddad, who said": the name before the relative clause
    if tok == ",":
        return _left_of_comma(toks, j, states), True
    return j, False


def _left_of_comma(toks, j: int, states: frozenset) -> int | None:
    """Past the aside or appositive the comma at ``j`` closes; the bracket before it ("Gov. John Kasich
    (R-OH), said": skipped next); None where the comma ends a clause."""
    after = _before_comma_chunk(toks, j, states)
    if after is None and not (j > 0 and toks[j - 1].word == ")"):
        return None
    return j - 1 if after is None else after


def _before_enclosed(toks, j: int, states: frozenset) -> int | None:
    """The token before a bracket or a dash aside that closes at token ``j``: "Jaysh al-Nasr (Army of
    Victory) which ..." (-1 when no bracket opens it), or _before_dash_aside."""
    if toks[j].word == ")":
        while j >= 0 and toks[j].word != "(":
            j -= 1
        return j - 1
    return _before_dash_aside(toks, _dash_ends_at(toks, j), states)


def _dash_ends_at(toks, j: int) -> int | None:
    """The first token of a dash that ends at token ``j`` ("—", "--", or "-" "-" as tokenised), or None."""
    if toks[j].word in DASHES or toks[j].word == "--":
        return j
    return j - 1 if toks[j].word == "-" and j > 0 and toks[j - 1].word == "-" else None


def _before_dash_aside(toks, close: int, states: frozenset) -> int | None:
    """The token before an aside between dashes that closes at token ``close`` ("Jo Roe, head of Acme
    Media — the firm that owns the show — told"): the name an appositive before the aside describes, else
    the token before the opening dash; None when no dash opens the aside."""
    k = close - 1
    while k >= 0 and _dash_ends_at(toks, k) is None:
        k -= 1
    if k < 1:
        return None
    k = _dash_ends_at(toks, k)
    after = _before_comma_chunk(toks, k, states)
    return k - 1 if after is None else after


def _before_comma_chunk(toks, j: int, states: frozenset) -> int | None:
    """The token before the chunk that the comma at ``j`` closes, when that chunk is an aside or an
    appositive after a name; None when the comma ends a clause."""
    k = _previous_comma(toks, j)
    before = _previous_comma(toks, k)
    if _region_between(toks, k, j, states) and before >= 0 and _opens_aside(toks, before):
        k = _previous_comma(toks, k)  # ", during a meeting in Columbus, Ohio," is one aside
    # ", in a meeting with ..., told" or ", speaking on condition of anonymity, said": skip the aside;
    # "Phil Lovas, a spokesman for the union, said": the appositive describes the name before it
    aside = k >= 0 and _opens_aside(toks, k)
    # (a party and state in brackets ends the name too: "Rep. Jim Jordan (R-Ohio), an oversight panel member,")
    appositive = k >= 1 and _ends_name(toks, k - 1) and j - k <= 25
    if not (aside or appositive):
        return None
    return _before_appositives(toks, k) if appositive else k - 1


def _opens_aside(toks, k: int) -> bool:
    """Does the chunk after the comma at ``k`` open an aside: ", in a meeting with", ", speaking on
    condition of anonymity", ", who asked not to be named"?"""
    return k >= 0 and (toks[k + 1].tag in ("IN", "VBG", "VBN") or toks[k + 1].word.lower() in {"who", "which"})


def _previous_comma(toks, j: int) -> int:
    """The index of the last comma before token ``j``, or -1."""
    k = j - 1
    while k >= 0 and toks[k].word != ",":
        k -= 1
    return k


# Regions written after a town ("Flint, Mich.", "Columbus, Ohio"): AP's state abbreviations
def _region_between(toks, k: int, j: int, states: frozenset) -> bool:
    """Tokens k+1..j-1 are a region after a place name before comma ``k`` (", Ohio,", ", Mich.,")."""
    words = "".join(t[0] for t in toks[k + 1 : j]).rstrip(".")
    return k >= 1 and toks[k - 1].tag.startswith("NNP") and (
        words in states or words in gazetteer()[1])


def _ends_name(toks, n: int) -> bool:
    """Does a name end at token ``n``, before an appositive? "Phil Lovas", "Sexton" (a capital the
    tagger took for a common noun), "Ramil Carr, 31", "Rep. Jim Jordan (R-Ohio)"."""
    if toks[n].tag == "CD" and n >= 2 and toks[n - 1].word == ",":
        n -= 2  # an age between commas
    tok = toks[n]
    return tok.tag.startswith("NNP") or tok.word == ")" or (tok.tag.startswith("NN") and proper(tok.word))


def _before_appositives(toks, comma: int) -> int:
    """The last token of the name before a chain of appositives that ends at ``comma``: in "Jean Roux,
    the foreign minister of France, a member of the council, said" the name is Roux, not France."""
    j = comma - 1
    while True:
        k = j - 1
        while k >= 0 and toks[k].word not in {",", "(", ")", ";", ":"}:
            k -= 1
        # the chunk toks[k+1 .. j] is itself an appositive when it opens with a determiner after a name
        if k >= 1 and toks[k].word == "," and toks[k + 1].tag in ("DT", "PRP$") and toks[k - 1].tag.startswith("NNP") \
                and j - k <= 25:
            j = k - 1
            continue
        return j


def np_start(toks, b: int) -> int:
    """The first token of the noun phrase that ends before token ``b`` ("the Turkish Foreign Ministry")."""
    a = b
    while a > 0:
        if _nickname_before(toks, a):
            a -= 3  # Marcia “Cia” Price: a nickname in quotation marks inside the name
            continue
        if not (toks[a - 1].tag.startswith(NP_TAGS) or toks[a - 1].word in {"’s", "'s", "of", "and", "the"}
                or toks[a - 1].word.startswith("al-")):
            break
        if toks[a - 1].word in {"of", "and"} and not (a - 2 >= 0 and toks[a - 2].tag.startswith(NP_TAGS)):
            break
        a -= 1
    while a < b and toks[a].word in {"of", "and"}:
        a += 1
    return a


def _nickname_before(toks, a: int) -> bool:
    """Tokens a-3..a-1 are a one-word nickname in quotation marks between two parts of a name."""
    return (a >= 4 and toks[a - 1].word in QUOTE_TOKENS and toks[a - 3].word in QUOTE_TOKENS
            and toks[a - 2].tag == "NNP" and toks[a - 4].tag.startswith("NNP") and a < len(toks)
            and toks[a].tag.startswith("NNP"))


QUOTE_TOKENS = frozenset({'"', "“", "”"})


TIME_WORDS = frozenset("""the last this next early late earlier later month months week weeks year years day days
morning afternoon evening night weekend today yesterday tonight""".split())


def np_left(toks, i: int, slex: SourceLexicon) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase that ends just before token i (see _skip_left), or the
    speaker before a time ("on Tuesday") or a phrase that follows it (_outer_speaker)."""
    j = _skip_left(toks, i, slex.actors.state_abbreviations)
    if j is None:
        return None
    if toks[j].tag == "PRP":  # "he said": resolved to a named source later
        return j, j + 1
    b = j + 1
    a = np_start(toks, b)
    if a < b and all(t[0] in slex.actors.not_actors or t[0].lower() in TIME_WORDS for t in toks[a:b]):
        return _speaker_before_a_time(toks, a, slex)
    outer = _outer_speaker(toks, a, b, slex)
    if outer is not None:
        return outer
    relative = _who_before(toks, a, slex) if a >= 1 and toks[a - 1].tag in VERB_TAGS else None
    if relative is not None:
        return relative  # "an official who spoke anonymously to discuss strategy said": not "strategy"
    if toks[b - 1].word.lower() in slex.occasions and _after_preposition(toks, a):
        return None  # "but in a later interview said", "on camera said": the occasion, not the speaker
    return _phrase_without_time(toks, a, b)


def _speaker_before_a_time(toks, a: int, slex: SourceLexicon) -> tuple[int, int] | None:
    """The speaker before a phrase of time or of not_actors.txt that ends at the cue: "on Tuesday";
    "Wells Fargo just this month announced", "a report released last year found" (the speaker stands
    before the time and the participle)."""
    if a >= 1 and toks[a - 1].tag == "IN":
        return np_left(toks, a - 1, slex)
    if a >= 1 and toks[a - 1].tag in ("RB", "VBN"):
        return np_left(toks, a - 1 if toks[a - 1].tag == "VBN" else a, slex)
    return None


def _phrase_without_time(toks, a: int, b: int) -> tuple[int, int] | None:
    """The phrase [a, b) without a time at its end ("Trump this week said"), unless nothing is left or
    it ends in a determiner, a preposition or a possessive; "Yet another said": a determiner alone that
    stands for one more of those just quoted."""
    while b - a > 1 and toks[b - 1].word.lower() in TIME_WORDS and toks[b - 2].word.lower() in TIME_WORDS - {"the"}:
        b -= 2
    if a >= b:
        return None
    return (a, b) if toks[b - 1].tag not in ("DT", "IN", "POS") or toks[b - 1].word.lower() == "another" else None


VERB_TAGS = ("VB", "VBD", "VBP", "VBZ", "VBN")  # "who have accused X of Y said": VBN too
def _after_preposition(toks, a: int) -> bool:
    """Does a preposition of occasion ("in", "on", "during") open the phrase ending at token ``a``, perhaps
    before a determiner or a modifier ("in a later interview")?"""
    k = a - 1
    while k >= 0 and toks[k].tag in ("RB", "DT", "JJ"):
        k -= 1
    return k >= 0 and toks[k].word.lower() in {"in", "on", "during"}


def _who_before(toks, a: int, slex: SourceLexicon) -> tuple[int, int] | None:
    """The noun phrase before the "who" that opens the relative clause ending at token ``a`` (the object
    of the clause's verb is no speaker): "a White House official who spoke anonymously to discuss
    internal strategy said"."""
    k = a - 1
    while k >= max(0, a - 15) and toks[k].word.lower() != "who" and toks[k].word not in QUOTE_TOKENS | {",", ";", ":"}:
        k -= 1
    if k < 1 or toks[k].word.lower() != "who":
        return None
    return np_left(toks, k, slex)


def _outer_speaker(toks, a: int, b: int, slex: SourceLexicon) -> tuple[int, int] | None:
    """The speaker before a phrase that the noun phrase [a, b) ends: "witnesses in the village of
    Yamadi said", "protesters marching through the streets chanted", "sources close to the Kremlin"."""
    outer = None
    if a >= 2 and toks[a - 1].tag == "IN" and toks[a - 1].word.lower() in {"in", "from", "at", "near", "inside", "on"}:
        outer = np_left(toks, a - 1, slex)
    if outer is None and a >= 3 and toks[a - 1].tag in ("IN", "TO") and toks[a - 2].tag == "VBG":
        outer = np_left(toks, a - 2, slex)
    close_to = a >= 3 and toks[a - 1].word in {"to", "with"} and toks[a - 2].word in {"close", "familiar", "near"}
    speaker_end = a - 2 if close_to else _speaks_for(toks, a, slex)
    if outer is None and speaker_end is not None:
        outer = np_left(toks, speaker_end, slex)
        return (outer[0], b) if outer is not None else None
    return outer


def _speaks_for(toks, a: int, slex: SourceLexicon) -> int | None:
    """Where the speaker ends in "a lawyer for Mr. Grimm said" (the lawyer speaks, for Grimm): the
    token "for" after a noun of a speaker, before the name opening at ``a`` ("Mr", "." and "Grimm" are
    three tokens); None when the name follows no such "for"."""
    f = a - 2 if a >= 2 and toks[a - 1].word == "." and toks[a - 2].word in slex.actors.name_abbreviations else a
    return f - 1 if f >= 2 and toks[f - 1].word == "for" and toks[f - 2].word.lower() in slex.speaker_nouns else None


def np_right(toks, i: int, abbreviations: frozenset) -> tuple[int, int] | None:
    """The noun phrase starting just after token i ("..., said Putin")."""
    a = i + 1
    b = a
    while b < len(toks) and _goes_on_right(toks, a, b, abbreviations):
        b += 1
    if b == a + 1 and toks[a].word.lower() in PARTITIVES and b < len(toks) - 1 and toks[b].word == "of":
        rest = np_right(toks, b, abbreviations)  # "one of those advisers"
        b = rest[1] if rest else b
    if a < b < len(toks) - 1 and (toks[b - 1].word.lower(), toks[b].word.lower()) in CLOSE_TO:
        # "one Democrat familiar with the talks", "a person close to the family"
        rest = np_right(toks, b, abbreviations)
        b = rest[1] if rest else b
    return (a, b) if b > a else None


def _goes_on_right(toks, a: int, b: int, abbreviations: frozenset) -> bool:
    """Does token ``b`` go on with the noun phrase begun at ``a``: a noun or its modifier, a possessive,
    the dot of an abbreviated title ("Sen."), a glued word, a capital inside a name?"""
    return (toks[b].tag.startswith(NP_TAGS) or toks[b].word in {"’s", "'s"}
            or (toks[b].word == "." and b > a and toks[b - 1].word in abbreviations)
            or glued(toks, b, a) or _capital_in_name(toks, b))


# An adjective and preposition that tie an unnamed source to what they know ("familiar with the talks")
CLOSE_TO = frozenset({("familiar", "with"), ("close", "to"), ("knowledgeable", "about")})


def np_head(toks, span: tuple[int, int]) -> tuple[int, int]:
    """The noun phrase without what ties it to what it knows: "one Democrat" of "one Democrat familiar
    with the talks"."""
    for k in range(span[0] + 1, span[1] - 1):
        if (toks[k].word.lower(), toks[k + 1].word.lower()) in CLOSE_TO:
            return span[0], k
    return span


PARTITIVES = frozenset("one some many most several two three another each all none".split())


def _capital_in_name(toks, b: int) -> bool:
    """A capitalised word the tagger took for a verb, inside a name or its description: "Will Doyle",
    "Florida-based Republican strategist"."""
    word = toks[b].word
    return proper(word) and b + 1 < len(toks) and ("-" in word or toks[b + 1].tag == "NNP")


def glued(toks, b: int, a: int) -> bool:
    """A slash or hyphen written without spaces inside one word the tagger split ("9/11 widow",
    "45-year-old teacher")."""
    return (toks[b].word in {"/", "-"} and a < b < len(toks) - 1 and toks[b - 1].end == toks[b].start
            and toks[b].end == toks[b + 1].start)


def clause_subject_at(toks, k: int) -> tuple[int, int] | None:
    """The noun phrase just before the verb at token ``k``, if the verb has one as its subject."""
    j = k - 1
    while j >= 0 and toks[j].tag == "RB":
        j -= 1
    if j < 0 or not toks[j].tag.startswith(("NN", "PRP")) or toks[j].tag == "PRP$":
        return None
    a = j
    while a > 0 and (toks[a - 1].tag.startswith(NP_TAGS) or toks[a - 1].word.startswith("al-")):
        a -= 1
    a, j = _before_prepositional_phrases(toks, a, j)
    if a > 0 and toks[a - 1].tag == "IN":
        return None
    return a, j + 1


def _before_prepositional_phrases(toks, a: int, j: int) -> tuple[int, int]:
    """"Turkey on Tuesday rejected": the noun phrase [a, j] in a prepositional phrase is not the
    subject; the one before the preposition is."""
    while a >= 2 and toks[a - 1].tag == "IN" and toks[a - 2].tag.startswith(NP_TAGS):
        j = a - 2
        a = j
        while a > 0 and toks[a - 1].tag.startswith(NP_TAGS):
            a -= 1
    return a, j


def subject(toks, upto: int, first: bool = False) -> tuple[int, int] | None:
    """The last noun phrase before token ``upto`` that is followed by its verb ("the Turkish Foreign
    Ministry allegedly summoned", "Turkey is"): the subject of the clause the token belongs to."""
    best = None
    for k in range(1, upto):
        if not toks[k].tag.startswith("VB") and toks[k].tag != "MD":
            continue
        span = clause_subject_at(toks, k)
        if span is not None:
            best = span
            if first:
                break
    return best


def proper(word: str) -> bool:
    return word[:1].isupper() or bool(re.match(r"(?:al|el|bin|ibn)-[A-Z]", word))


def relative_subject(toks, i: int) -> int | None:
    """The token of "who"/"which" when it is the subject of the cue at ``i`` ("Haddad, who later said")."""
    k = i - 1
    while k >= max(0, i - 6) and (toks[k].tag in ("RB", "MD", "IN", "CD", "DT", "NNP")
                                  or toks[k].word.lower() in SKIP_LEFT - {"who", "which", "that"}):
        k -= 1  # auxiliaries, adverbs and a short time phrase: "who in 2010 said", "which on Monday announced"
    return k if k >= 0 and toks[k].word.lower() in {"who", "which"} else None


def appositive_name(toks, i: int) -> tuple[int, int] | None:
    """The name set off by commas just before the cue: "The group's director, Rami Abdulrahman, told"."""
    if i < 3 or toks[i - 1].word != ",":
        return None
    k = i - 2
    while k >= 0 and (toks[k].tag.startswith("NNP") or (toks[k].word == "." and k > 0 and len(toks[k - 1].word) == 1)):
        k -= 1
    return (k + 1, i - 1) if k < i - 2 and k >= 0 and toks[k].word == "," else None


def issuer(toks, i: int, span: tuple[int, int] | None, issued: frozenset) -> tuple[int, int] | None:
    """The subject who put out the text before a participle cue: "the Trump campaign issued a statement
    saying", "Rubio's campaign sent out a press release saying" (the campaign speaks, not the statement)."""
    if span is None or toks[i].tag != "VBG" or toks[span[1] - 1].word.lower() not in issued:
        return None
    v = span[0] - 1
    if v >= 0 and toks[v].word.lower() in {"out", "off"}:
        v -= 1  # "sent out", "fired off"
    if v < 1 or toks[v].tag not in ("VBD", "VBZ", "VBN", "VBP"):
        return None
    return clause_subject_at(toks, v)


# Words that say when, not who ("said Wednesday Trump would", "said last week")
WHEN = WEEKDAYS | frozenset("""January February March April May June July August September October November
December Today Yesterday Tonight Last This Next""".split())


def speaker_head(toks, span: tuple[int, int]) -> bool:
    """Right after a quotation, any noun phrase after the cue is its speaker ('..." says the ad’s narrator',
    '..." wrote one commenter', '..." tweeted another'), unless it says when ('said last week')."""
    last = toks[span[1] - 1]
    if any(t[0].lower() in TIME_WORDS - {"the"} or t[0] in WHEN for t in toks[span[0] : span[1]]):
        return False
    return last[1] in ("NN", "NNS", "NNP", "NNPS") or last[0].lower() in {"another", "one", "others"} \
        or proper(last[0])  # "said Small, who ...": a surname the tagger took for an adjective


def right_appositive(toks, right: tuple[int, int]) -> tuple[int, int]:
    """A role after the cue and the name it is set off from ("said Rubio’s deputy campaign manager, Rich
    Beeson, who ..."): the role and the name together; otherwise the noun phrase as it is."""
    a, b = right
    k = b + 1
    while k < len(toks) and toks[k].tag.startswith("NNP"):
        k += 1
    closed = k >= len(toks) or toks[k].word in {",", ".", ";"}
    if b < len(toks) - 1 and toks[b].word == "," and k - b >= 3 and closed and not toks[b - 1].tag.startswith("NNP"):
        return a, k
    return right


def one_of_a_party(toks, span: tuple[int, int]) -> bool:
    """ "one Republican", "a Democrat": a person named by a capitalised group word, not a name."""
    a, b = span
    return b - a == 2 and toks[a].word.lower() in {"one", "a", "an", "another"} and toks[b - 1].word[:1].isupper()
