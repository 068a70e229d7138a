"""The embedded store: a NetworkX ``MultiDiGraph`` persisted to one JSON file.

The file is written atomically (temp file in the same folder, then ``os.replace``) and a lock file
beside it serialises writers, so a crash or a second ``polgraph load`` never leaves half a graph.
Readers need no lock: they always see a whole file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
from filelock import FileLock, Timeout

from polgraph.exceptions import StoreError
from polgraph.graph import codec
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.names import actor_keys
from polgraph.graph.store import EventRow, RelationFilter, WriteSummary

__all__ = ["DEFAULT_PATH", "NetworkXStore", "apply_article_graph"]

DEFAULT_PATH = Path(".polgraph") / "graph.json"
FORMAT = "polgraph-networkx/1"


class NetworkXStore:
    """Embedded store. ``NetworkXStore(path)``; ``path=None`` keeps the graph in memory only."""

    def __init__(self, path: str | os.PathLike[str] | None = DEFAULT_PATH, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else None
        self.location = str(self.path) if self.path else ":memory:"
        self._lock_timeout = lock_timeout
        self._graph: nx.MultiDiGraph | None = None
        self._keys: dict[str, set[str]] | None = None  # name key -> actor ids, built on first lookup

    # -- persistence -------------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            self._graph = self._read()
        return self._graph

    def _read(self) -> nx.MultiDiGraph:
        if self.path is None or not self.path.exists():
            return nx.MultiDiGraph()
        try:
            with self.path.open(encoding="utf-8") as fh:
                doc = json.load(fh)
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot read the graph file ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise StoreError(f"{self.path}: not a polgraph graph file")
        return graph_from_doc(doc)

    def _save(self, graph: nx.MultiDiGraph) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(graph_to_doc(graph), fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        self._keys = None
        if self.path is None:
            return _apply_all(self.graph, graphs)

        def apply(graph: nx.MultiDiGraph) -> tuple[WriteSummary, bool]:
            summary = _apply_all(graph, graphs)
            return summary, bool(summary.articles or summary.actors or summary.relations)

        return self._update(apply)

    def merge_graph(self, incoming: nx.MultiDiGraph) -> None:
        """Add a graph in the shared layout (its attributes win), in one locked, atomic save."""
        self._keys = None

        def merge(graph: nx.MultiDiGraph) -> tuple[None, bool]:
            for node, data in incoming.nodes(data=True):
                graph.add_node(node, **data)
            for u, v, key, data in incoming.edges(keys=True, data=True):
                graph.add_edge(u, v, key=key, **data)
            return None, True

        if self.path is None:
            merge(self.graph)
        else:
            self._update(merge)

    def _update(self, change):  # change(graph) -> (result, whether to save)
        assert self.path is not None
        lock = FileLock(str(self.path) + ".lock", timeout=self._lock_timeout)
        try:
            with lock:
                graph = self._read()  # another writer may have saved since we last read
                result, changed = change(graph)
                if changed:
                    self._save(graph)
                self._graph = graph
        except Timeout as exc:
            raise StoreError(f"{self.path}: another polgraph process is writing (lock held)") from exc
        return result

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.graph.nodes.get(article_id, {}).get(LABELS) == ["Article"]

    def actor(self, actor_id: str) -> Actor | None:
        data = self.graph.nodes.get(actor_id)
        if not data or "Actor" not in data[LABELS]:
            return None
        return codec.props_to_actor(data)

    def actors(self, kind: str | None = None) -> list[Actor]:
        found = [
            codec.props_to_actor(data)
            for _, data in self.graph.nodes(data=True)
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
        graph = self.graph
        if where.actor is not None:
            if where.actor not in graph:
                return []
            edges = list(graph.out_edges(where.actor, data=True)) + list(graph.in_edges(where.actor, data=True))
        else:
            edges = graph.edges(data=True)
        found = []
        for u, v, data in edges:
            rel = codec.edge_to_relation(data, u, v)
            if rel is not None and where.accepts(rel):
                found.append(rel)
        return sorted(set(found), key=_relation_order)

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

    def centrality(self, where: RelationFilter = RelationFilter()) -> None:
        return None  # computed from event_rows by polgraph.graph.algorithms.centrality

    def counts(self) -> dict[str, int]:
        counts = {"actors": 0, "articles": 0, "topics": 0, "relations": 0, "mentions": 0}
        for _, data in self.graph.nodes(data=True):
            counts[{"Actor": "actors", "Article": "articles", "Topic": "topics"}[data[LABELS][0]]] += 1
        for _, _, data in self.graph.edges(data=True):
            if data[TYPE] == "MENTIONED_IN":
                counts["mentions"] += 1
            elif data[TYPE] not in ("HOLDS_ROLE", "MEMBER_OF"):
                counts["relations"] += 1
        return counts

    def to_networkx(self) -> nx.MultiDiGraph:
        return self.graph

    def close(self) -> None:
        self._graph = None
        self._keys = None

    def __enter__(self) -> "NetworkXStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _relation_order(rel: Relation) -> tuple[Any, ...]:
    return (rel.date.isoformat() if rel.date else "", rel.article, rel.sentence, rel.source, rel.type, rel.target)


def _apply_all(graph: nx.MultiDiGraph, graphs: Sequence[ArticleGraph]) -> WriteSummary:
    summary = WriteSummary()
    for article_graph in graphs:
        apply_article_graph(graph, article_graph, summary)
    return summary


def apply_article_graph(graph: nx.MultiDiGraph, ag: ArticleGraph, summary: WriteSummary | None = None) -> WriteSummary:
    """Upsert one article's graph into ``graph``; applying it twice changes nothing."""
    summary = summary or WriteSummary()
    if ag.article is None:
        pass  # coded events without a text
    elif ag.article.id in graph:
        summary.skipped += 1
    else:
        graph.add_node(ag.article.id, **{LABELS: ["Article"]}, **codec.article_props(ag.article))
        summary.articles += 1
    for actor in ag.actors:
        if actor.id in graph:
            node = graph.nodes[actor.id]
            merged = sorted(set(node.get("aliases") or ()) | set(actor.aliases))
            node["aliases"] = merged
            for key in ("country", "iso3", "sector"):  # a value beats none
                if node.get(key) is None and getattr(actor, key):
                    node[key] = getattr(actor, key)
        else:
            graph.add_node(actor.id, **{LABELS: ["Actor"]}, **codec.actor_props(actor))
            summary.actors += 1
    for topic in ag.topics:
        if topic.id not in graph:
            graph.add_node(topic.id, **{LABELS: ["Topic"]}, **codec.topic_props(topic))
    for actor in ag.actors:  # structural edges, only between nodes the graph holds
        for role in actor.roles:
            if role.of and role.of in graph:
                props = codec.role_props(actor.id, role)
                graph.add_edge(actor.id, role.of, key=props["id"], **{TYPE: "HOLDS_ROLE"}, **props)
        for group in actor.member_of:
            if group in graph:
                key = f"member:{actor.id}|{group}"
                graph.add_edge(actor.id, group, key=key, **{TYPE: "MEMBER_OF"}, id=key)
    for mention in ag.mentions:
        key = f"mention:{mention.actor}|{mention.article}"
        graph.add_edge(mention.actor, mention.article, key=key, **{TYPE: "MENTIONED_IN"}, id=key, count=mention.count)
    for rel in ag.relations:
        if not graph.has_edge(rel.source, rel.target, key=rel.id):
            summary.relations += 1
        graph.add_edge(rel.source, rel.target, key=rel.id, **{TYPE: rel.type}, **codec.relation_props(rel))
    return summary


def graph_to_doc(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "nodes": [{"key": n, **d} for n, d in graph.nodes(data=True)],
        "edges": [{"source": u, "target": v, "key": k, **d} for u, v, k, d in graph.edges(keys=True, data=True)],
    }


def graph_from_doc(doc: dict[str, Any]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in doc["nodes"]:
        attrs = dict(node)
        graph.add_node(attrs.pop("key"), **attrs)
    for edge in doc["edges"]:
        attrs = dict(edge)
        graph.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs.pop("key"), **attrs)
    return graph
