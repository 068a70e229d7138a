"""Speech acts and stances with no verb between the two actors, each on sentences built for it (none
from the evaluation articles): stances stated by nouns ("a critic of X", "had disagreements with
X", "drew criticism from X", "in opposition to X"), votes, who speaks ("a spokesperson for X",
"quoted X as saying"), "called for X to ...", hedged past acts, and accusations in what is said."""

from __future__ import annotations

from datetime import date


from polgraph.graph.model import Article, Relation
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.relations import framing

from tests.helpers import Triple, read_relations


def read(loader: Loader, text: str) -> dict[Triple, Relation]:
    return read_relations(loader, text)[0]


# -- stances stated by nouns ------------------------------------------------------------------
def test_a_critic_of_an_actor_criticizes_it(loader):
    relations = read(loader, "Poland has been a vocal critic of Russia.")
    assert ("Poland", "CRITICIZES", "Russia") in relations


def test_a_supporter_in_apposition_supports(loader):
    relations = read(loader, "Senator Bernie Sanders, a supporter of Joe Biden, spoke on Monday.")
    assert ("Bernie Sanders", "SUPPORTS", "Joe Biden") in relations


def test_more_of_a_critic_is_a_critic(loader):
    relations = read(loader, "John Bolton was much more of a critic of Russia than Donald Trump was.")
    assert ("John Bolton", "CRITICIZES", "Russia") in relations


def test_no_critic_is_no_criticism(loader):
    relations = read(loader, "Poland has never been a critic of Russia.")
    assert not any(t == "CRITICIZES" for _, t, _ in relations)


def test_disagreements_with_an_actor(loader):
    relations = read(loader, "John Bolton often had disagreements with Mike Pompeo.")
    assert ("John Bolton", "CRITICIZES", "Mike Pompeo") in relations


def test_coordinated_actors_at_odds_each_criticize_the_other(loader):
    relations = read(loader, "Donald Trump and John Bolton have been at odds over Iran.")
    assert {("Donald Trump", "CRITICIZES", "John Bolton"), ("John Bolton", "CRITICIZES", "Donald Trump")} <= set(relations)


def test_coordinated_subjects_who_disagree_each_criticize_the_other(loader):
    relations = read(loader, "Angela Merkel and Emmanuel Macron disagreed over the budget.")
    assert {("Angela Merkel", "CRITICIZES", "Emmanuel Macron"), ("Emmanuel Macron", "CRITICIZES", "Angela Merkel")} <= set(relations)


def test_criticism_an_act_draws_is_criticism_of_its_doer(loader):
    relations = read(loader, "Donald Trump's decision drew criticism from Nancy Pelosi.")
    assert ("Nancy Pelosi", "CRITICIZES", "Donald Trump") in relations
    assert ("Donald Trump", "CRITICIZES", "Nancy Pelosi") not in relations


def test_opposition_a_proposal_meets_is_criticism_of_who_proposed_it(loader):
    relations = read(loader, "The proposal by Germany met with opposition from Poland.")
    assert ("Poland", "CRITICIZES", "Germany") in relations


def test_in_opposition_to_a_plan_is_criticism_of_its_maker(loader):
    relations = read(loader, "Germany is in opposition to the plan by France.")
    assert ("Germany", "CRITICIZES", "France") in relations


# -- votes ------------------------------------------------------------------------------------
def test_a_vote_against_a_proposal_rejects_its_maker(loader):
    relations = read(loader, "Poland voted against the proposal by Germany.")
    assert ("Poland", "REJECTS", "Germany") in relations
    assert ("Poland", "PROPOSES", "Germany") not in relations


def test_a_vote_for_a_proposal_supports_its_maker(loader):
    relations = read(loader, "Hungary voted for the proposal by France.")
    assert ("Hungary", "SUPPORTS", "France") in relations


# -- who speaks -------------------------------------------------------------------------------
def test_a_spokesperson_for_a_government_speaks_for_its_state(loader):
    relations = read(loader, "A spokesperson for the German government said Russia had violated the treaty.")
    assert ("Germany", "CRITICIZES", "Russia") in relations


def test_quoted_as_saying_is_the_quoted_ones_statement(loader):
    relations = read(loader, "Reuters quoted Recep Tayyip Erdogan as saying Greece had provoked Turkey.")
    assert any(s == "Recep Tayyip Erdogan" and t == "Greece" for s, _, t in relations)
    assert not any(s == "Reuters" for s, _, _ in relations)


# -- demands, hedges, purposes ------------------------------------------------------------------
def test_calling_for_an_actor_to_act_is_a_demand_on_it_not_its_act(loader):
    relations = read(loader, "France called for Russia to withdraw its troops.")
    assert ("France", "CALLS_FOR", "Russia") in relations
    assert not any(s == "Russia" for s, _, _ in relations)


def test_might_have_done_is_an_alleged_past_act(loader):
    relations = read(loader, "Donald Trump might have encouraged Volodymyr Zelensky to investigate Joe Biden.")
    assert relations[("Donald Trump", "CALLS_FOR", "Volodymyr Zelensky")].attribution == "alleged"


def test_may_have_supplied_is_aid_alleged_not_an_offer(loader):
    relations = read(loader, "Iran may have supplied weapons to the Houthis.")
    assert relations[("Iran", "AIDS", "Houthis")].attribution == "alleged"
    assert ("Iran", "PROPOSES", "Houthis") not in relations


def test_would_have_done_is_still_not_done(loader):
    relations = read(loader, "Iran would have supplied weapons to the Houthis.")
    assert ("Iran", "AIDS", "Houthis") not in relations


def test_a_participle_after_a_verb_of_saying_is_no_purpose(loader):
    doc = loader.nlp("The minister spoke on Monday, and Germany said, urging Russia to withdraw its troops.")
    urging = next(t for t in doc if t.lower_ == "urging")
    assert urging.dep_ == "advcl" and urging.head.lemma_ == "say"
    assert not framing.purpose(urging, loader.lexicon, "say")
    rallied = loader.nlp("Students rallied, calling for reforms.")
    calling = next(t for t in rallied if t.lower_ == "calling")
    assert framing.purpose(calling, loader.lexicon, calling.head.lemma_)


# -- accusations in what is said --------------------------------------------------------------
def test_saying_an_actor_was_behind_an_attack_is_an_accusation(loader):
    relations = read(loader, "Germany said Russia was behind the poisoning.")
    assert ("Germany", "CRITICIZES", "Russia") in relations


def test_believing_an_actor_ordered_a_killing_is_an_accusation(loader):
    relations = read(loader, "The CIA believes Mohammed bin Salman ordered the killing.")
    assert ("Central Intelligence Agency", "CRITICIZES", "Mohammed bin Salman") in relations


def test_saying_an_actor_was_responsible_for_no_act_of_force_is_a_comment(loader):
    relations = read(loader, "Germany said Russia was responsible for the delay.")
    assert ("Germany", "CRITICIZES", "Russia") not in relations


def test_critics_listed_after_a_holder_noun_each_criticize(loader):
    relations = read(loader, "Critics of Vladimir Putin, including Alexei Navalny and Amnesty International, condemned the law.")
    assert {("Alexei Navalny", "CRITICIZES", "Vladimir Putin"), ("Amnesty International", "CRITICIZES", "Vladimir Putin")} <= set(relations)


def test_a_possessors_critics_who_include_an_actor(loader):
    relations = read(loader, "Jair Bolsonaro spoke on Monday, but his critics, which include Amnesty International, blame him for the fires.")
    assert ("Amnesty International", "CRITICIZES", "Jair Bolsonaro") in relations


# -- the addressee named by a bare title ----------------------------------------------------------
def test_the_bare_title_is_who_the_article_gave_it_to(loader):
    graph = loader.read(Article.from_text(
        'United States President Donald Trump spoke on Friday. Nancy Pelosi said on Friday "We made that clear to the president."',
        published=date(2019, 1, 7)))
    names = {a.id: a.name for a in graph.actors}
    assert ("Nancy Pelosi", "Donald Trump") in {(names[r.source], names.get(r.target)) for r in graph.relations}


def test_a_title_given_to_two_people_stays_unresolved(loader):
    graph = loader.read(Article.from_text(
        "French President Emmanuel Macron met Russian President Vladimir Putin. Angela Merkel criticized the president.",
        published=date(2019, 1, 7)))
    names = {a.id: a.name for a in graph.actors}
    assert not any(names.get(r.target) in ("Emmanuel Macron", "Vladimir Putin") and names[r.source] == "Angela Merkel"
                   for r in graph.relations)


# -- naming what an actor did -------------------------------------------------------------------
def test_calling_an_actors_decision_a_disgrace_criticizes_the_actor(loader):
    relations = read(loader, "Emmanuel Macron called Donald Trump's decision a disgrace.")
    assert ("Emmanuel Macron", "CRITICIZES", "Donald Trump") in relations
    assert ("Emmanuel Macron", "CALLS_FOR", "Donald Trump") not in relations


def test_a_statement_from_a_government_speaks_for_its_state(loader):
    relations = read(loader, "A statement from the German government said Russia had violated the treaty.")
    assert ("Germany", "CRITICIZES", "Russia") in relations


def test_concern_about_an_actors_actions_is_about_the_actor(loader):
    relations = read(loader, "Angela Merkel expressed concern about Russia's actions.")
    assert ("Angela Merkel", "CRITICIZES", "Russia") in relations


# -- demands named by a noun, blame ----------------------------------------------------------------
def test_renewing_a_call_for_an_actor_to_act_is_a_demand_on_it(loader):
    relations = read(loader, "Germany renewed its call for Russia to withdraw its troops.")
    assert ("Germany", "CALLS_FOR", "Russia") in relations


def test_a_demand_that_an_actor_act_is_a_demand_not_its_act(loader):
    relations = read(loader, "Emmanuel Macron repeated his demand that Iran release the prisoners.")
    assert ("Emmanuel Macron", "CALLS_FOR", "Iran") in relations
    assert not any(s == "Iran" for s, _, _ in relations)


def test_holding_an_actor_responsible_accuses_it(loader):
    relations = read(loader, "Iran held Israel responsible for the attack.")
    assert ("Iran", "CRITICIZES", "Israel") in relations


def test_a_phone_call_is_no_demand(loader):
    relations = read(loader, "Joe Biden had a call with Emmanuel Macron.")
    assert not any(t == "CALLS_FOR" for _, t, _ in relations)


def test_calling_an_actor_with_no_demand_is_a_phone_call(loader):
    relations = read(loader, "US President Donald Trump called Turkish President Recep Tayyip Erdogan on Sunday.")
    assert ("Donald Trump", "CONSULTS", "Recep Tayyip Erdogan") in relations
    assert not any(t == "CALLS_FOR" for _, t, _ in relations)


def test_calling_an_act_something_the_parser_missed_is_no_demand(loader):
    relations = read(loader, "German Chancellor Angela Merkel called the talks with Turkey productive.")
    assert not any(t in ("CALLS_FOR", "CONSULTS") for _, t, _ in relations)


def test_calling_on_an_actor_or_for_an_act_is_still_a_demand(loader):
    assert ("Angela Merkel", "CALLS_FOR", "Russia") in read(loader, "German Chancellor Angela Merkel called on Russia to withdraw its troops.")
    assert ("Angela Merkel", "CALLS_FOR", "Russia") in read(loader, "German Chancellor Angela Merkel called for Russia to withdraw.")


def test_a_court_ruling_an_actors_act_unlawful_criticizes_the_actor(loader):
    relations = read(loader, "The Supreme Court of the United Kingdom ruled that Prime Minister Boris Johnson's decree was unconstitutional.")
    assert ("Supreme Court of the United Kingdom", "CRITICIZES", "Boris Johnson") in relations


def test_a_ruling_against_an_actor_rejects_it_and_one_for_it_supports_it(loader):
    assert ("Supreme Court of the United States", "REJECTS", "Donald Trump") in read(
        loader, "The Supreme Court of the United States ruled against President Donald Trump.")
    assert ("Supreme Court of the United States", "SUPPORTS", "Donald Trump") in read(
        loader, "The Supreme Court of the United States ruled for President Donald Trump.")


def test_ruling_a_country_is_no_statement(loader):
    assert not read(loader, "Robert Mugabe ruled Zimbabwe for 37 years.")


def test_his_opponents_in_a_race_are_rivals_not_critics(loader):
    relations = read(loader, "Joe Biden spoke on Monday. His opponents, Bernie Sanders and Elizabeth Warren, shared this view.")
    assert not any(t == "CRITICIZES" and o == "Joe Biden" for _, t, o in relations)


def test_a_stance_phrase_is_its_subjects_not_its_subjects_owners(loader):
    relations = read(loader, "Emmanuel Macron said his term would end in favour of his successor, Joe Biden.")
    assert ("Emmanuel Macron", "SUPPORTS", "Joe Biden") not in relations


# -- "I" in a running quotation ----------------------------------------------------------------
def test_i_in_a_quotation_running_on_is_its_named_speaker(loader):
    relations = read(loader, '"I met Emmanuel Macron on Monday," said Joe Biden, "and we talked for an hour. '
                             'I thank Angela Merkel very much for her help."')
    assert ("Joe Biden", "SUPPORTS", "Angela Merkel") in relations


def test_calls_an_actor_faced_from_another_are_its_demand(loader):
    relations = read(loader, "Boris Johnson faced calls from the Labour Party to resign.")
    assert ("Labour Party", "CALLS_FOR", "Boris Johnson") in relations


def test_a_call_received_is_a_phone_call_not_a_demand(loader):
    relations = read(loader, "Boris Johnson received a call from Donald Trump.")
    assert not any(t == "CALLS_FOR" for _, t, _ in relations)


def test_what_the_speakers_own_state_must_do_is_no_demand(loader):
    relations = read_relations(loader, "Boris Johnson stated that Britain must leave the European Union by that date.")[0]
    assert not any(s == "Boris Johnson" and t == "CALLS_FOR" for (s, t, _) in relations)
    relations = read_relations(loader, "Vladimir Putin said Ukraine must withdraw its troops.")[0]
    assert ("Vladimir Putin", "CALLS_FOR", "Ukraine") in relations
