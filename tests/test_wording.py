"""Loaded words, word choice, descriptive labels and which distinctive terms rank: sentences written
for these tests."""

import json

import pandas as pd
import pytest
from tests.helpers import doc

from newscompare import Lexicons, NewsCompareError, actors, framing, wording

LOADED = "The reckless mayor rammed through a disastrous scheme that outraged the whole town."
PLAIN = "The council met on Tuesday and approved the budget for the next year."


def test_the_model_finds_loaded_words_in_a_loaded_sentence_and_none_in_a_plain_one():
    a = doc(f"{LOADED} {PLAIN} The Radical Party met.", "a")
    b = doc("Critics said the plan was a disastrous idea.", "b")
    reading = wording.read_loaded([a, b])
    table = reading.words
    assert list(table.columns) == wording.LOADED_COLUMNS
    mine = table[table.article == "a"].set_index("term")
    assert {"reckless", "disastrous"} <= set(mine.index)
    assert set(table[table.article == "a"].sentence) == {0}  # the plain sentence and the party's name: no rows
    assert mine.loc["reckless", "kind"] == "judgement"  # its kind in loaded.csv
    assert table.score.between(0, 1).all()
    assert mine.loc["disastrous", "others"] == 1  # b uses the word too
    for r in table.itertuples():  # offsets point at the word in the clean text
        d = a if r.article == "a" else b
        assert d.text[r.start:r.end].lower() == r.term
    scores = reading.sentences.set_index(["article", "sentence"])["loaded_score"]
    assert scores[("a", 0)] > 0.5 > scores[("a", 1)]


def test_a_quoted_insult_is_a_row_in_quote():
    table = wording.loaded_words([doc("“It is a shameful, disgraceful lie,” Ana Ruiz said of the vote.")])
    assert not table.empty and table.in_quote.all()


def test_an_edited_loaded_lexicon_forces_terms_in_and_out(tmp_path):
    (tmp_path / "loaded.csv").write_text("term,kind,mode,source\nbumbling,judgement,always,test\n"
                                         "reckless,judgement,never,test\nsweeping reform,phrase,always,test\n",
                                         encoding="utf-8")
    table = wording.loaded_words([doc(f"A bumbling effort on a sweeping reform. {LOADED}")], lexicons=tmp_path)
    assert {"bumbling", "sweeping reform"} <= set(table.term)
    assert table.set_index("term").loc["bumbling", "kind"] == "judgement"
    assert "reckless" not in set(table.term) and "disastrous" in set(table.term)


def test_a_lexicon_without_the_mode_column_forces_its_words_in(tmp_path):
    (tmp_path / "loaded.csv").write_text("term,kind,weight,source\nbumbling,judgement,1,test\n", encoding="utf-8")
    assert "bumbling" in set(wording.loaded_words([doc(f"A bumbling effort. {PLAIN}")], lexicons=tmp_path).term)


def test_an_unknown_mode_is_a_clear_error(tmp_path):
    (tmp_path / "loaded.csv").write_text("term,kind,mode,source\nbumbling,judgement,sometimes,test\n",
                                         encoding="utf-8")
    with pytest.raises(NewsCompareError, match="loaded.csv.*sometimes"):
        wording.loaded_words([doc(PLAIN)], lexicons=tmp_path)


def test_the_model_weights_are_read_from_the_lexicon_folder(tmp_path):
    model = json.loads((Lexicons().path("loaded_model.json")).read_text(encoding="utf-8"))
    model["sentence"]["threshold"] = 1.0  # no sentence is loaded enough any more
    (tmp_path / "loaded_model.json").write_text(json.dumps(model), encoding="utf-8")
    assert not wording.loaded_words([doc(LOADED)]).empty
    assert wording.loaded_words([doc(LOADED)], lexicons=tmp_path).empty


def test_loaded_rates_per_kind_and_1000_words():
    d = doc(" ".join([LOADED] + [PLAIN] * 19))
    loaded = wording.loaded_words([d])
    rates = wording.loaded_rates([d], loaded)
    assert rates["count"].sum() == len(loaded)
    judgement = rates[rates.category == "judgement"].iloc[0]
    assert abs(judgement["per_1000"] - 1000 * judgement["count"] / d.words) < 1e-9


def test_loaded_words_by_voice_split_the_author_from_quotations():
    d = doc(f"{LOADED} “It is a shameful, disgraceful lie,” Ana Ruiz said of the vote. {PLAIN}")
    table = wording.loaded_by_voice([d]).set_index("voice")
    assert list(table.columns) == ["article", *wording.VOICE_COLUMNS[1:]]
    assert table.loc["author", "count"] >= 2 and table.loc["quotation", "count"] >= 1
    assert table.loc["author", "words"] + table.loc["quotation", "words"] == d.words
    for voice in ("author", "quotation"):
        r = table.loc[voice]
        assert r.low <= r.per_1000 <= r.high


def test_no_loaded_word_gives_zero_rates_not_an_error():
    d = doc(PLAIN)
    table = wording.loaded_by_voice([d], wording.loaded_words([d]))
    author = table.set_index("voice").loc["author"]
    assert table["count"].sum() == 0 and author["low"] == 0 < author["high"]
    assert table.set_index("voice").loc["quotation"].isna()["per_1000"]  # no quoted words: no rate, not 0


def test_poisson_interval_is_close_to_the_exact_one():
    assert wording.poisson_interval(0) == (0.0, 3.69)
    low, high = wording.poisson_interval(10)  # exact: 4.80, 18.39
    assert abs(low - 4.80) < 0.05 and abs(high - 18.39) < 0.1


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


def test_a_swap_of_words_alike_in_connotation_is_not_a_word_choice():
    a = doc("Officials said the big storm that hit the coast closed the port for a week. Farmers met.", "a")
    b = doc("Officials said the real storm that hit the coast closed the port for a week. A school opened.", "b")
    assert wording.word_choice([a, b], framing.align_content([a, b])).empty
    c = doc("Officials said the regime that ran the port closed it for a week. Farmers met.", "c")
    d = doc("Officials said the government that ran the port closed it for a week. A school opened.", "d")
    choices = wording.word_choice([c, d], framing.align_content([c, d]))
    assert (choices.iloc[0].term, choices.iloc[0].other_term) == ("regime", "government")
