"""Epithets: the descriptions an article attaches to a named actor, and the actor each stands for.
Sentences written for these tests."""

import csv

import pytest

import newscompare as nc
from newscompare import actors, steps

TEXT = """Budget fight deepens

Senator Maria Lopez, the chairwoman of the budget committee, rejected the plan on Monday.
"We will not sign this," said a company spokesman, Tom Brandt.
Billionaire developer Carl Hewitt said the vote was a disgrace.
Hewitt is a longtime critic of the plan.
Rep. Nora Vance voted for the bill.
The first-term congresswoman said she had no regrets.
Former President Dan Moss stayed silent.
"""


def epithets_of(text, lexicons=None, tmp_path=None):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    run = steps.Run(nc.prepare([path], lexicons=lexicons), lexicons)
    return run["epithets"], run


@pytest.fixture()
def found(tmp_path):
    table, _ = epithets_of(TEXT, tmp_path=tmp_path)
    return {(row.epithet, row.kind): row.actor for row in table.itertuples()}


def test_an_appositive_after_a_name(found):
    assert found[("the chairwoman of the budget committee", "appositive")] == "Maria Lopez"


def test_an_appositive_before_a_name(found):
    assert found[("a company spokesman", "appositive")] == "Tom Brandt"


def test_descriptive_words_before_a_name(found):
    assert found[("Billionaire developer", "premodifier")] == "Carl Hewitt"


def test_a_predicate_nominal(found):
    assert "Carl Hewitt" in found[("a longtime critic of the plan", "predicate")]


def test_a_description_resolves_to_the_person_whose_title_fits(found):
    assert found[("The first-term congresswoman", "definite")] == "Nora Vance"


def test_titles_of_address_are_not_epithets(found):
    assert not any(e.strip(".").lower() in {"sen", "senator", "rep", "former president", "former"} for e, _ in found)


def test_the_offsets_give_the_phrase(tmp_path):
    table, run = epithets_of(TEXT, tmp_path=tmp_path)
    text = run.docs[0].text
    assert all(text[s:e] == phrase for s, e, phrase in zip(table["start"], table["end"], table["epithet"]))
    assert list(table.columns) == actors.EPITHET_COLUMNS


def test_epithets_are_labels_of_their_actor(tmp_path):
    _, run = epithets_of(TEXT, tmp_path=tmp_path)
    labels = run["actors"]
    row = labels[labels["label"] == "Billionaire developer"]
    assert list(row["actor"]) == ["Carl Hewitt"] and list(row["label_kind"]) == ["description"]


def test_no_actor_no_epithet(tmp_path):
    table, _ = epithets_of("It rained all day. Then the rain stopped.\n", tmp_path=tmp_path)
    assert table.empty and list(table.columns) == actors.EPITHET_COLUMNS


def test_an_edited_word_list_is_in_force(tmp_path):
    folder = nc.copy_lexicons(tmp_path / "lex", ["word_lists.csv"])
    with open(folder / "word_lists.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(["address_titles", "developer", "a test's title"])
    table, _ = epithets_of(TEXT, lexicons=folder, tmp_path=tmp_path)
    assert "Billionaire" in set(table["epithet"]) and "Billionaire developer" not in set(table["epithet"])
