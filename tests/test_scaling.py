"""Guards for the steps that once grew faster than the text: each runs a small pathological input and
checks the work done by count; their times are measured by benchmarks/pathological.py."""

import warnings
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import doc

import newscompare as nc
from newscompare import framing, sentiment
from newscompare.segment import MAX_SENTENCE_CHARS, Quote, _QuotedChars


def test_a_text_without_full_stops_is_cut_into_bounded_sentences(tmp_path):
    path = tmp_path / "transcript.txt"
    path.write_text(" ".join(["and then the council talked about the bridge"] * 800), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (d,) = nc.prepare([path])
    assert max(len(s.text) for s in d.sentences) <= MAX_SENTENCE_CHARS
    assert len(d.sentences) >= len(path.read_text()) // MAX_SENTENCE_CHARS
    assert any("transcript.txt" in str(w.message) and "longer than" in str(w.message) for w in caught)
    # the pieces still cover the text: nothing is lost
    assert sum(len(s.text) for s in d.sentences) >= len(d.text) - len(d.sentences)


def test_vader_is_never_given_more_than_the_cap(monkeypatch):
    seen = []
    real = sentiment._vader()

    class Spy:
        def polarity_scores(self, text):
            seen.append(len(text))
            return real.polarity_scores(text)

    monkeypatch.setattr(sentiment, "_vader", lambda: Spy())
    long_quote = "The mayor was furious and the plan was a disaster. " * 400  # 20,400 characters
    scores = sentiment.score_texts([long_quote, "A fine day."])
    assert max(seen) <= sentiment.MAX_SCORED_CHARS and len(seen) >= 11
    assert scores.loc[0, "vader_compound"] < 0  # the pieces' weighted mean keeps the sign


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=12), st.integers(0, 340),
       st.integers(0, 60))
def test_quoted_characters_by_prefix_sums_equal_the_plain_count(raw, cs, width):
    quotes, pos = [], 0
    for gap, length in raw:  # non-overlapping quotes in order, as find_quotes gives them
        start = pos + gap % 30
        quotes.append(Quote(start, start + length, start + 1, start + length - 1))
        pos = start + length
    ce = cs + width
    plain = sum(max(0, min(ce, q.end) - max(cs, q.start)) for q in quotes)
    assert _QuotedChars(quotes).within(cs, ce) == plain


# The times of these inputs (many quotations, a run of dots, alignment of unrelated articles) are
# measured by benchmarks/pathological.py, never asserted here: a shared machine makes a timed test
# fail for reasons that are not the code's.


def test_many_short_quotations_are_all_found_and_rendered(tmp_path):
    path = tmp_path / "yesno.txt"
    path.write_text('He said "yes" and "no". ' * 300, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nc.analyze([path])
    assert len(analysis.docs[0].quotes) == 600
    page = nc.reading.index_page(analysis.docs, analysis.tables, [])
    assert page.count("yes") >= 300  # every quotation is in the reading view


def test_a_run_of_dots_keeps_the_sentences_around_it(tmp_path):
    path = tmp_path / "dots.txt"
    path.write_text("It began. " + "." * 10_000 + " It ended.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (d,) = nc.prepare([path])
    assert d.sentences[0].text.startswith("It began.") and d.sentences[-1].text.endswith("It ended.")


def test_alignment_of_articles_with_no_word_in_common_shares_nothing():
    a = doc(" ".join(f"Alpha{i} beta{i} gamma{i}." for i in range(150)), "a")
    b = doc(" ".join(f"Delta{i} epsilon{i} zeta{i}." for i in range(150)), "b")
    table = framing.align_content([a, b])
    assert len(table) == 300 and not table.shared.any() and (table.similarity == 0).all()


def test_prepare_rejects_nothing_it_read_before(tmp_path):
    """The cut applies only to 'sentences' over the limit: an ordinary article keeps its sentences."""
    text = "The ferry left at dawn. " * 50
    path = Path(tmp_path / "ordinary.txt")
    path.write_text(text, encoding="utf-8")
    (d,) = nc.prepare([path])
    assert len(d.sentences) == 50
