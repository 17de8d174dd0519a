"""Guards for the steps that once grew faster than the text: each runs a small pathological input and
checks the work done (by count where it can be counted, else against a generous time bound, many
times what it takes now; the old code took longer than the bound)."""

import time
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


def _seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def test_many_short_quotations_segment_and_render_in_linear_time(tmp_path):
    path = tmp_path / "yesno.txt"
    path.write_text('He said "yes" and "no". ' * 3000, encoding="utf-8")  # 72 KB, 6,000 quotations
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nc.analyze([path])
        assert len(analysis.docs[0].quotes) == 6000
        # before: 20 s to segment and 30 s for the page at this size
        assert _seconds(lambda: nc.analyze([path])) < 20
        assert _seconds(lambda: nc.reading.index_page(analysis.docs, analysis.tables, [])) < 10


def test_a_run_of_dots_does_not_backtrack(tmp_path):
    path = tmp_path / "dots.txt"
    path.write_text("It began. " + "." * 100_000 + " It ended.", encoding="utf-8")  # before: about 25 s
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _seconds(lambda: nc.prepare([path])) < 10


def test_alignment_looks_only_at_sentences_that_share_words():
    a = doc(" ".join(f"Alpha{i} beta{i} gamma{i}." for i in range(1500)), "a")
    b = doc(" ".join(f"Delta{i} epsilon{i} zeta{i}." for i in range(1500)), "b")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seconds = _seconds(lambda: framing.align_content([a, b]))  # before: 2.25 million pairs, minutes
        table = framing.align_content([a, b])
    assert seconds < 20 and len(table) == 3000 and not table.shared.any()


def test_prepare_rejects_nothing_it_read_before(tmp_path):
    """The cut applies only to 'sentences' over the limit: an ordinary article keeps its sentences."""
    text = "The ferry left at dawn. " * 50
    path = Path(tmp_path / "ordinary.txt")
    path.write_text(text, encoding="utf-8")
    (d,) = nc.prepare([path])
    assert len(d.sentences) == 50
