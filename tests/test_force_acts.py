"""Acts of force and pressure read from constructions of news prose (sentences built for them,
none from the eval articles): claims of responsibility, protests with no doer named, concessions
announced as nouns, words about an attack, and what a measure would only allow."""

from __future__ import annotations


import pytest

from polgraph.loaders.pipeline import Loader

from tests.helpers import Triple, read_relations


def read(loader: Loader, text: str) -> set[Triple]:
    return set(read_relations(loader, text, topic_prefix="topic:")[0])


def test_a_claim_of_responsibility_naming_no_attack_is_the_last_attack(loader):
    triples = read(loader, "Gunmen killed three Nigerian soldiers in Borno on Monday. Boko Haram later claimed responsibility.")
    assert ("Boko Haram", "ASSAULTS", "Nigeria") in triples
    assert not any(t[1] == "COMMENTS_ON" and t[0] == "Boko Haram" for t in triples)


def test_a_claim_for_the_attack_takes_the_targets_of_the_nearest_attack_that_names_them(loader):
    triples = read(loader, "A car bomb killed twelve Afghan soldiers in Kabul on Sunday. "
                           "The Taliban claimed responsibility for the attack.")
    assert ("Taliban", "ASSAULTS", "Afghanistan") in triples


def test_a_claim_for_an_attack_on_no_actor_targets_the_attack(loader):
    triples = read(loader, "A bomb exploded at a market in Mogadishu on Friday. Al-Shabaab claimed responsibility for the blast.")
    assert any(s == "Al-Shabaab" and t == "ASSAULTS" and o.startswith("topic:") for s, t, o in triples)


def test_a_denied_responsibility_is_no_attack(loader):
    triples = read(loader, "Iran denied responsibility for the attack on the Saudi embassy.")
    assert not any(t[0] == "Iran" and t[1] == "ASSAULTS" for t in triples)


def test_no_claim_without_an_attack_told(loader):
    triples = read(loader, "Germany accepted responsibility for the refugees.")
    assert not any(t[1] == "ASSAULTS" for t in triples)


def test_protests_with_no_doer_named_are_the_protesters(loader):
    triples = read(loader, "Thousands of Belarusian protesters gathered in Minsk on Sunday. "
                           "The protests against Alexander Lukashenko continued for a second week.")
    assert any(s.endswith("protesters") and t == "PROTESTS" and o == "Alexander Lukashenko" for s, t, o in triples)


def test_protests_negated_are_no_act(loader):
    triples = read(loader, "Iraqi protesters filled the streets of Baghdad. Protests were not reported in Basra.")
    assert not any(t[1] == "PROTESTS" and t[2] == "topic:protest" for t in triples)


def test_a_campaign_rally_is_no_protest_of_the_protesters(loader):
    triples = read(loader, "Belarusian protesters marched in Minsk. Joe Biden spoke at campaign rallies in Ohio.")
    assert not any(t[1] == "PROTESTS" and t[2] == "topic:rally" for t in triples)


def test_an_announced_withdrawal_is_a_retreat(loader):
    triples = read(loader, "The United States announced a complete withdrawal from the region on Sunday.")
    assert ("United States", "YIELDS", "topic:withdrawal") in triples


def test_words_about_an_attack_are_no_attack(loader):
    triples = read(loader, "Emmanuel Macron described the attacks on Mali as a crime.")
    assert not any(t[0] == "Emmanuel Macron" and t[1] == "ASSAULTS" for t in triples)


def test_what_a_bill_would_allow_is_not_done(loader):
    triples = read(loader, "Thousands marched against a bill that would allow the Chinese government to remove people to the mainland.")
    assert not any(t[0] == "China" and t[1] == "COERCES" for t in triples)


def test_an_x_led_coalition_acts_as_its_leader(loader):
    triples = read(loader, "The Saudi-led coalition attacked the Houthis in Yemen on Monday.")
    assert ("Saudi Arabia", "ASSAULTS", "Houthis") in triples


def test_a_one_word_x_led_names_a_leader_the_article_knows(loader):
    triples = read(loader, "U.S. troops arrived in Iraq in 2003, after a U.S.-led coalition ousted Saddam Hussein.")
    assert ("United States", "COERCES", "Saddam Hussein") in triples


def test_the_target_of_an_act_named_as_a_noun_owns_what_it_struck(loader):
    triples = read(loader, "Iraqi militias had made threats against U.S. personnel in Baghdad.")
    assert any(t[1] == "THREATENS" and t[2] == "United States" for t in triples)


def test_a_press_release_is_no_concession(loader):
    triples = read(loader, "The Hirtenberger Defence Group issued a press release on Monday.")
    assert not any(t[1] == "YIELDS" for t in triples)


def test_a_protest_vote_is_no_protest(loader):
    triples = read(loader, "Hong Kong protesters marched on Sunday. It is a protest vote against the government.")
    assert not any(t[1] == "PROTESTS" and t[2] == "topic:protest" for t in triples)


def test_protesters_named_long_before_stage_no_later_protests(loader):
    triples = read(loader, "Hong Kong protesters marched on Sunday. Greta Thunberg spoke in Stockholm. She met students. "
                           "Swedish schools closed early. Teachers went home. The protests in Sweden grew in January.")
    assert not any(t[0] == "Hong Kong protesters" and t[1] == "PROTESTS" and t[2] == "topic:protest" for t in triples)


def test_clashes_between_two_sides_are_each_side_s_attack(loader):
    triples = read(loader, "Clashes between Turkish troops and Kurdish fighters continued on Monday.")
    assert ("Turkey", "ASSAULTS", "Kurdish fighters") in triples
    assert ("Kurdish fighters", "ASSAULTS", "Turkey") in triples


def test_clashing_with_someone_is_mutual(loader):
    triples = read(loader, "Armenian troops clashed with Azerbaijani forces on Monday.")
    assert {("Armenia", "ASSAULTS", "Azerbaijan"), ("Azerbaijan", "ASSAULTS", "Armenia")} <= triples


def test_shelling_named_as_a_noun_is_an_attack(loader):
    triples = read(loader, "The Russian shelling of Ukraine continued through the night.")
    assert ("Russia", "ASSAULTS", "Ukraine") in triples


def test_weapons_fired_at_someone_are_an_attack(loader):
    triples = read(loader, "The Houthis fired missiles at Saudi Arabia on Saturday.")
    assert ("Houthis", "ASSAULTS", "Saudi Arabia") in triples
    assert ("Houthis", "MOBILIZES", "Saudi Arabia") not in triples


def test_condemnation_that_came_from_actors_is_theirs(loader):
    triples = read(loader, "Russian forces attacked Kyiv on Monday. Condemnation of the attack came from France and Germany.")
    assert {("France", "CRITICIZES", "Russia"), ("Germany", "CRITICIZES", "Russia")} <= triples


def test_statements_of_condemnation_came_from_each_actor_listed(loader):
    triples = read(loader, "A bomb exploded in Kabul. Statements of condemnation have come from Pope Francis, Joe Biden "
                           "and a spokesperson for President Emmanuel Macron.")
    sources = {s for s, t, _ in triples if t == "CRITICIZES"}
    assert {"Joe Biden", "Emmanuel Macron"} <= sources


def test_an_investigation_into_someone_investigates_them(loader):
    triples = read(loader, "Donald Trump attacked the inquiry on Twitter. Robert Mueller's investigation into Russian interference in the election ended in March.")
    assert ("Robert Mueller", "INVESTIGATES", "Russia") in triples


def test_the_operation_condemned_is_the_act_told_before(loader):
    triples = read(loader, "Turkey began a military offensive into Syria on Wednesday. The operation was condemned by the European Union.")
    assert ("European Union", "CRITICIZES", "Turkey") in triples


def test_killed_in_an_attack_named_by_its_owner_is_the_owner_s_attack(loader):
    triples = read(loader, "Two Syrian soldiers were killed in an Israeli airstrike near Damascus on Sunday.")
    assert ("Israel", "ASSAULTS", "Syria") in triples


def test_killed_in_an_operation_of_a_state(loader):
    triples = read(loader, "Joe Biden said Ayman al-Zawahiri, the leader of al-Qaeda, has been killed in a US counter-terrorism operation.")
    assert ("United States", "ASSAULTS", "Ayman al-Zawahiri") in triples


def test_who_faces_an_act_undergoes_it(loader):
    triples = read(loader, "Iran faces new US sanctions over its nuclear programme. Turkey drew criticism from the European Union.")
    assert ("United States", "SANCTIONS", "Iran") in triples
    assert ("European Union", "CRITICIZES", "Turkey") in triples


@pytest.mark.parametrize("text", ["Iran may launch an attack on Israel next week.", "Iran threatened to launch attacks on Israel.",
                                  "Russia plans to impose sanctions on Ukraine."])
def test_an_act_named_as_a_noun_only_contemplated_is_not_done(loader, text):
    triples = read(loader, text)
    assert not any(t[1] in ("ASSAULTS", "SANCTIONS") for t in triples)


def test_launching_an_attack_is_the_attack(loader):
    triples = read(loader, "Israel launched an attack on Gaza on Friday.")
    assert ("Israel", "ASSAULTS", "Gaza") in triples
    assert ("Israel", "CRITICIZES", "Gaza") not in triples


def test_an_attack_on_a_proposal_is_in_words(loader):
    triples = read(loader, "Donald Trump launched an attack on the Democrats' proposal.")
    assert not any(t[1] == "ASSAULTS" for t in triples)


def test_a_warning_of_consequences_is_a_threat(loader):
    triples = read(loader, "North Korea warned South Korea of serious consequences.")
    assert ("North Korea", "THREATENS", "South Korea") in triples


def test_support_that_came_from_a_titled_speaker_is_the_speaker_s_not_the_title_s(loader):
    triples = read(loader, "Joe Biden backed the plan. Support for the plan also came from United States Senator from Minnesota Amy Klobuchar.")
    sources = {s for s, t, _ in triples if t == "SUPPORTS"}
    assert "Amy Klobuchar" in sources
    assert not sources & {"United States", "Minnesota"}


def test_protesters_gathering_around_a_building_protest_against_its_owner(loader):
    triples = read(loader, "Iraqi protesters surrounded the US embassy in Baghdad on Tuesday.")
    assert ("Iraqi protesters", "PROTESTS", "United States") in triples
    assert not any(t[1] == "ASSAULTS" for t in triples)


def test_officials_gathering_is_no_protest(loader):
    triples = read(loader, "Iraqi officials gathered in Baghdad on Tuesday to discuss the budget with Iran.")
    assert not any(t[1] == "PROTESTS" for t in triples)


def test_an_act_in_protest_is_a_protest_by_its_doer(loader):
    triples = read(loader, "Belarusian workers went on strike in protest over the arrest of Maria Kolesnikova by Belarus.")
    assert ("Belarusian workers", "PROTESTS", "Belarus") in triples
    triples = read(loader, "The Dutch ambassador resigned in protest at the Russian invasion.")
    assert ("Netherlands", "PROTESTS", "Russia") in triples


def test_an_investigation_announced_for_the_future_is_still_an_investigation(loader):
    triples = read(loader, "Nancy Pelosi announced that she would be launching an impeachment inquiry into Donald Trump.")
    assert ("Nancy Pelosi", "INVESTIGATES", "Donald Trump") in triples


def test_a_warning_of_war_to_no_one_is_no_threat(loader):
    triples = read(loader, "Joe Biden criticized Donald Trump. Pierce warned of an impending civil war.")
    assert not any(t[1] == "THREATENS" for t in triples)
