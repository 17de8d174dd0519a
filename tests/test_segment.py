import pytest
from tests.helpers import doc as make_doc

import newscompare as nc
from newscompare.segment import find_paragraphs, find_quotes, split_sentences, tag_text, tokenize

# Counted by hand (see README, "Known limits"): the 2015 piece has 14 sentences in 4 paragraphs;
# the 2018 piece has 25 sentences plus one sub-heading ("The Turkish Connection") in 15 paragraphs.
HAND_COUNTS = {"su24-2015": (14, 0, 4), "su25-2018": (25, 1, 15)}


def test_sentence_counts_match_hand_counts(seed_docs):
    for art, (sents, headings, pars) in HAND_COUNTS.items():
        doc = seed_docs[art]
        assert sum(not s.heading for s in doc.sentences) == sents
        assert sum(s.heading for s in doc.sentences) == headings
        assert len(doc.paragraphs) == pars


def test_sentences_are_ordered_non_overlapping_and_inside_the_text(seed_docs):
    for doc in seed_docs.values():
        prev = -1
        for s in doc.sentences:
            assert prev <= s.start < s.end <= len(doc.article.raw)
            assert doc.text[s.clean_start:s.clean_end] == s.text
            prev = s.end


def test_quotes_and_in_quote_flag():
    text = "He said: “We are leaving now.” Then he left.\n\n“All of this is a quote.”"
    quotes = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in quotes] == ["We are leaving now.", "All of this is a quote."]
    doc = nc.segment(nc.Article("t", __import__("pathlib").Path("t.txt"), text, "t"))
    # in_quote: most of the sentence is quoted words, so the voice is the source's, not the author's.
    assert [s.in_quote for s in doc.sentences] == [True, False, True]


def test_unbalanced_and_mixed_quotes_do_not_raise():
    text = 'He said "we will win.\n\nAnd ‘vetted’ rebels “Another paragraph” with "straight" marks.'
    quotes = find_quotes(text)
    assert any(not q.closed for q in quotes)
    assert "vetted" in [text[q.inner_start:q.inner_end] for q in quotes]


def test_apostrophes_are_not_quotes():
    assert find_quotes("Turkey’s jets and the rebels’ guns.") == []


def test_paragraphs_from_blank_lines_or_single_lines():
    assert len(find_paragraphs("a\nb\n\nc")) == 2
    assert len(find_paragraphs("a\nb\nc")) == 3


def test_pysbd_keeps_abbreviations_together():
    spans = split_sentences("Mr. Putin met the U.S. envoy on Nov. 24. They spoke for an hour.")
    assert len(spans) == 2


def test_rule_splitter_handles_abbreviations_initials_and_acronyms():
    text = ("The U.S. Army left. Then J. Smith spoke in the U.S. The next day Gen. Lee came. "
            "He met Mr. Putin on Nov. 24. It was late.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The U.S. Army left.", "Then J. Smith spoke in the U.S.", "The next day Gen. Lee came.",
        "He met Mr. Putin on Nov. 24.", "It was late."]


def test_only_the_stretch_with_an_ellipsis_goes_to_pysbd(monkeypatch):
    import importlib

    segment = importlib.import_module("newscompare.segment")  # the package exports a function of that name
    seen = []
    real = segment._segmenter()

    class Spy:
        def segment(self, text):
            seen.append(text)
            return real.segment(text)

    monkeypatch.setattr(segment, "_segmenter", lambda: Spy())
    text = "The talks failed. Officials said the plan was dead... and buried. Nobody expects much. It rained."
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert seen == ["Officials said the plan was dead... and buried."]
    assert sents == ["The talks failed.", "Officials said the plan was dead... and buried.", "Nobody expects much.",
                     "It rained."]
    seen.clear()
    assert [text[a:b] for a, b in split_sentences("See point 1. It matters. e.g. this one.")] and seen


def test_closing_quote_marks_stay_with_their_sentence():
    text = "He shouted, ''You're the enemy.'' The crowd left. “We stay,” she said. Nobody moved."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He shouted, ''You're the enemy.''", "The crowd left.", "“We stay,” she said.", "Nobody moved."]


def test_tokens_and_tags_have_offsets_and_need_no_nltk_data():
    text = "Turkish Prime Minister Ahmet Davutoğlu told reporters about the U.S. jets."
    toks = tokenize(text)
    assert all(text[s:e] == t for t, s, e in toks)
    assert "U.S." in [t for t, _, _ in toks]
    tags = dict((t, tag) for t, tag, _, _ in tag_text(text))
    assert tags["Davutoğlu"] == "NNP" and tags["told"] == "VBD"


def test_sentences_table_columns(seed_docs):
    table = nc.sentences_table(list(seed_docs.values()))
    assert list(table.columns) == ["article", "sentence", "paragraph", "start", "end", "text", "words",
                                   "heading", "in_quote", "quote_share"]
    assert len(table) == 14 + 26


def test_an_opening_mark_after_a_comma_closes_an_open_quote():
    text = "“It is unusual,“ said Ada Quist. “Very unusual.”"
    assert [text[q.inner_start:q.inner_end] for q in find_quotes(text)] == ["It is unusual,", "Very unusual."]


def test_a_dash_is_punctuation_to_the_tagger():
    tags = [tag for tok, tag, _, _ in tag_text("The mayor — back from Paris – said so.") if tok in "—–"]
    assert tags == [":", ":"]


@pytest.mark.parametrize("text, expected", [
    ('He built the wall!" Fox told Jorge Ramos on Friday. Then he left.',
     ['He built the wall!" Fox told Jorge Ramos on Friday.', "Then he left."]),
    ('Go home!" Mayor Ana Ruiz said.', ['Go home!" Mayor Ana Ruiz said.']),
    ('Stop it!" The crowd roared.', ['Stop it!"', "The crowd roared."]),  # no verb of speech: two sentences
    ("She said it was over. ... And then nothing.", ["She said it was over. ...", "And then nothing."]),
    ("... And then nothing. Ok.", ["... And then nothing.", "Ok."]),
])
def test_no_sentence_without_a_word_and_an_exclaimed_quotation_keeps_its_speaker(text, expected):
    assert [s.text for s in make_doc(text).sentences] == expected
