"""Epithets: the descriptive phrases an article attaches to a named actor, and the actor each stands
for. Four small extractors, each reading one sentence beside the mentions already found:

- ``appositives``: "Michael Steele, *chairman of the Republican National Committee*," and
  "*his deputy*, Michael J. Morell";
- ``premodifiers``: "*Real estate tycoon* Donald Trump", "*Controversial* Arizona Sheriff Joe Arpaio"
  (titles used as forms of address, "former" before them and places are not epithets:
  ``address_titles`` and ``title_modifiers`` in word_lists.csv);
- ``predicates``: "Arpaio is *a hardliner on immigration*";
- ``descriptions``: "*the GOP chairman*", "*the seven-term congressman*" (``epithet_roles``), resolved
  to the person or body named before it whose title or party fits the role, else the one named most
  in that sentence and the two before it; left out when nothing fits.

Measured against epithets marked by hand on BASIL (``python benchmarks/epithets.py``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import pandas as pd

from ..lexicons import Lexicons, get
from ..segment import Document, Sentence, Token
from .lexicon import actor_lexicon
from .mentions import DESCRIPTION_WINDOW  # one window for a description's antecedent, mention or epithet
from .tables import ACTOR_COLUMNS, actor_kinds
from .words import gazetteer, role_fits

EPITHET_COLUMNS = ["article", "sentence", "actor", "epithet", "kind", "start", "end", "text"]
ACTOR_KINDS = frozenset({"person", "organisation"})
NEAREST_WINDOW = 2  # sentences back the one person named may be what a description stands for
MAX_WORDS = 25
CONTEXT_BEFORE, CONTEXT_AFTER = 25, 14  # characters around a name read for its title and party

# Tags a premodifier may hold: adjectives, nouns, numbers, possessive endings
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})
OPENERS = frozenset({"the", "his", "her", "their", "its"})
APPOSITIVE_START = re.compile(r"(?:a|an|the|one of|(?:also|then|often|still|now|once)\s+(?:a|an|the)|"
                              r"his|her|their|its|your|our|my)\s", re.IGNORECASE)
NP_END = re.compile(r"\s*(?:[,;:()\u2014\u2013]|--|\.\s*$|\.$|$)")
NOT_NP = re.compile(r"(?:said|says|told|who|which|whose|where|when|however|though|too|meanwhile|after|"
                    r"according|also said|and|but|or)\b", re.IGNORECASE)
AGE = re.compile(r"\d{1,3},\s*")
# What may stand between a name and its appositive: a party tag, "of Nevada", "Inc.", then a comma or dash
AFTER_NAME = re.compile(r"(?:\s*\([^)]*\))?(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
                        r"(?:,?\s+(?:Inc|Corp|Co|LLC)\.?)?\s*(?:,|--|\u2014|\u2013)\s*")
COPULA = re.compile(r"(?:,\s*who)?\s+(?:is|was|has been|had been|remains|remained|became|becomes)\s+"
                    r"(?:also\s+|still\s+|now\s+)?"
                    r"(?P<np>(?:a|an|the|one of|no)\s[^,;:.()\u2014]{1,160}?)"
                    r"(?=\s*[,;:.()\u2014]|\s+(?:who|that|which)\b|$)")
BEFORE_NAME = re.compile(r"(?:^|(?<=[,;:(\u2014\u2013])\s*|\b(?P<word>[a-z]+)\s+)"
                         r"(?P<np>(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Yy]our|[Oo]ur|[Mm]y|[Oo]ne of the|"
                         r"[A-Z][\w.-]*['\u2019]s)\s[^,;:()\u2014]{1,100}?)\s*(?:,|:|--|\u2014|\u2013)\s*$")
OPENING_WORDS = frozenset({"said", "says", "by", "from", "and", "with", "to", "told"})
CLOSED_AFTER = re.compile(r"\s*(?:[.;)]|$)")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})



@dataclass(frozen=True)
class Named:
    """A mention of a person or body in a sentence: its span in the sentence text, its actor, and the
    words around it (its title and party) that a description is matched against."""

    start: int
    end: int
    actor: str
    context: str


@dataclass(frozen=True)
class EpithetWords:
    titles: frozenset
    title_modifiers: frozenset
    roles: tuple
    description_re: re.Pattern
    places: frozenset


def epithet_words(lexicons: Lexicons | str | Path | None = None) -> EpithetWords:
    return get(lexicons).compiled("epithets", _build_words)


def _build_words(lex: Lexicons) -> EpithetWords:
    roles = lex.word_list("epithet_roles")
    stop = "of|in|on|at|to|for|by|with|and|or|who|that|which|said|says|was|is|has|had|a|an|the"
    role = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    description = re.compile(
        rf"(?<![\w-])[Tt]he\s+(?:(?!(?:{stop})\b)[\w\u2019'.-]+\s+){{0,4}}(?:{role})(?![\w-])"
        r"(?:\s+(?:of|in|on)\s+(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+(?:[A-Z][\w.\u2019'-]*|and|of))*)?"
        r"(?!\s+[A-Z][a-z])")
    actors = actor_lexicon(lex)
    countries = {alias for alias, actor in actors.name_actor.items()
                 if actor in actors.states or actor in gazetteer()[0]}
    places = frozenset(actors.places | actors.states | actors.demonyms | actors.state_abbreviations
                       | actors.postal_codes | gazetteer()[0] | gazetteer()[1] | countries)
    return EpithetWords(frozenset(lex.word_list("address_titles")), frozenset(lex.word_list("title_modifiers")),
                        roles, description, places)


def _np_after(text: str) -> str | None:
    """The noun phrase an appositive opens at the start of ``text``, up to its closing punctuation."""
    m = NP_END.search(text, 1)
    phrase = text[: m.start()] if m else text
    if not phrase or len(phrase.split()) > MAX_WORDS or NOT_NP.match(phrase):
        return None
    return phrase.rstrip()


def appositives(sentence: str, named: list[Named], tags: dict[int, str], party: frozenset) -> list[tuple]:
    """(start, end, actor, kind) of appositives after and before a name; ``tags``: the part-of-speech
    tag of the token starting at each offset of the sentence."""
    found = [_appositive_after(sentence, n, named, tags, party) for n in named]
    found += [_appositive_before(sentence, n, tags) for n in named]
    return [f for f in found if f]


def _appositive_after(sentence: str, n: Named, named: list[Named], tags: dict[int, str],
                      party: frozenset) -> tuple | None:
    """"Michael Steele, chairman of the RNC," (an age and "of Nevada" may stand between)."""
    m = AFTER_NAME.match(sentence, n.end)
    if not m:
        return None
    age = AGE.match(sentence, m.end())
    at = age.end() if age else m.end()
    phrase = _np_after(sentence[at:])
    if not phrase or any(o.start == at for o in named) or _finite(tags, at, at + len(phrase)):
        return None
    first = phrase.split()[0]
    opens = APPOSITIVE_START.match(phrase + " ") or first in party
    if opens or (first[:1].islower() and tags.get(at, "") in ("NN", "NNS", "JJ")):
        return at, at + len(phrase), n.actor, "appositive"
    return None


def _appositive_before(sentence: str, n: Named, tags: dict[int, str]) -> tuple | None:
    """"his deputy, Michael J. Morell": at the start of a clause or after a verb of saying; after any
    other word only where the name ends the sentence ("far behind the leader, Mitt Romney.")."""
    m = BEFORE_NAME.search(sentence[: n.start])
    if not m or len(m.group("np").split()) > 14 or _finite(tags, *m.span("np")):
        return None
    if m.group("word") in (None, *OPENING_WORDS) or CLOSED_AFTER.match(sentence, n.end):
        return m.start("np"), m.end("np"), n.actor, "appositive"
    return None


def _finite(tags: dict[int, str], start: int, end: int) -> bool:
    """Does a finite verb stand between these offsets (then the phrase is a clause, not a description)?"""
    return any(start <= at < end and tag in FINITE_TAGS for at, tag in tags.items())


def predicates(sentence: str, named: list[Named]) -> list[tuple]:
    """(start, end, actor, kind) of a predicate nominal after a name ("X is a hypocrite")."""
    out = []
    for n in named:
        m = COPULA.match(sentence, n.end)
        if m and len(m.group("np").split()) <= MAX_WORDS:
            out.append((m.start("np"), m.end("np"), n.actor, "predicate"))
    return out


def premodifiers(toks: list[Token], base: int, named: list[Named], words: EpithetWords,
                 name_words: dict[str, set]) -> list[tuple]:
    """(start, end, actor, kind) of the descriptive words right before a name, titles and places left
    out. ``toks`` carry clean offsets; ``base`` is the sentence's clean start."""
    taken = [(n.start + base, n.end + base) for n in named]
    out = []
    for n in named:
        first = _name_start(toks, n, base, name_words.get(n.actor, set()))
        if first is None:
            continue
        after = next((t for t in toks if t.start >= n.end + base), None)
        if after is not None and after.word[:1].islower() and after.tag in ("NN", "NNS"):
            continue  # "the upcoming Ryan lecture": the name modifies a noun
        k = first - 1
        while k >= 0 and _modifier(toks[k], taken, n, base):
            k -= 1
        span = _strip_titles_and_places(toks[k + 1: first], words)
        if _descriptive(span, toks[k] if k >= 0 else None):
            out.append((span[0].start - base, span[-1].end - base, n.actor, "premodifier"))
    return out


def _descriptive(span: list[Token], before: Token | None) -> bool:
    """Is what is left of a premodifier a description: a noun or adjective that is not a number alone,
    a plural ("the jobs Clinton discussed") nor a verb the tagger took for one ("to drop Senate bid")."""
    words = [t for t in span if t.word.lower() not in OPENERS and t.word != "."]
    if not words or all(t.tag == "CD" or len(t.word) < 2 for t in words) or words[-1].tag == "NNS":
        return False
    if _object_of_verb(words, before):
        return False
    return any(t.tag.startswith(("NN", "JJ")) or "-" in t.word for t in words)


def _object_of_verb(words: list[Token], before: Token | None) -> bool:
    """One lower-case word after "to", a modal, an adverb or a verb: a verb whose object is the name."""
    verbish = before is not None and (before.tag in ("TO", "MD", "RB") or before.tag.startswith("VB"))
    return verbish and len(words) == 1 and words[0].word.islower()


def _name_start(toks: list[Token], n: Named, base: int, names: set) -> int | None:
    """The index of the token where the actor's own name starts within its mention."""
    first = next((i for i, t in enumerate(toks) if n.start + base <= t.start < n.end + base and t.word in names), None)
    while first and toks[first - 1].word in names:  # "Mitt" before a mention of "Romney"
        first -= 1
    return first


def _modifier(tok: Token, taken: list[tuple[int, int]], n: Named, base: int) -> bool:
    inside_other = any(a <= tok.start < b for a, b in taken if (a, b) != (n.start + base, n.end + base))
    return not inside_other and (tok.tag in MODIFIER_TAGS or "-" in tok.word[1:-1] or tok.word == ".")


def _strip_titles_and_places(span: list[Token], words: EpithetWords) -> list[Token]:
    """Drop the title of address at the end of a premodifier ("Sen.", "Chief Justice"), a "former"
    before it, and a place before that ("Texas Governor" is a title, "three term" an epithet)."""
    span = list(span)
    while span and _title_at_end(span, words):
        while span and span[-1].word.lower().rstrip("-") in words.title_modifiers:
            span.pop()
    for size in (3, 2, 1):
        if len(span) >= size and re.sub(r"['\u2019]s$", "", " ".join(t.word for t in span[-size:])) in words.places:
            span = span[:-size]
            break
    while span and span[-1].tag in ("POS", "DT"):
        span.pop()
    return span


def _title_at_end(span: list[Token], words: EpithetWords) -> bool:
    """Pop a title of address from the end of ``span`` ("Sen", "." or "Senator" or "Presidents"); say
    whether there was one."""
    dotted = len(span) >= 2 and span[-1].word == "."
    if dotted and (span[-2].word + "." in words.titles or span[-2].word in words.titles):
        del span[-2:]
        return True
    if span and (span[-1].word in words.titles or span[-1].word.removesuffix("s") in words.titles):
        span.pop()
        return True
    return False


NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _next_word(sentence: str, at: int) -> int:
    """The offset of the word after ``at`` (-1 when punctuation comes first)."""
    m = re.match(r"\s+(?=\w)", sentence[at:])
    return at + m.end() if m else -1


class Earlier(list):
    """The (sentence, Named) pairs of an article before the current sentence, in order, with the actors
    each role fits among them worked out as the list grows (so that a description costs the names
    within its window, not every name of the article before it)."""

    def __init__(self, items=()):
        super().__init__(items)
        self._fit: dict[str, tuple[int, set]] = {}  # role -> (pairs read so far, the actors it fits)

    def fitting(self, role: str) -> set:
        """The actors some pair of the list shows in ``role``."""
        read, actors = self._fit.get(role, (0, set()))
        for _, n in self[read:]:
            if role_fits(role, n.context):
                actors.add(n.actor)
        self._fit[role] = (len(self), actors)
        return actors


def descriptions(sentence: str, sid: int, earlier: list[tuple[int, Named]], here: list[Named],
                 words: EpithetWords, whole_article: frozenset, tags: dict[int, str]) -> list[tuple]:
    """(start, end, actor, kind) of "the <modifiers> <role>" resolved to an actor named before it."""
    earlier = earlier if isinstance(earlier, Earlier) else Earlier(earlier)
    out = []
    for m in words.description_re.finditer(sentence):
        if any(n.start <= m.start() < n.end for n in here) or tags.get(_next_word(sentence, m.end()), "") in NOUN_TAGS:
            continue
        role = next((r for r in sorted(words.roles, key=len, reverse=True)
                     if re.search(rf"(?i)\b{re.escape(r)}\b", m.group(0))), "")
        here_before = [(sid, n) for n in here if n.end <= m.start()]
        actor = _antecedent(earlier, here_before, sid, role, whole_article)
        if actor:
            out.append((m.start(), m.end(), actor, "definite"))
    return out


def _back(earlier: list, here_before: list, sid: int, reach: int):
    """The pairs before a description, most recent first, while within ``reach`` sentences."""
    for s, n in chain(reversed(here_before), reversed(earlier)):
        if sid - s > reach:
            return
        yield s, n


def _antecedent(earlier: Earlier, here_before: list[tuple[int, Named]], sid: int, role: str,
                whole_article: frozenset) -> str | None:
    """The actor a description stands for: the one named most recently (within DESCRIPTION_WINDOW
    sentences, or anywhere for a role of the whole article) that a mention there shows in that role,
    else the last one any mention before shows in it; else the one named most in the sentence and
    the NEAREST_WINDOW before it."""
    everywhere = 10 ** 6
    if role.lower() in whole_article:
        fitting_near = earlier.fitting(role) | {n.actor for _, n in here_before if role_fits(role, n.context)}
        reach = everywhere
    else:
        fitting_near = {n.actor for _, n in _back(earlier, here_before, sid, DESCRIPTION_WINDOW)
                        if role_fits(role, n.context)}
        reach = DESCRIPTION_WINDOW if fitting_near else everywhere
    fitting = fitting_near or earlier.fitting(role)
    last = next((n.actor for _, n in _back(earlier, here_before, sid, reach) if n.actor in fitting),
                None) if fitting else None
    return last or _named_most(list(_back(earlier, here_before, sid, NEAREST_WINDOW)), sid)


def _named_most(before: list[tuple[int, Named]], sid: int) -> str | None:
    """The actor named most in this sentence and the NEAREST_WINDOW before it (None on a tie)."""
    recent = Counter(n.actor for s, n in before if sid - s <= NEAREST_WINDOW).most_common(2)
    return recent[0][0] if len(recent) == 1 or (recent and recent[0][1] > recent[1][1]) else None


def _named(mentions: pd.DataFrame, kinds: dict[str, str], docs: list[Document]) -> dict[tuple, list[Named]]:
    """(article, sentence) -> the named people and bodies there, in order."""
    starts = {(d.id, s.sentence): (s.clean_start, s.text) for d in docs for s in d.sentences}
    spans: dict[tuple, list] = defaultdict(list)
    rows = mentions[mentions["kind"].isin(["proper name", "name"]) & mentions["actor"].map(kinds).isin(ACTOR_KINDS)]
    for art, sid, actor, start, end in zip(rows["article"], rows["sentence"], rows["actor"], rows["start"],
                                           rows["end"]):
        base = starts[(art, sid)][0]
        spans[(art, sid)].append((start - base, end - base, actor))
    out = {}
    for key, found in spans.items():
        text, found = starts[key][1], sorted(found)
        ends = [0] + [b for _, b, _ in found]
        starts_next = [a for a, _, _ in found[1:]] + [len(text)]
        out[key] = [Named(a, b, actor, text[max(0, a - CONTEXT_BEFORE, ends[i]):
                                            min(b + CONTEXT_AFTER, starts_next[i])])
                    for i, (a, b, actor) in enumerate(found)]
    return out


def _kinds(mentions: pd.DataFrame, lex, words: EpithetWords) -> dict[str, str]:
    """actor_kinds, with a one-word name that any title of address (address_titles) precedes counted
    a person too: actor_kinds asks the title to end where the name ends ("President Obama"), this
    also takes "President Obama's" (the epithets' wider list)."""
    kinds = actor_kinds(mentions, lex)
    titled = {actor for actor, label in zip(mentions["actor"], mentions["label"])
              if label.split()[0] in words.titles and label != actor} if len(mentions) else set()
    return {a: "person" if k == "other" and a in titled else k for a, k in kinds.items()}


def _drop_overlaps(found: list[tuple]) -> list[tuple]:
    """Of epithets that overlap, the longest (then one read off a name before a description resolved
    to one, then the first)."""
    kept: list[tuple] = []
    for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[3] == "definite", f[0])):
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    return sorted(kept)


def find_epithets(docs: list[Document], mentions: pd.DataFrame,
                  lexicons: Lexicons | str | Path | None = None) -> pd.DataFrame:
    """Every epithet of the articles (EPITHET_COLUMNS): the actor it stands for, the phrase, its kind
    (appositive, premodifier, predicate, definite), its clean offsets and its sentence's text."""
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype=int if c in ("sentence", "start", "end") else object)
                             for c in EPITHET_COLUMNS})
    lex = actor_lexicon(lexicons)
    words = epithet_words(lexicons)
    kinds = _kinds(mentions, lex, words)
    named = _named(mentions, kinds, docs)
    name_words = {a: set(a.split()) for a in mentions["actor"].unique()}
    rows = []
    for doc in docs:
        earlier = Earlier()
        for sent in doc.sentences:
            here = named.get((doc.id, sent.sentence), [])
            found = _in_sentence(doc, sent, here, earlier, words, lex, name_words, kinds)
            for a, b, actor, kind in _drop_overlaps(found):
                rows.append({"article": doc.id, "sentence": sent.sentence, "actor": actor, "epithet": sent.text[a:b],
                             "kind": kind, "start": sent.clean_start + a, "end": sent.clean_start + b,
                             "text": sent.text})
            earlier.extend((sent.sentence, n) for n in here)
    return pd.DataFrame(rows, columns=EPITHET_COLUMNS)


def _in_sentence(doc: Document, sent: Sentence, here: list[Named], earlier: list, words: EpithetWords, lex,
                 name_words: dict, kinds: dict[str, str]) -> list[tuple]:
    tags = {t.start - sent.clean_start: t.tag for t in doc.tagged(sent)}
    found = descriptions(sent.text, sent.sentence, earlier, here, words, lex.whole_article_roles, tags)
    if here:
        found += appositives(sent.text, here, tags, lex.party_words)
        found += predicates(sent.text, here)
        if not sent.heading:  # a headline's capitals are not descriptions
            people = [n for n in here if kinds.get(n.actor) == "person"]
            found += premodifiers(doc.tagged(sent), sent.clean_start, people, words, name_words)
    return [f for f in found if f[3] == "premodifier" or not any(n.start <= f[0] and f[1] <= n.end for n in here)]


def with_epithets(actors: pd.DataFrame, epithets: pd.DataFrame) -> pd.DataFrame:
    """The labels table (actors_table) with each epithet an article gives an actor as one more
    descriptive label ("the real estate tycoon"), counted, ``only_in`` set as for the other labels;
    an epithet already there as a label (a description mention) is not repeated."""
    if epithets.empty or actors.empty:
        return actors
    counts = epithets.groupby(["article", "actor", "epithet"], sort=False).size().rename("count").reset_index()
    counts = counts.rename(columns={"epithet": "label"})
    have = set(zip(actors["article"], actors["actor"], actors["label"].str.lower()))
    counts = counts[[(a, b, c.lower()) not in have for a, b, c in zip(counts["article"], counts["actor"],
                                                                        counts["label"])]]
    named_by = actors.groupby("actor")["article"].nunique()
    users = counts.groupby(["actor", "label"])["article"].nunique()
    kinds = actors.drop_duplicates("actor").set_index("actor")["actor_kind"]
    counts = counts.assign(
        label_kind="description",
        only_in=[art if users[(act, lab)] == 1 and named_by.get(act, 1) > 1 else ""
                 for art, act, lab in zip(counts["article"], counts["actor"], counts["label"])],
        actor_kind=counts["actor"].map(kinds).fillna("person"))
    table = pd.concat([actors, counts[ACTOR_COLUMNS]], ignore_index=True)
    return table.sort_values(["actor", "article", "count"], ascending=[True, True, False], kind="stable") \
        .reset_index(drop=True)
