"""Sentiment toward a target, on sentences written for the test: two targets of opposite polarity in
one sentence, negation, a quotation attacking a person, a possessive target, and the contract."""

import json

import pandas as pd
import pytest
from tests.conftest import SHARED
from tests.helpers import doc

from newscompare import export, sentiment
from newscompare.targets import TARGET_COLUMNS, load_model


def toward(sentence: str, target: str) -> pd.Series:
    start = sentence.index(target)
    return sentiment.target_sentiment([(sentence, start, start + len(target))]).iloc[0]


def test_two_targets_of_opposite_polarity_in_one_sentence():
    s = "Voters cheered Mayor Alma Ruiz for her honest budget, but they booed Senator Karl Vogt over the scandal."
    ruiz, vogt = toward(s, "Alma Ruiz"), toward(s, "Karl Vogt")
    assert ruiz.label == "positive" and vogt.label == "negative"
    assert ruiz.score - vogt.score > 0.5


def test_negation_turns_the_sentiment():
    assert toward("Ruiz is honest and kind.", "Ruiz").label == "positive"
    assert toward("Ruiz is not honest and not kind.", "Ruiz").label == "negative"


def test_a_curly_apostrophe_negates_as_a_straight_one():
    curly = toward("Councillor Ines Maro’s rescue plan isn’t bad, the auditors found.", "Ines Maro")
    straight = toward("Councillor Ines Maro's rescue plan isn't bad, the auditors found.", "Ines Maro")
    assert curly.score == pytest.approx(straight.score) and curly.evidence == straight.evidence


def test_a_quotation_attacks_its_target_not_its_speaker():
    s = "“Vogt is a liar and a fraud who betrayed this town,” Ruiz said."
    vogt, ruiz = toward(s, "Vogt"), toward(s, "Ruiz")
    assert vogt.label == "negative" and ruiz.label != "negative" and ruiz.score > vogt.score


def test_a_possessive_target():
    bad = toward("Vogt's plan was condemned as a disgrace by angry residents.", "Vogt's")
    good = toward("Vogt's plan was praised as a triumph by grateful residents.", "Vogt's")
    assert bad.label == "negative" and good.label == "positive"


def test_a_plain_report_is_neutral_and_the_evidence_says_why():
    row = toward("Ruiz met the council on Tuesday to discuss the budget.", "Ruiz")
    assert row.label == "neutral" and isinstance(row.evidence, str)
    assert "clause_valence_by_distance" in toward("Ruiz is honest and kind.", "Ruiz").evidence


def test_the_contract_rows_in_order_and_spans_checked():
    items = [("Ruiz is kind.", 0, 4), ("Vogt is cruel.", 0, 4)]
    table = sentiment.target_sentiment(items)
    assert list(table.columns) == TARGET_COLUMNS and len(table) == 2 and table.score.between(-1, 1).all()
    assert table.label.tolist() == ["positive", "negative"]
    with pytest.raises(ValueError, match=r"target span \(5, 40\) is outside the sentence"):
        sentiment.target_sentiment([("Ruiz is kind.", 5, 40)])
    assert sentiment.target_sentiment([]).empty


def test_actor_sentiment_scores_each_actor_of_a_sentence_on_its_own():
    d = doc("Residents praised Mayor Alma Ruiz. Residents praised Mayor Alma Ruiz but condemned Karl Vogt as a "
            "crook. Karl Vogt denied everything.")
    tables = export.build_tables([d])
    by_actor = tables["actor_sentiment"].set_index("actor")
    assert by_actor.loc["Alma Ruiz", "mean_target"] > 0 > by_actor.loc["Karl Vogt", "mean_target"]
    assert {"mean_low", "mean_high", "mentions", "evidence"} <= set(by_actor.columns)
    old = sentiment.actor_sentiment(tables["sentences"], tables["mentions"], method="combined")
    assert "mean_combined" in old.columns  # the sentence-level method is still there


def test_who_says_what_about_whom():
    d = doc("“Karl Vogt is a liar and a crook,” Alma Ruiz said. Karl Vogt opened a bakery on Monday.")
    tables = export.build_tables([d])
    quoted = tables["toward"].query("actor == 'Karl Vogt' and sentence == 0").iloc[0]
    assert quoted.speaker == "Alma Ruiz" and quoted.sentiment == "negative"
    table = sentiment.who_says_what(tables["toward"])
    assert {"the author", "Alma Ruiz"} <= set(table.speaker)


def test_the_shipped_model_says_how_it_was_made():
    info = load_model().info
    assert "NewsMTSC" in info["data"] and info["command"] == "python benchmarks/target_sentiment.py --fit"


@pytest.mark.skipif(not (SHARED / "data" / "newsmtsc").is_dir(), reason="NewsMTSC not in ../shared/data (CI has it)")
def test_on_newsmtsc_dev_the_target_model_beats_sentence_scores():
    rows = [json.loads(x) for x in (SHARED / "data" / "newsmtsc" / "rw-dev.jsonl").read_text().splitlines() if x]
    table = pd.DataFrame(rows)
    found = sentiment.target_sentiment(zip(table.sentence, table["from"], table["to"]))
    pred = found.label.map({"negative": -1, "neutral": 0, "positive": 1}).to_numpy()
    gold = table.polarity.to_numpy()
    f1 = []
    for c in (-1, 0, 1):
        tp = ((pred == c) & (gold == c)).sum()
        p, r = tp / max(1, (pred == c).sum()), tp / max(1, (gold == c).sum())
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    assert sum(f1) / 3 >= 0.62  # 0.641 when fitted; VADER alone 0.508


def test_a_pronoun_carries_what_the_sentence_says_about_the_person_it_stands_for():
    d = doc("Residents met Mayor Alma Ruiz on Friday. They called her a liar and a crook.")
    tables = export.build_tables([d])
    row = tables["toward"].query("sentence == 1").iloc[0]
    assert (row.actor, row.label, row.sentiment) == ("Alma Ruiz", "her", "negative")
    pronoun = tables["pronouns"].iloc[0]
    assert (pronoun.antecedent_sentence, pronoun.offset) == (0, d.sentences[1].text.index("her"))
    assert tables["actor_sentiment"].set_index("actor").loc["Alma Ruiz", "mentions"] == 2
