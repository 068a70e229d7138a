"""The Neo4j store's reads: the ``Store`` protocol's questions as Cypher (``cypher/store/*.cypher``),
answered like the embedded stores answer them (same values, same order), and user Cypher.

A Bolt server drops null properties; reads put them back (:func:`node_props`, :func:`edge_props`)
so that every store returns the same property maps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
from neo4j import ManagedTransaction
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from polgraph.cypher.executor import Result
from polgraph.exceptions import CypherSyntaxError, QueryError
from polgraph.graph import codec
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, Relation, Role, Topic
from polgraph.graph.names import actor_keys
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import EventRow, RelationFilter, relation_order
from polgraph.graph.stores import falkordb
from polgraph.graph.stores.neo4j_connection import Neo4jConnection
from polgraph.graph.stores.neo4j_cypher import render, statement
from polgraph.graph.stores.neo4j_gds import filter_params

__all__ = [
    "actor",
    "actors",
    "actors_by_key",
    "articles",
    "counts",
    "edge_props",
    "event_rows",
    "has_article",
    "node_props",
    "relations",
    "run_cypher",
    "to_networkx",
]

_NODE_KEYS: dict[str, tuple[str, ...]] = {
    "Actor": tuple(codec.actor_props(Actor(id="", name="", kind="person"))),
    "Article": tuple(codec.article_props(Article(id="", text=""))),
    "Topic": tuple(codec.topic_props(Topic(id="", name=""))),
}
_LABEL_ORDER = ("Actor", "Topic", "Article")  # the order every store lists nodes in
_EVENT_KEYS = tuple(codec.relation_props(Relation("", "", "", "", 0)))
_EDGE_KEYS: dict[str, tuple[str, ...]] = {
    "HOLDS_ROLE": tuple(codec.role_props("", Role(title=""))),
    "MEMBER_OF": ("id",),
    "MENTIONED_IN": ("id", "count"),
}


def node_props(label: str, props: dict[str, Any]) -> dict[str, Any]:
    out = {key: None for key in _NODE_KEYS.get(label, ())}
    out.update(props)
    if label == "Actor":
        out["aliases"] = sorted(out.get("aliases") or [])
    return out


def edge_props(rel_type: str, props: dict[str, Any]) -> dict[str, Any]:
    out = {key: None for key in _EDGE_KEYS.get(rel_type, _EVENT_KEYS)}
    out.update(props)
    return out


def has_article(conn: Neo4jConnection, article_id: str) -> bool:
    return bool(conn.read(statement("has_article"), {"id": article_id})[0][0])


def actor(conn: Neo4jConnection, actor_id: str) -> Actor | None:
    rows = conn.read(statement("actor"), {"id": actor_id})
    return codec.props_to_actor(node_props("Actor", rows[0][0])) if rows else None


def actors(conn: Neo4jConnection, kind: str | None = None, ids: Iterable[str] | None = None) -> list[Actor]:
    if ids is None:
        found = [codec.props_to_actor(node_props("Actor", row[0])) for row in conn.read(statement("actors"), {"kind": kind})]
    else:
        rows = conn.read_rows(render("node_props", LABEL="Actor"), sorted(set(ids)), key="ids")
        found = [a for a in (codec.props_to_actor(node_props("Actor", props)) for _, props in rows) if kind is None or a.kind == kind]
    return sorted(found, key=lambda a: a.id)


def actors_by_key(conn: Neo4jConnection, keys: Iterable[str]) -> list[Actor]:
    # Neo4j has no index on the normalised forms: the actors are read and their keys compared
    # here (one read a call; a loader calls once an article).
    wanted = set(keys)
    return [a for a in actors(conn) if actor_keys(a) & wanted]


def articles(conn: Neo4jConnection) -> list[Article]:
    rows = conn.read(statement("articles"))
    return sorted((codec.props_to_article(node_props("Article", row[0])) for row in rows), key=lambda a: a.id)


def _accepted(conn: Neo4jConnection, where: RelationFilter) -> Iterator[tuple[str, str, str, dict[str, Any], Relation]]:
    for source, target, rel_type, props in conn.read(statement("relations"), filter_params(where)):
        rel = codec.edge_to_relation({**props, TYPE: rel_type}, source, target)
        if rel is not None and where.accepts(rel):  # the same test as the embedded stores
            yield source, target, rel_type, props, rel


def relations(conn: Neo4jConnection, where: RelationFilter) -> list[Relation]:
    return sorted({rel for *_, rel in _accepted(conn, where)}, key=relation_order)


def event_rows(conn: Neo4jConnection, where: RelationFilter) -> Iterator[EventRow]:
    for row in conn.read(statement("event_rows"), filter_params(where)):
        yield EventRow(*row[:6], confidence=float(1.0 if row[6] is None else row[6]), attribution=row[7] or "asserted")


def counts(conn: Neo4jConnection) -> dict[str, int]:
    found = {"actors": 0, "articles": 0, "topics": 0, "relations": 0, "mentions": 0}
    names = {"Actor": "actors", "Article": "articles", "Topic": "topics"}
    for labels, n in conn.read(statement("count_nodes")):
        if labels and labels[0] in names:
            found[names[labels[0]]] += int(n)
    for rel_type, n in conn.read(statement("count_relationships")):
        if rel_type == "MENTIONED_IN":
            found["mentions"] += int(n)
        elif rel_type not in ("HOLDS_ROLE", "MEMBER_OF"):
            found["relations"] += int(n)
    return found


def to_networkx(conn: Neo4jConnection, where: RelationFilter | None) -> nx.MultiDiGraph:
    """The graph (or the part ``where`` picks, as ``networkx_store.part_of``) in the shared layout,
    nodes and edges in the order every store gives them."""
    nodes: list[tuple[str, str, dict[str, Any]]] = []
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    if where is None:
        for labels, props in conn.read(statement("all_nodes")):
            label = labels[0] if labels else ""
            props = node_props(label, props)
            nodes.append((label, props["id"], {LABELS: list(labels), **props}))
        for source, target, rel_type, props in conn.read(statement("all_relationships")):
            props = edge_props(rel_type, props)
            edges.append((source, target, rel_type, props))
    else:
        events = list(_accepted(conn, where))
        ends = {n for source, target, *_ in events for n in (source, target)}
        if where.actor is not None:
            ends.add(where.actor)
        cited = {props.get("article") for *_, props, _ in events} - {None}
        for label, ids in (("Actor", ends), ("Topic", ends), ("Article", cited)):
            for node_id, props in conn.read_rows(render("node_props", LABEL=label), sorted(ids), key="ids"):
                nodes.append((label, node_id, {LABELS: [label], **node_props(label, props)}))
        present = {node_id for _, node_id, _ in nodes}
        edges = [(source, target, rel_type, edge_props(rel_type, props)) for source, target, rel_type, props, _ in events]
        actors_in = sorted(node_id for label, node_id, _ in nodes if label == "Actor")
        for source, target, rel_type, props in conn.read_rows(statement("part_links"), actors_in, key="ids"):
            if target in present:
                edges.append((source, target, rel_type, edge_props(rel_type, props)))
    graph = nx.MultiDiGraph()
    for _, node_id, data in sorted(nodes, key=lambda n: (_LABEL_ORDER.index(n[0]) if n[0] in _LABEL_ORDER else 9, n[1])):
        graph.add_node(node_id, **data)
    for source, target, rel_type, props in sorted(edges, key=_edge_order):
        graph.add_edge(source, target, key=props.get("id"), **{TYPE: rel_type}, **props)
    return graph


def _edge_order(edge: tuple[str, str, str, dict[str, Any]]) -> tuple[int, str]:
    rel_type = edge[2]
    group = 2 if rel_type == "MENTIONED_IN" else 1 if rel_type in STRUCTURAL_TYPES else 0
    return (group, edge[3].get("id") or "")


def run_cypher(conn: Neo4jConnection, query: str, params: dict[str, Any] | None, write: bool) -> Result:
    """Run one statement: in a READ transaction unless ``write``. Rows hold nodes as
    ``{"_labels": [...], **props}``, relationships as ``{"_type": ..., **props}``, paths as lists
    of those and temporal values as ISO strings."""
    if not conn.is_neo4j:
        falkordb.screen_query(query, write)
    with conn.session() as session:
        try:
            runner = session.execute_write if write else session.execute_read
            columns, rows = runner(_fetch_table, query, conn.params(params or {}))
        except neo4j_errors.CypherSyntaxError as exc:
            raise _syntax_error(exc) from None
        except neo4j_errors.Neo4jError as exc:
            message = exc.message or str(exc)
            if not write and ("read access mode" in message.lower() or "not allowed" in message.lower()):
                raise QueryError(f"{message.strip()} (the query writes: pass --write to allow it)") from None
            raise QueryError(f"{conn.shown}: {message.strip()}") from None
    return Result(columns, rows)


def _fetch_table(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows = [[_plain(value) for value in record.values()] for record in result]
    return columns, rows


def _plain(value: Any) -> Any:
    """Driver values as plain Python (what ``polgraph query`` prints and serialises)."""
    if isinstance(value, Node):
        return {LABELS: sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {TYPE: value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        out: list[Any] = [_plain(value.start_node)]
        for rel in value.relationships:
            out += [_plain(rel), _plain(rel.end_node)]
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time.Date / DateTime / Time / Duration
        return value.iso_format()
    return value


def _syntax_error(exc: neo4j_errors.CypherSyntaxError) -> CypherSyntaxError:
    message = exc.message or str(exc)
    where = re.search(r"line (\d+), column (\d+)", message)
    line, column = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
    return CypherSyntaxError(message.splitlines()[0].strip(), line, column)
