"""Candidates for acts no reading found (sentences built for them, none from the eval articles):
words the parser leaves unlinked (a surname opening a sentence tagged a common noun, the thing
given in a double-object sentence parsed as the recipient's apposition, two titled names
coordinated), acts named by a verb and its object (signing an agreement, issuing a subpoena) and
a definite act noun that is the act told before."""

from __future__ import annotations

from polgraph.loaders.pipeline import Loader

from tests.helpers import Triple, read_relations


def read(loader: Loader, text: str) -> set[Triple]:
    return set(read_relations(loader, text, topic_prefix="topic:")[0])


def test_a_surname_opening_a_sentence_is_its_person(loader):
    triples = read(loader, "On Tuesday, United States President Donald Trump issued a series of seven pardons. "
                           "Trump granted Edward J. DeBartolo Jr. a full and unconditional pardon.")
    assert any(s == "Donald Trump" and o == "Edward J. DeBartolo Jr." for s, _, o in triples)


def test_the_thing_given_parsed_as_the_recipient_s_apposition_is_the_object(loader):
    triples = read(loader, "On Tuesday, United States President Donald Trump issued a series of seven pardons. "
                           "Trump granted Edward J. DeBartolo Jr. a full and unconditional pardon.")
    assert ("Donald Trump", "YIELDS", "Edward J. DeBartolo Jr.") in triples
    assert ("Donald Trump", "COOPERATES", "Edward J. DeBartolo Jr.") not in triples


def test_a_capitalised_common_noun_is_no_surname(loader):
    triples = read(loader, "British Prime Minister Boris Johnson met Irish Taoiseach Leo Varadkar on Monday. "
                           "Trade between the two countries fell.")
    assert not any("Trade" in (s, o) for s, _, o in triples)


def test_cooperation_with_no_partner_named_is_no_act(loader):
    triples = read(loader, "French President Emmanuel Macron expanded the operation in Mali on Monday.")
    assert not any(t == "COOPERATES" for _, t, _ in triples)


def test_cooperation_with_a_partner_stays(loader):
    triples = read(loader, "Cyprus cooperated with Egypt on gas exports on Monday.")
    assert ("Cyprus", "COOPERATES", "Egypt") in triples


def test_two_titled_names_coordinated_each_do_the_act(loader):
    triples = read(loader, "US President Donald Trump and Turkish President Recep Tayyip Erdogan spoke by phone on Sunday.")
    assert ("Donald Trump", "CONSULTS", "Recep Tayyip Erdogan") in triples
    assert ("Recep Tayyip Erdogan", "CONSULTS", "Donald Trump") in triples


def test_a_title_s_state_is_no_coordinated_person(loader):
    triples = read(loader, "US President Joe Biden and French President Emmanuel Macron met in Paris on Sunday.")
    assert not any(s == "United States" and t == "CONSULTS" for s, t, _ in triples)


def test_parties_signing_an_agreement_agree_with_each_other(loader):
    triples = read(loader, "Japan and Australia signed a defence agreement on Tuesday.")
    assert ("Japan", "AGREES", "Australia") in triples
    assert ("Australia", "AGREES", "Japan") in triples
    assert not any(t == "SUPPORTS" for _, t, _ in triples)


def test_a_subpoena_issued_to_an_actor_investigates_it(loader):
    triples = read(loader, "The Senate Judiciary Committee issued a subpoena to Attorney General William Barr on Friday.")
    assert ("Senate Judiciary Committee", "INVESTIGATES", "William Barr") in triples


def test_a_definite_act_noun_with_no_target_is_the_act_told_before(loader):
    triples = read(loader, "The Senate Judiciary Committee issued a subpoena to Attorney General William Barr on Friday. "
                           "The subpoena was signed by Senator Lindsey Graham.")
    assert ("Lindsey Graham", "INVESTIGATES", "William Barr") in triples


def test_an_indefinite_act_noun_is_a_new_act(loader):
    triples = read(loader, "The Senate Judiciary Committee issued a subpoena to Attorney General William Barr on Friday. "
                           "A subpoena was also signed by Senator Lindsey Graham.")
    assert ("Lindsey Graham", "INVESTIGATES", "William Barr") not in triples


def test_the_thing_given_after_the_recipient_s_own_apposition_is_the_object(loader):
    triples = read(loader, "On Tuesday, United States President Donald Trump issued seven pardons. Trump granted David "
                           "Hossein Safavian, formerly the General Services Administration's chief of staff, a full and "
                           "unconditional pardon.")
    assert ("Donald Trump", "YIELDS", "David Hossein Safavian") in triples
    assert ("Donald Trump", "COOPERATES", "David Hossein Safavian") not in triples


def test_a_person_described_in_apposition_is_no_thing_given(loader):
    triples = read(loader, "US President Joe Biden met Kenneth Roth, a critic of the Chinese government, on Monday.")
    assert ("Joe Biden", "CONSULTS", "Kenneth Roth") in triples


def test_members_of_a_plural_subject_listed_at_the_clause_end_are_its_subjects(loader):
    triples = read(loader, "Multiple officials pressured US President Donald Trump not to commute the sentence, "
                           "including Senator Mitt Romney and Senator Susan Collins.")
    assert {s for s, _, o in triples if o == "Donald Trump"} >= {"Mitt Romney", "Susan Collins"}


def test_a_list_after_a_plural_object_is_no_list_of_subjects(loader):
    triples = read(loader, "Several countries sanctioned many officials on Monday, including Senator Lindsey Graham.")
    assert not any(s == "Lindsey Graham" for s, _, _ in triples)


def test_a_legislator_from_a_place_is_the_named_person_not_the_state(loader):
    triples = read(loader, "On Monday, United States Senator from Minnesota Amy Klobuchar endorsed former Vice President "
                           "Joe Biden for president.")
    assert ("Amy Klobuchar", "SUPPORTS", "Joe Biden") in triples
    assert ("United States", "SUPPORTS", "Joe Biden") not in triples


def test_a_passive_act_done_in_a_statement_is_done_by_its_authors(loader):
    triples = read(loader, "Turkey's drilling was condemned in a joint statement by Egypt, Greece and Cyprus on Monday.")
    assert {("Egypt", "CRITICIZES", "Turkey"), ("Greece", "CRITICIZES", "Turkey"), ("Cyprus", "CRITICIZES", "Turkey")} <= triples


def test_a_coordinated_passive_is_undergone_by_the_shared_subject(loader):
    triples = read(loader, "Iran is already under heavy pressure, and was condemned in a statement by France on Monday.")
    assert ("France", "CRITICIZES", "Iran") in triples


def test_an_actor_under_another_s_sanctions_is_sanctioned_by_it(loader):
    triples = read(loader, "Venezuela remains under US sanctions.")
    assert ("United States", "SANCTIONS", "Venezuela") in triples


def test_an_actor_under_investigation_by_another_is_investigated_by_it(loader):
    triples = read(loader, "Huawei has been under investigation by the Federal Bureau of Investigation since 2019.")
    assert ("Federal Bureau of Investigation", "INVESTIGATES", "Huawei") in triples
