"""A part of the graph, read through the Store protocol: the same part from every store."""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.selection import Part, select
from polgraph.graph.store import RelationFilter, Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import coded, later_graph, sample_graph

STORES = ["sqlite", "networkx", pytest.param("falkordb", marks=pytest.mark.bolt)]


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path) -> Store:
    if request.param == "sqlite":
        opened = SQLiteStore(tmp_path / "graph.db", create=True)
    else:
        opened = NetworkXStore() if request.param == "networkx" else request.getfixturevalue("bolt_store")
    opened.write([coded(sample_graph()), later_graph()])
    return opened


def shape(graph):
    nodes = {n: (d[LABELS], d.get("name")) for n, d in graph.nodes(data=True)}
    edges = sorted((u, d[TYPE], v, d["date"], d["goldstein"]) for u, v, d in graph.edges(data=True))
    return nodes, edges


PARTS = {
    "whole": Part(),
    "around sylvania": Part(around="sylvania"),
    "two hops": Part(around="sylvania", hops=2),
    "top two": Part(top=2),
    "conflict in 2025": Part(where=RelationFilter(types=("ASSAULTS", "SANCTIONS"), since=date(2025, 1, 1))),
}

EXPECTED_EDGES = {
    "whole": 5,
    "around sylvania": [("sylvania", "AIDS", "ruritania")],
    "two hops": [("freedonia", "ASSAULTS", "ruritania"), ("freedonia", "CRITICIZES", "ruritania"),
                 ("ruritania", "SANCTIONS", "freedonia"), ("sylvania", "AIDS", "ruritania")],
    "top two": [("freedonia", "ASSAULTS", "ruritania"), ("freedonia", "CRITICIZES", "ruritania"),
                ("ruritania", "SANCTIONS", "freedonia")],
    "conflict in 2025": [("freedonia", "ASSAULTS", "ruritania")],
}


@pytest.mark.parametrize("name", PARTS)
def test_the_same_part_from_every_store(store, name):
    part = select(store, PARTS[name])
    reference = NetworkXStore(None)
    reference.write([coded(sample_graph()), later_graph()])
    assert shape(part) == shape(select(reference, PARTS[name]))
    edges = sorted((u, d[TYPE], v) for u, v, d in part.edges(data=True))
    assert len(edges) == EXPECTED_EDGES[name] if name == "whole" else edges == EXPECTED_EDGES[name]


def test_a_part_names_its_topics_and_keeps_a_lonely_actor(store):
    part = select(store, Part(around="rudolf-rassendyll"))
    assert part.nodes["topic:truce"]["name"] == "truce" and part.nodes["topic:truce"][LABELS] == ["Topic"]
    alone = select(store, Part(around="sylvania", where=RelationFilter(types=("ASSAULTS",))))
    assert list(alone) == ["sylvania"] and alone.number_of_edges() == 0
