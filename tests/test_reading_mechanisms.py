"""The general reading mechanisms of issue 10, each on sentences built for it (none from the
evaluation articles): acts of force with their objects, listed and coordinated actors,
institutions, speech acts with a stance, nominal events, and attribution."""

from __future__ import annotations


import pytest

from polgraph.graph.model import Article
from polgraph.graph.ontology import Attribution, goldstein
from polgraph.loaders.pipeline import Loader

from tests.helpers import read_relations


@pytest.fixture(scope="module")
def everything() -> Loader:
    return Loader(min_confidence=0.0)


read = read_relations


# -- violence and coercion with their common objects -------------------------------------------
def test_launching_missiles_at_troops_is_an_attack_on_their_state(loader):
    relations, _ = read(loader, "Iran launched missiles at US troops in Iraq.")
    assert ("Iran", "ASSAULTS", "United States") in relations


def test_forces_named_by_a_plural_noun_are_their_state(loader):
    relations, _ = read(loader, "Russian troops killed two Ukrainian soldiers near the border.")
    assert ("Russia", "ASSAULTS", "Ukraine") in relations


def test_a_verb_of_protest_with_an_object_is_an_attack(loader):
    relations, _ = read(loader, "Russian warplanes struck Ukrainian forces on Monday.")
    assert ("Russia", "ASSAULTS", "Ukraine") in relations
    assert not any(t == "PROTESTS" for _, t, _ in relations)


def test_an_act_done_in_a_state_by_no_one_named_is_the_states(loader):
    relations, _ = read(loader, "Hamas is banned in Egypt.")
    assert ("Egypt", "SANCTIONS", "Hamas") in relations


def test_the_cameo_code_is_the_triggers_own(loader):
    relations, _ = read(loader, "France condemned Iran on Tuesday.")
    rel = relations[("France", "CRITICIZES", "Iran")]
    assert rel.cameo == "111" and rel.goldstein == goldstein("111") and rel.quad_class == 3


# -- coordinated, listed and symmetric actors ---------------------------------------------------
def test_each_listed_actor_gets_its_own_relation(loader):
    relations, _ = read(loader, "Egypt, Greece and Cyprus denounced the agreement between Turkey and Libya.")
    expected = {(s, "CRITICIZES", t) for s in ("Egypt", "Greece", "Cyprus") for t in ("Turkey", "Libya")}
    assert expected <= set(relations)


def test_people_from_listed_places_act_for_each_place(loader):
    relations, _ = read(loader, "Ministers from Egypt, Greece and Cyprus condemned Turkey.")
    assert {("Egypt", "CRITICIZES", "Turkey"), ("Greece", "CRITICIZES", "Turkey"), ("Cyprus", "CRITICIZES", "Turkey")} <= set(relations)


def test_coordinated_subjects_of_a_meeting_meet_each_other(loader):
    relations, _ = read(loader, "Vladimir Putin and Xi Jinping met in Beijing on Friday.")
    assert {("Vladimir Putin", "CONSULTS", "Xi Jinping"), ("Xi Jinping", "CONSULTS", "Vladimir Putin")} <= set(relations)


# -- institutions -------------------------------------------------------------------------------
def test_a_ministry_is_one_node_of_its_state(loader):
    relations, graph = read(loader, "The Turkish Ministry of Foreign Affairs condemned the decision of the European Parliament.")
    ministry = next(a for a in graph.actors if a.name == "Ministry of Foreign Affairs of Turkey")
    assert ministry.kind == "organization" and ministry.country == "turkey"
    assert ("Ministry of Foreign Affairs of Turkey", "CRITICIZES", "European Parliament") in relations


def test_an_acronym_with_a_demonym_is_the_states_organ(loader):
    relations, graph = read(loader, "The Belarusian KGB arrested two Lithuanian journalists.")
    kgb = next(a for a in graph.actors if a.name == "Belarusian KGB")
    assert kgb.country == "belarus" and ("Belarusian KGB", "COERCES", "Lithuanian journalists") in relations


def test_an_acronym_is_the_name_it_spells(loader):
    _, graph = read(loader, "The Popular Mobilization Forces (PMF) denounced Israel. Later the PMF threatened Israel again.")
    forces = [a for a in graph.actors if "PMF" in (a.name, *a.aliases)]
    assert [a.name for a in forces] == ["Popular Mobilization Forces"]


# -- speech acts with a stance, allegations and denials ----------------------------------------
def test_acting_on_an_act_is_acting_on_its_doer(loader):
    relations, _ = read(loader, "Canada condemned the arrest of the journalists by Belarus.")
    assert ("Canada", "CRITICIZES", "Belarus") in relations
    assert not any(s == "Canada" and t == "journalists" for s, _, t in relations)


def test_accusing_someone_of_an_act_alleges_it(loader):
    relations, _ = read(loader, "Germany accused Russia of attacking Ukraine.")
    assert ("Germany", "CRITICIZES", "Russia") in relations
    attack = relations[("Russia", "ASSAULTS", "Ukraine")]
    assert attack.attribution == Attribution.ALLEGED.value and attack.reported_by == "germany"


def test_a_reported_act_of_force_is_an_accusation_and_an_allegation(loader):
    relations, _ = read(loader, "Iran said the United States had attacked its ships.")
    assert ("Iran", "CRITICIZES", "United States") in relations
    attack = relations[("United States", "ASSAULTS", "Iran")]
    assert attack.attribution == "alleged" and attack.reported_by == "iran"


def test_hearsay_adverbs_make_an_allegation(loader):
    relations, _ = read(loader, "Iran allegedly supplied weapons to the Houthis.")
    assert relations[("Iran", "AIDS", "Houthis")].attribution == "alleged"


def test_a_denied_act_is_kept_apart_below_the_threshold(loader, everything):
    relations, _ = read(everything, "Russia denied that it had attacked Ukraine.")
    denied = relations[("Russia", "ASSAULTS", "Ukraine")]
    assert denied.attribution == "denied" and denied.reported_by == "russia"
    assert denied.confidence < loader.min_confidence
    assert ("Russia", "ASSAULTS", "Ukraine") not in read(loader, "Russia denied that it had attacked Ukraine.")[0]


def test_a_belief_that_someone_took_part_in_an_act_alleges_it(loader):
    relations, _ = read(loader, "United States forces killed Qasem Soleimani in Baghdad on Friday. "
                                "Iran believes Israel was involved in the attack.")
    involved = relations[("Israel", "ASSAULTS", "Qasem Soleimani")]
    assert involved.attribution == "alleged" and involved.reported_by == "iran"
    assert relations[("United States", "ASSAULTS", "Qasem Soleimani")].attribution == "asserted"


def test_iran_believing_trump_was_involved_is_an_allegation_by_iran(loader):
    relations, _ = read(loader, "Iran believes Donald Trump was involved in the killing of Qasem Soleimani.")
    killing = relations[("Donald Trump", "ASSAULTS", "Qasem Soleimani")]
    assert (killing.attribution, killing.reported_by) == ("alleged", "iran")
    assert relations[("Iran", "COMMENTS_ON", "Donald Trump")].attribution == "asserted"  # that Iran says so is a fact


def test_who_was_behind_an_act_did_it(loader):
    relations, _ = read(loader, "Rebels attacked the oil facilities of Saudi Arabia. Iran was behind the attack, "
                                "the United States said.")
    assert relations[("Iran", "ASSAULTS", "Saudi Arabia")].reported_by == "united-states"


def test_who_approved_an_act_did_it_to_its_target(loader):
    relations, _ = read(loader, "United States forces killed Qasem Soleimani on Friday. "
                                "The strike, which was approved by President Donald Trump, took place near the airport.")
    assert ("Donald Trump", "ASSAULTS", "Qasem Soleimani") in relations
    relations, _ = read(loader, "Russia ordered the invasion of Ukraine.")
    assert ("Russia", "ASSAULTS", "Ukraine") in relations
    assert not any(t == "AGREES" for _, t, _ in read(loader, "Iran approved the attacks on the Saudi oil facilities.")[0])


def test_a_strike_is_an_attack_among_acts_of_force_and_a_walkout_elsewhere(loader):
    relations, _ = read(loader, "Israeli jets bombed Gaza. Hamas condemned the strike by Israel.")
    assert ("Hamas", "CRITICIZES", "Israel") in relations
    relations, _ = read(loader, "Teachers in France began a strike against the government on Monday.")
    assert not any(t == "ASSAULTS" for _, t, _ in relations)


def test_the_subject_of_sanctions_is_their_target(loader):
    relations, _ = read(loader, "Mahan Air has been the subject of United States sanctions since 2011.")
    assert ("United States", "SANCTIONS", "Mahan Air") in relations


def test_a_summit_that_acts_is_those_who_met(loader):
    relations, _ = read(loader, "Foreign ministers of Egypt, France, Greece and Cyprus met in Cairo on Wednesday. "
                                "The Cairo summit denounced the agreement between Turkey and Libya.")
    expected = {(s, "CRITICIZES", t) for s in ("Egypt", "France", "Greece", "Cyprus") for t in ("Turkey", "Libya")}
    assert expected <= set(relations)
    relations, _ = read(loader, "Leaders of Germany and France held talks in Berlin. The meeting condemned Russia.")
    assert {("Germany", "CRITICIZES", "Russia"), ("France", "CRITICIZES", "Russia")} <= set(relations)


def test_the_object_of_a_relative_clause_is_its_head(loader):
    relations, _ = read(loader, "Iran, which the United States sanctioned in 2007, criticized France on Monday.")
    assert ("United States", "SANCTIONS", "Iran") in relations


def test_an_act_presupposed_in_a_statement_is_asserted(loader):
    relations, _ = read(loader, "Iran said Turkey's offensive against the Kurds violated international law.")
    assert relations[("Turkey", "ASSAULTS", "Kurds")].attribution == "asserted"


def test_a_modal_act_that_stays_itself_is_predicted(everything):
    relations, _ = read(everything, "Japan will criticize China at the summit.")
    assert relations[("Japan", "CRITICIZES", "China")].attribution == "predicted"


def test_praise_and_thanks_with_their_addressee(loader):
    relations, _ = read(loader, "Benjamin Netanyahu thanked Donald Trump for his support.")
    assert ("Benjamin Netanyahu", "SUPPORTS", "Donald Trump") in relations


def test_an_object_pronoun_is_not_its_clauses_subject(loader):
    relations, _ = read(loader, "Hassan Rouhani met Vladimir Putin. The United States labeled Qasem Soleimani a terrorist and imposed sanctions on him.")
    assert ("United States", "SANCTIONS", "Qasem Soleimani") in relations
    assert ("United States", "SANCTIONS", "Vladimir Putin") not in relations


# -- nominal events and particles ---------------------------------------------------------------
def test_nominal_events_with_their_agents(loader):
    relations, _ = read(loader, "The US withdrawal from Syria surprised analysts. Iran's support for Nicolas Maduro continued.")
    assert ("United States", "YIELDS", "Syria") in relations
    assert ("Iran", "SUPPORTS", "Nicolas Maduro") in relations


def test_a_particle_parsed_as_an_adverb(loader):
    relations, _ = read(loader, "Boris Johnson became prime minister after Theresa May stepped down in July.")
    assert any(s == "Theresa May" and t == "YIELDS" for s, t, _ in relations)


# -- candidates ---------------------------------------------------------------------------------
def test_candidates_carry_their_mechanisms_features_and_evidence(loader):
    doc = loader.nlp("Egypt, Greece and Cyprus denounced the agreement between Turkey and Libya.")
    reading = loader.reading_of(Article.from_text(doc.text), doc)
    candidate = next(c for c in reading.candidates if (c.source, c.target) == ("greece", "libya"))
    assert candidate.type == "CRITICIZES" and candidate.trigger == "denounce" and candidate.sentence == 1
    assert "verb" in candidate.mechanisms and "source_slot=inherited" not in candidate.features
    assert candidate.evidence == doc.text and 0.0 < candidate.confidence <= 1.0


def test_the_act_named_again_is_the_last_act_of_its_kind(loader):
    relations, _ = read(loader, "Russian troops attacked Ukraine on Monday. France condemned the attack.")
    assert ("France", "CRITICIZES", "Russia") in relations
    relations, graph = read(loader, "Iraq spoke out against the attack.")
    actors = {a.name for a in graph.actors}
    assert not any(s == "Iraq" and t in actors for s, _, t in relations)  # no earlier attack: no one to blame


def test_an_act_named_by_no_noun_of_its_own_is_the_act_the_article_reports(loader):
    text = ("Brazil imposed tariffs on Argentine beef on Monday. Uruguay said the tariffs were wrong. "
            "Argentina recalled its ambassador from Brasilia. Chile criticized the move.")
    relations, _ = read(loader, text)
    assert ("Chile", "CRITICIZES", "Brazil") in relations  # the first act, not a statement after it
    assert relations[("Chile", "CRITICIZES", "Brazil")].sentence == 4


def test_the_act_of_the_sentence_before_is_the_move(loader):
    relations, _ = read(loader, "Brazil imposed tariffs on Argentine beef. Peru expelled the Bolivian ambassador. "
                                "Chile protested against the decision.")
    assert ("Chile", "PROTESTS", "Peru") in relations
    assert ("Chile", "PROTESTS", "Brazil") not in relations


def test_the_move_with_no_act_before_it_is_nobodys(loader):
    relations, graph = read(loader, "Chile criticized the move on Tuesday. Brazil defended the decision.")
    actors = {a.name for a in graph.actors}
    assert not any(t in actors for _, _, t in relations)


def test_a_surname_the_parser_missed_is_the_articles_person(loader):
    relations, graph = read(loader, "Qasem Soleimani was killed. In 2007, the United States labeled Soleimani as a terrorist.")
    assert [a.name for a in graph.actors if "Soleimani" in a.name] == ["Qasem Soleimani"]
    assert ("United States", "CRITICIZES", "Qasem Soleimani") in relations


def test_a_conjunct_of_a_proposed_act_is_proposed_too(loader):
    relations, _ = read(loader, "Belarus proposed to stop hostilities and declare a truce.")
    assert not any(t == "YIELDS" for _, t, _ in relations)


# -- arguments the parse hides (recall round) -------------------------------------------------
def test_a_subordinate_clause_keeps_its_own_subject(loader):
    relations, _ = read(loader, "Britain's prime minister took office after Theresa May stepped down on July 24.")
    assert ("Theresa May", "YIELDS", "step down") in relations
    assert not any(s == "Boris Johnson" and t == "YIELDS" for s, t, _ in relations)


def test_a_subject_hung_on_an_auxiliary_is_the_verbs(loader):
    relations, _ = read(loader, "The United States has been encouraging allies such as Germany to restrict Iran's flights.")
    assert ("United States", "CALLS_FOR", "Germany") in relations


def test_a_participle_on_a_statements_phrase_is_the_speakers_act(loader):
    relations, _ = read(loader, "Germany published a statement on its website on Friday condemning Russia.")
    assert ("Germany", "CRITICIZES", "Russia") in relations
    relations, _ = read(loader, "Mike Pompeo posted a message on Twitter blaming Iran for the attacks.")
    assert ("Mike Pompeo", "CRITICIZES", "Iran") in relations


def test_an_act_named_by_the_object_gives_the_plover_category(loader):
    relations, _ = read(loader, "Russian forces completed their withdrawal from Georgia.")
    assert relations[("Russia", "YIELDS", "Georgia")].plover == "RETREAT"


# -- quotations whose speaker no verb of saying names (relation recall round) ------------------
def test_a_quotation_introduced_by_another_verb_is_its_subjects_words(loader):
    relations, _ = read(loader, 'Joe Biden defended his policy on Monday, "If they go on, I will destroy and obliterate the economy of Iran."')
    assert relations[("Joe Biden", "THREATENS", "Iran")].attribution == "asserted"
    relations, _ = read(loader, '"Russia is lying to the world," Boris Johnson continued on Tuesday.')
    assert ("Boris Johnson", "CRITICIZES", "Russia") in relations


def test_a_quotation_whose_speaker_is_named_where_it_ends(loader):
    text = 'Reporters asked about the talks on Monday. "China has broken every promise. Beijing cannot be trusted," said Angela Merkel.'
    relations, graph = read(loader, text)
    assert any(s == "Angela Merkel" and t == "China" and r.sentence == 2 for (s, _, t), r in relations.items())


def test_a_quotation_right_after_another_of_the_same_speaker_goes_on_in_her_name(loader):
    text = '"Ukraine deserves our help," Angela Merkel told reporters in Berlin. "Russia has violated international law. It must withdraw its troops."'
    relations, _ = read(loader, text)
    assert relations[("Angela Merkel", "CRITICIZES", "Russia")].sentence == 2


def test_a_quotation_nobody_is_named_for_is_nobodys(loader):
    relations, _ = read(loader, 'Reporters asked about the talks on Monday. "Russia has violated international law. It must withdraw."')
    assert not any(t == "Russia" for _, _, t in relations)


def test_a_statement_judging_an_act_in_scornful_words_criticizes_its_doer(loader):
    text = 'Russia invaded Ukraine on Monday. Boris Johnson said, "It is a shameful provocation."'
    relations, _ = read(loader, text)
    assert relations[("Boris Johnson", "CRITICIZES", "Russia")].sentence == 2
    text = 'Russia invaded Ukraine on Monday. Boris Johnson said, "Invading it was a big mistake."'
    assert ("Boris Johnson", "CRITICIZES", "Russia") in read(loader, text)[0]


def between(relations, source: str, target: str) -> set[str]:
    return {t for s, t, o in relations if s == source and o == target}


def test_a_judgement_after_a_clause_of_an_actors_act_criticizes_that_actor(loader):
    text = ('Yvette Cooper said, "Boris Johnson is trying to use the Queen to concentrate power in his own hands, '
            'and this is a deeply dangerous and irresponsible way to govern."')
    assert between(read(loader, text)[0], "Yvette Cooper", "Boris Johnson") == {"CRITICIZES"}
    text = 'Yvette Cooper said, "Boris Johnson is trying to use the Queen -- this is a reckless way to govern."'
    assert between(read(loader, text)[0], "Yvette Cooper", "Boris Johnson") == {"CRITICIZES"}
    text = 'Yvette Cooper said, "Boris Johnson is trying to use the Queen, and this is how Britain has been governed."'
    assert between(read(loader, text)[0], "Yvette Cooper", "Boris Johnson") == {"COMMENTS_ON"}


def test_a_statement_judging_no_act_or_in_plain_words_is_about_no_doer(loader):
    text = 'Russia invaded Ukraine on Monday. Boris Johnson said, "It is a sunny day."'
    assert not any(s == "Boris Johnson" and t == "Russia" for s, _, t in read(loader, text)[0])
    text = 'Russia invaded Ukraine on Monday. "Any questioning of the vote is an insult, it is a disgrace," said Boris Johnson.'
    assert ("Boris Johnson", "CRITICIZES", "Russia") not in read(loader, text)[0]


def test_a_name_the_parser_glued_to_the_body_of_a_title_holds_the_title(loader):
    relations, _ = read(loader, "Former US Ambassador to the United Nations Nikki Haley criticized Russia on Monday.")
    assert ("Nikki Haley", "CRITICIZES", "Russia") in relations
    assert not any(s == "United States" and t == "Russia" for s, _, t in relations)


def test_a_quotation_closed_where_another_opens_is_not_the_next_speakers(loader):
    text = ('Reporters gathered in Paris on Monday. "Russia has violated international law. It must withdraw its troops.\n\n'
            '""China is a partner of France," said Emmanuel Macron.')
    relations, _ = read(loader, text)
    assert ("Emmanuel Macron", "COMMENTS_ON", "China") in relations
    assert not any(s == "Emmanuel Macron" and t == "Russia" for s, _, t in relations)


# -- joining another's act, talking with someone, datives, demands (relrecall6) ------------------
def test_each_actor_joined_by_a_subject_does_its_act(loader):
    relations, _ = read(loader, "California, joined by the attorneys general of Oregon, Nevada and Hawaii, "
                                "sued the Trump administration.")
    assert {(s, "CRITICIZES", "Donald Trump") for s in ("California", "Oregon", "Nevada", "Hawaii")} <= set(relations)
    assert not any(t == "COOPERATES" for _, t, _ in relations)  # "joined by" is no act of its own


def test_an_actor_along_with_the_subject_does_its_act(loader):
    relations, _ = read(loader, "France, along with Germany, condemned Russia.")
    assert {("France", "CRITICIZES", "Russia"), ("Germany", "CRITICIZES", "Russia")} <= set(relations)


def test_joining_a_lawsuit_is_suing_whom_it_is_against(loader):
    relations, _ = read(loader, "Austria later joined the lawsuit against Poland.")
    assert ("Austria", "CRITICIZES", "Poland") in relations
    assert relations[("Austria", "CRITICIZES", "Poland")].cameo.startswith("11")


def test_joining_the_last_act_of_a_kind_acts_on_its_target(loader):
    relations, _ = read(loader, "Russia attacked Ukraine on Monday. Belarus joined the attack.")
    assert ("Belarus", "ASSAULTS", "Ukraine") in relations
    assert not any(s == "Belarus" and t == "COOPERATES" for s, t, _ in relations)


def test_each_actor_joining_someone_in_an_act_does_it_and_so_does_the_one_joined(everything):
    relations, _ = read(everything, "Jean Dupont is joined in this legal action by attorneys general from Maine, "
                                    "Vermont and Hawaii.")
    assert {(s, "CRITICIZES", "legal action") for s in ("Maine", "Vermont", "Hawaii", "Jean Dupont")} <= set(relations)


def test_joining_someone_in_doing_an_act(loader):
    relations, _ = read(loader, "Hungary joined Poland in blocking the EU budget.")
    assert {("Hungary", "COERCES", "European Union"), ("Poland", "COERCES", "European Union")} <= set(relations)


def test_joining_a_body_stays_cooperation(loader):
    relations, _ = read(loader, "Benin and Nigeria joined the African Union.")
    assert ("Benin", "COOPERATES", "African Union") in relations


def test_talking_with_someone_is_a_consultation(loader):
    relations, _ = read(loader, "US President Joe Biden spoke with Russian President Vladimir Putin by phone on Sunday.")
    assert ("Joe Biden", "CONSULTS", "Vladimir Putin") in relations
    assert ("Joe Biden", "COMMENTS_ON", "Vladimir Putin") not in relations


def test_coordinated_subjects_who_talked_consult_each_other(loader):
    relations, _ = read(loader, "Angela Merkel and Emmanuel Macron talked by phone on Sunday.")
    assert {("Angela Merkel", "CONSULTS", "Emmanuel Macron"), ("Emmanuel Macron", "CONSULTS", "Angela Merkel")} <= set(relations)


def test_the_agents_of_a_passive_joining_do_not_consult_each_other(loader):
    relations, _ = read(loader, "The European Union launched a trade initiative which was later joined by Canada, Japan and Chile.")
    assert not any(t == "CONSULTS" for _, t, _ in relations)


def test_talking_alone_is_no_consultation(everything):
    relations, _ = read(everything, "Emmanuel Macron spoke at a rally in Lyon.")
    assert not any(t == "CONSULTS" for _, t, _ in relations)


def test_a_to_parsed_as_a_dative_is_the_target(loader):
    relations, _ = read(loader, "The European Union issued a warning to Belarus.")
    assert ("European Union", "THREATENS", "Belarus") in relations


def test_a_demand_for_something_is_a_call_for_it(loader):
    relations, _ = read(loader, "Iran's demands for a new inquiry were rejected.")
    assert ("Iran", "CALLS_FOR", "new inquiry") in relations


def test_rejecting_the_demands_of_an_actor_rejects_the_actor(loader):
    relations, _ = read(loader, "Germany rejected the demands of Poland.")
    assert ("Germany", "REJECTS", "Poland") in relations


def test_approving_a_proposal_acts_on_its_author(everything):
    relations, _ = read(everything, "The European Parliament approved the proposal of France.")
    # Approving is agreeing (PLOVER AGREE, as CAMEO's "approve proposal" 030); the proposal is France's,
    # not the Parliament's act
    assert relations[("European Parliament", "AGREES", "France")].plover == "AGREE"


def test_a_passive_participle_with_its_agent_acts_on_the_noun_it_modifies(loader):
    relations, _ = read(loader, "Hezbollah, a group funded by Iran, attacked Israel.")
    assert ("Iran", "AIDS", "Hezbollah") in relations
    relations, _ = read(loader, "Backed by Russia, Syrian forces attacked Idlib.")
    assert ("Russia", "SUPPORTS", "Syria") in relations


def test_who_is_accused_in_the_passive_of_an_act_is_its_doer(loader):
    relations, _ = read(loader, "Russia was blamed by Britain for poisoning Sergei Skripal.")
    assert ("United Kingdom", "CRITICIZES", "Russia") in relations
    assert ("Russia", "ASSAULTS", "Sergei Skripal") in relations
    assert ("United Kingdom", "ASSAULTS", "Sergei Skripal") not in relations


def test_claiming_responsibility_for_an_attack_is_doing_it(loader):
    relations, _ = read(loader, "Kataib Hezbollah claimed responsibility for the attack on the US embassy.")
    assert ("Hezbollah", "ASSAULTS", "United States") in relations
