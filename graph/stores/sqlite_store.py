"""The embedded store: one SQLite file (the standard library's ``sqlite3``), the default store.

- Tables per kind of node and edge (``graph/data/sqlite_schema.sql``; rows: ``sqlite_rows``),
  indexed for what the commands ask: an actor's events (from and to, each with its dates), the
  pairs analytics stream (a time window with no actor is read from that stream's index).
  Commands read only the rows they need; ``to_networkx`` builds a NetworkX graph on request, of
  the whole store or only of the part around a filter.
- One ``write`` is one transaction: applied whole or not at all, a killed process leaves the
  last committed state, concurrent writers wait for each other and readers are never blocked
  (``sqlite_file``). Writes merge by the rules of ``graph.upsert``.
- Cypher: a query that names its start (``(a:Actor {name: $name})``) runs on the part of the
  graph it can reach (``reach_graph``, in SQL); one that aggregates or sorts over one
  relationship is one SQL statement (``pushdown``); any other runs on the node tables and edge
  tables its labels and relationship types can touch (``scope_graph``), or on the whole graph.
- For a query engine: ``find_nodes`` (by label and property, through the indexes) and
  ``node_edges`` (a node's edges) read single nodes without loading the graph.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from polgraph.exceptions import StoreError
from polgraph.graph import codec, upsert
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.names import name_keys
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import EventRow, GraphEdit, GraphRows, RelationFilter, SchemaItem, WriteSummary, edge_target_label
from polgraph.graph.stores.sqlite_file import (
    APPLICATION_ID,
    BULK_REBUILD_MAX,
    DEFAULT_PATH,
    FORMAT,
    Database,
    LegacyJSONStore,
    NoSuchStore,
    sniff,
)
from polgraph.graph.stores.sqlite_ids import WrittenIds
from polgraph.graph.stores.sqlite_rows import (
    ACTOR,
    ARTICLE,
    EVENT,
    EVENT_APPEND,
    EVENT_INSERT,
    EVENT_PROPS,
    LINK,
    LINK_PROPS,
    MENTION_UPSERT,
    NODE_TABLES,
    actor_of,
    add_event,
    add_link,
    add_mention,
    check_keys,
    chunks,
    event_rows,
    filtered,
    link_edge,
    link_row,
    marks,
    mention_id,
    node_props,
    node_row,
    relation_of,
    upsert_sql,
)

if TYPE_CHECKING:
    from polgraph.cypher.executor import Result
    from polgraph.cypher.limits import QueryLimits
    from polgraph.cypher.reach import Reach, Scope
    from polgraph.graph.algorithms.centrality import ActorScore, Betweenness

__all__ = [
    "APPLICATION_ID", "BULK_REBUILD_MAX", "DEFAULT_PATH", "FORMAT", "LegacyJSONStore", "NoSuchStore", "SQLiteStore", "sniff",
]


class SQLiteStore:
    """``SQLiteStore(path)`` opens a store; ``create=True`` makes it (and its folder) when missing."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, create: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self._written: dict[str, Actor] | None = None  # in a bulk load: actors as this process wrote them
        self._written_ids: WrittenIds | None = None  # in a bulk load into an empty store: the events written
        self._db = Database(self.path, create=create, lock_timeout=lock_timeout)
        self._conn = self._db.conn

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    # -- bulk loads --------------------------------------------------------------------------
    @contextmanager
    def bulk(self) -> Iterator["SQLiteStore"]:
        """Many writes follow (``polgraph load`` of coded events): on a store of fewer than
        ``BULK_REBUILD_MAX`` events the event indexes are built once at the end (see
        ``sqlite_file.Database.bulk``), and actors this process wrote are not read again. Into a
        store with no event yet, events are appended while their ids are checked here
        (``sqlite_ids``); the first batch naming an id written before builds the store's index of
        ids, and the rest of the load goes the ordinary way."""
        with self._db.bulk() as unchecked_ids:
            self._written = {}
            self._written_ids = WrittenIds() if unchecked_ids else None
            try:
                yield self
            finally:
                self._written = None
                self._written_ids = None

    def _check_ids_in_store(self) -> None:
        """From now on the store checks event ids (its index is built, if a bulk load put it off)."""
        if self._written_ids is not None:
            self._db.build_unique_ids()
            self._written_ids = None

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        # In a bulk load, actors this process wrote as they come now need not be read again (merging is idempotent).
        plan = upsert.plan_write(graphs, self._written)
        summary = WriteSummary()
        appended = None  # the ids of events appended unchecked (a bulk load into an empty store)
        if self._written_ids is not None:
            appended = WrittenIds.encode(plan.relations)
            if appended is None or self._written_ids.any_of(appended):
                self._check_ids_in_store()
                appended = None
        with self._db.transaction() as conn:
            unchanged = plan.written_actors
            stored_actors = self._node_rows("Actor", set(plan.actors) - unchanged)
            stored_articles = self._node_rows("Article", plan.articles)
            stored_topics = self._node_rows("Topic", plan.topics)
            mention_actors = {e.source for e in plan.mentions.values()}
            wanted = (plan.relation_ends() | mention_actors | {e.target for e in plan.links.values()}) - set(plan.actors) - unchanged
            known_actors = self._existing("actor", wanted) | set(stored_actors) | unchanged
            known_topics = self._existing("topic", wanted - known_actors) | set(stored_topics)
            wanted_articles = {e.target for e in plan.mentions.values()} - set(plan.articles)
            known_articles = self._existing("article", wanted_articles) | set(stored_articles)
            plan.check_ends(known_actors, known_topics, known_articles)

            summary.articles = self._merge_nodes(conn, "Article", plan.articles, stored_articles)
            summary.skipped = plan.article_count - summary.articles
            actors = {i: props for i, props in plan.actors.items() if i not in unchanged}
            summary.actors = self._merge_nodes(conn, "Actor", actors, stored_actors)
            self._merge_nodes(conn, "Topic", plan.topics, stored_topics)
            topics = set(plan.topics) | known_topics
            summary.relations = self._merge_events(conn, plan.relations, topics, append=appended is not None)
            # A mention of an article stored only now cannot have been stored before: no need to look.
            self._merge_mentions(conn, plan.mentions, set(plan.articles) - set(stored_articles))
            new_actors = set(actors) - set(stored_actors)
            self._merge_links(conn, plan.links, known_actors | set(plan.actors), new_actors)
        if appended is not None and self._written_ids is not None:
            self._written_ids.add(appended)  # committed
        if self._written is not None:
            self._written.update((a.id, a) for ag in graphs for a in ag.actors if a.id in plan.actors)
        return summary

    def _merge_nodes(self, conn: sqlite3.Connection, label: str, rows: dict[str, dict[str, Any]],
                     stored: dict[str, tuple[Any, ...]]) -> int:
        table, columns = NODE_TABLES[label]
        out = []
        for node_id, props in rows.items():
            row = node_row(label, props)
            old_row = stored.get(node_id)
            if old_row is None:
                out.append(row)
            elif old_row != row:  # most nodes of a write are stored as they are: no decoding then
                merged = node_row(label, upsert.merge_node(label, node_props(label, old_row), props))
                if merged != old_row:
                    out.append(merged)
        if out:
            conn.executemany(upsert_sql(table, columns), out)
            if label == "Actor":
                _write_keys(conn, out, stored)
        return sum(1 for node_id in rows if node_id not in stored)

    def _merge_events(self, conn: sqlite3.Connection, rows: dict[str, Relation], topics: set[str], append: bool = False) -> int:
        """Event relations; how many are new. All are inserted at once, a stored id left as it is;
        only when some were stored already are those read back and merged (``upsert.merge_edge``):
        a load of new events pays one index probe per row, not a read and a write. ``append``:
        the ids are known to be new (``WrittenIds``), and the store has no index to check them."""
        new = event_rows(rows, topics)
        if append:
            conn.executemany(EVENT_APPEND, new)
            return len(new)
        inserted = 0
        if new:
            inserted = conn.executemany(EVENT_INSERT, new).rowcount
        if inserted < len(new):  # some were stored before: merge them (a row just inserted is equal to itself)
            changed = self._changed_events(rows, topics)
            if changed:
                conn.executemany(upsert_sql("event", EVENT), changed)
        return inserted

    def _changed_events(self, rows: dict[str, Relation], topics: set[str]) -> list[tuple[Any, ...]]:
        """The merged rows of the relations whose stored row differs from the one written."""
        stored = self._stored_events(rows)
        changed = []
        for rel_id, rel in rows.items():
            old = stored[rel_id]
            props = upsert.merge_edge(rel.type, old, codec.relation_props(rel))
            if props != old:
                changed.append((rel.source, rel.target, rel.type, int(rel.target in topics), *(props[k] for k in EVENT_PROPS)))
        return changed

    def _merge_mentions(self, conn: sqlite3.Connection, rows: dict[str, upsert.Edge], new_articles: set[str]) -> None:
        stored: dict[str, dict[str, Any]] = {}
        for chunk in chunks({e.target for e in rows.values()} - new_articles):
            for actor, article, count in conn.execute(f"SELECT actor, article, count FROM mention WHERE article IN ({marks(chunk)})", chunk):
                key = mention_id(actor, article)
                stored[key] = {"id": key, "count": count}
        out = []
        for edge_id, edge in rows.items():
            old = stored.get(edge_id)
            props = edge.props if old is None else upsert.merge_edge(edge.type, old, edge.props)
            if props != old:
                if edge_id != mention_id(edge.source, edge.target):
                    raise StoreError(f"mention {edge_id!r}: not polgraph's key for ({edge.source}, {edge.target})")
                out.append((edge.source, edge.target, props["count"]))
        if out:
            conn.executemany(MENTION_UPSERT, out)

    def _merge_links(self, conn: sqlite3.Connection, rows: dict[str, upsert.Edge], known: set[str], new_actors: set[str]) -> None:
        """Structural edges: made when both ends are stored, else kept waiting in ``pending_link``."""
        waiting = {e.id: e for e in self._links("pending_link", "target", new_actors)}
        waiting_written = {e.id: e for e in self._links("pending_link", "id", set(rows) - set(waiting))}
        links = dict(waiting)
        for edge_id, edge in rows.items():
            old = waiting.get(edge_id) or waiting_written.get(edge_id)
            links[edge_id] = edge if old is None else upsert.Edge(edge.type, edge.source, edge.target,
                                                                  upsert.merge_edge(edge.type, old.props, edge.props))
        ready, still = upsert.split_links(links.values(), known)
        stored = {e.id: e.props for e in self._links("link", "id", {e.id for e in ready})}
        made = []
        for edge in ready:
            old = stored.get(edge.id)
            props = edge.props if old is None else upsert.merge_edge(edge.type, old, edge.props)
            if props != old:
                made.append(link_row(edge.type, edge.source, edge.target, props))
        if made:
            conn.executemany(upsert_sql("link", LINK), made)
        done = [(e.id,) for e in ready if e.id in waiting or e.id in waiting_written]
        if done:
            conn.executemany("DELETE FROM pending_link WHERE id = ?", done)
        kept = [link_row(e.type, e.source, e.target, e.props) for e in still
                if (waiting.get(e.id) or waiting_written.get(e.id)) != e]  # rewrite only what changes
        if kept:
            conn.executemany(upsert_sql("pending_link", LINK), kept)

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Copy a graph in the shared layout as it is (``polgraph pull``, migration): its properties win."""
        self._check_ids_in_store()
        nodes: dict[str, list[tuple[Any, ...]]] = {label: [] for label in NODE_TABLES}
        label_of: dict[str, str] = {}
        for key, data in graph.nodes(data=True):
            labels = data.get(LABELS) or []
            if len(labels) != 1 or labels[0] not in NODE_TABLES:
                raise StoreError(f"node {key!r}: labels {labels!r} are not polgraph's ({', '.join(NODE_TABLES)})")
            props = {k: v for k, v in data.items() if k != LABELS}
            check_keys(f"node {key!r}", props, NODE_TABLES[labels[0]][1])
            label_of[key] = labels[0]
            nodes[labels[0]].append(node_row(labels[0], {"id": key, **props}))
        events, links, mentions = [], [], []
        for source, target, key, data in graph.edges(keys=True, data=True):
            edge_type = data.get(TYPE)
            props = {"id": key, **{k: v for k, v in data.items() if k != TYPE}}
            shape = (label_of.get(source), edge_type, label_of.get(target))
            if edge_type == "MENTIONED_IN" and shape == ("Actor", edge_type, "Article"):
                check_keys(f"edge {key!r}", props, ("id", "count"))
                if key != mention_id(source, target):
                    raise StoreError(f"edge {key!r}: not polgraph's key for a mention of {target} by {source}")
                mentions.append((source, target, int(props.get("count") or 1)))
            elif edge_type in LINK_PROPS and shape == ("Actor", edge_type, "Actor"):
                check_keys(f"edge {key!r}", props, LINK_PROPS[edge_type])
                links.append(link_row(edge_type, source, target, props))
            elif edge_type and edge_type not in STRUCTURAL_TYPES and shape[0] == "Actor" and shape[2] in ("Actor", "Topic"):
                check_keys(f"edge {key!r}", props, EVENT_PROPS)
                events.append((source, target, edge_type, int(shape[2] == "Topic"), *(props.get(k) for k in EVENT_PROPS)))
            else:
                raise StoreError(f"edge {key!r}: ({shape[0]})-[:{edge_type}]->({shape[2]}) is not in polgraph's layout")
        with self._db.transaction() as conn:
            for label, rows in nodes.items():
                table, columns = NODE_TABLES[label]
                conn.executemany(upsert_sql(table, columns), rows)
            _write_keys(conn, nodes["Actor"])
            conn.executemany(upsert_sql("event", EVENT), events)
            conn.executemany(upsert_sql("link", LINK), links)
            conn.executemany(MENTION_UPSERT, mentions)
            conn.executemany("DELETE FROM pending_link WHERE id = ?", [(row[0],) for row in links])
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    # -- curation ----------------------------------------------------------------------------
    def edit(self, change: GraphEdit) -> None:
        self._check_ids_in_store()
        with self._db.transaction() as conn:
            for edge in change.remove_edges:
                if edge.type == "MENTIONED_IN":
                    conn.execute("DELETE FROM mention WHERE actor = ? AND article = ?", (edge.source, edge.target))
                elif edge.type in LINK_PROPS:
                    conn.execute("DELETE FROM link WHERE id = ?", (edge.id,))
                    conn.execute("DELETE FROM pending_link WHERE id = ?", (edge.id,))
                else:
                    conn.execute("DELETE FROM event WHERE id = ?", (edge.id,))
            for actor_id in change.remove_actors:
                for sql in ("DELETE FROM event WHERE source = ?1 OR target = ?1", "DELETE FROM mention WHERE actor = ?1",
                            "DELETE FROM link WHERE source = ?1 OR target = ?1",
                            "DELETE FROM pending_link WHERE source = ?1 OR target = ?1", "DELETE FROM actor_key WHERE actor = ?1",
                            "DELETE FROM actor WHERE id = ?1"):
                    conn.execute(sql, (actor_id,))
            if change.put_actors:
                rows = [node_row("Actor", props) for props in change.put_actors]
                conn.executemany(upsert_sql("actor", ACTOR), rows)
                _write_keys(conn, rows)
            for edge in change.put_edges:
                if edge.type == "MENTIONED_IN":
                    conn.execute(MENTION_UPSERT, (edge.source, edge.target, edge.props["count"]))
                elif edge.type in LINK_PROPS:  # made when its far end is stored, else waiting (as writes do)
                    stored = conn.execute("SELECT 1 FROM actor WHERE id = ?", (edge.target,)).fetchone() is not None
                    conn.execute(upsert_sql("link" if stored else "pending_link", LINK),
                                 link_row(edge.type, edge.source, edge.target, edge.props))
                else:
                    to_topic = int(edge_target_label(edge) == "Topic")
                    conn.execute(upsert_sql("event", EVENT),
                                 (edge.source, edge.target, edge.type, to_topic, *(edge.props.get(k) for k in EVENT_PROPS)))

    def edges_at(self, actor_ids: Iterable[str]) -> list[upsert.Edge]:
        found: dict[str, upsert.Edge] = {}
        columns = ", ".join(EVENT)
        with self._db.snapshot() as conn:
            for chunk in chunks(set(actor_ids)):
                where = f"IN ({marks(chunk)})"
                for column in ("source", "target", "reported_by"):
                    for row in conn.execute(f"SELECT {columns} FROM event WHERE {column} {where}", chunk):
                        found[row[4]] = _event_edge(row)
                for actor, article, count in conn.execute(f"SELECT actor, article, count FROM mention WHERE actor {where}", chunk):
                    key = mention_id(actor, article)
                    found[key] = upsert.Edge("MENTIONED_IN", actor, article, {"id": key, "count": count})
                for table, column in (("link", "source"), ("link", "target"), ("pending_link", "source")):
                    sql = f'SELECT id, type, source, target, title, start, "end" FROM {table} WHERE {column} {where}'
                    found.update((row[0], link_edge(row)) for row in conn.execute(sql, chunk))
        return [found[key] for key in sorted(found)]

    def event_edges(self, ids: Iterable[str]) -> list[upsert.Edge]:
        columns = ", ".join(EVENT)
        with self._db.snapshot() as conn:
            rows = [row for chunk in chunks(set(ids))
                    for row in conn.execute(f"SELECT {columns} FROM event WHERE id IN ({marks(chunk)})", chunk)]
        return sorted((_event_edge(row) for row in rows), key=lambda e: e.id)

    # -- reading helpers ---------------------------------------------------------------------
    def _existing(self, table: str, ids: Iterable[str]) -> set[str]:
        return {
            row[0]
            for chunk in chunks(ids)
            for row in self._conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks(chunk)})", chunk)
        }

    def _node_rows(self, label: str, ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
        table, columns = NODE_TABLES[label]
        return {
            row[0]: row
            for chunk in chunks(ids)
            for row in self._conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks(chunk)})", chunk)
        }

    def _stored_events(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        columns = ", ".join(EVENT_PROPS)
        return {
            row[0]: dict(zip(EVENT_PROPS, row))
            for chunk in chunks(ids)
            for row in self._conn.execute(f"SELECT {columns} FROM event WHERE id IN ({marks(chunk)})", chunk)
        }

    def _links(self, table: str, column: str, values: Iterable[str]) -> list[upsert.Edge]:
        found = []
        for chunk in chunks(values):
            sql = f'SELECT id, type, source, target, title, start, "end" FROM {table} WHERE {column} IN ({marks(chunk)})'
            found.extend(link_edge(row) for row in self._conn.execute(sql, chunk))
        return found

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._db.errors("read"):
            return self._conn.execute("SELECT 1 FROM article WHERE id = ?", (article_id,)).fetchone() is not None

    def actor(self, actor_id: str) -> Actor | None:
        with self._db.errors("read"):
            row = self._conn.execute(f"SELECT {', '.join(ACTOR)} FROM actor WHERE id = ?", (actor_id,)).fetchone()
        return None if row is None else actor_of(row)

    def actors(self, kind: str | None = None, *, ids: Iterable[str] | None = None) -> list[Actor]:
        select = f"SELECT {', '.join(ACTOR)} FROM actor"
        with self._db.errors("read"):
            if ids is not None:
                found = [actor_of(row) for chunk in chunks(set(ids))
                         for row in self._conn.execute(f"{select} WHERE id IN ({marks(chunk)})", chunk)]
                return sorted((a for a in found if kind is None or a.kind == kind), key=lambda a: a.id)
            sql = select + (" WHERE kind = ?" if kind else "") + " ORDER BY id"
            return [actor_of(row) for row in self._conn.execute(sql, (kind,) if kind else ())]

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        with self._db.errors("read"):
            ids = {row[0] for chunk in chunks(set(keys))
                   for row in self._conn.execute(f"SELECT actor FROM actor_key WHERE key IN ({marks(chunk)})", chunk)}
        return self.actors(ids=ids) if ids else []

    def articles(self) -> list[Article]:
        with self._db.errors("read"):
            rows = self._conn.execute(f"SELECT {', '.join(ARTICLE)} FROM article ORDER BY id").fetchall()
        return [codec.props_to_article(dict(zip(ARTICLE, row))) for row in rows]

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        columns = ", ".join(EVENT)
        sql, params = filtered(f"SELECT {columns} FROM event", where)
        sql += " ORDER BY coalesce(date, ''), article, sentence, source, type, target"
        with self._db.errors("read"):
            return [relation_of(row) for row in self._conn.execute(sql, params)]

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        columns = "source, target, type, date, goldstein, quad_class, confidence, attribution"
        sql, params = filtered(f"SELECT {columns}, article, sentence FROM event", where, "to_topic = 0")
        sql += " ORDER BY source, target, type, date, article, sentence"
        with self._db.errors("read"):
            cursor = self._conn.execute(sql, params)
        while True:
            with self._db.errors("read"):
                rows = cursor.fetchmany(10_000)
            if not rows:
                return
            for r in rows:
                yield EventRow(r[0], r[1], r[2], r[3], r[4], r[5], 1.0 if r[6] is None else r[6], r[7] or "asserted",
                               r[8], r[9])

    def counts(self) -> dict[str, int]:
        with self._db.snapshot() as conn:
            one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "actors": one("SELECT count(*) FROM actor"),
                "articles": one("SELECT count(*) FROM article"),
                "topics": one("SELECT count(*) FROM topic"),
                "relations": one("SELECT count(*) FROM event"),
                "mentions": one("SELECT count(*) FROM mention"),
            }

    @contextmanager
    def graph_rows(self) -> Iterator[GraphRows]:
        """Streamed from the tables in one read transaction (``sqlite_graph_rows``)."""
        from polgraph.graph.stores.sqlite_graph_rows import graph_rows

        with graph_rows(self._conn, self._db.errors) as rows:
            yield rows

    def to_networkx(self, where: RelationFilter | None = None) -> nx.MultiDiGraph:
        from polgraph.cypher.index import no_gc

        graph = nx.MultiDiGraph()
        with self._db.snapshot() as conn, no_gc():
            if where is None:
                for label, (table, columns) in NODE_TABLES.items():
                    for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
                        graph.add_node(row[0], **{LABELS: [label]}, **node_props(label, row))
                self._add_edges(graph, conn)
                return graph
            return self._part(graph, conn, where)

    def _part(self, graph: nx.MultiDiGraph, conn: sqlite3.Connection, where: RelationFilter) -> nx.MultiDiGraph:
        """``networkx_store.part_of`` in SQL: only the rows of the part are read."""
        sql, params = filtered(f"SELECT {', '.join(EVENT)} FROM event", where)
        events = sorted(conn.execute(sql, params).fetchall(), key=lambda row: row[4])
        ends = {n for row in events for n in (row[0], row[1])}
        if where.actor is not None:
            ends.add(where.actor)
        cited = {row[4 + EVENT_PROPS.index("article")] for row in events} - {None}
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS part_node (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM part_node")
        conn.executemany("INSERT INTO part_node VALUES (?)", [(n,) for n in ends | cited])
        for label, (table, columns) in NODE_TABLES.items():
            select = ", ".join(f"t.{c}" for c in columns)
            # CROSS JOIN: SQLite keeps this order (the few ids of the part, then an index lookup each)
            for row in conn.execute(f"SELECT {select} FROM part_node p CROSS JOIN {table} t ON t.id = p.id ORDER BY t.id"):
                if label != "Article" or row[0] in cited:
                    graph.add_node(row[0], **{LABELS: [label]}, **node_props(label, row))
        for row in events:
            add_event(graph, row)
        conn.execute("DELETE FROM part_node")  # now: the part's nodes, whose structural edges come along
        conn.executemany("INSERT INTO part_node VALUES (?)", [(n,) for n in graph.nodes])
        self._add_edges(graph, conn, part=True)
        conn.execute("DELETE FROM part_node")
        return graph

    def _add_edges(self, graph: nx.MultiDiGraph, conn: sqlite3.Connection, part: bool = False) -> None:
        """Every edge in id order; with ``part``, the structural and mention edges between the
        nodes of ``part_node`` (found from their source by index)."""
        if not part:
            for row in conn.execute(f"SELECT {', '.join(EVENT)} FROM event ORDER BY id"):
                add_event(graph, row)
        links = "part_node s CROSS JOIN link l ON l.source = s.id JOIN part_node t ON t.id = l.target" if part else "link l"
        for row in conn.execute(f'SELECT l.id, l.type, l.source, l.target, l.title, l.start, l."end" FROM {links} ORDER BY l.id'):
            add_link(graph, row)
        mentions = "part_node s CROSS JOIN mention m ON m.actor = s.id JOIN part_node t ON t.id = m.article" if part else "mention m"
        for actor, article, count in conn.execute(f"SELECT m.actor, m.article, m.count FROM {mentions} "
                                                  "ORDER BY 'mention:' || m.actor || '|' || m.article"):
            add_mention(graph, actor, article, count)

    # -- lookups for a query engine (nodes by label and property, a node's edges) ------------
    def find_nodes(self, label: str, key: str | None = None, value: Any = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, properties) of the nodes with ``label`` (and ``key = value``), by index where there is one."""
        table, columns = NODE_TABLES[label]
        if key is not None and key not in columns:
            return
        indexed = key is not None and key != "aliases" and isinstance(value, (str, int, float))
        sql = f"SELECT {', '.join(columns)} FROM {table}" + (f" WHERE {key} = ?" if indexed else "") + " ORDER BY id"
        with self._db.errors("read"):
            rows = self._conn.execute(sql, (value,) if indexed else ()).fetchall()
        for row in rows:
            props = node_props(label, row)
            if key is None or props.get(key) == value:  # aliases are JSON text in the table
                yield row[0], props

    def node_edges(self, node_id: str, direction: str = "both") -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, key, attributes with ``_type``) of the edges at one node; ``direction``
        ``out``, ``in`` or ``both``."""
        sides = {"out": ("source",), "in": ("target",), "both": ("source", "target")}[direction]
        seen: set[str] = set()
        with self._db.snapshot() as conn:
            for side in sides:
                for row in conn.execute(f"SELECT {', '.join(EVENT)} FROM event WHERE {side} = ? ORDER BY id", (node_id,)):
                    if row[4] not in seen:
                        seen.add(row[4])
                        yield row[0], row[1], row[4], {TYPE: row[2], **dict(zip(EVENT_PROPS, row[4:]))}
                for row in conn.execute(f'SELECT id, type, source, target, title, start, "end" FROM link WHERE {side} = ? ORDER BY id', (node_id,)):
                    edge = link_edge(row)
                    if edge.id not in seen:
                        seen.add(edge.id)
                        yield edge.source, edge.target, edge.id, {TYPE: edge.type, **edge.props}
                column = {"source": "actor", "target": "article"}[side]
                for actor, article, count in conn.execute(f"SELECT actor, article, count FROM mention WHERE {column} = ?", (node_id,)):
                    key = mention_id(actor, article)
                    if key not in seen:
                        seen.add(key)
                        yield actor, article, key, {TYPE: "MENTIONED_IN", "id": key, "count": count}

    # -- capabilities ------------------------------------------------------------------------
    def run_cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
                   limits: "QueryLimits | None" = None) -> "Result":
        """Polgraph's own engine (read queries only) on the part of the store's graph the query
        can reach (``reach_graph``); when it cannot be bounded by a start, on the labels and
        relationship types it can touch (``scope_graph``), or on the whole graph."""
        from polgraph.cypher.api import query_reach, query_scope, run_graph

        reach = query_reach(query, params, limits)
        if reach is not None:
            graph = self.reach_graph(reach)
            path = f"the engine on the part reached from the named start ({len(reach.walks)} walks, {reach.depth} hops)"
        else:
            answer = self.pushdown(query, params, limits)
            if answer is not None:
                return answer
            scope = query_scope(query, params, limits)
            graph = self.to_networkx() if scope is None else self.scope_graph(scope)
            path = "the engine on the whole graph" if scope is None else "the engine on the node and edge tables the query touches"
        result = run_graph(graph, query, params, limits)
        result.path = f"{path}: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships read"
        return result

    def pushdown(self, query: str, params: dict[str, Any] | None = None,
                 limits: "QueryLimits | None" = None) -> "Result | None":
        """The answer of a query with no named start over one relationship that aggregates or
        sorts, computed by one SQL statement (``sqlite_pushdown``); None: the engine answers it."""
        from polgraph.cypher.api import prepare
        from polgraph.graph.stores.sqlite_pushdown import run_pushdown

        with self._db.snapshot() as conn:
            return run_pushdown(conn, prepare(query), params or {}, limits)

    def pushdown_sql(self, query: str, params: dict[str, Any] | None = None) -> str | None:
        """The SQL statement ``pushdown`` would run for ``query`` (None: the engine answers it)."""
        from polgraph.cypher.api import prepare
        from polgraph.graph.stores.sqlite_pushdown import plan_of

        with self._db.snapshot() as conn:
            plan = plan_of(conn, prepare(query), params or {})
        return None if plan is None else plan.sql

    def reach_graph(self, reach: "Reach") -> nx.MultiDiGraph:
        """Only the nodes and edges ``reach`` covers (a query's named starts, then its hops), read
        through the indexes (``sqlite_reach``)."""
        from polgraph.graph.stores.sqlite_reach import reach_graph

        with self._db.snapshot() as conn:
            return reach_graph(conn, reach)

    def scope_graph(self, scope: "Scope") -> nx.MultiDiGraph:
        """Every node of the labels ``scope`` needs and every edge of the tables it allows
        (``sqlite_reach``), in the whole graph's order."""
        from polgraph.cypher.index import no_gc
        from polgraph.graph.stores.sqlite_reach import scope_graph

        with self._db.snapshot() as conn, no_gc():
            return scope_graph(conn, scope)

    def centrality(self, where: RelationFilter, sampling: "Betweenness") -> "list[ActorScore] | None":
        return None  # computed from event_rows by polgraph.graph.algorithms.centrality

    def init_schema(self) -> list[SchemaItem]:
        """The embedded store makes its tables and indexes when it is created; lists them."""
        with self._db.errors("read"):
            rows = self._conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name"
            ).fetchall()
        return [SchemaItem(name, "exists", kind) for name, kind in rows]

    def describe(self) -> str:
        return f"embedded SQLite store ({FORMAT}, SQLite {sqlite3.sqlite_version})"

    def close(self) -> None:
        if self._conn is not None:
            self._db.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.location!r})"


def _event_edge(row: Sequence[Any]) -> upsert.Edge:
    """An ``event`` row (the columns of ``EVENT``) as an edge in the shared layout."""
    return upsert.Edge(row[2], row[0], row[1], dict(zip(EVENT_PROPS, row[4:])))


def _write_keys(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]], stored: Container[str] | None = None) -> None:
    """The ``actor_key`` rows of these ``actor`` rows, in place of what they had (given ``stored``,
    only an actor in it had keys before)."""
    conn.executemany("DELETE FROM actor_key WHERE actor = ?", [(row[0],) for row in rows if stored is None or row[0] in stored])
    conn.executemany("INSERT OR IGNORE INTO actor_key VALUES (?, ?)",
                     [(key, row[0]) for row in rows for key in sorted(name_keys(row[1], json.loads(row[3]), row[2]))])
