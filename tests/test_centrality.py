"""Centrality on the actor graph: filters by type and time window, and the measures themselves."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from polgraph.graph.algorithms.centrality import actor_graph, centrality, rank
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.networkx_store import NetworkXStore
from tests.helpers import sample_graph


@pytest.fixture
def graph():
    store = NetworkXStore(None)
    store.write([sample_graph()])
    return store.to_networkx()


def test_actor_graph_keeps_actor_to_actor_event_edges(graph):
    actors = actor_graph(graph)
    assert set(actors.edges()) == {("ruritania", "freedonia"), ("freedonia", "ruritania")}
    assert "topic:truce" not in actors and "rudolf-rassendyll" in actors


def test_type_and_time_filters(graph):
    only_sanctions = actor_graph(graph, RelationFilter(types=("SANCTIONS",)))
    assert set(only_sanctions.edges()) == {("ruritania", "freedonia")}
    may_second = actor_graph(graph, RelationFilter(since=date(2024, 5, 2), until=date(2024, 5, 2)))
    assert set(may_second.edges()) == {("freedonia", "ruritania")}


def test_measures_match_networkx_on_a_star():
    star = nx.DiGraph()
    for leaf in "abcd":
        star.add_edge(leaf, "hub", weight=1)
    star.add_edge("hub", "a", weight=1)
    for node in star:
        star.nodes[node].update(name=node, kind="state")
    scores = {s.id: s for s in centrality(star)}
    assert scores["hub"].in_degree == 4 and scores["hub"].out_degree == 1
    assert rank(list(scores.values()), "pagerank")[0].id == "hub"
    assert rank(list(scores.values()), "betweenness")[0].id == "hub"
    assert scores["hub"].pagerank == pytest.approx(nx.pagerank(star)["hub"])
    assert sum(s.pagerank for s in scores.values()) == pytest.approx(1.0)


def test_inactive_actors_are_left_out(graph):
    assert "rudolf-rassendyll" not in {s.id for s in centrality(actor_graph(graph))}
