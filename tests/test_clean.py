from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newscompare as nc
from newscompare.clean import clean_text, load_rules, rebuild_raw


def test_seeds_rebuild_exactly(seed_docs):
    for doc in seed_docs.values():
        assert rebuild_raw(doc.cleaned.text, doc.cleaned.edits) == doc.article.raw


def test_seed_002_boilerplate_goes_to_the_log(seed_docs):
    doc = seed_docs["su25-2018"]
    log = doc.cleaned.removals()
    related = log[log.rule == "related_link"]
    assert len(related) == 3 and all(t.startswith("Related:") for t in related.text)
    assert log[log.rule == "image_credit"].text.str.strip().tolist() == ["Image: Wikimedia Commons"]
    assert log[log.rule == "image_caption"].text.str.strip().tolist() == ["Russian jets at Khmeimim Airbase, Syria"]
    for gone in ("Related:", "Wikimedia", "Khmeimim Airbase, Syria"):
        assert gone not in doc.text


def test_dateline_becomes_metadata_and_first_sentence_starts_clean(seed_docs):
    doc = seed_docs["su25-2018"]
    assert doc.article.meta["dateline_place"] == "Damascus"
    assert doc.article.meta["dateline_agency"] == "GPA"
    assert doc.sentences[0].text.startswith("A Russian jet was shot down")
    assert doc.sentences[0].start == 15  # the offset still points into the raw file


def test_curly_quotes_are_kept(seed_docs):
    assert "“stab in the back”" in seed_docs["su24-2015"].text


@pytest.mark.parametrize("raw,rule,kept", [
    ("Text one.\nRelated: Another story\nText two.", "related_link", "Text one.\nText two."),
    ("Text.\nA caption here\nPhoto: Reuters\nMore text.", "image_caption", "Text.\nMore text."),
    ("Text.\nShare this article\nMore.", "share_line", "Text.\nMore."),
    ("Text.\nSign up for our daily newsletter here\nMore.", "newsletter", "Text.\nMore."),
    ("By Jane Doe\nThe minister spoke on Monday.", "byline", "The minister spoke on Monday."),
    ("© 2018 Example News. All rights reserved.\nText.", "copyright", "Text."),
    ("MOSCOW, Nov 24 (Reuters) - Russia said a jet was downed.", "dateline", "Russia said a jet was downed."),
    ("LONDON — The talks began on Monday.", "dateline_caps", "The talks began on Monday."),
    ("One\r\nTwo\rThree", "line_ending", "One\nTwo\nThree"),
    ("A\u00a0B", "nonbreaking_space", "A B"),
    ("A\u200bB", "zero_width", "AB"),
    ("A\x07B", "control_char", "AB"),
    ("The â€œvettedâ€\x9d rebels.", "mojibake", "The “vetted” rebels."),
    ("Cafe\u0301 talks.", "unicode_nfc", "Caf\u00e9 talks."),
    ("''We won,'' she said of the players' cup.", "double_apostrophe", '"We won," she said of the players\' cup.'),
])
def test_each_rule(raw, rule, kept):
    cleaned = clean_text(raw)
    assert cleaned.text == kept
    assert rule in {e.rule for e in cleaned.edits}
    assert rebuild_raw(cleaned.text, cleaned.edits) == raw


def test_every_shipped_rule_has_a_test_case():
    tested = {"related_link", "image_caption", "image_credit", "share_line", "newsletter", "byline",
              "copyright", "dateline", "dateline_caps", "line_ending", "nonbreaking_space", "zero_width",
              "control_char", "double_apostrophe"}
    assert {r.name for r in load_rules()} <= tested


def test_prose_is_not_mistaken_for_boilerplate():
    raw = ("By the end of the day the army had withdrawn.\nRelated talks in Geneva failed.\n"
           "Image rights are disputed, said the lawyer.")
    assert clean_text(raw).text == raw


def test_offsets_map_back_to_raw(seed_docs):
    for doc in seed_docs.values():
        for s in doc.sentences:
            assert doc.article.raw[s.start:s.end].replace("\u00a0", " ") == s.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,\n\r\t\u00a0\u200b“”\"'‘’é\x07") + [
    "Related: x\n", "Image: y\n", "Cap\n", "Paris (AFP) – ", "â€œ", "e\u0301", "By Jo Lee\n"]), max_size=40)
       .map("".join))
def test_clean_text_plus_log_rebuilds_any_text(raw):
    cleaned = clean_text(raw)
    assert rebuild_raw(cleaned.text, cleaned.edits) == raw
    starts = [e.start for e in cleaned.edits]
    assert starts == sorted(starts)


def test_cleaning_leaves_the_article_alone_and_the_document_carries_the_dateline(write):
    art = nc.load_article(write("a.txt", "PARIS (AFP) – Talks began. They ended."))
    before = (art.title, dict(art.meta))
    doc = nc.segment(art, nc.clean(art))
    assert (art.title, art.meta) == before  # clean() does not change the Article it is given
    assert doc.article.meta["dateline_place"] == "PARIS" and doc.article.meta["dateline_agency"] == "AFP"


def test_title_from_first_words_skips_the_dateline(write):
    art = nc.load_article(write("story.txt", "PARIS (AFP) – Talks on the ceasefire began on Monday in Geneva. "
                                             "They ended."))
    doc = nc.segment(art)
    assert doc.article.title.startswith("Talks on the ceasefire") and doc.article.meta["title_source"] == "first words"


HEADLINED = ("Rail union says strike will go ahead at the level crossing\n\n"
             "SELBY, England, March 3 – Signal workers will walk out on Friday, the union said on Monday. "
             "The operator called the decision regrettable.\n\n"
             "Talks are set to resume next week.\n")


def test_a_dateline_after_a_headline_is_metadata_and_the_headline_a_heading():
    from newscompare import actors, sources

    doc = nc.segment(nc.Article("rail", Path("rail.txt"), HEADLINED, "first words", {"title_source": "first words"}))
    meta = doc.article.meta
    assert (meta["dateline_place"], meta["dateline_country"], meta["dateline_date"]) == ("SELBY", "England", "March 3")
    assert doc.article.title == "Rail union says strike will go ahead at the level crossing"
    assert doc.sentences[0].heading and doc.sentences[1].text.startswith("Signal workers will walk out")
    assert "England" not in set(actors.find_mentions([doc]).label)
    found = sources.find_sources([doc])
    assert 0 not in set(found.sentence)  # "union says" in the headline is not an attribution
    assert (found.sentence == 1).any()  # "the union said" in the body is


@pytest.mark.parametrize("second,place", [
    ("LONDON (Reuters) - Signal workers will walk out on Friday.", "LONDON"),
    ("BERLIN — Signal workers will walk out on Friday.", "BERLIN"),
    ("Leeds, England (AP) – Signal workers will walk out on Friday.", "Leeds"),
])
def test_wire_datelines_after_a_headline(second, place):
    cleaned = clean_text(f"Signal workers to strike\n\n{second}\n")
    assert cleaned.meta["dateline_place"] == place and "Signal workers will walk out" in cleaned.text
    assert place not in cleaned.text


@pytest.mark.parametrize("text", [
    "Signal workers to strike\n\nBERLIN—Signal workers will walk out on Friday.\n",  # no space after the dash
    "Union warns of ‘rolling strikes’\n\nBERLIN — Signal workers will walk out on Friday.\n",  # a quote ends it
    "Signal workers to strike\n\nUnion warns of more to come\n\nBERLIN — Signal workers will walk out.\n",
])
def test_a_dateline_after_a_headline_that_ends_in_a_quote_or_a_subheading_or_without_a_space(text):
    cleaned = clean_text(text)
    assert cleaned.meta["dateline_place"] == "BERLIN" and "BERLIN" not in cleaned.text
    assert rebuild_raw(cleaned.text, cleaned.edits) == text


def test_a_headline_ending_in_a_quotation_mark_is_a_heading():
    doc = nc.segment(nc.Article("h", Path("h.txt"), "Union warns of ‘rolling strikes’\n\nThe union met.\n", "h"))
    assert doc.sentences[0].heading and not doc.sentences[1].heading


def test_a_capitalised_second_paragraph_after_a_full_sentence_is_not_a_dateline():
    cleaned = clean_text("The union met on Monday.\n\nNATO — the alliance — was not involved.\n")
    assert "dateline_place" not in cleaned.meta and "NATO — the alliance" in cleaned.text


def test_offsets_map_exactly_after_a_repair_that_changes_a_lines_length():
    # "cafÃ©" is "café" decoded with the wrong encoding: the repair shortens the line by one character
    # before the name, which must still map back to its own characters in the raw text.
    raw = "The cafÃ© owner, Dana Okafor, said \u201cno\u201d to the council.\n"
    c = clean_text(raw)
    assert "café" in c.text and rebuild_raw(c.text, c.edits) == raw
    for word in ("Dana Okafor", "council", "no"):
        i = c.text.index(word)
        assert raw[c.to_raw(i, "start"):c.to_raw(i + len(word), "end")] == word
    assert all(len(e.text) <= 3 for e in c.edits)  # the characters the repair changed, not the whole line
