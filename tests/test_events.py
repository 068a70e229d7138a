"""Events, not reports: the same act reported by several articles is one event, every report kept;
counts and centralities count events by default and reports with ``Count.REPORTS`` /
``--count reports``, with the same numbers on every store (SQLite, the JSON store, Neo4j over Bolt
on FalkorDB), whatever the hash seed."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.algorithms.centrality import centrality
from polgraph.graph.algorithms.dyads import dyads
from polgraph.graph.algorithms.events import Count, event_columns, event_id, group_events
from polgraph.graph.algorithms.temporal import centrality_by_period
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.store import EventRow, RelationFilter, Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore

_register()
ROOT = Path(__file__).resolve().parent.parent
STATES = [Actor("ruritania", "Ruritania", "state"), Actor("freedonia", "Freedonia", "state"),
          Actor("sylvania", "Sylvania", "state")]


def report(text: str, published: date, *relations: tuple[str, str, str, date, int]) -> ArticleGraph:
    """An article and its relations: (source, type, target, date, sentence)."""
    article = Article.from_text(text, published=published, title=text[:20], source="tests")
    rels = [Relation(s, t, type_, article.id, sentence, text, day, "16" if type_ == "SANCTIONS" else "11",
                     goldstein=-4.0 if type_ == "SANCTIONS" else -2.0, quad_class=4 if type_ == "SANCTIONS" else 3)
            for s, type_, t, day, sentence in relations]
    return ArticleGraph(article, STATES, [], rels, [])


# The sanctions of 1 May reported by two articles (dated a day apart); sanctions again a month on;
# a criticism and talks, each reported once.
MAY_1 = report("Ruritania sanctioned Freedonia on Wednesday.", date(2024, 5, 2),
               ("ruritania", "SANCTIONS", "freedonia", date(2024, 5, 1), 1),
               ("freedonia", "CRITICIZES", "ruritania", date(2024, 5, 2), 2))
MAY_1_AGAIN = report("Freedonia was sanctioned by Ruritania this week.", date(2024, 5, 3),
                     ("ruritania", "SANCTIONS", "freedonia", date(2024, 5, 2), 1))
JUNE = report("Ruritania sanctioned Freedonia again.", date(2024, 6, 1),
              ("ruritania", "SANCTIONS", "freedonia", date(2024, 5, 30), 1))
SYLVANIA = report("Sylvania criticised Freedonia. Ruritania consulted Sylvania.", date(2024, 5, 2),
                  ("sylvania", "CRITICIZES", "freedonia", date(2024, 5, 2), 1),
                  ("ruritania", "CONSULTS", "sylvania", date(2024, 5, 2), 2))
ALL = [MAY_1, MAY_1_AGAIN, JUNE, SYLVANIA]


def relations_of(*graphs: ArticleGraph) -> list[Relation]:
    return [r for g in graphs for r in g.relations]


# -- grouping ------------------------------------------------------------------------------------
def test_two_articles_reporting_the_same_act_are_one_event_with_two_reports():
    sanctions = [e for e in group_events(relations_of(MAY_1, MAY_1_AGAIN)) if e.type == "SANCTIONS"]
    assert len(sanctions) == 1
    [event] = sanctions
    assert len(event.reports) == 2
    assert event.articles == (MAY_1.article.id, MAY_1_AGAIN.article.id)
    assert (event.start, event.end) == ("2024-05-01", "2024-05-02")
    assert [r.evidence for r in event.reports] == [MAY_1.article.text, MAY_1_AGAIN.article.text]
    assert event.id == event_id(MAY_1.relations[0])  # a content hash of its first report


def test_reports_further_apart_than_the_window_are_two_events():
    events = [e for e in group_events(relations_of(MAY_1, MAY_1_AGAIN, JUNE)) if e.type == "SANCTIONS"]
    assert [(e.start, len(e.reports)) for e in events] == [("2024-05-01", 2), ("2024-05-30", 1)]
    # the window is the gap from one report to the next: a four weeks' window joins the three
    assert [len(e.reports) for e in group_events(relations_of(MAY_1, MAY_1_AGAIN, JUNE), window_days=28)
            if e.type == "SANCTIONS"] == [3]


def test_reports_chain_within_the_window_and_each_gap_counts():
    rels = [replace(MAY_1.relations[0], article=f"a{day}", date=date(2024, 5, day)) for day in (1, 4, 7, 11)]
    assert [[r.date.day for r in e.reports] for e in group_events(rels)] == [[1, 4, 7], [11]]


def test_other_actors_types_undated_and_coded_reports_are_events_of_their_own():
    sanction = MAY_1.relations[0]
    rels = [sanction, replace(sanction, type="CRITICIZES"), replace(sanction, target="sylvania"),
            replace(sanction, article="other", date=None), replace(sanction, article="another", date=None),
            replace(sanction, article="gdelt:1", sentence=0), replace(sanction, article="gdelt:2", sentence=0)]
    assert sorted(len(e.reports) for e in group_events(rels)) == [1] * 7


def test_grouping_does_not_depend_on_input_order():
    rels = relations_of(*ALL)
    shuffled = rels[:]
    random.Random(3).shuffle(shuffled)
    assert group_events(rels) == group_events(shuffled)


def test_event_columns_keep_the_first_report_of_each_event():
    rows = [EventRow(r.source, r.target, r.type, r.date.isoformat(), r.goldstein, r.quad_class, 1.0, "asserted",
                     r.article, r.sentence) for r in relations_of(*ALL)]
    assert len(event_columns(rows)) == 5 and len(event_columns(rows, count=Count.REPORTS)) == 6
    assert len(event_columns(reversed(rows))) == 5


# -- on the stores -------------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", "networkx", pytest.param("falkordb", marks=pytest.mark.bolt)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    if request.param == "sqlite":
        store = SQLiteStore(tmp_path / "graph.db", create=True)
    elif request.param == "networkx":
        store = NetworkXStore(None)
    else:
        store = request.getfixturevalue("bolt_store")
    store.write(ALL)
    yield store
    store.close()


def test_the_stores_keep_one_edge_per_report(store):
    assert len(store.relations()) == 6
    assert [(r.article, r.sentence) for r in store.event_rows(RelationFilter(types=("SANCTIONS",)))] == sorted(
        (g.article.id, 1) for g in (MAY_1, MAY_1_AGAIN, JUNE))


def test_centrality_counts_events_by_default_and_reports_when_asked(store):
    def degrees(count: Count) -> dict[str, tuple[int, int]]:
        return {s.id: (s.in_degree, s.out_degree) for s in centrality(store, count=count)}

    assert degrees(Count.EVENTS) == {"freedonia": (3, 1), "ruritania": (1, 3), "sylvania": (1, 1)}
    assert degrees(Count.REPORTS) == {"freedonia": (4, 1), "ruritania": (1, 4), "sylvania": (1, 1)}
    assert centrality(store) == centrality(store, count=Count.EVENTS)


def test_dyads_and_rankings_per_period_count_events_or_reports(store):
    def sanctions(count: Count) -> list[tuple[str | None, int, float]]:
        table = dyads(store, RelationFilter(types=("SANCTIONS",)), every="month", count=count)
        return [(d.period.label, d.events, d.goldstein_sum) for d in table.dyads]

    assert sanctions(Count.EVENTS) == [("2024-05", 2, -8.0)]
    assert sanctions(Count.REPORTS) == [("2024-05", 3, -12.0)]
    assert [p.events for p in centrality_by_period(store, "month").periods] == [5]
    assert [p.events for p in centrality_by_period(store, "month", count=Count.REPORTS).periods] == [6]


# -- the command line ----------------------------------------------------------------------------
@pytest.fixture
def path(tmp_path) -> Path:
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write(ALL)
    return path


def run(path: Path, *args: str):
    return CliRunner().invoke(cli, [args[0], "--store", str(path), *args[1:]], catch_exceptions=False)


def test_events_lists_each_act_once_with_its_reports_and_articles(path):
    result = run(path, "events", "--type", "SANCTIONS")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[2:]]
    assert rows == [
        ["2024-05-01..2024-05-02", "Ruritania", "SANCTIONS", "Freedonia", "2",
         f"{MAY_1.article.id[:8]},", MAY_1_AGAIN.article.id[:8]],
        ["2024-05-30", "Ruritania", "SANCTIONS", "Freedonia", "1", JUNE.article.id[:8]],
    ]
    [event] = json.loads(run(path, "events", "--min-reports", "2", "--json").output)
    assert (event["reports"], event["articles"], event["sentences"]) == (
        2, [MAY_1.article.id, MAY_1_AGAIN.article.id], [1, 1])
    assert event["relations"] == [MAY_1.relations[0].id, MAY_1_AGAIN.relations[0].id]
    csv_lines = run(path, "events", "--actor", "Sylvania", "--type", "CRITICIZES", "--csv").output.splitlines()
    assert csv_lines[1].split(",")[4:9] == ["Sylvania", "CRITICIZES", "freedonia", "Freedonia", "1"]


def test_centrality_and_dyads_take_count(path):
    def in_degree(*args: str) -> int:
        ranked = json.loads(run(path, "centrality", "--by", "in_degree", "--json", *args).output)
        return ranked[0]["in_degree"]

    assert (in_degree(), in_degree("--count", "events"), in_degree("--count", "reports")) == (3, 3, 4)
    events = json.loads(run(path, "dyads", "--json").output)
    reports = json.loads(run(path, "dyads", "--json", "--count", "reports").output)
    assert (events["count"], events["dyads"][0]["events"]) == ("events", 2)
    assert (reports["count"], reports["dyads"][0]["events"]) == ("reports", 3)
    bad = run(path, "dyads", "--count", "articles")
    assert bad.exit_code == 2 and "'articles' is not one of 'events', 'reports'" in bad.output


def test_view_sizes_by_events_or_reports(path, tmp_path):
    for count in ("events", "reports"):
        result = run(path, "view", "--count", count, "-o", str(tmp_path / f"{count}.html"))
        assert result.exit_code == 0, result.output
    assert (tmp_path / "events.html").read_bytes() != (tmp_path / "reports.html").read_bytes()


def test_the_same_events_whatever_the_hash_seed(path):
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        outputs.add(tuple(
            subprocess.run([str(Path(sys.executable).parent / "polgraph"), *args, "--store", str(path), "--json"],
                           capture_output=True, env=env, check=True, cwd=ROOT).stdout
            for args in (["events"], ["centrality"], ["dyads", "--every", "month"])
        ))
    assert len(outputs) == 1
