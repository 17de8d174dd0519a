"""The portrayal table: one row per article and actor, a tone from the sentences about the actor, an
interval and an honest verdict. Sentences written for these tests."""

import json

import numpy as np
import pandas as pd
import pytest

import newscompare as nc
from newscompare import portrayal

HARSH = """Vogt under fire

Senator Marta Vogt was condemned on Tuesday for a disastrous budget that critics called a reckless betrayal.
Vogt has been accused of lying to voters about the cuts, and her record is a string of failures.
The scandal deepened when Vogt was caught misleading the committee.
Residents said Vogt had abandoned them and ruined the town's schools.
"""

WARM = """Vogt wins praise

Senator Marta Vogt was praised on Tuesday for a careful budget that supporters called a triumph.
Vogt has been celebrated for her honesty with voters about the cuts, and her record is a string of successes.
The plan gained support when Vogt won over the committee with a generous compromise.
Residents said Vogt had helped them and rescued the town's schools.
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("portrayal")
    (folder / "harsh.txt").write_text(HARSH, encoding="utf-8")
    (folder / "warm.txt").write_text(WARM, encoding="utf-8")
    return nc.analyze([folder])


def vogt(table, article):
    return table[(table["article"] == article) & (table["actor"].str.contains("Vogt"))].iloc[0]


def test_the_table_has_its_columns_and_one_row_per_article_and_actor(two_articles):
    table = two_articles.tables["portrayal"]
    assert list(table.columns) == portrayal.PORTRAYAL_COLUMNS
    assert not table.duplicated(["article", "actor"]).any()
    assert table["tone"].between(-1, 1).all()
    assert (table["tone_low"] <= table["tone"]).all() and (table["tone"] <= table["tone_high"]).all()
    assert set(table["verdict"]) <= {"negative", "neutral", "positive", "unclear"}


def test_a_harsh_article_portrays_the_actor_worse_than_a_warm_one(two_articles):
    table = two_articles.tables["portrayal"]
    harsh, warm = vogt(table, "harsh"), vogt(table, "warm")
    assert harsh["tone"] < 0 < warm["tone"]
    assert harsh["verdict"] == "negative"


def test_the_evidence_names_sentences_that_mention_the_actor(two_articles):
    row = vogt(two_articles.tables["portrayal"], "harsh")
    named = set(two_articles.tables["toward"].query("article == 'harsh' and actor == @row.actor")["sentence"])
    evidence = {int(s) for s in row["evidence"].split(", ")}
    assert evidence and evidence <= named


def test_an_actor_named_once_is_unclear(two_articles):
    table = two_articles.tables["portrayal"]
    assert (table.loc[table["mentions"] < 3, "verdict"] == "unclear").all()


@pytest.mark.parametrize("mentions, tone, low, high, expected", [
    (2, -0.9, -0.95, -0.8, "unclear"),   # too few mentions, however clear
    (5, -0.6, -0.8, -0.3, "negative"),
    (5, 0.6, 0.3, 0.8, "positive"),
    (5, 0.02, -0.1, 0.12, "neutral"),
    (5, -0.2, -0.9, 0.7, "unclear"),     # the evidence pulls both ways
    (5, -0.5, -0.9, 0.1, "unclear"),     # a lean whose interval crosses zero
])
def test_the_verdict(mentions, tone, low, high, expected):
    assert portrayal.verdict(mentions, tone, low, high, band=0.3) == expected


def test_no_actor_gives_an_empty_typed_table(tmp_path):
    (tmp_path / "a.txt").write_text("it rained all day and then it stopped.\n", encoding="utf-8")
    table = nc.analyze([tmp_path]).tables["portrayal"]
    assert table.empty and list(table.columns) == portrayal.PORTRAYAL_COLUMNS


def test_an_edited_model_in_a_lexicon_folder_is_in_force(tmp_path, two_articles):
    folder = nc.copy_lexicons(tmp_path / "lex", ["portrayal_model.json"])
    model = json.loads((folder / "portrayal_model.json").read_text(encoding="utf-8"))
    model["weights"] = (-np.asarray(model["weights"])[::-1]).tolist()  # swap the classes: praise reads as blame
    model["intercepts"] = model["intercepts"][::-1]
    (folder / "portrayal_model.json").write_text(json.dumps(model), encoding="utf-8")
    units = portrayal.sentence_units(two_articles.tables["toward"], two_articles.tables["sources"],
                                     two_articles.tables["sentences"], two_articles.tables["alignment"])
    shipped, edited = portrayal.portrayal(units), portrayal.portrayal(units, folder)
    assert vogt(edited, "harsh")["tone"] != vogt(shipped, "harsh")["tone"]


def test_units_keep_what_an_actor_says_apart_from_what_is_said_of_it():
    toward = pd.DataFrame({
        "article": ["a", "a", "a"], "sentence": [1, 1, 2], "speaker": ["Ruiz", "the author", "the author"],
        "actor": ["Lena Ruiz", "Tom Vogt", "Lena Ruiz"], "label": ["Ruiz", "Vogt", "Ruiz"],
        "start": [0, 10, 40], "end": [4, 14, 44], "score": [0.2, -0.7, 0.5],
        "sentiment": ["neutral", "negative", "positive"], "evidence": ["", "", ""], "text": ["", "", ""]})
    sources = pd.DataFrame({"article": ["a"], "sentence": [1], "source": ["Ruiz"]})
    sentences = pd.DataFrame({"article": ["a"] * 3, "sentence": [0, 1, 2], "loaded_score": [0.1, 0.9, 0.2],
                              "quote_share": [0.0, 0.5, 0.0], "combined": [0.0, -0.4, 0.3],
                              "heading": [True, False, False], "text": ["", "", ""]})
    units = portrayal.sentence_units(toward, sources, sentences).set_index(["actor", "sentence"])
    ruiz_speaks = units.loc[("Lena Ruiz", 1)]
    assert ruiz_speaks["speaks"] == 1 and np.isnan(ruiz_speaks["author"]) and np.isnan(ruiz_speaks["quoted"])
    assert units.loc[("Tom Vogt", 1), "author"] == pytest.approx(-0.7)
    assert units.loc[("Tom Vogt", 1), "loaded"] == pytest.approx(0.45)  # the author's half of the sentence
    assert units.loc[("Lena Ruiz", 2), "speaks"] == 0


def test_the_pair_of_articles_that_portray_an_actor_furthest_apart(two_articles):
    from newscompare import differences

    pair = differences.portrayal_pair(two_articles.tables["portrayal"], {"harsh": "harsh", "warm": "warm"})
    assert pair is not None
    a, b = pair
    assert "Vogt" in a.actor and a.article == "harsh" and b.article == "warm" and a.tone_high < b.tone_low
