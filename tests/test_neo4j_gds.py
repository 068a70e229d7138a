"""Betweenness on Neo4j's Graph Data Science library follows the embedded store's choice: k seeded
sampled sources by default, exact with ``--exact``.

No Neo4j with GDS runs here: these tests check the statement and the parameters polgraph sends for
each choice, and the rescaling of GDS's raw sums against networkx's own; Neo4j's front end checks
the statement's syntax (tests/test_neo4j_cypher_lint.py). The test marked ``neo4j`` needs a Neo4j
with GDS at NEO4J_URI.
"""

from __future__ import annotations

import random
import re

import networkx as nx
import pytest

from polgraph.graph.algorithms.centrality import DEFAULT_SOURCES, EXACT, Betweenness, rank
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.neo4j_cypher import statement
from polgraph.graph.stores.neo4j_gds import betweenness_config, betweenness_scale
from tests.conftest_bolt import neo4j_store_or_skip
from tests.helpers import sample_graph


def test_the_statement_takes_the_sampling_as_parameters() -> None:
    text = statement("gds_betweenness")
    assert "samplingSize: $samplingSize" in text and "samplingSeed: $samplingSeed" in text
    assert set(re.findall(r"\$(\w+)", text)) == {"graph", *betweenness_config(Betweenness(), 10)}


@pytest.mark.parametrize(("sampling", "nodes", "expected"), [
    (Betweenness(7, 3), 1000, {"samplingSize": 7, "samplingSeed": 3}),
    (Betweenness(), 57_663, {"samplingSize": DEFAULT_SOURCES, "samplingSeed": 0}),
    (Betweenness(500, 1), 40, {"samplingSize": 40, "samplingSeed": 1}),  # more sources than actors: exact
    (EXACT, 40, {"samplingSize": 40, "samplingSeed": 0}),  # GDS runs exact from the node count up
])
def test_each_choice_becomes_its_gds_config(sampling: Betweenness, nodes: int, expected: dict[str, int]) -> None:
    assert betweenness_config(sampling, nodes) == expected


@pytest.mark.parametrize("sampling", [EXACT, Betweenness(10, 4), Betweenness(60, 4)])
def test_raw_sums_are_rescaled_as_networkx_rescales(sampling: Betweenness) -> None:
    """GDS streams the raw sums over its sources; times the scale they are networkx's normalized
    scores from the same sources (every actor, or k drawn as networkx draws them), but for the
    sampled sources themselves, which networkx scales by k/(k-1) more."""
    graph = nx.gnp_random_graph(30, 0.12, seed=2, directed=True)
    nodes = list(graph)
    k = None if sampling.sources is None or sampling.sources >= len(graph) else sampling.sources
    sources = nodes if k is None else random.Random(sampling.seed).sample(nodes, k)
    raw = nx.betweenness_centrality_subset(graph, sources, nodes, normalized=False)
    expected = nx.betweenness_centrality(graph, k=k, normalized=True, seed=sampling.seed)
    scale = betweenness_scale(sampling, len(graph))
    if k is not None:
        expected.update({n: expected[n] * (k - 1) / k for n in sources})
    assert max(raw.values()) > 0
    assert {n: raw[n] * scale for n in nodes} == pytest.approx(expected)


@pytest.mark.neo4j
def test_gds_sampled_betweenness_on_a_small_graph_is_exact() -> None:
    """The default sample is larger than this graph's actors: GDS runs exact, as the embedded path does."""
    store = neo4j_store_or_skip()
    try:
        if not store.server.has_gds:
            pytest.skip("the Neo4j at NEO4J_URI has no Graph Data Science library")
        store.write([sample_graph()])
        sampled, exact = store.centrality(RelationFilter(), Betweenness()), store.centrality(RelationFilter(), EXACT)
        assert [(s.id, s.betweenness) for s in rank(sampled, "betweenness")] == \
            [(s.id, pytest.approx(s.betweenness)) for s in rank(exact, "betweenness")]
    finally:
        store.delete_all()
        store.close()
