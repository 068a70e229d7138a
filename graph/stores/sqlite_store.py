"""The embedded store: one SQLite file (the standard library's ``sqlite3``), the default store.

- Tables per kind of node and edge (``graph/data/sqlite_schema.sql``), indexed for what the
  commands ask: an actor's events (from and to), a time window, the pairs analytics stream.
  Commands read only the rows they need; ``to_networkx`` builds a NetworkX graph on request, of
  the whole store or only of the part around a filter.
- One ``write`` is one transaction (``BEGIN IMMEDIATE``): it is applied whole or not at all, a
  killed process leaves the last committed state, and concurrent writers wait for each other
  (WAL journal: readers are never blocked by a load). Writes merge by the rules of ``graph.upsert``.
- The file is recognised by its SQLite application id; a file of another program, a damaged file,
  a full disk or a read-only folder is a one-line ``StoreError`` and the store is left as it was.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import socket
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import networkx as nx

from polgraph.exceptions import StoreError
from polgraph.graph import codec, upsert
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import EventRow, RelationFilter, SchemaItem, WriteSummary

if TYPE_CHECKING:
    from polgraph.cypher.executor import Result
    from polgraph.cypher.limits import QueryLimits
    from polgraph.graph.algorithms.centrality import ActorScore

__all__ = ["APPLICATION_ID", "DEFAULT_PATH", "FORMAT", "LegacyJSONStore", "NoSuchStore", "SQLiteStore", "sniff"]

DEFAULT_PATH = Path(".polgraph") / "graph.db"
FORMAT = "polgraph-sqlite/1"
APPLICATION_ID = 0x706F6C67  # "polg": PRAGMA application_id, how a polgraph store is told from other SQLite files
SCHEMA_VERSION = 1
_SQLITE_HEADER = b"SQLite format 3\x00"
_CHUNK = 500  # ids per IN (...) list
# A bulk load into a store with fewer events than this drops the event indexes and builds them
# again at its end (sorting once is much faster than keeping them up to date row by row).
BULK_REBUILD_MAX = 2_000_000
_DEFERRED_INDEXES = ("event_source", "event_target", "event_date")

_ACTOR = ("id", "name", "kind", "aliases", "country", "sector")
_TOPIC = ("id", "name")
_ARTICLE = ("id", "title", "published", "source", "url", "text")
_EVENT_PROPS = tuple(codec.relation_props(Relation("", "", "", "", 0)))
_EVENT = ("source", "target", "type", "to_topic", *_EVENT_PROPS)
_LINK = ("id", "type", "source", "target", "title", "start", "end")
_MENTION_UPSERT = "INSERT INTO mention VALUES (?, ?, ?) ON CONFLICT (actor, article) DO UPDATE SET count = excluded.count"
_NODE_TABLES = {"Actor": ("actor", _ACTOR), "Topic": ("topic", _TOPIC), "Article": ("article", _ARTICLE)}
_LINK_PROPS = {"HOLDS_ROLE": ("id", "title", "start", "end"), "MEMBER_OF": ("id",)}


class NoSuchStore(StoreError):
    """A reading command named a store that does not exist."""


class LegacyJSONStore(StoreError):
    """The file is a JSON store of polgraph 0.1 (``graph.stores.migrate`` converts it)."""


def sniff(path: Path) -> str:
    """What the file at ``path`` is: ``"missing"``, ``"empty"``, ``"sqlite"``, ``"json"`` or ``"other"``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except FileNotFoundError:
        return "missing"
    except IsADirectoryError:
        return "other"
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror or exc})") from None
    if not head:
        return "empty"
    if head.startswith(_SQLITE_HEADER):
        return "sqlite"
    if head.lstrip()[:1] == b"{":
        return "json"
    return "other"


class SQLiteStore:
    """``SQLiteStore(path)`` opens a store; ``create=True`` makes it (and its folder) when missing."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, create: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = False
        self._unwritable = ""  # why a read-only store cannot be written
        self._written: dict[str, Actor] | None = None  # in a bulk load: actors as this process wrote them
        kind = sniff(self.path)
        if kind == "missing" and not create:
            raise NoSuchStore(f"{self.path}: no such store (load articles into it first)")
        if kind == "json":
            raise LegacyJSONStore(f"{self.path}: a JSON store of polgraph 0.1 (run `polgraph migrate`)")
        if kind == "other":
            raise StoreError(f"{self.path}: not a polgraph store (neither a SQLite database nor polgraph's JSON)")
        if kind == "empty" and not create:
            raise StoreError(f"{self.path}: an empty file, not a polgraph store")
        if kind == "missing":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store ({exc.strerror or exc})") from None
        self._conn = self._connect(lock_timeout, exists=kind == "sqlite")
        try:
            self._check_or_create(create)
        except BaseException:
            self._conn.close()
            raise

    # -- opening -----------------------------------------------------------------------------
    def _connect(self, lock_timeout: float, exists: bool) -> sqlite3.Connection:
        uri = "file:" + quote(str(self.path.resolve() if exists else self.path))
        try:
            conn = sqlite3.connect(uri + ("?mode=rw" if exists else "?mode=rwc"), uri=True, timeout=lock_timeout, isolation_level=None)
            conn.execute("PRAGMA schema_version").fetchone()  # opens the file now, and reads the WAL if any
        except sqlite3.Error as exc:
            unwritable = _code(exc) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR)
            wal = Path(str(self.path.resolve()) + "-wal")
            if not exists or not unwritable or (wal.exists() and wal.stat().st_size > 0):
                raise self._error(exc, "open") from None
            # A read-only or full folder, where no -shm file can be made beside the store, and no
            # write is pending in a WAL file: read the file as it is.
            try:
                conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None)
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.Error as again:
                raise self._error(again, "open") from None
            self.read_only = True
            full = _code(exc) == sqlite3.SQLITE_IOERR and shutil.disk_usage(self.path.resolve().parent).free < 1 << 20
            self._unwritable = "the disk is full (nothing was changed)" if full else "the store's file or folder is read-only"
        for pragma in ("synchronous = NORMAL", "cache_size = -65536", "temp_store = MEMORY", "mmap_size = 268435456"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    def _check_or_create(self, create: bool) -> None:
        with self._errors("open"):
            app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == APPLICATION_ID:
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer polgraph (store version {version}); upgrade polgraph")
            if create and not self.read_only:
                self._restore_indexes(only_if_abandoned=True)
            return
        if app_id != 0 or tables:
            raise StoreError(f"{self.path}: not a polgraph store (a SQLite database of another program)")
        if not create:
            raise StoreError(f"{self.path}: not a polgraph store (an empty SQLite database)")
        if self.read_only:
            raise StoreError(f"{self.path}: cannot create the store: {self._unwritable}")
        with self._errors("create the store"):
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if self._conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:  # not made meanwhile
                    for statement in _schema():
                        self._conn.execute(statement)
                    self._conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                    self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    # -- bulk loads --------------------------------------------------------------------------
    @contextmanager
    def bulk(self) -> Iterator["SQLiteStore"]:
        """Many writes follow (``polgraph load`` of coded events). On a store of fewer than
        ``BULK_REBUILD_MAX`` events the event indexes are dropped now and built again at the end;
        reads stay right meanwhile, only slower. A load killed meanwhile leaves them missing: the
        next writing command (or ``polgraph init``) builds them."""
        with self._errors("read"):
            events = self._conn.execute("SELECT count(*) FROM event").fetchone()[0]
        deferred = events < BULK_REBUILD_MAX
        if deferred:
            with self._transaction() as conn:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('bulk_load', ?)", (_process_tag(),))
                for name in _DEFERRED_INDEXES:
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
        self._conn.execute("PRAGMA cache_size = -524288")
        self._conn.execute("PRAGMA wal_autocheckpoint = 65536")  # fewer, larger checkpoints
        self._written = {}
        try:
            yield self
        finally:
            self._written = None
            self._conn.execute("PRAGMA cache_size = -65536")
            self._conn.execute("PRAGMA wal_autocheckpoint = 1000")
            if deferred:
                self._restore_indexes()

    def _restore_indexes(self, only_if_abandoned: bool = False) -> None:
        """Build the event indexes a bulk load dropped; with ``only_if_abandoned``, only when no
        live process of this machine is loading."""
        with self._errors("read"):
            present = {row[0] for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            owner = self._conn.execute("SELECT value FROM meta WHERE key = 'bulk_load'").fetchone()
        if only_if_abandoned and (set(_DEFERRED_INDEXES) <= present or (owner is not None and _alive(owner[0]))):
            return
        with self._transaction() as conn:
            for statement in _schema():
                name = re.match(r"CREATE INDEX (\w+)", statement)
                if name and name.group(1) in _DEFERRED_INDEXES:
                    conn.execute(statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
            conn.execute("DELETE FROM meta WHERE key = 'bulk_load'")

    # -- errors and transactions -------------------------------------------------------------
    def _error(self, exc: BaseException, action: str) -> StoreError:
        code = _code(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StoreError(f"{self.path}: another polgraph process is writing (lock held)")
        if code == sqlite3.SQLITE_FULL or getattr(exc, "errno", None) == 28:
            return StoreError(f"{self.path}: cannot {action}: the disk is full (nothing was changed)")
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or getattr(exc, "errno", None) in (1, 13, 30):
            return StoreError(f"{self.path}: cannot {action}: the store's file or folder is read-only")
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return StoreError(f"{self.path}: not a polgraph store, or a damaged one ({exc})")
        if code == sqlite3.SQLITE_CANTOPEN:
            return StoreError(f"{self.path}: cannot open the store ({exc})")
        return StoreError(f"{self.path}: cannot {action} ({exc})")

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise self._error(exc, action) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(f"{self.path}: cannot write: {self._unwritable}")
        with self._errors("write"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the store (a read transaction)."""
        with self._errors("read"):
            nested = self._conn.in_transaction
            if not nested:
                self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if not nested and self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        # In a bulk load, actors this process wrote as they come now need not be read again (merging is idempotent).
        plan = upsert.plan_write(graphs, self._written)
        summary = WriteSummary()
        with self._transaction() as conn:
            unchanged = plan.written_actors
            stored_actors = self._node_rows("Actor", set(plan.actors) - unchanged)
            stored_articles = self._node_rows("Article", plan.articles)
            stored_topics = self._node_rows("Topic", plan.topics)
            mention_actors = {e.source for e in plan.mentions.values()}
            wanted = (plan.relation_ends() | mention_actors | {e.target for e in plan.links.values()}) - set(plan.actors)
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
            # An edge of an article stored only now cannot have been stored before: no need to look.
            new_articles = set(plan.articles) - set(stored_articles)
            topics = set(plan.topics) | known_topics
            summary.relations = self._merge_events(conn, plan.relations, topics, new_articles)
            self._merge_mentions(conn, plan.mentions, new_articles)
            new_actors = set(actors) - set(stored_actors)
            self._merge_links(conn, plan.links, known_actors | set(plan.actors), new_actors)
        if self._written is not None:
            self._written.update((a.id, a) for ag in graphs for a in ag.actors if a.id in plan.actors)
        return summary

    def _merge_nodes(self, conn: sqlite3.Connection, label: str, rows: dict[str, dict[str, Any]],
                     stored: dict[str, tuple[Any, ...]]) -> int:
        table, columns = _NODE_TABLES[label]
        out = []
        for node_id, props in rows.items():
            row = _node_row(label, props)
            old_row = stored.get(node_id)
            if old_row is None:
                out.append(row)
            elif old_row != row:  # most nodes of a write are stored as they are: no decoding then
                merged = _node_row(label, upsert.merge_node(label, _node_props(label, old_row), props))
                if merged != old_row:
                    out.append(merged)
        if out:
            conn.executemany(_upsert_sql(table, columns), out)
        return sum(1 for node_id in rows if node_id not in stored)

    def _merge_events(self, conn: sqlite3.Connection, rows: dict[str, Relation], topics: set[str], new_articles: set[str]) -> int:
        """Event relations; how many are new. A relation of an article stored only now is taken as
        new without a look (it names the article in its id), and checked only if the insert says otherwise."""
        new, changed = self._event_rows(rows, topics, (i for i, rel in rows.items() if rel.article not in new_articles))
        inserted = 0
        if new:
            inserted = conn.executemany(f"INSERT INTO event ({', '.join(_EVENT)}) VALUES ({_marks(_EVENT)}) "
                                        "ON CONFLICT (id) DO NOTHING", new).rowcount
            if inserted < len(new):  # stored before its article was (a write without the article)
                changed += self._event_rows(rows, topics, [row[4] for row in new])[1]
        if changed:
            conn.executemany(_upsert_sql("event", _EVENT), changed)
        return inserted

    def _event_rows(self, rows: dict[str, Relation], topics: set[str], look: Iterable[str]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """(rows of relations not stored, merged rows of stored relations that change)."""
        stored = self._stored_events(look)
        new, changed = [], []
        for rel_id, rel in rows.items():
            old = stored.get(rel_id)
            if old is None:
                new.append(_event_row(rel_id, rel, rel.target in topics))
                continue
            props = upsert.merge_edge(rel.type, old, codec.relation_props(rel))
            if props != old:
                changed.append((rel.source, rel.target, rel.type, int(rel.target in topics), *(props[k] for k in _EVENT_PROPS)))
        return new, changed

    def _merge_mentions(self, conn: sqlite3.Connection, rows: dict[str, upsert.Edge], new_articles: set[str]) -> None:
        stored: dict[str, dict[str, Any]] = {}
        for chunk in _chunks({e.target for e in rows.values()} - new_articles):
            for actor, article, count in conn.execute(f"SELECT actor, article, count FROM mention WHERE article IN ({_marks(chunk)})", chunk):
                key = _mention_id(actor, article)
                stored[key] = {"id": key, "count": count}
        out = []
        for edge_id, edge in rows.items():
            old = stored.get(edge_id)
            props = edge.props if old is None else upsert.merge_edge(edge.type, old, edge.props)
            if props != old:
                if edge_id != _mention_id(edge.source, edge.target):
                    raise StoreError(f"mention {edge_id!r}: not polgraph's key for ({edge.source}, {edge.target})")
                out.append((edge.source, edge.target, props["count"]))
        if out:
            conn.executemany(_MENTION_UPSERT, out)

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
                made.append(_link_row(edge.type, edge.source, edge.target, props))
        if made:
            conn.executemany(_upsert_sql("link", _LINK), made)
        done = [(e.id,) for e in ready if e.id in waiting or e.id in waiting_written]
        if done:
            conn.executemany("DELETE FROM pending_link WHERE id = ?", done)
        kept = [_link_row(e.type, e.source, e.target, e.props) for e in still
                if (waiting.get(e.id) or waiting_written.get(e.id)) != e]  # rewrite only what changes
        if kept:
            conn.executemany(_upsert_sql("pending_link", _LINK), kept)

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Copy a graph in the shared layout as it is (``polgraph pull``, migration): its properties win."""
        nodes: dict[str, list[tuple[Any, ...]]] = {label: [] for label in _NODE_TABLES}
        label_of: dict[str, str] = {}
        for key, data in graph.nodes(data=True):
            labels = data.get(LABELS) or []
            if len(labels) != 1 or labels[0] not in _NODE_TABLES:
                raise StoreError(f"node {key!r}: labels {labels!r} are not polgraph's ({', '.join(_NODE_TABLES)})")
            props = {k: v for k, v in data.items() if k != LABELS}
            _check_keys(f"node {key!r}", props, _NODE_TABLES[labels[0]][1])
            label_of[key] = labels[0]
            nodes[labels[0]].append(_node_row(labels[0], {"id": key, **props}))
        events, links, mentions = [], [], []
        for source, target, key, data in graph.edges(keys=True, data=True):
            edge_type = data.get(TYPE)
            props = {"id": key, **{k: v for k, v in data.items() if k != TYPE}}
            shape = (label_of.get(source), edge_type, label_of.get(target))
            if edge_type == "MENTIONED_IN" and shape == ("Actor", edge_type, "Article"):
                _check_keys(f"edge {key!r}", props, ("id", "count"))
                if key != _mention_id(source, target):
                    raise StoreError(f"edge {key!r}: not polgraph's key for a mention of {target} by {source}")
                mentions.append((source, target, int(props.get("count") or 1)))
            elif edge_type in _LINK_PROPS and shape == ("Actor", edge_type, "Actor"):
                _check_keys(f"edge {key!r}", props, _LINK_PROPS[edge_type])
                links.append(_link_row(edge_type, source, target, props))
            elif edge_type and edge_type not in STRUCTURAL_TYPES and shape[0] == "Actor" and shape[2] in ("Actor", "Topic"):
                _check_keys(f"edge {key!r}", props, _EVENT_PROPS)
                events.append((source, target, edge_type, int(shape[2] == "Topic"), *(props.get(k) for k in _EVENT_PROPS)))
            else:
                raise StoreError(f"edge {key!r}: ({shape[0]})-[:{edge_type}]->({shape[2]}) is not in polgraph's layout")
        with self._transaction() as conn:
            for label, rows in nodes.items():
                table, columns = _NODE_TABLES[label]
                conn.executemany(_upsert_sql(table, columns), rows)
            conn.executemany(_upsert_sql("event", _EVENT), events)
            conn.executemany(_upsert_sql("link", _LINK), links)
            conn.executemany(_MENTION_UPSERT, mentions)
            conn.executemany("DELETE FROM pending_link WHERE id = ?", [(row[0],) for row in links])
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    # -- reading helpers ---------------------------------------------------------------------
    def _existing(self, table: str, ids: Iterable[str]) -> set[str]:
        return {
            row[0]
            for chunk in _chunks(ids)
            for row in self._conn.execute(f"SELECT id FROM {table} WHERE id IN ({_marks(chunk)})", chunk)
        }

    def _node_rows(self, label: str, ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
        table, columns = _NODE_TABLES[label]
        return {
            row[0]: row
            for chunk in _chunks(ids)
            for row in self._conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({_marks(chunk)})", chunk)
        }

    def _stored_events(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        columns = ", ".join(_EVENT_PROPS)
        return {
            row[0]: dict(zip(_EVENT_PROPS, row))
            for chunk in _chunks(ids)
            for row in self._conn.execute(f"SELECT {columns} FROM event WHERE id IN ({_marks(chunk)})", chunk)
        }

    def _links(self, table: str, column: str, values: Iterable[str]) -> list[upsert.Edge]:
        found = []
        for chunk in _chunks(values):
            sql = f'SELECT id, type, source, target, title, start, "end" FROM {table} WHERE {column} IN ({_marks(chunk)})'
            found.extend(_link_edge(row) for row in self._conn.execute(sql, chunk))
        return found

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._errors("read"):
            return self._conn.execute("SELECT 1 FROM article WHERE id = ?", (article_id,)).fetchone() is not None

    def actor(self, actor_id: str) -> Actor | None:
        with self._errors("read"):
            row = self._conn.execute(f"SELECT {', '.join(_ACTOR)} FROM actor WHERE id = ?", (actor_id,)).fetchone()
        return None if row is None else _actor(row)

    def actors(self, kind: str | None = None, *, ids: Iterable[str] | None = None) -> list[Actor]:
        select = f"SELECT {', '.join(_ACTOR)} FROM actor"
        with self._errors("read"):
            if ids is not None:
                found = [_actor(row) for chunk in _chunks(set(ids))
                         for row in self._conn.execute(f"{select} WHERE id IN ({_marks(chunk)})", chunk)]
                return sorted((a for a in found if kind is None or a.kind == kind), key=lambda a: a.id)
            sql = select + (" WHERE kind = ?" if kind else "") + " ORDER BY id"
            return [_actor(row) for row in self._conn.execute(sql, (kind,) if kind else ())]

    def articles(self) -> list[Article]:
        with self._errors("read"):
            rows = self._conn.execute(f"SELECT {', '.join(_ARTICLE)} FROM article ORDER BY id").fetchall()
        return [codec.props_to_article(dict(zip(_ARTICLE, row))) for row in rows]

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        columns = ", ".join(_EVENT)
        sql, params = _filtered(f"SELECT {columns} FROM event", where)
        sql += " ORDER BY coalesce(date, ''), article, sentence, source, type, target"
        with self._errors("read"):
            return [_relation(row) for row in self._conn.execute(sql, params)]

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        columns = "source, target, type, date, goldstein, quad_class, confidence, attribution"
        sql, params = _filtered(f"SELECT {columns}, article, sentence FROM event", where, "to_topic = 0")
        sql += " ORDER BY source, target, type, date, article, sentence"
        with self._errors("read"):
            cursor = self._conn.execute(sql, params)
        while True:
            with self._errors("read"):
                rows = cursor.fetchmany(10_000)
            if not rows:
                return
            for r in rows:
                yield EventRow(r[0], r[1], r[2], r[3], r[4], r[5], 1.0 if r[6] is None else r[6], r[7] or "asserted")

    def counts(self) -> dict[str, int]:
        with self._snapshot() as conn:
            one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "actors": one("SELECT count(*) FROM actor"),
                "articles": one("SELECT count(*) FROM article"),
                "topics": one("SELECT count(*) FROM topic"),
                "relations": one("SELECT count(*) FROM event"),
                "mentions": one("SELECT count(*) FROM mention"),
            }

    def to_networkx(self, where: RelationFilter | None = None) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        with self._snapshot() as conn:
            if where is None:
                for label, (table, columns) in _NODE_TABLES.items():
                    for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
                        graph.add_node(row[0], **{LABELS: [label]}, **_node_props(label, row))
                self._add_edges(graph, conn)
                return graph
            return self._part(graph, conn, where)

    def _part(self, graph: nx.MultiDiGraph, conn: sqlite3.Connection, where: RelationFilter) -> nx.MultiDiGraph:
        """``networkx_store.part_of`` in SQL: only the rows of the part are read."""
        sql, params = _filtered(f"SELECT {', '.join(_EVENT)} FROM event", where)
        events = sorted(conn.execute(sql, params).fetchall(), key=lambda row: row[4])
        ends = {n for row in events for n in (row[0], row[1])}
        if where.actor is not None:
            ends.add(where.actor)
        cited = {row[4 + _EVENT_PROPS.index("article")] for row in events} - {None}
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS part_node (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM part_node")
        conn.executemany("INSERT INTO part_node VALUES (?)", [(n,) for n in ends | cited])
        for label, (table, columns) in _NODE_TABLES.items():
            select = ", ".join(f"t.{c}" for c in columns)
            # CROSS JOIN: SQLite keeps this order (the few ids of the part, then an index lookup each)
            for row in conn.execute(f"SELECT {select} FROM part_node p CROSS JOIN {table} t ON t.id = p.id ORDER BY t.id"):
                if label != "Article" or row[0] in cited:
                    graph.add_node(row[0], **{LABELS: [label]}, **_node_props(label, row))
        for row in events:
            graph.add_edge(row[0], row[1], key=row[4], **{TYPE: row[2]}, **dict(zip(_EVENT_PROPS, row[4:])))
        conn.execute("DELETE FROM part_node")  # now: the part's nodes, whose structural edges come along
        conn.executemany("INSERT INTO part_node VALUES (?)", [(n,) for n in graph.nodes])
        self._add_edges(graph, conn, part=True)
        conn.execute("DELETE FROM part_node")
        return graph

    def _add_edges(self, graph: nx.MultiDiGraph, conn: sqlite3.Connection, part: bool = False) -> None:
        """Every edge in id order; with ``part``, the structural and mention edges between the
        nodes of ``part_node`` (found from their source by index)."""
        if not part:
            for row in conn.execute(f"SELECT {', '.join(_EVENT)} FROM event ORDER BY id"):
                graph.add_edge(row[0], row[1], key=row[4], **{TYPE: row[2]}, **dict(zip(_EVENT_PROPS, row[4:])))
        links = "part_node s CROSS JOIN link l ON l.source = s.id JOIN part_node t ON t.id = l.target" if part else "link l"
        for row in conn.execute(f'SELECT l.id, l.type, l.source, l.target, l.title, l.start, l."end" FROM {links} ORDER BY l.id'):
            edge = _link_edge(row)
            graph.add_edge(edge.source, edge.target, key=edge.id, **{TYPE: edge.type}, **edge.props)
        mentions = "part_node s CROSS JOIN mention m ON m.actor = s.id JOIN part_node t ON t.id = m.article" if part else "mention m"
        for actor, article, count in conn.execute(f"SELECT m.actor, m.article, m.count FROM {mentions} "
                                                  "ORDER BY 'mention:' || m.actor || '|' || m.article"):
            key = _mention_id(actor, article)
            graph.add_edge(actor, article, key=key, **{TYPE: "MENTIONED_IN"}, id=key, count=count)

    # -- lookups for a query engine (nodes by label and property, a node's edges) ------------
    def find_nodes(self, label: str, key: str | None = None, value: Any = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, properties) of the nodes with ``label`` (and ``key = value``), by index where there is one."""
        table, columns = _NODE_TABLES[label]
        if key is not None and key not in columns:
            return
        indexed = key is not None and key != "aliases" and isinstance(value, (str, int, float))
        sql = f"SELECT {', '.join(columns)} FROM {table}" + (f" WHERE {key} = ?" if indexed else "") + " ORDER BY id"
        with self._errors("read"):
            rows = self._conn.execute(sql, (value,) if indexed else ()).fetchall()
        for row in rows:
            props = _node_props(label, row)
            if key is None or props.get(key) == value:  # aliases are JSON text in the table
                yield row[0], props

    def node_edges(self, node_id: str, direction: str = "both") -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, key, attributes with ``_type``) of the edges at one node; ``direction``
        ``out``, ``in`` or ``both``."""
        sides = {"out": ("source",), "in": ("target",), "both": ("source", "target")}[direction]
        seen: set[str] = set()
        with self._snapshot() as conn:
            for side in sides:
                for row in conn.execute(f"SELECT {', '.join(_EVENT)} FROM event WHERE {side} = ? ORDER BY id", (node_id,)):
                    if row[4] not in seen:
                        seen.add(row[4])
                        yield row[0], row[1], row[4], {TYPE: row[2], **dict(zip(_EVENT_PROPS, row[4:]))}
                for row in conn.execute(f'SELECT id, type, source, target, title, start, "end" FROM link WHERE {side} = ? ORDER BY id', (node_id,)):
                    edge = _link_edge(row)
                    if edge.id not in seen:
                        seen.add(edge.id)
                        yield edge.source, edge.target, edge.id, {TYPE: edge.type, **edge.props}
                column = {"source": "actor", "target": "article"}[side]
                for actor, article, count in conn.execute(f"SELECT actor, article, count FROM mention WHERE {column} = ?", (node_id,)):
                    key = _mention_id(actor, article)
                    if key not in seen:
                        seen.add(key)
                        yield actor, article, key, {TYPE: "MENTIONED_IN", "id": key, "count": count}

    # -- capabilities ------------------------------------------------------------------------
    def run_cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
                   limits: "QueryLimits | None" = None) -> "Result":
        """Polgraph's own engine (read queries only) on the store's graph."""
        from polgraph.cypher.api import run_graph

        return run_graph(self.to_networkx(), query, params, limits)

    def centrality(self, where: RelationFilter = RelationFilter()) -> "list[ActorScore] | None":
        return None  # computed from event_rows by polgraph.graph.algorithms.centrality

    def init_schema(self) -> list[SchemaItem]:
        """The embedded store makes its tables and indexes when it is created; lists them."""
        with self._errors("read"):
            rows = self._conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name"
            ).fetchall()
        return [SchemaItem(name, "exists", kind) for name, kind in rows]

    def describe(self) -> str:
        return f"embedded SQLite store ({FORMAT}, SQLite {sqlite3.sqlite_version})"

    def close(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.location!r})"


# -- rows ------------------------------------------------------------------------------------
@functools.cache
def _schema() -> tuple[str, ...]:
    """The statements of ``graph/data/sqlite_schema.sql``."""
    text = resources.files("polgraph.graph").joinpath("data/sqlite_schema.sql").read_text(encoding="utf-8")
    text = re.sub(r"--[^\n]*", "", text)
    return tuple(" ".join(part.split()) for part in text.split(";") if part.strip())


def _process_tag() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(tag: str) -> bool:
    """Whether the process ``host:pid`` still runs (a process of another machine is assumed to)."""
    host, _, pid = tag.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(ids)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(chunk: Sequence[Any]) -> str:
    return ", ".join("?" * len(chunk))


def _upsert_sql(table: str, columns: Sequence[str]) -> str:
    quoted = [f'"{c}"' for c in columns]
    updates = ", ".join(f"{c} = excluded.{c}" for c in quoted if c != '"id"')
    return f"INSERT INTO {table} ({', '.join(quoted)}) VALUES ({_marks(columns)}) ON CONFLICT (id) DO UPDATE SET {updates}"


def _filtered(select: str, where: RelationFilter, *extra: str) -> tuple[str, list[Any]]:
    """``select`` restricted to what ``where`` accepts; an actor filter is two index lookups."""
    conds: list[str] = list(extra)
    params: list[Any] = []
    if where.types:
        conds.append(f"type IN ({_marks(where.types)})")
        params.extend(where.types)
    if where.since:
        conds.append("date >= ?")
        params.append(where.since.isoformat())
    if where.until:
        conds.append("date <= ?")
        params.append(where.until.isoformat())
    rest = "".join(f" AND {c}" for c in conds)
    if where.actor is None:
        return select + (f" WHERE {' AND '.join(conds)}" if conds else ""), params
    sql = f"SELECT * FROM ({select} WHERE source = ?{rest} UNION ALL {select} WHERE target = ? AND source <> ?{rest})"
    return sql, [where.actor, *params, where.actor, where.actor, *params]


def _node_row(label: str, props: dict[str, Any]) -> tuple[Any, ...]:
    columns = _NODE_TABLES[label][1]
    if label == "Actor":
        props = {**props, "aliases": json.dumps(sorted(props.get("aliases") or ()), ensure_ascii=False)}
    return tuple(props.get(c) for c in columns)


def _node_props(label: str, row: Sequence[Any]) -> dict[str, Any]:
    props = dict(zip(_NODE_TABLES[label][1], row))
    if label == "Actor":
        props["aliases"] = json.loads(props["aliases"])
    return props


def _mention_id(actor: str, article: str) -> str:
    return f"mention:{actor}|{article}"


def _event_row(rel_id: str, rel: Relation, to_topic: bool) -> tuple[Any, ...]:
    """The ``event`` row of a relation (the columns of ``_EVENT``, values as ``codec.relation_props``)."""
    return (rel.source, rel.target, rel.type, int(to_topic), rel_id, rel.cameo, rel.plover, codec.iso(rel.date), rel.article,
            rel.sentence, rel.evidence, rel.confidence, rel.goldstein, rel.quad_class, rel.attribution, rel.reported_by,
            rel.url, rel.num_mentions, rel.num_sources, rel.num_articles, rel.avg_tone)


def _actor(row: Sequence[Any]) -> Actor:
    return Actor(id=row[0], name=row[1], kind=row[2], aliases=tuple(json.loads(row[3])), country=row[4], sector=row[5])


def _relation(row: Sequence[Any]) -> Relation:
    (source, target, rel_type, _to_topic, _id, cameo, plover, day, article, sentence, evidence, confidence, goldstein,
     quad_class, attribution, reported_by, url, num_mentions, num_sources, num_articles, avg_tone) = row
    return Relation(
        source=source, target=target, type=rel_type, article=article or "", sentence=int(sentence or 0),
        evidence=evidence or "", date=codec.parse_iso(day), cameo=cameo or "", plover=plover or "",
        confidence=1.0 if confidence is None else float(confidence), goldstein=goldstein, quad_class=quad_class,
        attribution=attribution or "asserted", reported_by=reported_by or "", url=url or "",
        num_mentions=num_mentions, num_sources=num_sources, num_articles=num_articles, avg_tone=avg_tone,
    )


def _link_row(edge_type: str, source: str, target: str, props: dict[str, Any]) -> tuple[Any, ...]:
    return (props["id"], edge_type, source, target, props.get("title"), props.get("start"), props.get("end"))


def _link_edge(row: Sequence[Any]) -> upsert.Edge:
    edge_id, edge_type, source, target, title, start, end = row
    props = {"id": edge_id, "title": title, "start": start, "end": end} if edge_type == "HOLDS_ROLE" else {"id": edge_id}
    return upsert.Edge(edge_type, source, target, props)


def _check_keys(what: str, props: dict[str, Any], allowed: Sequence[str]) -> None:
    extra = sorted(set(props) - set(allowed))
    if extra:
        raise StoreError(f"{what}: properties {', '.join(extra)} are not in polgraph's layout")
