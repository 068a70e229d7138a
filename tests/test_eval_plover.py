"""The PLOVER event-typing scorer (polgraph.evaluation.plover) on hand-made records and graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polgraph.evaluation.plover import (
    PloverRecord,
    actor_ids,
    plover_folds,
    read_plover,
    score_record,
    summarize,
)
from polgraph.evaluation.report import plover_rows, plover_total_line
from polgraph.exceptions import InputError
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation, Topic, slugify
from polgraph.loaders.registry import Registry

from tests.conftest import SHARED


@pytest.fixture(scope="module")
def registry() -> Registry:
    reg = Registry()
    reg.add_entries(
        [
            {"name": "Hungary", "kind": "state", "demonyms": ["Hungarian"], "capitals": ["Budapest"]},
            {"name": "Romania", "kind": "state", "demonyms": ["Romanian"]},
            {"name": "Mozambique", "kind": "state", "demonyms": ["Mozambican"]},
            {"name": "Israel", "kind": "state", "demonyms": ["Israeli"]},
        ]
    )
    return reg


def _graph(text: str, actors: list[tuple[str, str]], relations: list[tuple[str, str, str, str, float]]) -> ArticleGraph:
    """(name, kind) actors; (source name, type, target name, plover, confidence) relations."""
    article = Article.from_text(text)
    nodes = [Actor(id=slugify(n), name=n, kind=k) for n, k in actors]
    topics = [Topic.named("the plan")]
    ids = {a.name: a.id for a in nodes} | {"the plan": topics[0].id}
    rels = [
        Relation(ids[s], ids[o], t, article.id, 1, plover=p, confidence=c) for s, t, o, p, c in relations
    ]
    return ArticleGraph(article, actors=nodes, topics=topics, relations=rels)


AGREE = PloverRecord("r1", "Hungarian and Romanian officials agreed to cooperate.", "AGREE", ("Hungarian", "Romanian"), ())
DISAPPROVE = PloverRecord(
    "r2", "British Defence Secretary Tom King criticised Mozambique.", "DISAPPROVE",
    ("British Defence Secretary Tom King",), ("Mozambique",),
)
PROTEST = PloverRecord("r3", "Students marched against the Israeli army.", "PROTEST", ("Students",), ("Israeli army",))


def test_three_records_pair_main_event_and_category_mapping(registry: Registry) -> None:
    agree = score_record(
        AGREE,
        _graph(AGREE.text, [("Hungary", "state"), ("Romania", "state")], [("Hungary", "AGREES", "Romania", "AGREE", 0.7)]),
        registry,
    )
    # The pair relation wins over a more confident relation elsewhere; "" plover falls back to the type's.
    disapprove = score_record(
        DISAPPROVE,
        _graph(
            DISAPPROVE.text,
            [("Tom King", "person"), ("Mozambique", "state"), ("Britain", "state")],
            [("Britain", "SUPPORTS", "the plan", "SUPPORT", 0.9), ("Tom King", "CRITICIZES", "Mozambique", "", 0.4)],
        ),
        registry,
    )
    # No relation between a gold source and target: the main event (highest confidence) is scored.
    protest = score_record(
        PROTEST,
        _graph(
            PROTEST.text,
            [("Israel", "state"), ("Egypt", "state")],
            [("Egypt", "THREATENS", "Israel", "THREATEN", 0.5), ("Israel", "SUPPORTS", "Egypt", "SUPPORT", 0.8)],
        ),
        registry,
    )
    assert (agree.how, agree.predicted, agree.correct) == ("pair", "AGREE", True)
    assert (disapprove.how, disapprove.predicted, disapprove.correct) == ("pair", "DISAPPROVE", True)
    assert disapprove.record.category == "DISAPPROVE" and disapprove.relation.type == "CRITICIZES"
    assert (protest.how, protest.predicted, protest.correct) == ("main", "SUPPORT", False)

    summary = summarize([agree, disapprove, protest])
    t = summary.total
    assert (t.sentences, t.found, t.right) == (3, 3, 2)
    assert t.coverage == 1.0 and t.accuracy == pytest.approx(2 / 3)
    assert {c.category: (c.sentences, c.right, dict(c.predicted)) for c in summary.categories} == {
        "AGREE": (1, 1, {"AGREE": 1}),
        "DISAPPROVE": (1, 1, {"DISAPPROVE": 1}),
        "PROTEST": (1, 0, {"SUPPORT": 1}),
    }
    assert dict(summary.how) == {"pair": 2, "main": 1}
    assert plover_rows(summary)[-1][:6] == ["TOTAL", "3", "3", "2", "1.000", "0.667"]
    assert plover_total_line(summary).startswith("coverage 1.000 (3/3), accuracy 0.667 (2/3)")


def test_nothing_extracted_lowers_coverage_not_accuracy(registry: Registry) -> None:
    empty = score_record(AGREE, _graph(AGREE.text, [("Hungary", "state")], []), registry)
    right = score_record(
        AGREE,
        _graph(AGREE.text, [("Hungary", "state"), ("Romania", "state")], [("Romania", "AGREES", "Hungary", "AGREE", 1.0)]),
        registry,
    )
    assert not empty.found and empty.how == "" and not empty.correct
    t = summarize([empty, right]).total
    assert (t.coverage, t.accuracy) == (0.5, 1.0)


def test_gold_actor_text_matches_names_phrases_and_demonyms(registry: Registry) -> None:
    graph = _graph("x", [("Tom King", "person"), ("Israel", "state"), ("Hungary", "state")], [])
    assert actor_ids("British Defence Secretary Tom King", graph, registry) == {"tom-king"}
    assert actor_ids("The Israeli army", graph, registry) == {"israel"}
    assert actor_ids("Budapest", graph, registry) == {"hungary"}
    assert actor_ids("King", graph, registry) == set()  # a node name must appear whole
    assert actor_ids("Romanian", graph, registry) == set()  # resolves, but not to a node of this sentence


def test_read_plover_dev_file_and_bad_lines(tmp_path: Path) -> None:
    records = read_plover(SHARED / "eval" / "plover" / "dev.jsonl")
    assert len(records) == 161 and records[0].event == "AGREE" and records[0].source == ("Hungarian", "Romanian")
    assert {r.category for r in records} <= {
        "AGREE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "DISAPPROVE", "SANCTION", "ASSAULT", "COERCE",
        "CONCEDE", "CONSULT", "SUPPORT", "AID", "MOBILIZE", "COOPERATE", "FIGHT", "RETREAT", "INVESTIGATE",
    }
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "event": "AGREE"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_plover(bad)
    assert str(err.value).startswith(f"{bad}:2: not valid JSON")
    bad.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_plover(bad)
    assert str(err.value) == f"{bad}:1: a PLOVER record needs 'text' and 'event'"


def test_gold_source_acting_on_a_topic_beats_another_actors_act(registry: Registry) -> None:
    record = PloverRecord("r4", "Romania rejected a Hungarian proposal.", "REJECT", ("Romania",), ("Hungarian",))
    graph = _graph(
        record.text,
        [("Romania", "state"), ("Hungary", "state")],
        [("Hungary", "PROPOSES", "the plan", "AGREE", 1.0), ("Romania", "REJECTS", "the plan", "REJECT", 0.6)],
    )
    outcome = score_record(record, graph, registry)
    assert (outcome.how, outcome.predicted, outcome.correct) == ("source", "REJECT", True)


def test_event_and_dyad_needs_the_source_country_of_the_gold_codes() -> None:
    registry = Registry()
    registry.add_entries([
        {"name": "Hungary", "kind": "state", "iso3": "HUN"},
        {"name": "Romania", "kind": "state", "iso3": "ROU"},
    ])
    graph = _graph(
        "Hungary criticised Romania; Romania criticised Hungary.",
        [("Hungary", "state"), ("Romania", "state")],
        [("Hungary", "CRITICIZES", "Romania", "", 1.0), ("Romania", "CRITICIZES", "Hungary", "", 0.5)],
    )
    right = PloverRecord("d1", "x", "DISAPPROVE", ("Hungary",), (), source_codes=("HUN",))
    outcome = score_record(right, graph, registry)
    assert outcome.correct and outcome.dyad and outcome.dyad_correct
    # The category is right but the source is not the gold one's state.
    wrong = PloverRecord("d2", "x", "DISAPPROVE", ("Budapest officials",), (), source_codes=("ROU",))
    graph_other = _graph("x", [("Hungary", "state")], [("Hungary", "CRITICIZES", "the plan", "", 1.0)])
    outcome = score_record(wrong, graph_other, registry)
    assert outcome.correct and not outcome.dyad_correct
    # A code naming no state (an IGO) is judged by the source text.
    igo = PloverRecord("d3", "x", "DISAPPROVE", ("Hungary",), (), source_codes=("IGO",))
    assert score_record(igo, graph, registry).dyad_correct
    summary = summarize([score_record(right, graph, registry), outcome])
    assert (summary.total.right, summary.total.dyad_right, summary.total.dyad_accuracy) == (2, 1, 0.5)


def test_plover_folds_follow_the_sentence_not_its_place_in_the_file() -> None:
    records = [PloverRecord(f"r{i}", f"Country {i} condemned country {i + 1}.", "DISAPPROVE") for i in range(30)]
    folds = plover_folds(records, 3)
    assert sorted(r.id for fold in folds for r in fold) == sorted(r.id for r in records)  # each once
    assert all(folds)  # 30 sentences fill three folds
    reversed_folds = plover_folds(records[::-1], 3)
    assert [sorted(r.id for r in f) for f in reversed_folds] == [sorted(r.id for r in f) for f in folds]
    twin = PloverRecord("twin", records[0].text, "AGREE")
    assert any(twin in f and records[0] in f for f in plover_folds([*records, twin], 3))
    with pytest.raises(ValueError):
        plover_folds(records, 1)
