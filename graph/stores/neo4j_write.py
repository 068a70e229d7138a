"""The Neo4j store's writes: the merge rules of ``graph.upsert`` applied over Bolt.

One ``write`` is one managed write transaction (``execute_write``, retried on transient errors):
it reads what the server holds of the batch's ids, merges with ``graph.upsert``, and sends only
what is new or changed, as UNWIND-batched MERGEs. Values only reach Cypher as parameters; labels
and relationship types are substituted from whitelists (``neo4j_cypher``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
from neo4j import ManagedTransaction

from polgraph.exceptions import StoreError
from polgraph.graph import upsert
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import ArticleGraph
from polgraph.graph.store import WriteSummary
from polgraph.graph.stores import falkordb
from polgraph.graph.stores.neo4j_connection import Neo4jConnection, single_int
from polgraph.graph.stores.neo4j_cypher import EVENT_TYPE_NAMES, IMPORT_SHAPES, render, statement
from polgraph.graph.stores.neo4j_cypher import LABELS as NODE_LABELS
from polgraph.graph.stores.neo4j_read import edge_props as _edge_props
from polgraph.graph.stores.neo4j_read import node_props as _node_props

__all__ = ["import_graph", "write_graphs"]


def write_graphs(conn: Neo4jConnection, graphs: Sequence[ArticleGraph]) -> WriteSummary:
    plan = upsert.plan_write(graphs)
    for rel in plan.relations.values():  # a relationship type is substituted into the statement's text
        if rel.type not in EVENT_TYPE_NAMES:
            raise StoreError(f"relation {rel.source} -> {rel.target}: unknown relation type {rel.type!r}")
    with conn.session() as session:
        return session.execute_write(lambda tx: _Writer(conn, tx).apply(plan))


class _Writer:
    """One write transaction: read the stored rows, merge, send what changed."""

    def __init__(self, conn: Neo4jConnection, tx: ManagedTransaction) -> None:
        self.conn = conn
        self.tx = tx

    def apply(self, plan: upsert.WritePlan) -> WriteSummary:
        stored = {label: self._node_props(label, rows) for label, rows in
                  (("Actor", plan.actors), ("Article", plan.articles), ("Topic", plan.topics))}
        mention_actors = {e.source for e in plan.mentions.values()}
        wanted = (plan.relation_ends() | mention_actors | {e.target for e in plan.links.values()}) - set(plan.actors)
        known_actors = set(self._node_props("Actor", wanted)) | set(stored["Actor"])
        known_topics = set(self._node_props("Topic", wanted - known_actors)) | set(stored["Topic"])
        wanted_articles = {e.target for e in plan.mentions.values()} - set(plan.articles)
        known_articles = set(self._node_props("Article", wanted_articles)) | set(stored["Article"])
        plan.check_ends(known_actors, known_topics, known_articles)

        summary = WriteSummary()
        summary.articles = self._merge_nodes("Article", plan.articles, stored["Article"])
        summary.skipped = plan.article_count - summary.articles
        summary.actors = self._merge_nodes("Actor", plan.actors, stored["Actor"])
        self._merge_nodes("Topic", plan.topics, stored["Topic"])
        topics = set(plan.topics) | known_topics
        summary.relations = self._merge_edges(plan.relation_edges(), topics)
        self._merge_edges(plan.mentions.values(), topics)
        new_actors = set(plan.actors) - set(stored["Actor"])
        self._merge_links(plan.links, known_actors | set(plan.actors), new_actors)
        return summary

    # -- nodes -------------------------------------------------------------------------------
    def _node_props(self, label: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = sorted(ids)
        if not ids:
            return {}
        rows = self.conn.run_rows(self.tx, render("node_props", LABEL=label), ids, key="ids")
        return {node_id: _node_props(label, props) for node_id, props in rows}

    def _merge_nodes(self, label: str, rows: dict[str, dict[str, Any]], stored: dict[str, dict[str, Any]]) -> int:
        out = []
        for node_id, props in rows.items():
            old = stored.get(node_id)
            merged = props if old is None else upsert.merge_node(label, old, props)
            if merged != old:
                out.append({"id": node_id, "props": merged})
        if label == "Article":
            self._write_articles(out)
        elif out:
            self.conn.run_rows(self.tx, render("upsert_nodes", LABEL=label), out)
        return sum(1 for node_id in rows if node_id not in stored)

    def _write_articles(self, rows: list[dict[str, Any]]) -> None:
        query = render("upsert_nodes", LABEL="Article")
        limit = self.conn.server.max_message_bytes if self.conn.server else None
        if limit is None:
            self.conn.run_rows(self.tx, query, rows)
            return
        # A server that takes only small messages gets a long text in pieces, after the article.
        budget = limit - len(query.encode("utf-8"))
        fits = [row for row in rows if falkordb.encoded_size(self.conn.params(row)) <= budget]
        self.conn.run_rows(self.tx, query, fits)
        append = statement("append_article_text")
        piece_bytes = max(256, (limit - len(append.encode("utf-8")) - 200) // 2)  # JSON escapes can double
        for row in rows:
            if falkordb.encoded_size(self.conn.params(row)) <= budget:
                continue
            text = row["props"]["text"] or ""
            self.conn.run_rows(self.tx, query, [{"id": row["id"], "props": {**row["props"], "text": ""}}])
            for piece in falkordb.utf8_pieces(text, piece_bytes):
                single_int(self.tx, append, self.conn.params({"id": row["id"], "piece": piece}))

    # -- edges -------------------------------------------------------------------------------
    def _edge_props(self, edges: Iterable[upsert.Edge]) -> dict[str, dict[str, Any]]:
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in edges:
            by_type[edge.type].append({"id": edge.id, "source": edge.source})
        found = {}
        for edge_type, rows in sorted(by_type.items()):
            for edge_id, props in self.conn.run_rows(self.tx, render("edge_props", TYPE=edge_type), rows):
                found[edge_id] = _edge_props(edge_type, props)
        return found

    def _merge_edges(self, edges: Iterable[upsert.Edge], topics: set[str]) -> int:
        """Event relations or mentions; how many are new."""
        edges = list(edges)
        stored = self._edge_props(edges)
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in edges:
            old = stored.get(edge.id)
            props = edge.props if old is None else upsert.merge_edge(edge.type, old, edge.props)
            if props == old:
                continue
            if edge.type == "MENTIONED_IN":
                groups["merge_mentions"].append({"id": edge.id, "source": edge.source, "target": edge.target, "count": props["count"]})
            else:
                template = "merge_relations_to_topic" if edge.target in topics else "merge_relations_to_actor"
                groups[f"{template}:{edge.type}"].append({"id": edge.id, "source": edge.source, "target": edge.target, "props": props})
        for name, rows in sorted(groups.items()):
            template, _, edge_type = name.partition(":")
            query = render(template, TYPE=edge_type) if edge_type else statement(template)
            self.conn.run_rows(self.tx, query, rows)
        return len(edges) - len(stored)

    def _merge_links(self, rows: dict[str, upsert.Edge], known: set[str], new_actors: set[str]) -> None:
        """Structural edges: made when both ends are stored, else kept as (:PendingLink) nodes."""
        waiting = self._pending("pending_links_to", new_actors)
        waiting.update(self._pending("pending_links", set(rows) - set(waiting)))
        links = {k: e for k, e in waiting.items() if e.target in new_actors}
        for edge_id, edge in rows.items():
            old = waiting.get(edge_id)
            links[edge_id] = edge if old is None else upsert.Edge(edge.type, edge.source, edge.target,
                                                                  upsert.merge_edge(edge.type, old.props, edge.props))
        ready, still = upsert.split_links(links.values(), known)
        stored = self._edge_props(ready)
        out: dict[str, list[dict[str, Any]]] = {"merge_roles": [], "merge_memberships": []}
        for edge in ready:
            old = stored.get(edge.id)
            props = edge.props if old is None else upsert.merge_edge(edge.type, old, edge.props)
            if props != old:
                key = "merge_roles" if edge.type == "HOLDS_ROLE" else "merge_memberships"
                out[key].append({"id": edge.id, "source": edge.source, "target": edge.target, "props": props})
        for name, link_rows in out.items():
            if link_rows:
                self.conn.run_rows(self.tx, statement(name), link_rows)
        done = sorted(e.id for e in ready if e.id in waiting)
        if done:
            self.conn.run_rows(self.tx, statement("delete_pending_links"), done, key="ids")
        pending = [{"id": e.id, "props": {"type": e.type, "source": e.source, "target": e.target, **e.props}}
                   for e in still if waiting.get(e.id) != e]  # write only what changes
        if pending:
            self.conn.run_rows(self.tx, statement("merge_pending_links"), pending)

    def _pending(self, name: str, ids: set[str]) -> dict[str, upsert.Edge]:
        if not ids:
            return {}
        found = {}
        for (props,) in self.conn.run_rows(self.tx, statement(name), sorted(ids), key="ids"):
            edge_type = props["type"]
            keys = ("id", "title", "start", "end") if edge_type == "HOLDS_ROLE" else ("id",)
            found[props["id"]] = upsert.Edge(edge_type, props["source"], props["target"], {k: props.get(k) for k in keys})
        return found


def import_graph(conn: Neo4jConnection, graph: nx.MultiDiGraph) -> dict[str, int]:
    """Copy a graph in the shared layout (``polgraph push``): every node and edge MERGEd by id,
    its properties set as they are. Returns how many nodes and edges were sent."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    label_of: dict[str, str] = {}
    for key, data in graph.nodes(data=True):
        labels = data.get(LABELS) or []
        if not labels or labels[0] not in NODE_LABELS:
            raise StoreError(f"node {key!r}: labels {labels!r} are not polgraph's ({', '.join(NODE_LABELS)})")
        label_of[key] = labels[0]
        props = {k: v for k, v in data.items() if k != LABELS}
        nodes[labels[0]].append({"id": props.get("id", key), "props": props})
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for source, target, key, data in graph.edges(keys=True, data=True):
        shape = (label_of.get(source, ""), data.get(TYPE, ""), label_of.get(target, ""))
        if shape not in IMPORT_SHAPES:
            raise StoreError(f"edge {key!r}: ({shape[0]})-[:{shape[1]}]->({shape[2]}) is not in polgraph's layout")
        props = {k: v for k, v in data.items() if k != TYPE}
        edges[shape].append({"id": props.get("id", key), "source": source, "target": target, "props": props})

    def copy(tx: ManagedTransaction) -> None:
        for label in NODE_LABELS:
            if nodes[label]:
                conn.run_rows(tx, render("import_nodes", LABEL=label), nodes[label])
        for (source, rel_type, target), rows in sorted(edges.items()):
            conn.run_rows(tx, render("import_relationships", SOURCE=source, TYPE=rel_type, TARGET=target), rows)

    with conn.session() as session:
        session.execute_write(copy)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
