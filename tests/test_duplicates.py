"""Suspect duplicate actors (``graph.algorithms.duplicates``, ``polgraph actors --suspect-duplicates``)."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.config import open_store
from polgraph.graph.algorithms.duplicates import name_words, suspect_duplicates
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation, slugify

_register()


def person(name: str) -> Actor:
    return Actor(id=slugify(name), name=name, kind="person")


def org(name: str) -> Actor:
    return Actor(id=slugify(name), name=name, kind="organization")


PLACES = {"us", "libyan", "iran"}


def pairs(*actors: Actor) -> set[tuple[str, str, str]]:
    return {(p.rule, p.first.name, p.second.name) for p in suspect_duplicates(actors, lambda text: text in PLACES)}


def test_name_words_ignore_case_accents_possessives_and_a_leading_the():
    assert name_words("The U.S. Supreme Court's") == ("us", "supreme", "court")
    assert name_words("Recep Tayyip Erdoğan") == ("recep", "tayyip", "erdogan")


def test_the_same_form_whatever_the_kind():
    assert pairs(org("U.S. Senate"), Actor(id="us-senate-x", name="US Senate", kind="group")) == {
        ("same-form", "U.S. Senate", "US Senate")
    }


def test_a_bare_surname_and_a_title_prefixed_name_are_the_persons_surname_pairs():
    found = pairs(person("Bernie Sanders"), person("Sanders"), person("Democrat Chuck Schumer"), person("Chuck Schumer"))
    assert found == {("surname", "Bernie Sanders", "Sanders"), ("surname", "Chuck Schumer", "Democrat Chuck Schumer")}


def test_two_full_names_sharing_a_surname_are_no_pair():
    assert pairs(person("Barack Obama"), person("Michelle Obama")) == set()


def test_a_name_inside_a_persons_name_is_contained_whatever_its_kind():
    biden = Actor(id="biden", name="Biden", kind="state")
    assert pairs(person("Joe Biden"), biden, org("Trump"), person("Donald Trump")) == {
        ("contained", "Biden", "Joe Biden"),
        ("contained", "Donald Trump", "Trump"),
    }


def test_a_place_inside_an_organisations_name_is_no_pair():
    iran = Actor(id="iran", name="Iran", kind="state")
    assert pairs(iran, org("Iran Air")) == set()
    assert pairs(org("Supreme Court"), org("US Supreme Court")) == {("contained", "Supreme Court", "US Supreme Court")}
    assert pairs(org("House of Representatives"), org("Libyan House of Representatives")) == {
        ("contained", "House of Representatives", "Libyan House of Representatives")
    }


def test_a_body_and_a_part_named_after_it_are_no_pair_but_a_bare_word_is():
    assert pairs(org("White House"), org("White House Coronavirus Task Force")) == set()
    assert pairs(org("Court"), org("Supreme Court")) == {("contained", "Court", "Supreme Court")}


def test_a_short_name_is_not_contained():
    assert pairs(org("EU"), org("EU Commission")) == set()


def _store_with(folder, actors: list[Actor], acting: list[tuple[str, str]]) -> str:
    folder.mkdir(exist_ok=True)
    path = str(folder / "graph.db")
    article = Article.from_text("text", published=date(2020, 1, 1))
    relations = [Relation(source=s, target=t, type="CRITICIZES", article=article.id, sentence=1) for s, t in acting]
    with open_store(path, create=True) as store:
        store.write([ArticleGraph(article, actors, [], relations, [])])
    return path


def test_the_command_lists_pairs_among_actors_with_an_event_relation(tmp_path):
    actors = [person("Bernie Sanders"), person("Sanders"), person("Joe Biden"), Actor(id="biden", name="Biden", kind="state"),
              person("Barack Obama"), person("Michelle Obama")]
    store = _store_with(tmp_path, actors, [("sanders", "bernie-sanders"), ("barack-obama", "michelle-obama"), ("joe-biden", "sanders")])
    result = CliRunner().invoke(cli, ["actors", "--suspect-duplicates", "--store", store], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "rule     first           name                     second   name",
        "-------  --------------  -----------------------  -------  ----------------",
        "surname  bernie-sanders  Bernie Sanders (person)  sanders  Sanders (person)",
        "1 suspect pair(s) among 5 actor(s) with an event relation",
    ]


def test_the_command_prints_csv_and_says_when_there_is_no_pair(tmp_path):
    store = _store_with(tmp_path, [person("Barack Obama"), person("Michelle Obama")], [("barack-obama", "michelle-obama")])
    run = CliRunner().invoke
    assert run(cli, ["actors", "--suspect-duplicates", "--store", store]).output == (
        "0 suspect pair(s) among 2 actor(s) with an event relation\n"
    )
    store = _store_with(tmp_path / "pair", [person("Bernie Sanders"), person("Sanders")], [("sanders", "bernie-sanders")])
    assert run(cli, ["actors", "--suspect-duplicates", "--csv", "--store", store]).output.splitlines() == [
        "rule,first_id,first_name,first_kind,second_id,second_name,second_kind",
        "surname,bernie-sanders,Bernie Sanders,person,sanders,Sanders,person",
    ]
