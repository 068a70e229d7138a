"""Actor centrality: degree (in/out), PageRank, betweenness and eigenvector.

Computed on the actor graph: one weighted directed edge per (source, target) pair of actors, its
weight the number of event relations between them that pass the filter (type, time window).
Topics, articles and structural edges are left out: centrality is about who acts on whom.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from polgraph.graph.codec import LABELS, edge_to_relation
from polgraph.graph.store import RelationFilter

__all__ = ["MEASURES", "ActorScore", "actor_graph", "centrality"]

MEASURES = ("degree", "in_degree", "out_degree", "pagerank", "betweenness", "eigenvector")


@dataclass(frozen=True)
class ActorScore:
    id: str
    name: str
    kind: str
    in_degree: int
    out_degree: int
    degree: int
    pagerank: float
    betweenness: float
    eigenvector: float


def actor_graph(graph: nx.MultiDiGraph, where: RelationFilter = RelationFilter()) -> nx.DiGraph:
    """The weighted actor-to-actor graph of the event relations ``where`` accepts."""
    actors = nx.DiGraph()
    for node, data in graph.nodes(data=True):
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


def centrality(graph: nx.DiGraph, *, active_only: bool = True) -> list[ActorScore]:
    """Scores for every actor of an actor graph (those with at least one relation if ``active_only``)."""
    if active_only:
        graph = graph.subgraph([n for n in graph if graph.degree(n) > 0]).copy()
    if graph.number_of_nodes() == 0:
        return []
    pagerank = nx.pagerank(graph, weight="weight")
    betweenness = nx.betweenness_centrality(graph, weight=None, normalized=True)
    undirected = graph.to_undirected()
    try:
        eigenvector = nx.eigenvector_centrality(undirected, max_iter=1000, tol=1e-8, weight="weight")
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eigenvector = nx.eigenvector_centrality_numpy(undirected, weight="weight")
    scores = []
    for node, data in graph.nodes(data=True):
        in_degree = int(graph.in_degree(node, weight="weight"))
        out_degree = int(graph.out_degree(node, weight="weight"))
        scores.append(
            ActorScore(
                id=node, name=data.get("name", node), kind=data.get("kind", ""),
                in_degree=in_degree, out_degree=out_degree, degree=in_degree + out_degree,
                pagerank=pagerank.get(node, 0.0), betweenness=betweenness.get(node, 0.0),
                eigenvector=eigenvector.get(node, 0.0),
            )
        )
    return scores


def rank(scores: list[ActorScore], by: str, top: int | None = None) -> list[ActorScore]:
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}")
    ordered = sorted(scores, key=lambda s: (-getattr(s, by), s.name))
    return ordered[:top] if top else ordered
