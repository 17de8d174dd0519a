"""Whether a cue word attributes words at all: "found" without "that", "called for", "added to",
"declined to", a participle before a noun, a phone call rather than words.
"""

from __future__ import annotations

import re

from .records import SentenceContext

MEDIA_OBJECTS = re.compile(r"\b(?:videos?|photos?|images?|footage|posts?|statements?|pictures?|recordings?|"
                           r"communiqués?|clips?)\b", re.IGNORECASE)


THAT_NEXT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:that|how|what|why|whether)\b|\s*[:,]?\s*[“\"]")


CALLED_NOT_SPEECH = re.compile(r"\s+(?:off|up|in|out|back|on)\b"
                               # for "calm", for more "flexibility": the demand quoted, within its clause
                               r"|\s+for\b(?![^.;:“”\"]{0,60}[“\"])"
                               # a telephone call: "called Alicia Machado on Friday to", "called him back"
                               r"|\s+(?:(?:[A-Z][\w.’'-]*\s+){1,3}|(?:him|her|them)\s+)"
                               r"(?:on|to|at|back|last|this|from|early|late|after|before)\b")


# "called" + a name and then no complement ("a stream called Miracle Run.", "a group called Lashkar-e-Taiba
# belongs"), unlike "called Trump a liar"
CALLED_A_NAME = re.compile(r"\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w’'-]*)"
                           r"(?:[,;:)]|\.(?:\s|$)|\s+(?:belongs?|is|was|has|had|will)\b)")


# Words before a cue that make it a noun: "many calls", "some reports", "these claims"
QUANTIFIERS = frozenset("many some several few these those such numerous multiple".split())


DECLINED_TO = re.compile(r"\s+(?:to\s+(?:comment|say|discuss|elaborate|answer|respond|speak|be\s+interviewed)|comment)",
                         re.IGNORECASE)


ANONYMITY_ASKED = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|anonymity)\b")


# "phone calls.", "too many of their calls are not getting through": "calls" as a noun
CALLS_NOUN = re.compile(r"\s*(?:[.,;:)]|(?:are|were|is|was|came|come|from|into|that\s+came)\b)")


# "read" is a cue only right after a quotation: '"...," the letter reads.'
READ_CUES = frozenset({"read", "reads"})


REPLY_NEXT = re.compile(r"\s*,?\s*[“\"]|\s*:|\s+(?:by\s+saying\s+)?that\b")


AFTER_QUOTE = re.compile(r"[”\"]\s*,?\s*(?:the|a|an|his|her|its|their)?\s*[\w’' -]{1,40}$")


DETERMINERS = frozenset("the a an his her their its our my your ’s 's".split())


def cue_applies(ctx: SentenceContext, i: int, m: re.Match, cue_kind: str) -> bool:
    """Does the cue word at token ``i`` attribute? Not as a noun ("the claim"), a media cue without
    media ("posted" with no video), a word that says no statement (_no_statement) or a passive ("the
    jet was warned")."""
    toks, cue = ctx.toks, m.group(0)
    if cue[:1].isupper() and i > 0 and toks[i - 1].word not in {"“", '"', "‘", "(", ":", "—", "–"}:
        return False  # a capital inside a sentence is a name: "the United States", "Says Who"
    if cue_kind == "speech" and not toks[i].tag.startswith("VB") and not _verb_the_tagger_missed(ctx, i, m):
        return False
    if cue_kind == "media" and not MEDIA_OBJECTS.search(ctx.text[m.end() : m.end() + 60]):
        return False
    return not _no_statement(ctx, i, m) and not _passive(toks, i)


def _verb_the_tagger_missed(ctx: SentenceContext, i: int, m: re.Match) -> bool:
    """Is the cue a verb though not tagged as one: "is promising" (an adjective), "Turkey claims",
    "the memo states that" (a plural noun), "the report, which notes," or "Ward shot back" after a
    name? "The claim", "reports" as nouns do not attribute; "Rust Belt states like Ohio" is the noun."""
    toks, cue = ctx.toks, m.group(0).lower()
    if i == 0:
        return False
    before = toks[i - 1].tag
    progressive = cue.endswith("ing") and toks[i - 1].word.lower() in {"is", "are", "was", "were", "been", "’s", "'s"}
    says_what = re.match(r"\s+that\b|\s*[:,]?\s*[“\"]", ctx.text[m.end():])
    third_person = cue.endswith("s") and (
        before in ("NNP", "NNPS", "PRP") and (cue != "states" or says_what)
        or before == "NN" and says_what or before in ("WDT", "WP"))
    phrasal = " " in cue and before in ("NNP", "NNPS", "PRP")
    return bool(progressive or third_person or phrasal)


def _passive(toks, i: int) -> bool:
    """Is the cue at ``i`` a passive participle ("the jet was warned", "was once asked", "has been
    harshly criticized")?"""
    j = i - 1
    while j > 0 and toks[j].tag == "RB":
        j -= 1
    passive = j >= 0 and toks[j].word.lower() in {"was", "were", "been", "being", "be", "is", "are"}
    return passive and toks[i].tag in ("VBN", "VBD")


# The words after a cue that make it an act, not a statement (each rare as an attribution on PolNeAR train)
_ADDED_TO = re.compile(r"\s+to\b")


_MAINTAINS_A = re.compile(r"\s+(?:a|an|the|some|its)\b")


NOT_SAYING_BEFORE = {
    **dict.fromkeys(["added", "adding", "adds", "add"], _ADDED_TO),
    **dict.fromkeys(["maintained", "maintains", "maintaining", "maintain"], _MAINTAINS_A),
    "accused": re.compile(r"\s+of\b"),  # "a contractor accused of spying" (the accused, not the accuser)
    "charged": re.compile(r"\s+with\b"),
    **dict.fromkeys(["reported", "reports", "reporting"], re.compile(r"\s+from\b")),  # a reporter's whereabouts
}


def _no_statement(ctx: SentenceContext, i: int, m: re.Match) -> bool:
    """The words around a cue that say it reports no statement: an adjective, a noun, a name given, a
    demand or an action, a refusal."""
    toks, low = ctx.toks, m.group(0).lower()
    before = toks[i - 1].word.lower() if i > 0 else ""
    owner = before in DETERMINERS or before.endswith(("’s", "'s"))  # "the", "his", "Trump’s"
    if (owner and toks[i].tag in ("VBN", "VBD", "JJ")) or _participle_before_noun(toks, i):
        return True  # "the alleged terrorist", "Trump’s repeated calls", "20 pledged delegates": adjectives
    if _a_noun_or_idiom(before, low):
        return True
    follows = NOT_SAYING_BEFORE.get(low)
    if follows and follows.match(ctx.text, m.end()) and before not in {"has", "have", "had"}:
        return True  # "added to the list", "maintains a lead", "accused of spying", "reported from Iowa"
    if low in ctx.slex.needs_that and not THAT_NEXT.match(ctx.text, m.end()) and before not in ctx.slex.finders:
        return True  # "found a way", "chemicals found in", "showed up": not what a source found or showed
    return _act_not_words(ctx, m, low) or _noun_or_name_given(toks, i, low)


def _a_noun_or_idiom(before: str, low: str) -> bool:
    """The cue ``low`` after the word ``before`` is a noun ("many calls", "his questioning", "had their
    say") or an idiom ("it is worth noting that", "the so called Never Trumpers")."""
    if (before in QUANTIFIERS and low.endswith("s")) or (before in DETERMINERS and low.endswith("ing")) \
            or (before in DETERMINERS and low == "say"):
        return True
    return before == "worth" or (before == "so" and low == "called")


def _act_not_words(ctx: SentenceContext, m: re.Match, low: str) -> bool:
    """The words after a cue that make it an act or a name given: "called for", "called off", "a group
    called Lashkar-e-Taiba", "asked not to be named", "phone calls came", "reads the news", "declined"."""
    if low in ("called", "calls", "call") and CALLED_NOT_SPEECH.match(ctx.text, m.end()):
        return True  # "called for tax fairness" is a demand (unless it quotes one), "called off" an action
    named = CALLED_A_NAME.match(ctx.text, m.end()) if low == "called" else None
    # not "called Mr. Obama's remarks"
    if named and named.group("name").split()[-1] not in ctx.slex.actors.name_abbreviations:
        return True  # "a group called Lashkar-e-Taiba belongs", "a stream called Miracle Run.": a name given
    if low in ("asked", "asks", "requested") and ANONYMITY_ASKED.match(ctx.text, m.end()):
        return True  # "who asked not to be named": a condition of the source's, not its words
    if low == "calls" and CALLS_NOUN.match(ctx.text, m.end()):
        return True  # "phone calls came in"
    return _no_words_given(ctx, m, low)


def _noun_or_name_given(toks, i: int, low: str) -> bool:
    """ "phone calls", "150 calls", "their calls": a noun; "a band called Sophistafunk", "a move called
    the boneless": a name given (a common noun after "a" or "an" before "called")."""
    if i == 0:
        return False
    before = toks[i - 1]
    if low == "calls" and (before.tag in ("JJ", "NN", "NNS", "CD", "VB") or before.word.lower() in DETERMINERS):
        return True
    k = i - 1
    while k > 0 and toks[k].tag in ("NN", "NNS", "JJ"):
        k -= 1
    return low == "called" and toks[i - 1].tag in ("NN", "NNS") and toks[k].word.lower() in {"a", "an"}


def _no_words_given(ctx: SentenceContext, m: re.Match, low: str) -> bool:
    """ "reads" away from a quotation, "responded" with no words, "declined" but not to comment."""
    if low in READ_CUES | ctx.slex.reply_cues and not AFTER_QUOTE.search(ctx.text[: m.start()].rstrip()) and not (
            low in ctx.slex.reply_cues and REPLY_NEXT.match(ctx.text, m.end())):
        return True  # "he reads the news", "responded to the attack": no words given
    return low == "declined" and not DECLINED_TO.match(ctx.text, m.end())  # a refusal, unless "declined to comment"


PREPOSITIONS_BEFORE_NOUNS = frozenset("of in on at for with about among from by".split())  # not "have since released"


def _participle_before_noun(toks, i: int) -> bool:
    """A participle between a number, a preposition or an adjective and a common noun: "20 pledged
    delegates", "eight reported incidents", "of repeated refusals"."""
    if not (0 < i < len(toks) - 1 and toks[i].word.lower().endswith("ed")):
        return False
    word, tag = toks[i - 1].word, toks[i - 1].tag
    adjective_before = tag == "CD" or word in PREPOSITIONS_BEFORE_NOUNS or (tag == "JJ" and word.islower())
    return adjective_before and toks[i + 1].tag in ("NN", "NNS") and toks[i + 1].word.islower()
