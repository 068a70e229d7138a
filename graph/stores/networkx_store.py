"""The in-memory store: a NetworkX ``MultiDiGraph`` in the shared layout, nothing on disk.

The reference every other store is tested against (tests/test_store_contract.py), and the graph
``polgraph eval`` reads each article into. It applies the same merge rules (``graph.upsert``) as
the persistent stores; :func:`part_of` is the definition of ``to_networkx(where)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import networkx as nx

from polgraph.graph import codec, upsert
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.names import actor_keys
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import EventRow, GraphEdit, GraphRows, RelationFilter, SchemaItem, WriteSummary, relation_order

if TYPE_CHECKING:
    from polgraph.cypher.executor import Result
    from polgraph.cypher.limits import QueryLimits
    from polgraph.graph.algorithms.centrality import ActorScore, Betweenness

__all__ = ["NetworkXStore", "apply_article_graph", "part_of"]


class NetworkXStore:
    """In-memory store. ``NetworkXStore()``; ``NetworkXStore(graph)`` wraps a graph in the shared layout."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        if graph is not None and not isinstance(graph, nx.MultiDiGraph):
            raise TypeError("NetworkXStore keeps its graph in memory; a store file is a SQLiteStore (or config.open_store)")
        self.location = ":memory:"
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self._pending: dict[str, upsert.Edge] = {}  # structural links waiting for their far end
        self._keys: dict[str, set[str]] | None = None  # name key -> actor ids, built on first lookup

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        self._keys = None
        plan = upsert.plan_write(graphs)
        graph = self.graph
        stored = {label: {n for n, d in graph.nodes(data=True) if d[LABELS][0] == label} for label in ("Actor", "Topic", "Article")}
        plan.check_ends(stored["Actor"], stored["Topic"], stored["Article"])
        summary = WriteSummary()
        for label, rows in (("Article", plan.articles), ("Actor", plan.actors), ("Topic", plan.topics)):
            for node_id, props in rows.items():
                if node_id in graph:
                    graph.nodes[node_id].update(upsert.merge_node(label, graph.nodes[node_id], props))
                else:
                    graph.add_node(node_id, **{LABELS: [label]}, **props)
                    summary.articles += label == "Article"
                    summary.actors += label == "Actor"
        summary.skipped = plan.article_count - summary.articles
        for edge in plan.relation_edges():
            summary.relations += self._merge_edge(edge)
        for edge in plan.mentions.values():
            self._merge_edge(edge)
        links = {**{k: e for k, e in self._pending.items() if e.target in plan.actors}, **plan.links}
        for key, edge in plan.links.items():  # the same link waiting and written again: one link
            if key in self._pending:
                links[key] = upsert.Edge(edge.type, edge.source, edge.target, upsert.merge_edge(edge.type, self._pending[key].props, edge.props))
        ready, waiting = upsert.split_links(links.values(), stored["Actor"] | set(plan.actors))
        for edge in ready:
            self._pending.pop(edge.id, None)
            self._merge_edge(edge)
        for edge in waiting:
            self._pending[edge.id] = edge
        return summary

    def _merge_edge(self, edge: upsert.Edge) -> bool:
        """Add or merge one edge; whether it is new."""
        old = self.graph.get_edge_data(edge.source, edge.target, key=edge.id)
        if old is None:
            self.graph.add_edge(edge.source, edge.target, key=edge.id, **{TYPE: edge.type}, **edge.props)
            return True
        old.update(upsert.merge_edge(edge.type, {k: v for k, v in old.items() if k != TYPE}, edge.props))
        return False

    def bulk(self) -> AbstractContextManager["NetworkXStore"]:
        return nullcontext(self)  # nothing to put off

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        self._keys = None
        for node, data in graph.nodes(data=True):
            self.graph.add_node(node, **data)
        for u, v, key, data in graph.edges(keys=True, data=True):
            self.graph.add_edge(u, v, key=key, **data)
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    # -- curation ----------------------------------------------------------------------------
    def edit(self, change: GraphEdit) -> None:
        self._keys = None
        graph = self.graph
        for edge in change.remove_edges:
            self._pending.pop(edge.id, None)
            if graph.has_edge(edge.source, edge.target, key=edge.id):
                graph.remove_edge(edge.source, edge.target, key=edge.id)
        graph.remove_nodes_from([a for a in change.remove_actors if a in graph])
        gone = set(change.remove_actors)
        self._pending = {k: e for k, e in self._pending.items() if e.source not in gone and e.target not in gone}
        for props in change.put_actors:
            if props["id"] in graph:
                graph.nodes[props["id"]].clear()
            graph.add_node(props["id"], **{LABELS: ["Actor"]}, **props)
        for edge in change.put_edges:
            if edge.type in ("HOLDS_ROLE", "MEMBER_OF") and edge.target not in graph:  # waiting, as writes keep it
                self._pending[edge.id] = edge
                continue
            if graph.has_edge(edge.source, edge.target, key=edge.id):
                graph.remove_edge(edge.source, edge.target, key=edge.id)
            graph.add_edge(edge.source, edge.target, key=edge.id, **{TYPE: edge.type}, **edge.props)

    def edges_at(self, actor_ids: Iterable[str]) -> list[upsert.Edge]:
        ids = {a for a in actor_ids if a in self.graph}
        found = {}
        for u, v, key, data in [*self.graph.out_edges(ids, keys=True, data=True), *self.graph.in_edges(ids, keys=True, data=True)]:
            found[key] = _edge(u, v, data)
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            if data.get("reported_by") in ids:
                found[key] = _edge(u, v, data)
        found.update((key, edge) for key, edge in self._pending.items() if edge.source in ids)
        return [found[key] for key in sorted(found)]

    def event_edges(self, ids: Iterable[str]) -> list[upsert.Edge]:
        wanted = set(ids)
        found = [_edge(u, v, data) for u, v, key, data in self.graph.edges(keys=True, data=True)
                 if key in wanted and data[TYPE] not in STRUCTURAL_TYPES]
        return sorted(found, key=lambda e: e.id)

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.graph.nodes.get(article_id, {}).get(LABELS) == ["Article"]

    def actor(self, actor_id: str) -> Actor | None:
        data = self.graph.nodes.get(actor_id)
        if not data or "Actor" not in data[LABELS]:
            return None
        return codec.props_to_actor(data)

    def actors(self, kind: str | None = None, *, ids: Iterable[str] | None = None) -> list[Actor]:
        nodes = self.graph.nodes(data=True) if ids is None else ((n, self.graph.nodes[n]) for n in set(ids) if n in self.graph)
        found = [
            codec.props_to_actor(data)
            for _, data in nodes
            if "Actor" in data[LABELS] and (kind is None or data.get("kind") == kind)
        ]
        return sorted(found, key=lambda a: a.id)

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        if self._keys is None:  # one pass over the actors, then a dict lookup per key
            index: dict[str, set[str]] = {}
            for node, data in self.graph.nodes(data=True):
                if "Actor" in data[LABELS]:
                    for key in actor_keys(codec.props_to_actor(data)):
                        index.setdefault(key, set()).add(node)
            self._keys = index
        ids = sorted({actor_id for key in set(keys) for actor_id in self._keys.get(key, ())})
        return [codec.props_to_actor(self.graph.nodes[i]) for i in ids]

    def articles(self) -> list[Article]:
        found = [codec.props_to_article(d) for _, d in self.graph.nodes(data=True) if "Article" in d[LABELS]]
        return sorted(found, key=lambda a: a.id)

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        found = [rel for _, _, _, rel in _accepted_edges(self.graph, where)]
        return sorted(set(found), key=relation_order)

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        actors = {n for n, d in self.graph.nodes(data=True) if "Actor" in d[LABELS]}
        rows = [
            EventRow(r.source, r.target, r.type, codec.iso(r.date), r.goldstein, r.quad_class, r.confidence,
                     r.attribution, r.article, r.sentence)
            for r in self.relations(where)
            if r.target in actors
        ]
        rows.sort(key=lambda e: (e.source, e.target, e.type, e.date or "", e.article, e.sentence))
        return iter(rows)

    def counts(self) -> dict[str, int]:
        counts = {"actors": 0, "articles": 0, "topics": 0, "relations": 0, "mentions": 0}
        for _, data in self.graph.nodes(data=True):
            counts[{"Actor": "actors", "Article": "articles", "Topic": "topics"}[data[LABELS][0]]] += 1
        for _, _, data in self.graph.edges(data=True):
            if data[TYPE] == "MENTIONED_IN":
                counts["mentions"] += 1
            elif data[TYPE] not in STRUCTURAL_TYPES:
                counts["relations"] += 1
        return counts

    def to_networkx(self, where: RelationFilter | None = None) -> nx.MultiDiGraph:
        return self.graph if where is None else part_of(self.graph, where)

    def graph_rows(self) -> AbstractContextManager[GraphRows]:
        from polgraph.graph.stores.networkx_rows import NetworkXGraphRows

        return nullcontext(NetworkXGraphRows(self.graph))

    # -- capabilities ------------------------------------------------------------------------
    def run_cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
                   limits: "QueryLimits | None" = None) -> "Result":
        from polgraph.cypher.api import run_graph

        return run_graph(self.graph, query, params, limits)

    def centrality(self, where: RelationFilter, sampling: "Betweenness") -> "list[ActorScore] | None":
        return None  # computed from event_rows by polgraph.graph.algorithms.centrality

    def init_schema(self) -> list[SchemaItem]:
        return []

    def describe(self) -> str:
        return "in-memory NetworkX graph"

    def close(self) -> None:
        self._keys = None

    def __enter__(self) -> "NetworkXStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def apply_article_graph(graph: nx.MultiDiGraph, ag: ArticleGraph) -> WriteSummary:
    """Upsert one article's graph into ``graph`` (builds test graphs); applying it twice changes nothing."""
    return NetworkXStore(graph).write([ag])


def _edge(source: str, target: str, data: dict[str, Any]) -> upsert.Edge:
    return upsert.Edge(data[TYPE], source, target, {k: v for k, v in data.items() if k != TYPE})


def _accepted_edges(graph: nx.MultiDiGraph, where: RelationFilter) -> Iterator[tuple[str, str, str, Relation]]:
    if where.actor is not None:
        if where.actor not in graph:
            return
        edges = [*graph.out_edges(where.actor, keys=True, data=True), *graph.in_edges(where.actor, keys=True, data=True)]
    else:
        edges = graph.edges(keys=True, data=True)
    for u, v, key, data in edges:
        rel = codec.edge_to_relation(data, u, v)
        if rel is not None and where.accepts(rel):
            yield u, v, key, rel


def part_of(graph: nx.MultiDiGraph, where: RelationFilter) -> nx.MultiDiGraph:
    """The part of ``graph`` around the event relations ``where`` accepts: those relations, the
    nodes at their ends (and ``where.actor``), the articles they cite, and the structural and
    mention edges among those nodes. Nodes and edges in id order."""
    chosen = sorted({key: (u, v) for u, v, key, _ in _accepted_edges(graph, where)}.items())
    ends = {n for _, (u, v) in chosen for n in (u, v)}
    if where.actor is not None and where.actor in graph:
        ends.add(where.actor)
    cited = {graph.edges[u, v, key].get("article") for key, (u, v) in chosen}
    nodes = ends | {a for a in cited if a in graph and graph.nodes[a].get(LABELS) == ["Article"]}
    part = nx.MultiDiGraph()
    for label in ("Actor", "Topic", "Article"):
        for node in sorted(n for n in nodes if graph.nodes[n][LABELS][0] == label):
            part.add_node(node, **graph.nodes[node])
    for key, (u, v) in chosen:
        part.add_edge(u, v, key=key, **graph.edges[u, v, key])
    extra = [
        (data[TYPE] == "MENTIONED_IN", key, u, v)
        for u, v, key, data in graph.out_edges(sorted(ends), keys=True, data=True)
        if data.get(TYPE) in STRUCTURAL_TYPES and v in nodes
    ]
    for _, key, u, v in sorted(extra):  # links, then mentions, each in id order (as every store gives them)
        part.add_edge(u, v, key=key, **graph.edges[u, v, key])
    return part
