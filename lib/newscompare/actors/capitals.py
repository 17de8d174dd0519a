"""Is a capitalised token a name? Tests on one tagged token and its neighbours: proper nouns the
tagger missed, capitals a position explains (a sentence's first word, a heading), acronyms, speaker labels.
"""

from __future__ import annotations

import re

from ..segment import ABBREVIATIONS
from .lexicon import ActorLexicon
from .words import OPENERS, POSSESSIVE, dotted_word, given_name

INNER_CAPITAL = re.compile(r"^(?:Mc|Mac|O['’]|De|La|Le|Di|Da|El|Van)?[A-Z][a-z]+[A-Z][a-z]+$|^O['’][A-Z][a-z]+$"
                           r"|^[A-Z][a-z]+(?:-(?!of-|for-|the-|and-)[a-z]+)+-[A-Z]\w*$")  # "Chick-fil-A"


def speaks_after(toks, i: int, cues: frozenset) -> bool:
    """Is token i followed by a verb of saying, perhaps after an adverb ("Flake also said")?"""
    j = i + 1
    if j < len(toks) and toks[j].tag == "RB":
        j += 1
    return j < len(toks) and toks[j].word.lower() in cues


def _opening_subject(toks, i: int) -> bool:
    """A capitalised common noun that opens a sentence before its verb ("Brat received", "Holder was"):
    a candidate name, doubtful (common_word) until a name of the article ends in it."""
    from textblob.en import lexicon

    tok = toks[i].word
    if not (toks[i].tag == "NN" and tok[:1].isupper() and tok[1:].islower() and tok.isalpha()
            and (i == 0 or toks[i - 1].word in OPENERS) and i + 1 < len(toks)
            and toks[i + 1].tag in ("VBD", "VBZ", "MD")):
        return False
    tag = lexicon.get(tok.lower())
    return tag is not None and not tag.startswith("NNP")


def is_proper(toks, i: int, inside_run: bool, lex: ActorLexicon, cues: frozenset = frozenset()) -> bool:
    """Does token i read as (part of) a proper name: by its tag or form, as the opening of a name or a
    speaker label, or, ``inside_run``, as a word that continues the name begun before it?"""
    if i > 0 and toks[i - 1].word == "@":
        return False  # "@MichelleObama": a handle, named beside it
    return (_proper_by_tag_or_form(toks, i, cues) or _opens_a_name_or_label(toks, i, lex)
            or inside_run and _continues_a_name(toks, i, lex))


def title_cased(tok: str) -> bool:
    """A capital and then small letters only ("Flake", "States")."""
    return tok[:1].isupper() and tok[1:].islower()


def _proper_by_tag_or_form(toks, i: int, cues: frozenset) -> bool:
    tok, tag = toks[i].word, toks[i].tag
    if tag == "NN" and title_cased(tok) and speaks_after(toks, i, cues):
        return True  # "Flake said", "Cole outlined": the tagger reads a capitalised common word
    if _opening_subject(toks, i):
        return True  # "Brat received his doctorate": a sentence's subject; doubtful until a name ends in it
    if tag.startswith("NNP") or POSSESSIVE.match(tok) or INNER_CAPITAL.match(tok):
        return True  # "LaPierre", "McConnell", "O'Neill" are names whatever the tagger made of them
    return tag == "NN" and _unknown_acronym(toks, i)  # "the EU", "the NHS", "the DCCC": not in the tagger's lexicon


def _opens_a_name_or_label(toks, i: int, lex: ActorLexicon) -> bool:
    tok = toks[i].word
    if _capital_before_name(toks, i, lex):
        return True  # "Democratic Party", "Kit Bond": a word the tagger reads as common, opening a name
    if i == 0 and tok.isupper() and len(tok) > 2 and i + 1 < len(toks) and toks[i + 1].word == ":":
        return True  # a transcript's speaker label: "PENCE: Well, ..."
    return _in_speaker_label(toks, i)  # "CHUCK TODD: ...", "ARI SHAPIRO, HOST: ..."


def _continues_a_name(toks, i: int, lex: ActorLexicon) -> bool:
    tok = toks[i].word
    if dotted_word(tok, lex.name_abbreviations) and i + 1 < len(toks) and toks[i + 1].word == ".":
        return True  # the initial in "Peter T. King", which the tagger reads as a noun
    # "United States": a capitalised word that continues a name, whatever the tagger made of it
    return title_cased(tok) and len(tok) > 1


def _capital_before_name(toks, i: int, lex: ActorLexicon) -> bool:
    """A capitalised common word right before a proper noun that opens that name, whatever the tagger
    made of it: an adjective before an organisation's word ("Democratic Party", "Republican Guard"),
    or, inside a sentence (not at its start or a quotation's), a given name ("Kit Bond")."""
    tok, tag = toks[i].word, toks[i].tag
    if not (i + 1 < len(toks) and tok[:1].isupper() and tok[1:].islower() and toks[i + 1].tag.startswith("NNP")):
        return False
    if tag in ("JJ", "NN", "NNS") and toks[i + 1].word in lex.org_words:
        return True
    return (i > 0 and tag in ("NN", "JJ", "VB") and toks[i - 1].word not in OPENERS | {".", "!", "?"}
            and toks[i + 1].tag == "NNP" and toks[i + 1].word[:1].isupper())


def _unknown_acronym(toks, i: int) -> bool:
    """Token i is two to six capitals that Brill's lexicon lacks in any case ("EU", "NHS", "DCCC"; it
    has "FBI" and "GDP", which the tagger reads as proper nouns anyway), in a sentence not written in
    capitals. Acronyms that name no actor ("COVID", "SUV") are in not_actors.txt."""
    from textblob.en import lexicon

    tok = toks[i].word
    return bool(ACRONYM.fullmatch(tok)) and tok not in lexicon and tok.lower() not in lexicon and not in_capitals(toks)


ACRONYM = re.compile(r"[A-Z]{2,6}")


def _in_speaker_label(toks, i: int) -> bool:
    """Token ``i`` is in the name of a transcript's speaker label of two to four words in capitals that
    opens the sentence: "CHUCK TODD: ...", "ARI SHAPIRO, HOST: ..."."""
    k = 0
    while k < min(len(toks), 5) and toks[k].word.isupper() and toks[k].word.isalpha():
        k += 1
    if not (2 <= k <= 4 and i < k) or k >= len(toks):
        return False
    role = k + 2 < len(toks) and toks[k].word == "," and toks[k + 1].word.isupper() and toks[k + 2].word == ":"
    return (toks[k].word == ":" or role) and _unlike_words([t[0] for t in toks[:k]])


def _unlike_words(words: list[str]) -> bool:
    """Does some word read as a name rather than English: a given name, or a word English lacks ("TODD",
    "SHAPIRO"; not "BREAKING NEWS", "THE FACTS")?"""
    from textblob.en import lexicon

    return any(given_name(w.capitalize()) or w.lower() not in lexicon for w in words)


def in_capitals(toks) -> bool:
    """Is the sentence written in capitals ("TRUMP SLAMS BANNON AFTER CRITICISM")? Then a capital tells
    nothing and caps_name judges its words."""
    words = [t[0] for t in toks if t[0][:1].isalpha()]
    return len(words) >= 3 and sum(w.isupper() for w in words) * 2 > len(words)


def caps_name(toks, i: int) -> bool:
    """A word of a sentence in capitals that English does not have in lower case ("BANNON", "PELOSI",
    "KAMALA"; not "SLAMS", "MANNING" or "TRUMP", which Brill's lexicon has as words)."""
    from textblob.en import lexicon

    tok = toks[i].word
    return (len(tok) > 1 and tok.isupper() and bool(re.fullmatch(r"[A-Z][A-Z'’]*[A-Z]", tok))
            and tok.lower().replace("’", "'") not in lexicon and tok not in ABBREVIATIONS)


def common_word(toks, run: list[int], heading: bool, lex: ActorLexicon, lower_words: frozenset = frozenset()) -> bool:
    """A capital that a position explains, not a name: one word opening a sentence, a quotation or a
    heading ("Hope", "Rigged"), or in capitals ("SHUTDOWN"), that English has in lower case; or an
    initial or abbreviation standing alone ("W", "Rep", "St"). Not before a verb of saying (``lex.cues``):
    "Flake said" names a person, unless the article writes the word in lower case too (``lower_words``:
    "Teachers should teach" beside "all teachers")."""
    from textblob.en import lexicon

    if len(run) != 1:
        return False
    i, word = run[0], toks[run[0]].word
    if word in lex.group_words:
        return False  # "Democrats", "Republicans": groups, wherever they stand
    if _abbreviation(toks, i, lex):
        return True
    tag = lexicon.get(word.lower().replace("’", "'"))
    if tag is None or tag.startswith("NNP"):
        return False
    opens = i == 0 or toks[i - 1].word in OPENERS
    if (opens or heading) and word.lower() in lower_words:
        return True  # the article's own lower-case word, capitalised by its position
    if _someone_acting(toks, i, lex, lexicon):
        return False
    return opens or heading or (word.isupper() and len(word) > 1)


def _someone_acting(toks, i: int, lex: ActorLexicon, lexicon) -> bool:
    """Does the word at i name someone by what follows it, whatever its capital: a verb of saying, ",
    who", an act after a name the tagger's lexicon knows, a transcript's speaker label?"""
    word = toks[i].word
    if lex.cues and speaks_after(toks, i, lex.cues) and not word.isupper():
        return True  # "Flake said", "Rose told": someone who speaks
    if [t[0] for t in toks[i + 1 : i + 3]] == [",", "who"]:
        return True  # "Graham, who has never sent an email"
    if _known_name_acting(toks, i, lex, lexicon):
        return True  # "Trump has", "Warren would": a name the tagger's lexicon knows, before an auxiliary
    return word.isupper() and i + 1 < len(toks) and toks[i + 1].word == ":" and i == 0  # a speaker label


def _abbreviation(toks, i: int, lex: ActorLexicon) -> bool:
    """An initial or abbreviation standing alone ("W", "Mo", "Rep", "Gen", "St"), or a state after its
    town ("Peoria, Ill.", "Bellingham, Wash.")."""
    word = toks[i].word
    if len(word) <= 2 and not _short_name(toks, i, lex) or word in ABBREVIATIONS:
        return True
    return (word in lex.state_abbreviations and 0 < i < len(toks) - 1 and toks[i - 1].word == ","
            and toks[i + 1].word == ".")


def _short_name(toks, i: int, lex: ActorLexicon) -> bool:
    """A two-letter word that names: two capitals ("UK", "EU", "UN"; not a state after its town) or a
    capital and a small letter inside a sentence ("Xi", "Li"), with no dot after it ("Mo.", "St.")."""
    word = toks[i].word
    after_comma = i > 0 and toks[i - 1].word == ","
    # a dot after it, unless the sentence's own full stop ("pleased the UK."), or after a town ("Ferguson, Mo.")
    dotted = i + 1 < len(toks) and toks[i + 1].word == "." and (i + 2 < len(toks) or after_comma)
    if after_comma and word in lex.postal_codes:
        return False  # "Parris Island, SC": a state after its town
    return len(word) == 2 and not dotted and (word.isupper() or word[1].islower() and i > 0
                                              and toks[i - 1].word not in OPENERS)


def _known_name_acting(toks, i: int, lex: ActorLexicon, lexicon) -> bool:
    """A capitalised word that the tagger's lexicon (Brill's, from news text) has as a proper noun in
    that very spelling ("Trump", "Sessions", "Warren"), that is rare as a common word (COMMON_WORD_COUNT:
    not "Hope is fading", "Rain fell", "Freedom means") and that acts (_acts_after). Someone acting, even
    where a sentence's first capital explains nothing. (A verb of saying after it is speaks_after'.)"""
    from textblob.en import spelling

    word = toks[i].word
    return (not word.isupper() and (lexicon.get(word) or "").startswith("NNP")
            and (spelling.get(word.lower()) or 0) < COMMON_WORD_COUNT and _acts_after(toks, i, lex.role_after_name))


# A word seen this often in TextBlob's spelling counts (Norvig's big.txt: books and the British National
# Corpus's lists, lower-cased) is a common word first: "Hope" (149), "Rain" (39), "Freedom" (172); "Trump",
# "Pence" (4) and "Sessions" (9) are names first.
COMMON_WORD_COUNT = 30


def _acts_after(toks, i: int, role_after_name: frozenset) -> bool:
    """Does the word after token i make it someone acting: a finite verb or an auxiliary, perhaps after
    adverbs ("Trump has", "Trump hasn’t", "Graham also took", "Bush addressed his"), a comma opening an
    aside ("Trump, meanwhile,", "Sessions, speaking", "Trump, Cohen discussed"), the role of someone
    serving them ("Trump spokesman"), "and" before another name ("Pence and Abe"), or a headline's
    participle or infinitive ("Trump doing real work", "Trump to award")?"""
    j = i + 1
    while j < len(toks) and toks[j].tag == "RB":
        j += 1
    if j >= len(toks):
        return False
    tok, tag = toks[j].word, toks[j].tag
    after = toks[j + 1].tag if j + 1 < len(toks) else ""
    if _finite_verb(tok, tag):
        return True
    if tag == "VBN":  # "Sessions recused himself": the tagger reads the verb after a first name as a participle
        return after in ("PRP", "PRP$", "DT", "NNS", "NNPS", "TO")
    if j == i + 1:
        return _acts_right_after(tok, tag, after, role_after_name)
    return tok in role_after_name


def _finite_verb(tok: str, tag: str) -> bool:
    """An auxiliary, a past or present verb, "hasn’t", "isn’t" (which the tagger reads as nouns)."""
    verb = re.sub(r"n['’]t$", "", tok)
    return verb in AUXILIARIES or verb != tok and verb in {"is", "was", "do"} or tag in ("VBD", "VBZ")


def _acts_right_after(tok: str, tag: str, after: str, role_after_name: frozenset) -> bool:
    """The word right after a name (``tok``, tagged ``tag``, before a word tagged ``after``) makes it
    someone acting: a headline's participle or infinitive ("Trump doing", "Trump to award"), a
    comma opening an aside, "and" before another name, a role serving them."""
    if tag == "VBG" or tok == "to" and after in ("VB", "NN"):
        return after in ("DT", "JJ", "NN", "NNS", "NNP", "PRP", "PRP$", "VB")
    return (tok in role_after_name or tok == "," and after in ("RB", "PRP", "VBG", "IN", "NNP")
            or tok == "and" and after.startswith("NNP"))


AUXILIARIES = frozenset("has had will would could can should must might may did does".split())


def list_fragment(toks, run: list[int], lex: ActorLexicon) -> bool:
    """One common word continuing a list of capitalised words ("Bureau of Alcohol, Tobacco, Firearms and
    Explosives", "Departments of Homeland Security, Education and Justice"): part of a longer name."""
    from textblob.en import lexicon

    if len(run) != 1 or run[0] < 2:
        return False
    i, word = run[0], toks[run[0]].word
    tag = lexicon.get(word.lower())
    if (tag is None or tag.startswith("NNP") or word in lex.group_words | lex.org_names
            or toks[i - 1].word not in {",", "and", "&"}):
        return False
    # the list continues an organisation's name: back over capitals, commas and "and" to "of"/"on"
    j = i - 2
    while j >= 0 and (toks[j].word[:1].isupper() or toks[j].word in {",", "and", "&"}):
        j -= 1
    org = toks[j - 1].word if j >= 1 else ""
    bodies = lex.bodies
    return j < i - 2 and toks[j].word in {"of", "on"} and (org in bodies or org[:-1] in bodies)  # "Departments"
