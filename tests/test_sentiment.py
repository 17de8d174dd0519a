import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from tests.conftest import GROUND_TRUTH, ROOT, needs_ground_truth
from tests.helpers import doc

from newscompare import framing
from newscompare import sentiment as st


def scores_of(*texts):
    return st.score_texts(list(texts))


def test_negation_and_not_bad():
    s = scores_of("It was bad.", "It was not bad at all.", "The result was good.")
    assert s.vader_compound[0] < 0 < s.vader_compound[1]
    assert s.tb_polarity[0] < 0 < s.tb_polarity[1]
    assert s.combined[0] < 0 < s.combined[1] and s.combined[0] < s.combined[2]


def test_a_curly_apostrophe_negates_as_a_straight_one():
    # Cleaning keeps curly apostrophes; VADER knows "wasn't" only with a straight one.
    curly = scores_of("The ferry’s new timetable wasn’t good.", "The ferry’s new timetable isn’t bad.")
    straight = scores_of("The ferry's new timetable wasn't good.", "The ferry's new timetable isn't bad.")
    assert curly.vader_compound[0] < 0 < curly.vader_compound[1]
    assert curly.vader_compound.tolist() == straight.vader_compound.tolist()


def test_empty_and_quoted_sentences_are_defined():
    s = scores_of("", "   ", "“Terrible, horrible news,” he said.")
    assert (s.loc[:1, ["tb_polarity", "vader_compound"]] == 0).all().all()
    assert s.combined[2] < 0 and s.combined.between(-1, 1).all()


def test_calibration_shape_and_provenance():
    model = st.calibration()
    assert set(model["base"]) == set(st.BASE_FEATURES)
    assert len(model["words"]) > 1000
    prov = model["provenance"]
    assert prov["cross_validated_pearson_r"] >= 0.55 and "nytEditorial" in prov["data"]


def test_fit_calibration_recovers_a_linear_signal():
    rng = np.random.default_rng(1)
    texts = [f"word{i % 7} sample" for i in range(200)]
    scores = pd.DataFrame({"tb_polarity": rng.uniform(-1, 1, 200), "tb_subjectivity": rng.uniform(0, 1, 200),
                           "vader_compound": rng.uniform(-1, 1, 200), "vader_pos": 0.0, "vader_neg": 0.0,
                           "vader_neu": 1.0})
    human = 4 * scores["vader_compound"].to_numpy()
    model = st.fit_calibration(texts, human, lam=0.01, scores=scores)
    pred = st.combine(scores, texts, model)
    assert np.corrcoef(pred, human)[0, 1] > 0.99


def test_bootstrap_interval_contains_mean_and_is_reproducible():
    v = np.array([-0.5, -0.2, 0.1, 0.3, -0.4, 0.0])
    lo, hi = st.bootstrap_ci(v)
    assert lo <= v.mean() <= hi
    assert (lo, hi) == st.bootstrap_ci(v)
    assert np.isnan(st.bootstrap_ci([])[0])


def test_bootstrap_intervals_of_many_groups_equal_one_at_a_time():
    rng = np.random.default_rng(3)
    groups = [rng.uniform(-1, 1, size) for size in (1, 2, 2, 5, 9, 9, 17, 40)]
    assert st.bootstrap_cis(groups) == [st.bootstrap_ci(g) for g in groups]
    (empty, one), = [st.bootstrap_cis([[], [0.25]])]
    assert np.isnan(empty).all() and one == (0.25, 0.25)


def test_article_summary_aggregates_sentences(seed_docs):
    scores = st.sentence_scores(list(seed_docs.values()))
    assert list(scores.columns) == st.SENTENCE_SCORE_COLUMNS
    summary = st.article_summary(scores).set_index("article")
    prose = scores[~scores.heading]
    for art, g in prose.groupby("article"):
        assert summary.loc[art, "mean"] == pytest.approx(g.combined.mean())
        assert summary.loc[art, "sentences"] == len(g)
        assert summary.loc[art, "mean_low"] <= summary.loc[art, "mean"] <= summary.loc[art, "mean_high"]


def test_disagreements_have_opposite_signs(seed_docs):
    scores = st.sentence_scores(list(seed_docs.values()))
    d = st.disagreements(scores)
    assert not d.empty and (np.sign(d.tb_polarity) * np.sign(d.vader_compound) < 0).all()


def test_word_shift_sign(seed_docs):
    scores = st.sentence_scores(list(seed_docs.values()))
    shift = st.word_shift(scores, "su24-2015", "su25-2018").set_index("word")
    assert shift.loc["killed", "contribution"] < 0  # only in 2015, negative word
    assert shift.loc["terrorists", "contribution"] > 0  # only in 2018: makes 2015 look less negative
    assert "party" not in shift.index  # a name, not sentiment


def test_actor_sentiment_by_sentences_is_the_mean_of_its_sentences(seed_docs):
    docs = list(seed_docs.values())
    scores = st.sentence_scores(docs)
    table = st.actor_sentiment(scores, framing.find_mentions(docs), method="combined").set_index(["actor", "article"])
    row = table.loc[("Russia", "su25-2018")]
    sents = [int(x) for x in row.evidence.split(", ")]
    expected = scores[(scores.article == "su25-2018") & scores.sentence.isin(sents)].combined.mean()
    assert row.mean_combined == pytest.approx(expected) and row.sentences == len(sents)
    assert row.mean_low <= row.mean_combined <= row.mean_high


def test_actor_sentiment_by_target_is_the_mean_over_its_mentions(seed_docs):
    docs = list(seed_docs.values())
    mentions = framing.find_mentions(docs)
    toward = st.mention_sentiment(mentions)
    table = st.actor_sentiment(st.sentence_scores(docs), mentions, toward=toward).set_index(["actor", "article"])
    row = table.loc[("Turkey", "su24-2015")]
    mine = toward[(toward.actor == "Turkey") & (toward.article == "su24-2015")]
    assert row.mean_target == pytest.approx(mine.score.mean()) and row.mentions == len(mine)
    assert row.negative + row.neutral + row.positive == len(mine)
    assert row.net == pytest.approx((row.positive - row.negative) / len(mine), abs=1e-4)
    assert table["net"].between(-1, 1).all()


def test_voices_and_quote_scores(seed_docs):
    docs = list(seed_docs.values())
    quotes = st.quote_scores(docs)
    assert "stab in the back" in quotes["quote"].tolist()
    v = st.voices(st.sentence_scores(docs), quotes)
    assert set(v.voice) == {"author (sentences)", "sources (quoted words)"}


@needs_ground_truth()
def test_benchmark_runs_on_a_slice():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sentiment_validity.py"), "--data",
                          str(GROUND_TRUTH), "--limit", "200", "--folds", "3"], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    for word in ("nyt", "tweets", "VADER compound", "combined, 3-fold CV", "pearson_r"):
        assert word in out.stdout


def test_benchmark_says_clearly_when_data_is_missing(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sentiment_validity.py"), "--data",
                          str(tmp_path / "nope")], capture_output=True, text=True)
    assert out.returncode == 2 and "ground-truth folder not found" in out.stderr


def test_classify_ignores_the_last_bit_of_a_float_at_the_band_edge():
    edge = [0.05, np.nextafter(0.05, 1.0), np.nextafter(0.05, 0.0), 0.0501, -np.nextafter(0.05, 1.0), -0.0501]
    assert st.classify(edge, "tb_polarity").tolist() == [0, 0, 0, 1, 0, -1]


@pytest.mark.parametrize("mentions, low, high, expected", [
    (2, -0.9, -0.5, "unclear"),  # thin evidence, however strong
    (5, -0.4, 0.3, "unclear"),  # the interval spans zero
    (5, -0.05, 0.08, "neutral"),
    (5, -0.6, -0.2, "negative"),
    (5, 0.15, 0.5, "positive"),
])
def test_the_verdict_on_an_actor_is_unclear_on_thin_evidence(mentions, low, high, expected):
    assert st.verdict(mentions, low, high) == expected


def test_actor_sentiment_gives_each_row_a_verdict():
    d = doc("Critics condemned Vogt. Residents attacked Vogt again. Vogt was blamed for the failure. "
            "Ruiz spoke.")
    table = st.actor_sentiment(st.sentence_scores([d]), framing.find_mentions([d]))
    by = table.set_index("actor")["verdict"]
    assert by["Ruiz"] == "unclear"  # one mention
    assert set(by) <= {"negative", "neutral", "positive", "unclear"}


def test_a_mention_is_scored_where_it_stands_not_where_its_letters_first_occur():
    # the letters "cia" first occur inside "officials": the mention is scored at its own offsets
    d = doc("Agency officials said the CIA hid a shameful, disastrous failure from the senators.")
    mentions = framing.find_mentions([d])
    cia = mentions[mentions["label"] == "CIA"]
    assert len(cia) == 1
    sentence = d.sentences[cia["sentence"].iloc[0]]
    start = int(cia["start"].iloc[0]) - sentence.clean_start
    assert sentence.text[start : start + 3] == "CIA" and sentence.text.lower().find("cia") < start
    toward = st.mention_sentiment(mentions, docs=[d])
    row = toward[toward["label"] == "CIA"].iloc[0]
    found = st.target_sentiment([(sentence.text, start, start + 3)])
    assert row["score"] == found["score"].round(4).iloc[0] and row["evidence"] == found["evidence"].iloc[0]


def test_who_says_shows_the_actors_named_most_and_pales_thin_evidence():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from newscompare import plots

    said = pd.DataFrame({"article": ["a"] * 6, "speaker": ["the author"] * 6,
                         "actor": [f"Actor {k}" for k in range(6)], "mean_score": [0.5, -0.5, 0.2, 0.1, -0.1, 0.3],
                         "mentions": [9, 8, 7, 1, 1, 1]})
    fig = plots.who_says(said, top=4)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Actor 3", "Actor 2", "Actor 1", "Actor 0"]
    assert "the 4 actors each article names most" in fig._suptitle.get_text()
    alphas = [round(b.get_facecolor()[3], 2) for b in ax.patches[:4]]  # the author's bars, bottom to top
    assert alphas == [0.3, 1.0, 1.0, 1.0]
    plt.close(fig)
