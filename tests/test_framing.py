import warnings

import numpy as np
import pandas as pd
import pytest
from tests.helpers import doc

from newscompare import framing as fr


def test_actor_variants_group_into_one_actor():
    d = doc("Russian President Vladimir Putin spoke. Putin was angry. President Putin left. "
            "Turkey fired. Ankara said nothing. The Turks waited. The Turkish government agreed.")
    m = fr.find_mentions([d])
    assert set(m.loc[m.label.str.contains("Putin"), "actor"]) == {"Vladimir Putin"}
    assert set(m.loc[m.actor == "Turkey", "label"]) == {"Turkey", "Ankara", "Turks", "Turkish government"}


def test_unlisted_names_group_across_articles_or_within_each():
    a = doc("Defence analyst Ivan Petrovsky spoke at length.", "a")
    b = doc("Petrovsky was not convinced by the claim.", "b")
    across = fr.find_mentions([a, b])
    within = fr.find_mentions([a, b], names_across_articles=False)
    assert across.loc[across.article == "b", "actor"].tolist() == ["Ivan Petrovsky"]
    assert within.loc[within.article == "b", "actor"].tolist() == ["Petrovsky"]
    assert within.loc[within.article == "a", "actor"].tolist() == ["Ivan Petrovsky"]


def test_places_are_kept_out_of_the_actors_with_their_reason():
    d = doc("Fighting spread in Zorava on Monday. Rebels near Zorava fled to the hills. Officials say Zorava "
            "province is calm. Ivan Petrovsky met delegates outside the United Nations. In Petrovsky's view the war "
            "is over. Petrovsky left. Idlib is quiet.")
    mentions, places = fr.find_mentions([d]), fr.find_places([d])
    assert set(places.place) == {"Zorava", "Idlib"}
    assert set(places.loc[places.place == "Zorava", "reason"]) == {"reads as a place"}
    assert set(places.loc[places.place == "Idlib", "reason"]) == {"places.txt"}  # listed, though a subject here
    assert places.loc[places.place == "Zorava", "sentence"].tolist() == [0, 1, 2]
    actors = set(mentions.actor)
    assert {"Ivan Petrovsky", "United Nations"} <= actors and not actors & {"Zorava", "Idlib"}
    assert list(places.columns) == fr.PLACE_COLUMNS


def test_the_place_rule_alone_on_seeds_and_held_out_articles(seed_docs, tmp_path):
    from pathlib import Path

    import newscompare as nc

    data = Path(__file__).parent / "data"
    (tmp_path / "places.txt").write_text("# emptied: the rule alone decides\n", encoding="utf-8")
    docs = list(seed_docs.values()) + nc.prepare([data / "heldout", data / "heldout2"])
    found = fr.find_places(docs, lexicons=nc.Lexicons(tmp_path))
    # as the README says; Ankara is Turkey's capital of actors.csv, a place where it follows "in"
    assert set(found.place) == {"Idlib", "Afrin", "Douma", "Geneva", "Ankara"}


def test_seed_labels_for_armed_groups_and_obama_regime(seed_docs):
    actors = fr.actors_table(fr.find_mentions(list(seed_docs.values())))
    opp = actors[actors.actor == "armed opposition"]
    labels = {a: set(g.label) for a, g in opp.groupby("article")}
    assert {"terrorists", "militants"} <= labels["su25-2018"]
    assert "rebel faction" in labels["su24-2015"] and not labels["su24-2015"] & {"terrorists", "militants"}
    assert opp.set_index("label").loc["terrorists", "only_in"] == "su25-2018"
    us = actors[(actors.actor == "United States") & (actors.label == "Obama Regime")]
    assert us.article.tolist() == ["su25-2018"]


def test_no_actor_text_gives_empty_tables():
    d = doc("it was quiet. nothing happened at all.")
    m = fr.find_mentions([d])
    assert m.empty and list(m.columns) == fr.MENTION_COLUMNS
    assert fr.actors_table(m).empty


def test_log_odds_z_is_antisymmetric_and_signed():
    a = pd.Series({"war": 10.0, "peace": 1.0, "the": 20.0})
    b = pd.Series({"war": 1.0, "peace": 10.0, "the": 20.0})
    prior = (a + b) * 0.5
    z_ab, z_ba = fr.log_odds_z(a, b, prior), fr.log_odds_z(b, a, prior)
    assert np.allclose(z_ab, -z_ba)
    assert z_ab["war"] > 1 and z_ab["peace"] < -1 and abs(z_ab["the"]) < 1e-9


def test_distinctive_terms_on_seeds(seed_docs):
    terms = fr.distinctive_terms(list(seed_docs.values()))
    assert list(terms.columns) == fr.TERM_COLUMNS
    top = terms[terms.article == "su25-2018"].head(5).term.tolist()
    assert "idlib" in top and "tahrir" in top
    assert terms[(terms.article == "su24-2015") & (terms.term == "daesh")].z.iloc[0] > 1


def test_keyword_in_context():
    k = fr.keyword_in_context([doc("The rebels fired. Nobody saw the rebels.")], "rebels")
    assert len(k) == 2 and set(k.term) == {"rebels"}


def test_frames_share_and_none():
    d = doc("The pilot died. Markets fell and the cost was billions. The weather was fine.")
    frames = fr.frames_table([d]).set_index("frame")
    assert frames.loc["human_interest", "sentences"] == 1
    assert frames.loc["economic", "sentences"] == 1
    assert frames.loc["none", "sentences"] == 1
    assert frames.loc["none", "share"] == pytest.approx(1 / 3)
    hits = fr.frame_hits([d])
    assert "died" in hits.loc[hits.frame == "human_interest", "words"].iloc[0]


def test_stance_markers_on_seed_002(seed_docs):
    m = fr.stance_markers([seed_docs["su25-2018"]])
    assert {"allegedly", "supposedly", "clearly", "obviously"} <= set(m.marker)
    scare = m[m.category == "scare_quote"]
    assert scare.words.tolist() == ["vetted"]


def test_partial_quote_with_cue_is_not_a_scare_quote(seed_docs):
    m = fr.stance_markers([seed_docs["su24-2015"]])
    assert (m.category == "scare_quote").sum() == 0
    assert "in fact" in set(m.marker)


def test_questions_and_exclamations_outside_quotes():
    m = fr.stance_markers([doc("Who gave the order? Nobody knows! “Why?” he asked.")])
    cats = m.category.tolist()
    assert cats.count("rhetorical_question") == 1 and cats.count("exclamation") == 1


def test_stance_rates_per_1000_words(seed_docs):
    rates = fr.stance_rates(list(seed_docs.values()))
    row = rates[(rates.article == "su25-2018") & (rates.category == "hedge")].iloc[0]
    assert row.per_1000 == pytest.approx(1000 * row["count"] / row.words)


def test_alignment_finds_the_pilot_story_in_both_seeds(seed_docs):
    al = fr.align_content(list(seed_docs.values()))
    shared = al[al.shared]
    # the 2015 sentence on the downing and the pilot's death matches the 2018 sentence on the ejection
    assert ((shared.article == "su24-2015") & (shared.sentence == 3) & (shared.other_sentence == 5)).any()
    assert fr.selection_summary(al).shared.between(1, 10).all()


def test_short_article_warns_and_one_sentence_works():
    d = doc("Rebels downed a jet.")
    with pytest.warns(UserWarning, match="only 4 words"):
        fr.check_lengths([d])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(fr.frames_table([d])) == 6
        assert list(fr.distinctive_terms([d]).columns) == fr.TERM_COLUMNS


def test_all_quotation_and_unbalanced_quotes_give_defined_results():
    quoted = doc("“Everything here is a quote! Is all of it?”")
    assert all(s.in_quote for s in quoted.sentences)
    markers = fr.stance_markers([quoted])
    # The sentences are a source's words: no rhetorical question or exclamation of the author's.
    assert not markers.category.isin(["rhetorical_question", "exclamation"]).any()
    assert list(fr.find_mentions([quoted]).columns) == fr.MENTION_COLUMNS
    unbalanced = doc('He said "this never ends. And "then more. Officials blamed the rebels.')
    assert [s.text for s in unbalanced.sentences][-1] == "Officials blamed the rebels."
    hits = fr.frame_hits([unbalanced])
    assert set(hits.sentence) <= {s.sentence for s in unbalanced.sentences}
    assert "responsibility" in set(hits.frame)  # "blamed" still found after the unbalanced quotes


def test_alignment_needs_shared_content_not_shared_attribution():
    a = doc("“You seldom find a single decisive clue,” she said. The dam failed after heavy rain.", "a")
    b = doc("“Nobody has explained anything to us,” she told reporters. Heavy rain broke the dam.", "b")
    table = fr.align_content([a, b]).set_index(["article", "sentence"])
    assert table.loc[("a", 0), "similarity"] == 0 and not table.loc[("a", 0), "shared"]
    assert table.loc[("a", 1), "other_sentence"] == 1 and table.loc[("a", 1), "shared"]


def scare(text):
    m = fr.stance_markers([doc(text)])
    return m[m.category == "scare_quote"].words.tolist()


def test_a_cue_elsewhere_in_the_sentence_does_not_hide_a_scare_quote():
    assert scare("Republicans, the senator said, were hiding a “cover-up” in the budget.") == ["cover-up"]
    assert scare("He called the plan a “farce” on Monday.") == []  # his word, not the author's
    assert scare("She called it a “betrayal” by the “old guard” of the party.") == []  # both hers


def test_titles_are_not_scare_quotes_and_so_called_is_one():
    assert scare("She spoke on “Talking Points” and on “Axios on HBO” last week.") == []
    m = fr.stance_markers([doc("The so-called experts were wrong about the dam.")])
    assert m[m.category == "scare_quote"].marker.tolist() == ["so-called"]


def test_house_style_does_not_rank_as_distinctive():
    a = doc("Mr. Vogt said the dam was safe. Mr. Vogt said repairs were done. Mr. Vogt told reporters so.", "a")
    b = doc("Vogt insists the dam is safe. Vogt claims repairs are done. Engineers disagree with Vogt.", "b")
    terms = set(fr.distinctive_terms([a, b]).term)
    assert not terms & {"mr", "said", "told", "reporters"} and {"dam", "vogt"} <= terms


def test_possessives_joined_names_and_common_capitals():
    m = fr.find_mentions([doc("Voters doubted Vogt’s plan. Ruiz and Vogt met on Friday. Hope faded fast. "
                              "Officials in the United States waited.")])
    assert {"Vogt", "Ruiz"} <= set(m.actor) and "Ruiz and Vogt" not in set(m.actor)
    names = m[(m.sentence == 0) & (m.kind == "proper name")]
    assert names.label.tolist() == ["Vogt"]  # the possessive is not part of the name
    assert m[(m.sentence == 0) & (m.kind == "group")].actor.tolist() == ["voters"]  # a group of people
    assert "Hope" not in set(m.actor)
    assert "United States" in set(m.label) and "United" not in set(m.actor)
    party = fr.find_mentions([doc("The Justice and Development Party won.")])
    assert "Justice and Development Party" in set(party.actor)


def frames_of(text):
    return set(fr.frame_hits([doc(text)]).frame)


def test_frame_indicators_need_their_context():
    assert "economic" not in frames_of("Investigators opened an investigation into the crash.")
    assert frames_of("Investigators opened an investigation into the crash.") == {"responsibility"}
    assert "human_interest" not in frames_of("The school serves 400 children in the district.")
    assert frames_of("Her children waited outside the court.") >= {"human_interest"}
    assert not frames_of("The council published its transport policy.")
    assert "conflict" not in frames_of("The town faces long-term fiscal challenges.")
    assert frames_of("The mayor challenged the ruling in court.") >= {"conflict"}
    assert frames_of("The bill cost taxpayers $4 million.") >= {"economic"}
    assert "economic" not in frames_of("About 1.6 million women could join the case.")


def test_a_capitalised_word_counts_unless_it_is_part_of_a_name():
    assert "morality" in frames_of("He said the budget follows Catholic teaching.")
    assert "morality" not in frames_of("Delegates of the Justice and Development Party met.")


def test_roles_are_kept_out_of_the_actor_and_in_the_label():
    d = doc("Colorado Attorney General John Suthers spoke. Secretary of State Hillary Clinton left. "
            "Transport Secretary Helen Carver arrived. Later Carver said the line was safe.")
    m = fr.find_mentions([d])
    assert m.actor.tolist() == ["John Suthers", "Hillary Clinton", "Helen Carver", "Helen Carver"]
    assert m.label.tolist()[0] == "Colorado Attorney General John Suthers"


def test_a_capitalised_common_word_that_speaks_is_a_name():
    m = fr.find_mentions([doc("Flake said the vote would fail. “We tried,” Meadows said. LaPierre agreed.")])
    assert {"Flake", "Meadows", "LaPierre"} <= set(m.actor)
    assert "Hope" not in set(fr.find_mentions([doc("Hope is fading in the valley.")]).actor)


def test_one_person_under_a_nickname_an_accent_or_an_initial_is_one_actor():
    a = doc("Sen. Chuck Greaves spoke first. Dave Morrow agreed. José Ortega left.", "a")
    b = doc("Charles E. Greaves objected. David Morrow won. Jose Ortega stayed. Hilda Morrow voted.", "b")
    m = fr.find_mentions([a, b])
    actor = dict(zip(m.label.str.replace("Sen. ", ""), m.actor))
    assert actor["Chuck Greaves"] == actor["Charles E. Greaves"]
    assert actor["Dave Morrow"] == actor["David Morrow"] != actor["Hilda Morrow"]
    assert actor["José Ortega"] == actor["Jose Ortega"]


def test_a_day_ends_a_name_and_a_subject_opening_a_sentence_is_the_person():
    d = doc("Lawmakers pressed Chairman Ned Vole Sunday to explain. Vole declined. A crowd of Vole supporters "
            "gathered. Rain fell all day. Vole received a letter.")
    m = fr.find_mentions([d])
    assert "Ned Vole" in set(m.actor) and not any("Sunday" in a for a in m.actor)
    assert (m.actor == "Ned Vole").sum() == 3  # "Ned Vole", "Vole declined", "Vole received"
    assert "Rain" not in set(m.actor)  # no name ends in it
    assert not any(a.startswith("of ") for a in m.actor)


def test_organisations_keep_for_and_of_the_and_titles_of_programmes_are_no_actors():
    d = doc("He asked the Centers for Disease Control and Prevention to act. The Office of Special Counsel agreed. "
            "The Office of the Historian wrote back. The court struck down the Defense of Marriage Act. "
            "Ms. Ruiz said on the BBC program “Morning Call” that it was over. Dunn told ABC’s “This Week” so. "
            "He gave his State of the Union address.")
    actors = set(fr.find_mentions([d]).actor)
    assert {"Centers for Disease Control and Prevention", "Office of Special Counsel", "Office of the Historian",
            "Defense of Marriage Act", "Ruiz", "BBC", "Dunn", "ABC"} <= actors
    assert not actors & {"Centers", "Office", "Act", "Morning Call", "Week", "This Week", "State", "Union"}


def test_a_capital_before_a_persons_act_names_someone(tmp_path):
    # "stone" is a common word first (72 in TextBlob's spelling counts): only the verb makes it a name
    assert fr.find_mentions([doc("Stone accepted the offer at once.")]).actor.tolist() == ["Stone"]
    assert fr.find_mentions([doc("Rain fell on the square.")]).empty
    import newscompare as nc
    folder = nc.copy_lexicons(tmp_path, ["person_verbs.txt"])
    (folder / "person_verbs.txt").write_text("# none\n", encoding="utf-8")
    assert fr.find_mentions([doc("Stone accepted the offer at once.")], lexicons=folder).empty  # the file decides


def test_regions_from_the_gazetteer_are_places_unless_they_speak():
    d = doc("Trains stopped in the north. North Yorkshire was flooded. Texas said it would sue. "
            "Helen Carver visited Doncaster on Monday.")
    places = fr.find_places([d])
    assert set(places.place) == {"North Yorkshire", "Doncaster"}
    assert set(places.reason) == {"gazetteer"}
    assert "Texas" in set(fr.find_mentions([d]).actor)


def test_actor_kinds_and_name_variants_column():
    a = doc("Transport Secretary Helen Carver met the Rail Workers Union. Turkey and the FBI said nothing. "
            "Republicans objected. The rebels fired.", "a")
    b = doc("Carver spoke to the rebels. Turkey agreed. The terrorists fired.", "b")
    table = fr.actors_table(fr.find_mentions([a, b]))
    kinds = dict(zip(table.actor, table.actor_kind))
    assert kinds["Helen Carver"] == "person" and kinds["Turkey"] == "country or state"
    assert kinds["FBI"] == "organisation" and kinds["Rail Workers Union"] == "organisation"
    assert kinds["Republicans"] == "group" and kinds["armed opposition"] == "group"
    labels = fr.label_comparison(table)
    assert labels.loc["Helen Carver", "name variants"] == "Transport Secretary Helen Carver; Carver"
    assert labels.loc["Helen Carver", "a"] == labels.loc["Helen Carver", "b"] == ""
    assert "terrorists (1) *" in labels.loc["armed opposition", "b"]


def test_a_role_names_the_person_the_article_gave_it_to():
    d = doc("Sen. Maria Lopez (D-Ore.) opened the hearing. Critics booed. The senator said the bill would pass. "
            "President Obama spoke. The president left. The mayor was absent.")
    m = fr.find_mentions([d])
    described = m[m.kind == "description"]
    assert described.actor.tolist() == ["Maria Lopez", "Obama", "the mayor"]
    assert described.label.tolist() == ["The senator", "The president", "The mayor"]
    assert "D-Ore" not in set(m.actor)  # a party and state, not an actor
    kinds = dict(zip(*[fr.actors_table(m)[c] for c in ("actor", "actor_kind")]))
    assert kinds["the mayor"] == "person"


def test_a_title_case_headline_names_only_who_the_article_names():
    d = doc("White House Asked Bill Clinton To Talk To Joe Sestak About Senate Run\n\n"
            "Rep. Joe Sestak said former President Bill Clinton called him. Sestak declined the offer.")
    m = fr.find_mentions([d])
    head = m[m.sentence == 0]
    assert head.actor.tolist() == ["Bill Clinton", "Joe Sestak"]
    assert [d.text[a:b] for a, b in zip(head.start, head.end)] == ["Bill Clinton", "Joe Sestak"]


def test_initials_and_abbreviated_titles_stay_inside_the_name():
    d = doc("Representative Nora J. Wendt spoke first. Rep. Omar Haddad answered. The St. Albans group wrote.")
    m = fr.find_mentions([d])
    assert m.actor.tolist()[:2] == ["Nora J. Wendt", "Omar Haddad"]
    assert m.label.tolist()[1] == "Rep. Omar Haddad"  # the title is in the label, not the name
    assert "St. Albans" in set(m.actor) and "Albans" not in set(m.actor)
    assert "Rep" not in set(m.actor) and "J" not in set(m.actor)


def test_a_title_alone_is_no_name_and_the_president_is_a_description():
    m = fr.find_mentions([doc("Governor Lena Ortiz met voters. As Governor, I will act. The Governor said no.")])
    assert "Governor" not in set(m.actor)
    assert m[m.kind == "description"].actor.tolist() == ["Lena Ortiz"]


def test_an_organisation_keeps_its_whole_name():
    m = fr.find_mentions([doc("She testified before the Committee on Transport and Rural Affairs. "
                              "The Office of Parks, Fisheries and Forests declined. Smith and Jones left.")])
    assert "Committee on Transport and Rural Affairs" in set(m.actor)
    assert not {"Fisheries", "Forests", "Affairs"} & set(m.actor)
    assert {"Smith", "Jones"} <= set(m.actor)  # two people are still two


def test_a_person_is_not_a_place_after_a_possessive_title_or_a_contest():
    d = doc("Critics looked into Vance’s record. The victory over Moreno was narrow. Mr. Kent left. "
            "The inquiry into Dolan widened. Police questioned Devon, who denied it.")
    m, places = fr.find_mentions([d]), fr.find_places([d])
    assert {"Vance", "Moreno", "Kent", "Dolan", "Devon"} <= set(m.actor)
    assert places.empty


def test_a_sentence_opening_capital_is_a_name_where_the_article_also_names_it_mid_sentence():
    m = fr.find_mentions([doc("Crowds cheered for Hale on Monday. Hale flew home after the rally. "
                              "Hope is fading.")])
    assert m[m.actor == "Hale"].sentence.tolist() == [0, 1]
    assert "Hope" not in set(m.actor)


def test_the_administration_is_the_body_named_before_it_anywhere_in_the_article():
    text = ("The Hartley administration defended the rule. Critics objected. Lawyers met. Judges ruled. "
            "Nobody came. It rained. The administration said it would appeal.")
    m = fr.find_mentions([doc(text)])
    assert m[m.kind == "description"].actor.tolist() == ["Hartley administration"]
    alone = fr.find_mentions([doc("The administration said it would appeal.")])
    assert dict(zip(*[fr.actors_table(alone)[c] for c in ("actor", "actor_kind")])) == {
        "the administration": "organisation"}


def test_of_before_a_place_ends_a_persons_name_but_not_an_organisations():
    m = fr.find_mentions([doc("Senator Ana Ruiz of New Mexico spoke. The University of Texas and the Bank of Ireland "
                              "agreed.")])
    assert "Ana Ruiz" in set(m.actor)
    assert {"University of Texas", "Bank of Ireland"} <= set(m.actor)


def test_a_surname_joins_the_son_and_the_father_keeps_his_own_name():
    m = fr.find_mentions([doc("Former Rep. Ned Carver Jr. pleaded guilty. Carver wept. "
                              "His father, Ned Carver, watched.")])
    assert m.actor.tolist() == ["Ned Carver Jr", "Ned Carver Jr", "Ned Carver"]


def test_a_name_the_tagger_knows_before_an_auxiliary_a_given_name_and_a_transcript_label():
    assert fr.find_mentions([doc("Bush has vetoed the bill twice.")]).actor.tolist() == ["Bush"]
    assert fr.find_mentions([doc("Kerry voted against the plan.")]).actor.tolist() == ["Kerry"]  # not the county
    m = fr.find_mentions([doc("CHUCK TODD: Welcome back to the show.")])
    assert m.actor.tolist() == ["CHUCK TODD"]
    assert fr.find_mentions([doc("BREAKING NEWS: The vote failed.")]).empty


def test_people_rallied_around_or_preferred_over_are_no_places():
    assert fr.find_mentions([doc("They rallied around Pence on Wednesday.")]).actor.tolist() == ["Pence"]
    assert fr.find_mentions([doc("They backed Ortiz over Lamb in May.")]).actor.tolist() == ["Ortiz", "Lamb"]


def test_a_quotation_credited_to_a_speaker_is_not_a_scare_quote():
    from newscompare import sources

    d = doc("Ana Ruiz, the mayor, met the farmers on Monday. “Total chaos,” Ruiz said of the budget. "
            "The plan is a “miracle cure” for the town.")
    markers = fr.stance_markers([d])
    kept = fr.drop_credited_scare_quotes(markers, sources.find_sources([d]))
    assert set(markers[markers.category == "scare_quote"].words) >= {"miracle cure"}
    assert kept[kept.category == "scare_quote"].words.tolist() == ["miracle cure"]
    assert len(kept[kept.category != "scare_quote"]) == len(markers[markers.category != "scare_quote"])


def test_place_and_outlet_names_never_rank_as_distinctive():
    a = doc("The council in New York voted. The New York council met again. The New York Times said so. "
            "The budget in New York grew.", "a")
    b = doc("The council in Ashford voted. The Ashford council met again. Ashford officials said so.", "b")
    places = fr.find_places([a, b])
    terms = set(fr.distinctive_terms([a, b], places=places).term)
    assert "york" not in terms and "times" not in terms and "council" in terms
