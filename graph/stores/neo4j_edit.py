"""The Neo4j store's curation: the edges a change rewrites, read, and a change applied in one
managed write transaction (``Store.edit``; the changes themselves come from ``graph.curation``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from polgraph.exceptions import StoreError
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import GraphEdit, edge_target_label
from polgraph.graph.stores.neo4j_connection import Neo4jConnection
from polgraph.graph.stores.neo4j_cypher import REL_TYPES, render, statement
from polgraph.graph.stores.neo4j_read import edge_props
from polgraph.graph.upsert import Edge

__all__ = ["edges_at", "edit", "event_edges"]

_LINK_TYPES = ("HOLDS_ROLE", "MEMBER_OF")


def edges_at(conn: Neo4jConnection, actor_ids: Iterable[str]) -> list[Edge]:
    ids = sorted(set(actor_ids))
    if not ids:
        return []
    rows = conn.read_rows(statement("edges_from_actors"), ids, key="ids")
    rows += conn.read_rows(statement("edges_to_actors"), ids, key="ids")
    rows += conn.read(statement("relations_reported_by"), {"ids": ids, "structural": list(STRUCTURAL_TYPES)})
    for (props,) in conn.read_rows(statement("pending_links_from"), ids, key="ids"):
        props = dict(props)
        rows.append([props.pop("source"), props.pop("target"), props.pop("type"), props])
    return _edges(rows)


def event_edges(conn: Neo4jConnection, ids: Iterable[str]) -> list[Edge]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return _edges(conn.read(statement("relations_by_id"), {"ids": wanted, "structural": list(STRUCTURAL_TYPES)}))


def _edges(rows: list[list[Any]]) -> list[Edge]:
    found = {}
    for source, target, rel_type, props in rows:
        props = edge_props(rel_type, props)
        found[props["id"]] = Edge(rel_type, source, target, props)
    return [found[key] for key in sorted(found)]


def edit(conn: Neo4jConnection, change: GraphEdit) -> None:
    for edge in (*change.remove_edges, *change.put_edges):  # a type is substituted into a statement's text
        if edge.type not in REL_TYPES:
            raise StoreError(f"edge {edge.id}: unknown relationship type {edge.type!r}")

    def apply(tx: ManagedTransaction) -> None:
        removed: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in change.remove_edges:
            removed[edge.type].append({"id": edge.id, "source": edge.source})
        for rel_type, rows in sorted(removed.items()):
            conn.run_rows(tx, render("delete_relationships", TYPE=rel_type), rows)
        waiting = sorted(e.id for e in change.remove_edges if e.type in _LINK_TYPES)
        if waiting:
            conn.run_rows(tx, statement("delete_pending_links"), waiting, key="ids")
        if change.remove_actors:
            conn.run_rows(tx, statement("delete_pending_links_of"), sorted(change.remove_actors), key="ids")
            conn.run_rows(tx, statement("delete_actors"), sorted(change.remove_actors), key="ids")
        if change.put_actors:
            conn.run_rows(tx, render("import_nodes", LABEL="Actor"), [{"id": p["id"], "props": p} for p in change.put_actors])
        links = {e.target for e in change.put_edges if e.type in _LINK_TYPES}
        stored = {row[0] for row in conn.run_rows(tx, render("node_props", LABEL="Actor"), sorted(links), key="ids")} if links else set()
        pending = [{"id": e.id, "props": {"type": e.type, "source": e.source, "target": e.target, **e.props}}
                   for e in change.put_edges if e.type in _LINK_TYPES and e.target not in stored]
        if pending:  # made when the far end is stored, as writes keep them
            conn.run_rows(tx, statement("merge_pending_links"), pending)
        put: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for edge in change.put_edges:
            if edge.type in _LINK_TYPES and edge.target not in stored:
                continue
            put[(edge.type, edge_target_label(edge))].append(
                {"id": edge.id, "source": edge.source, "target": edge.target, "props": edge.props})
        for (rel_type, target), rows in sorted(put.items()):
            conn.run_rows(tx, render("import_relationships", SOURCE="Actor", TYPE=rel_type, TARGET=target), rows)

    with conn.session() as session:
        session.execute_write(apply)
