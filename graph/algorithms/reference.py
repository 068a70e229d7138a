"""The same analyses in plain networkx: the reference the array implementations are tested and
benchmarked against (``tests/test_centrality.py``, ``benchmarks/centrality_bench.py``)."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from polgraph.graph.algorithms.centrality import ActorScore
from polgraph.graph.codec import LABELS, edge_to_relation
from polgraph.graph.store import EventRow, RelationFilter

__all__ = ["actor_digraph", "actor_graph", "networkx_centrality"]


def actor_graph(graph: nx.MultiDiGraph, where: RelationFilter = RelationFilter()) -> nx.DiGraph:
    """The weighted actor-to-actor graph of the event relations ``where`` accepts, from a whole
    graph in the shared layout (``store.to_networkx()``); actors without relations included."""
    actors = nx.DiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        if "Actor" in data.get(LABELS, ()):
            actors.add_node(node, name=data.get("name", node), kind=data.get("kind", ""))
    for u, v, data in graph.edges(data=True):
        if u not in actors or v not in actors or u == v:
            continue
        rel = edge_to_relation(data, u, v)
        if rel is None or not where.accepts(rel):
            continue
        if actors.has_edge(u, v):
            actors[u][v]["weight"] += 1
        else:
            actors.add_edge(u, v, weight=1)
    return actors


def actor_digraph(rows: Iterable[EventRow]) -> nx.DiGraph:
    """The actor graph of event rows (each row weighing one) as a ``DiGraph``, nodes in sorted order (so that a seeded
    networkx samples the same betweenness sources as polgraph)."""
    weights: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.source != row.target:
            pair = (row.source, row.target)
            weights[pair] = weights.get(pair, 0) + 1
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted({actor for pair in weights for actor in pair}))
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()))
    return graph


def networkx_centrality(graph: nx.DiGraph, *, sources: int | None = None, seed: int = 0) -> list[ActorScore]:
    """Every measure with networkx, for the actors of ``graph`` with at least one relation
    (betweenness from ``sources`` sampled actors, or exact)."""
    graph = graph.subgraph(sorted(n for n in graph if graph.degree(n) > 0))
    if graph.number_of_nodes() == 0:
        return []
    pagerank = nx.pagerank(graph, weight="weight")
    k = None if sources is None or sources >= len(graph) else sources
    betweenness = nx.betweenness_centrality(graph, k=k, seed=seed, weight=None, normalized=True)
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight"):
        previous = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
        undirected.add_edge(u, v, weight=previous + w)
    eigenvector = nx.eigenvector_centrality(undirected, max_iter=1000, tol=1e-8, weight="weight")
    found = []
    for node, data in graph.nodes(data=True):
        ins, outs = int(graph.in_degree(node, weight="weight")), int(graph.out_degree(node, weight="weight"))
        found.append(ActorScore(
            id=node, name=data.get("name", node), kind=data.get("kind", ""), in_degree=ins, out_degree=outs,
            degree=ins + outs, pagerank=pagerank[node], betweenness=betweenness[node], eigenvector=eigenvector[node],
        ))
    return found
