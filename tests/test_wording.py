"""Loaded words, word choice, descriptive labels and which distinctive terms rank: sentences written
for these tests."""

import pandas as pd
import pytest
from tests.helpers import doc

from newscompare import actors, framing, wording


def test_loaded_words_with_offsets_quotes_and_whether_others_use_them():
    a = doc("The senator slammed the plan as a fiasco. “It is reckless,” a farmer said. The Radical Party met.", "a")
    b = doc("The senator criticised the plan. Critics called it a fiasco.", "b")
    table = wording.loaded_words([a, b])
    assert list(table.columns) == wording.LOADED_COLUMNS
    mine = table[table.article == "a"].set_index("term")
    assert {"slammed", "fiasco", "reckless"} <= set(mine.index)
    assert "radical" not in mine.index  # a capitalised word inside the sentence is part of a name
    assert mine.loc["slammed", "kind"] == "attack" and not mine.loc["slammed", "in_quote"]
    assert mine.loc["reckless", "in_quote"]
    assert mine.loc["fiasco", "others"] == 1 and mine.loc["slammed", "others"] == 0
    for r in table.itertuples():  # offsets point at the word in the clean text
        d = a if r.article == "a" else b
        assert d.text[r.start:r.end].lower() == r.term


def test_loaded_phrases_match_across_spaces():
    table = wording.loaded_words([doc("They spoke of illegal   immigrants and a power grab.")])
    assert {"illegal immigrants", "power grab"} <= set(table.term)


def test_an_edited_loaded_lexicon_is_used(tmp_path):
    (tmp_path / "loaded.csv").write_text("term,kind,weight,source\nbumbling,judgement,1,test\n", encoding="utf-8")
    table = wording.loaded_words([doc("A bumbling effort slammed by all.")], lexicons=tmp_path)
    assert table.term.tolist() == ["bumbling"]


def test_loaded_rates_per_kind_and_1000_words():
    d = doc(" ".join(["The plan was a fiasco and a debacle."] + ["Farmers met in the hall on the day."] * 19))
    rates = wording.loaded_rates([d])
    drama = rates[rates.category == "drama"].iloc[0]
    assert drama["count"] == 2 and abs(drama["per_1000"] - 2000 / d.words) < 1e-9


def test_word_choice_finds_the_swapped_words_between_shared_ones():
    a = doc("Officials said the illegal immigrants who crossed the river were detained near the town. "
            "Farmers gathered at the market.", "a")
    b = doc("Officials said the undocumented immigrants who crossed the river were detained near the town. "
            "The mayor opened a school.", "b")
    choices = wording.word_choice([a, b], framing.align_content([a, b]))
    assert list(choices.columns) == wording.WORD_CHOICE_COLUMNS
    row = choices.iloc[0]
    assert (row.article, row.term, row.other, row.other_term, row.pairs) == ("a", "illegal", "b", "undocumented", 1)


def test_word_choice_ignores_inflection_names_numbers_and_different_sentences():
    a = doc("The council approved 12 new homes for Ashford after a long debate on Tuesday. Farmers met.", "a")
    b = doc("The council approves 40 new homes for Brenton after a long debate on Tuesday. A school opened.", "b")
    c = doc("Rain fell over the valley all week.", "c")
    assert wording.word_choice([a, b, c], framing.align_content([a, b, c])).empty
    assert wording.word_choice([a], pd.DataFrame()).empty


def test_label_kinds_separate_name_variants_from_descriptions():
    lex = actors.actor_lexicon()
    assert actors.label_kind("Helen Carver", "Carver", lex) == "name"
    assert actors.label_kind("Helen Carver", "Transport Secretary Helen Carver", lex) == "name"
    assert actors.label_kind("Free Syrian Army", "FSA", lex) == "name"
    assert actors.label_kind("James Mattis", "Mad Dog Mattis", lex) == "description"
    assert actors.label_kind("Syrian government", "Assad regime", lex) == "description"
    assert actors.label_kind("ISIS", "Daesh", lex) == "description"


def test_a_term_from_one_sentence_does_not_rank_unless_loaded():
    a = doc("The dam holds. The dam leaks. The plan is a fiasco. Engineers inspected turbines.", "a")
    b = doc("Farmers want water. Farmers want rain. The valley waits.", "b")
    terms = framing.distinctive_terms([a, b]).set_index(["article", "term"])
    assert terms.loc[("a", "dam"), "ranks"] and terms.loc[("a", "fiasco"), "ranks"]
    assert not terms.loc[("a", "turbines"), "ranks"]
    ranked = framing.distinctive_terms([a, b])
    first_a = ranked[ranked.article == "a"]["ranks"].tolist()
    assert first_a == sorted(first_a, reverse=True)  # the terms that rank come first


def test_outlet_names_and_weekdays_are_house_style():
    assert not framing.content_terms("Fox News reported on Monday, the Associated Press said") - {"reported"}


@pytest.mark.parametrize("first,second", [
    ("faces a new charge of fraud", "faces new charges of fraud"),       # the plural that drops its e
    ("the court will allow the merger", "the court would have allowed the merger"),  # tense and auxiliary
])
def test_word_choice_ignores_the_same_word_in_other_grammar(first, second):
    a = doc(f"The mayor of the harbour town {first} after the audit, officials confirmed. Farmers met.", "a")
    b = doc(f"The mayor of the harbour town {second} after the audit, officials confirmed. A school opened.", "b")
    assert wording.word_choice([a, b], framing.align_content([a, b])).empty


def test_word_choice_from_the_labels_each_article_alone_gives_one_actor():
    from newscompare import actors
    from newscompare.framing import align_content

    docs = [doc("The bill targets illegal immigrants at the border. Rebels shelled the village.", "a"),
            doc("The bill helps undocumented immigrants in the city. Terrorists shelled a village.", "b")]
    mentions = actors.find_mentions(docs)
    table = wording.word_choice(docs, align_content(docs), mentions=mentions)
    pairs = set(zip(table.term, table.other_term))
    assert {("illegal immigrants", "undocumented immigrants"), ("rebels", "terrorists")} <= pairs
    labelled = table[table.term == "rebels"].iloc[0]
    assert (labelled.article, labelled.other, labelled.sentence, labelled.other_sentence) == ("a", "b", 1, 1)
    # the same label in both articles is no choice; neither is one word inflected ("rebel faction" / "rebels")
    same = [doc("Rebels shelled the village.", "a"), doc("Rebels and the rebel faction shelled it.", "b")]
    assert wording.word_choice(same, align_content(same), mentions=actors.find_mentions(same)).empty
