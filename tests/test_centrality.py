"""Centrality on the actor graph: built from the store's event rows, the same as networkx (the
reference) on small graphs, deterministic, and filtered by type and time window."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import polgraph.graph.algorithms.centrality as measures
from polgraph.graph.algorithms.centrality import EXACT, Betweenness, centrality, rank, scores
from polgraph.graph.algorithms.pairs import actor_pairs
from polgraph.graph.algorithms.reference import actor_digraph, actor_graph, networkx_centrality
from polgraph.graph.store import EventRow, RelationFilter
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.analytics_graphs import random_events
from tests.helpers import sample_graph

ROOT = Path(__file__).resolve().parent.parent
NUMERIC = ("in_degree", "out_degree", "pagerank", "betweenness", "eigenvector")


@pytest.fixture
def store():
    store = NetworkXStore(None)
    store.write([sample_graph()])
    return store


def random_rows(count: int, actors: int, seed: int) -> list[EventRow]:
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        source, target = rng.choice(range(actors)), min(rng.choice(range(actors)), rng.choice(range(actors)))
        rows.append(EventRow(f"a{source:03d}", f"a{target:03d}", "CONSULTS", None, None, None, 1.0, "asserted"))
    return rows


def as_arrays(table, ids):
    return {m: np.array([getattr(table[i], m) for i in ids]) for m in NUMERIC}


# -- the actor graph ---------------------------------------------------------------------------
@pytest.mark.parametrize("where", [RelationFilter(), RelationFilter(types=("SANCTIONS",)),
                                   RelationFilter(since=date(2024, 5, 2), until=date(2024, 5, 2)),
                                   RelationFilter(actor="freedonia")])
def test_pairs_from_event_rows_are_the_networkx_actor_graph(store, where):
    pairs = actor_pairs(store.event_rows(where))
    expected = actor_graph(store.to_networkx(), where)
    assert {(pairs.ids[s], pairs.ids[t]): w for s, t, w in zip(pairs.source, pairs.target, pairs.weight)} == {
        (u, v): d["weight"] for u, v, d in expected.edges(data=True)
    }
    assert list(pairs.ids) == sorted(n for n in expected if expected.degree(n) > 0)


def test_pairs_keep_sorted_ids_sum_weights_and_drop_self_loops():
    rows = [EventRow(s, t, "CONSULTS", None, None, None, 1.0, "asserted")
            for s, t in [("b", "a"), ("c", "a"), ("b", "a"), ("d", "d")]]
    pairs = actor_pairs(rows)
    assert pairs.ids == ("a", "b", "c")  # d only acts on itself: no pair, no actor
    assert (pairs.source.tolist(), pairs.target.tolist(), pairs.weight.tolist()) == ([1, 2], [0, 0], [2.0, 1.0])
    assert actor_pairs([]).n == 0


def test_the_order_rows_arrive_in_changes_nothing():
    rows = random_rows(500, 40, seed=1)
    shuffled = rows[:]
    random.Random(2).shuffle(shuffled)
    one, other = scores(actor_pairs(rows), Betweenness(7, 3)), scores(actor_pairs(shuffled), Betweenness(7, 3))
    assert one.ids == other.ids
    for measure in NUMERIC:
        assert getattr(one, measure).tobytes() == getattr(other, measure).tobytes(), measure


# -- the same as networkx -----------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_measure_matches_networkx(seed):
    rows = random_rows(600, 60, seed)
    pairs = actor_pairs(rows)
    mine = scores(pairs, EXACT)
    reference = {s.id: s for s in networkx_centrality(actor_digraph(rows))}
    expected = as_arrays(reference, mine.ids)
    for measure in NUMERIC:
        np.testing.assert_allclose(getattr(mine, measure), expected[measure], rtol=1e-6, atol=1e-9, err_msg=measure)
        top = [mine.ids[i] for i in mine.order(measure)[:10]]
        assert top == [s.id for s in rank(list(reference.values()), measure, 10)], measure


def test_sampled_betweenness_is_networkx_with_the_same_seed():
    rows = random_rows(800, 80, seed=4)
    pairs = actor_pairs(rows)
    mine = measures.betweenness(pairs, Betweenness(sources=12, seed=5))
    graph = actor_digraph(rows)
    theirs = nx.betweenness_centrality(graph, k=12, seed=5)
    np.testing.assert_allclose(mine, [theirs[n] for n in pairs.ids], rtol=1e-9, atol=1e-12)
    assert not np.allclose(mine, measures.betweenness(pairs, Betweenness(sources=12, seed=6)))
    exact = measures.betweenness(pairs, EXACT)
    assert measures.betweenness(pairs, Betweenness(sources=pairs.n)).tolist() == exact.tolist()
    with pytest.raises(ValueError, match="at least 2"):
        Betweenness(sources=1)


def test_eigenvector_falls_back_to_arpack_from_the_same_start(monkeypatch):
    rows = random_rows(400, 30, seed=6)
    pairs = actor_pairs(rows)
    converged = measures.eigenvector(pairs)
    monkeypatch.setattr(measures, "EIGENVECTOR_MAX_ITER", 1)
    np.testing.assert_allclose(measures.eigenvector(pairs), converged, atol=1e-6)


def test_measures_match_networkx_on_a_star():
    rows = [EventRow(leaf, "hub", "CONSULTS", None, None, None, 1.0, "asserted") for leaf in "abcd"]
    rows.append(EventRow("hub", "a", "CONSULTS", None, None, None, 1.0, "asserted"))
    table = scores(actor_pairs(rows))
    hub = table.ids.index("hub")
    assert (table.in_degree[hub], table.out_degree[hub]) == (4, 1)
    assert table.ids[table.order("pagerank")[0]] == "hub" and table.ids[table.order("betweenness")[0]] == "hub"
    assert table.pagerank[hub] == pytest.approx(nx.pagerank(actor_digraph(rows))["hub"])
    assert table.pagerank.sum() == pytest.approx(1.0)


def test_ties_rank_by_id():
    rows = [EventRow(s, t, "CONSULTS", None, None, None, 1.0, "asserted") for s, t in [("zeta", "alpha"), ("alpha", "zeta")]]
    table = scores(actor_pairs(rows))
    assert [table.ids[i] for i in table.order("pagerank")] == ["alpha", "zeta"]


# -- from a store --------------------------------------------------------------------------------
def test_the_embedded_store_leaves_centrality_to_the_event_rows(store):
    assert store.centrality(RelationFilter(), Betweenness()) is None
    ranked = centrality(store, by="in_degree")
    assert [(s.id, s.name, s.kind, s.in_degree) for s in ranked] == [("freedonia", "Freedonia", "state", 1),
                                                                     ("ruritania", "Ruritania", "state", 1)]
    assert "rudolf-rassendyll" not in {s.id for s in ranked}  # only acts on a topic: inactive
    assert [s.id for s in centrality(store, RelationFilter(types=("SANCTIONS",)), by="pagerank", top=1)] == ["freedonia"]


def test_a_graph_in_the_shared_layout_is_ranked_like_its_store(store):
    from polgraph.graph.algorithms.centrality import graph_centrality

    where = RelationFilter(types=("SANCTIONS",))
    assert graph_centrality(store.to_networkx(), where) == sorted(centrality(store, where), key=lambda s: s.id)
    assert [s.name for s in graph_centrality(store.to_networkx())] == ["Freedonia", "Ruritania"]


def test_many_actors_are_named_from_one_listing():
    store = NetworkXStore(None)
    store.write([random_events(600, 150, seed=3)])
    ranked = centrality(store, by="degree")
    assert len(ranked) > 100 and all(s.name == s.id.replace("-", " ").title() for s in ranked)


def test_same_store_same_json_whatever_the_hash_seed(tmp_path):
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write([random_events(400, 40, seed=7)])
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        printed = [
            subprocess.run([str(Path(sys.executable).parent / "polgraph"), *args, "--store", str(path), "--json"],
                           capture_output=True, env=env, check=True, cwd=ROOT).stdout
            for args in (["centrality", "--top", "40", "--sources", "5"], ["centrality", "--every", "quarter"],
                         ["dyads", "--every", "month", "--top", "50"])
        ]
        outputs.add(tuple(printed))
    assert len(outputs) == 1
    (first, *_), = outputs
    assert len(json.loads(first)) > 30  # every active actor, betweenness from 5 sampled sources
