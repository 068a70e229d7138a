"""A part of the graph: the event relations around an actor, of some types, in a time window,
among the most central actors; read through the ``Store`` protocol's own methods.

``select(store, part)`` asks the store only for what the part needs (``store.relations(where)``
per actor of the neighbourhood, ``store.actor(id)`` per node), never for the whole graph, and
returns it in the shared layout (node attr ``_labels``, edge attr ``_type``; see ``store``), so
the writers in ``readwrite`` and ``drawing`` take a part and the whole graph alike.

A part holds actors, topics and event relations: no articles, mentions or structural edges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import networkx as nx

from polgraph.graph import codec
from polgraph.graph.algorithms.centrality import ActorScore, graph_centrality
from polgraph.graph.algorithms.events import Count
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Relation
from polgraph.graph.store import RelationFilter, Store

__all__ = ["Part", "scores_by_id", "select", "topic_name"]


@dataclass(frozen=True)
class Part:
    """Which part of the graph: ``where`` (types, time window; its ``actor`` is ignored), the
    actors within ``hops`` relations of ``around`` (an actor id), then only the ``top`` actors
    by PageRank (over events, or reports: ``count``) within that."""

    where: RelationFilter = RelationFilter()
    around: str | None = None
    hops: int = 1
    top: int | None = None
    count: Count = Count.EVENTS

    @property
    def is_whole(self) -> bool:
        return (
            self.around is None and self.top is None
            and not self.where.types and self.where.since is None and self.where.until is None
        )


def topic_name(topic_id: str) -> str:
    """A topic's name from its id (``topic:peace-talks`` -> ``peace talks``): the Store protocol
    reads topics only as relation targets."""
    return topic_id.removeprefix("topic:").replace("-", " ")


def select(store: Store, part: Part = Part()) -> nx.MultiDiGraph:
    """The actors, topics and event relations of ``part``, in the shared layout."""
    where = replace(part.where, actor=None)
    relations: dict[str, Relation] = {}
    if part.around is None:
        for rel in store.relations(where):
            relations.setdefault(rel.id, rel)
    else:
        reached = {part.around}
        frontier = [part.around]
        for _ in range(part.hops):
            found: set[str] = set()
            for actor_id in frontier:
                for rel in store.relations(replace(where, actor=actor_id)):
                    relations.setdefault(rel.id, rel)
                    found.update((rel.source, rel.target))
            # topics are ends, not ways through: "peace talks" would join everyone who proposed any
            frontier = sorted(n for n in found - reached if not n.startswith("topic:"))
            reached |= found
    graph = _graph_of(store, relations.values(), around=part.around)
    if part.top is not None:
        graph = _top(graph, part.top, part.count)
    return graph


def scores_by_id(graph: nx.MultiDiGraph, count: Count = Count.EVENTS) -> dict[str, ActorScore]:
    """Centrality of each actor of ``graph`` over its events (or reports)."""
    return {s.id: s for s in graph_centrality(graph, count=count)}


def _graph_of(store: Store, relations: Iterable[Relation], around: str | None) -> nx.MultiDiGraph:
    ordered = sorted(
        relations, key=lambda r: (codec.iso(r.date) or "", r.article, r.sentence, r.source, r.type, r.target)
    )
    nodes = sorted({n for r in ordered for n in (r.source, r.target)} | ({around} if around else set()))
    if around is None:  # a filter over the whole graph: one read of the actors, not one per node
        known = {a.id: a for a in store.actors()}
        find = known.get
    else:
        find = store.actor
    graph = nx.MultiDiGraph()
    for node in nodes:
        actor = find(node)
        if actor is not None:
            graph.add_node(node, **{LABELS: ["Actor"]}, **codec.actor_props(actor))
        else:
            graph.add_node(node, **{LABELS: ["Topic"]}, id=node, name=topic_name(node))
    for rel in ordered:
        graph.add_edge(rel.source, rel.target, key=rel.id, **{TYPE: rel.type}, **codec.relation_props(rel))
    return graph


def _top(graph: nx.MultiDiGraph, top: int, count: Count) -> nx.MultiDiGraph:
    """The ``top`` actors by PageRank (ties by name) and the relations among them."""
    ranked = sorted(scores_by_id(graph, count).values(), key=lambda s: (-s.pagerank, s.name, s.id))
    kept = {s.id for s in ranked[:top]}
    edges = [
        (u, v, key, data) for u, v, key, data in graph.edges(keys=True, data=True)
        if u in kept and v in kept
    ]
    part = nx.MultiDiGraph()
    for node in sorted(kept):
        part.add_node(node, **graph.nodes[node])
    for u, v, key, data in edges:
        part.add_edge(u, v, key=key, **data)
    return part
