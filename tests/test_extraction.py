"""Each reading mechanism on sentences built for it (none of them from the eval articles)."""

from __future__ import annotations

from datetime import date


from polgraph.graph.model import ArticleGraph
from polgraph.loaders.pipeline import Loader

from tests.helpers import BUILT_TEXT_DATE, Triple, read_relations


def read(loader: Loader, text: str, published: date | None = BUILT_TEXT_DATE) -> tuple[set[Triple], ArticleGraph]:
    relations, graph = read_relations(loader, text, published)
    return set(relations), graph


def test_subject_verb_object(loader):
    triples, _ = read(loader, "France condemned Iran on Tuesday.")
    assert ("France", "CRITICIZES", "Iran") in triples


def test_negation_drops_the_act(loader):
    triples, _ = read(loader, "Japan did not criticize China.")
    assert not any(t[1] == "CRITICIZES" for t in triples)


def test_negated_agreement_is_a_refusal(loader):
    triples, _ = read(loader, "Poland did not accept the demands of Belarus.")
    assert ("Poland", "REJECTS", "Belarus") in triples


def test_modality_makes_a_sanction_a_threat(loader):
    triples, _ = read(loader, "The European Union may impose sanctions on Belarus.")
    assert ("European Union", "THREATENS", "Belarus") in triples
    assert not any(t[1] == "SANCTIONS" for t in triples)


def test_passive_voice_runs_from_the_agent(loader):
    triples, _ = read(loader, "Ukraine was attacked by Russia on Monday.")
    assert ("Russia", "ASSAULTS", "Ukraine") in triples
    assert ("Ukraine", "ASSAULTS", "Russia") not in triples


def test_coordinated_subjects_give_one_relation_each(loader):
    triples, _ = read(loader, "France and Germany condemned Syria.")
    assert {("France", "CRITICIZES", "Syria"), ("Germany", "CRITICIZES", "Syria")} <= triples


def test_reported_speech_comments_on_what_was_said_about(loader):
    triples, _ = read(loader, "Emmanuel Macron said that Turkey is an important partner.")
    assert ("Emmanuel Macron", "COMMENTS_ON", "Turkey") in triples


def test_reported_speech_with_blame_is_criticism(loader):
    triples, _ = read(loader, "Emmanuel Macron said that Turkey had violated international law.")
    assert ("Emmanuel Macron", "CRITICIZES", "Turkey") in triples


def test_obligation_in_a_statement_is_a_demand(loader):
    triples, _ = read(loader, "Germany said Hungary must respect the court's ruling.")
    assert ("Germany", "CALLS_FOR", "Hungary") in triples


def test_relative_clause_subject_is_the_antecedent(loader):
    triples, _ = read(loader, "The decree of Joe Biden, which bans contacts with Venezuela, was published.")
    assert ("Joe Biden", "REJECTS", "Venezuela") in triples


def test_nominal_event_with_possessor_and_target(loader):
    triples, _ = read(loader, "Canada's sanctions on Myanmar took effect.")
    assert ("Canada", "SANCTIONS", "Myanmar") in triples


def test_capitals_stand_for_their_states(loader):
    triples, _ = read(loader, "Beijing criticized Washington on Monday.")
    assert ("China", "CRITICIZES", "United States") in triples


def test_role_phrase_resolves_to_the_office_holder_at_the_article_date(loader):
    triples, graph = read(loader, "The Ukrainian president criticized Russia.", date(2020, 1, 18))
    assert ("Volodymyr Zelensky", "CRITICIZES", "Russia") in triples
    triples, _ = read(loader, "The US president criticized Iran.", date(2019, 5, 1))
    assert ("Donald Trump", "CRITICIZES", "Iran") in triples


def test_a_title_glued_to_a_name_is_cut_off(loader):
    _, graph = read(loader, "President of Chile Gabriel Borica visited Berlin.")
    assert "Gabriel Borica" in {a.name for a in graph.actors}
    assert not any("President" in a.name for a in graph.actors)


def test_surname_and_misspelling_are_the_same_person(loader):
    _, graph = read(loader, "Andriy Kovalenko met French officials on Monday. Kovalenko criticized France. "
                            "Kovalenka later praised Germany.")
    people = [a.name for a in graph.actors if a.kind == "person"]
    assert people == ["Andriy Kovalenko"]


def test_pronouns_follow_gender_and_salience(loader):
    triples, _ = read(loader, "Angela Merkel met Joe Biden. She criticized China.")
    assert ("Angela Merkel", "CRITICIZES", "China") in triples


def test_quoted_first_person_is_the_speaker(loader):
    triples, _ = read(loader, '"We condemn Iran," Boris Johnson said.')
    assert ("Boris Johnson", "CRITICIZES", "Iran") in triples


def test_stated_intent_is_a_proposal(loader):
    triples, _ = read(loader, "Japan will provide aid to Vietnam.")
    assert ("Japan", "PROPOSES", "Vietnam") in triples


def test_groups_of_people_act(loader):
    triples, graph = read(loader, "Iraqi students protested against the government of Iran.")
    assert ("Iraqi students", "group") in {(a.name, a.kind) for a in graph.actors}


def test_relative_dates_resolve_against_the_article_date(loader):
    _, graph = read(loader, "On October 4, Kyiv renounced contacts with Moscow.", date(2023, 3, 31))
    [rel] = [r for r in graph.relations if r.type == "REJECTS"]
    assert rel.date == date(2022, 10, 4)


def test_a_place_only_named_as_a_venue_is_not_an_actor(loader):
    _, graph = read(loader, "Russia criticized Ukraine at a meeting in Turkey.")
    assert "Turkey" not in {a.name for a in graph.actors}


def test_a_quotation_running_over_several_sentences_keeps_its_speaker(loader):
    triples, _ = read(loader, 'Emmanuel Macron said on Monday, "We will stay calm. Unfortunately, Turkey is '
                              'acting like a bully. We expect better."')
    assert ("Emmanuel Macron", "CRITICIZES", "Turkey") in triples


def test_a_sentence_after_the_quotation_is_not_quoted(loader):
    triples, _ = read(loader, 'Emmanuel Macron said, "We will stay calm." Turkey is acting like a bully.')
    assert not any(t[0] == "Emmanuel Macron" and t[2] == "Turkey" for t in triples)


def test_a_speaker_does_not_comment_on_their_own_state(loader):
    triples, _ = read(loader, "Sergey Lavrov said Russia was disappointed by the decision of Moldova.")
    assert ("Sergey Lavrov", "CRITICIZES", "Moldova") in triples
    assert not any(t[0] == "Sergey Lavrov" and t[2] == "Russia" for t in triples)
