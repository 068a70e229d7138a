"""``GraphRows`` of the embedded store, streamed from its tables in SQL order: memory stays flat in
the number of relations (``polgraph export`` at a million events).

The rows are those ``SQLiteStore.to_networkx()`` builds, in the order ``networkx_rows`` sorts them
to: nodes by id; event relations by (source, target, type, id) with an Actor or a Topic at their
end; roles and memberships by (source, target, id); mentions by (actor, article); and every node
and edge in the order of that graph (``graph_nodes``, ``graph_edges``). Text compares
bytewise in SQLite and by code point in Python: the same order for UTF-8.
"""

from __future__ import annotations

import heapq
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.store import EVENTS, EdgeGroup
from polgraph.graph.stores.sqlite_file import pragmas
from polgraph.graph.stores.sqlite_rows import EVENT, EVENT_PROPS, NODE_TABLES, link_edge, mention_id, node_props

__all__ = ["SQLiteGraphRows", "graph_rows"]

_FETCH = 10_000
_EVENT_END = {0: "Actor", 1: "Topic"}  # event.to_topic
# A pass over every row gains little from the store's 256 MB memory map and 64 MB page cache, and
# what they hold stays resident: with these the export's memory stays flat in the store's size
# (68 MB at 300k relations instead of 172 MB, for 5-10% more CPU). The events' sort for
# ``graph_edges`` goes to a temp file, not to the store's in-memory temp store (230 MB at 1M).
_SCAN_PRAGMAS = {"mmap_size": 0, "cache_size": -8192, "temp_store": 1}


@contextmanager
def graph_rows(conn: sqlite3.Connection, errors: Callable[[str], AbstractContextManager[None]]) -> Iterator["SQLiteGraphRows"]:
    """The rows of one read transaction (every pass sees the same store); ``errors`` turns
    SQLite's errors into the store's, around the store's own calls only."""
    nested = conn.in_transaction
    with ExitStack() as scan:
        with errors("read"):
            scan.enter_context(pragmas(conn, _SCAN_PRAGMAS))
            if not nested:
                conn.execute("BEGIN")
        try:
            yield SQLiteGraphRows(conn, errors)
        finally:
            if not nested and conn.in_transaction:
                conn.execute("COMMIT")


class SQLiteGraphRows:
    def __init__(self, conn: sqlite3.Connection, errors: Callable[[str], AbstractContextManager[None]]) -> None:
        self._conn = conn
        self._errors = errors

    def labels(self) -> list[str]:
        return sorted(label for label, (table, _) in NODE_TABLES.items() if self._any(f"SELECT 1 FROM {table} LIMIT 1"))

    def nodes(self, label: str) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
        table, columns = NODE_TABLES[label]
        for row in self._rows(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
            yield row[0], [label], node_props(label, row)

    def edge_groups(self) -> list[EdgeGroup]:
        groups = [EdgeGroup(EVENTS, "Actor", _EVENT_END[to_topic])
                  for to_topic in (0, 1) if self._any("SELECT 1 FROM event WHERE to_topic = ? LIMIT 1", to_topic)]
        with self._errors("read"):
            groups += [EdgeGroup(kind, "Actor", "Actor") for (kind,) in self._conn.execute("SELECT DISTINCT type FROM link")]
        if self._any("SELECT 1 FROM mention LIMIT 1"):
            groups.append(EdgeGroup("MENTIONED_IN", "Actor", "Article"))
        return sorted(groups)

    def edges(self, group: EdgeGroup) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        if group.kind == EVENTS:
            to_topic = {end: flag for flag, end in _EVENT_END.items()}[group.end]
            sql = f"SELECT {', '.join(EVENT)} FROM event WHERE to_topic = ? ORDER BY source, target, type, id"
            for row in self._rows(sql, to_topic):
                yield row[0], row[1], row[2], dict(zip(EVENT_PROPS, row[4:]))
        elif group.kind == "MENTIONED_IN":
            for actor, article, count in self._rows("SELECT actor, article, count FROM mention ORDER BY actor, article"):
                yield actor, article, "MENTIONED_IN", {"id": mention_id(actor, article), "count": count}
        else:
            sql = 'SELECT id, type, source, target, title, start, "end" FROM link WHERE type = ? ORDER BY source, target, id'
            for row in self._rows(sql, group.kind):
                edge = link_edge(row)
                yield edge.source, edge.target, edge.type, edge.props

    def graph_nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for label, (table, columns) in NODE_TABLES.items():  # as SQLiteStore.to_networkx adds them
            for row in self._rows(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
                yield row[0], {LABELS: [label], **node_props(label, row)}

    def graph_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """In the order a MultiDiGraph built by ``SQLiteStore.to_networkx`` iterates its edges: by
        source in node order (every edge starts at an actor, and actors come first, by id); at a
        source, by target in the order of the target's first edge added (events by id, then roles
        and memberships by id, then mentions by article); at a pair, in the order added.

        SQL sorts the events so (by source, then the first id of their pair, then id), and they
        stream; a source's roles and memberships (a few) are held until their target's events have
        passed, and its mentions (to articles, never an event's target) stream after them. So
        memory stays flat even at an actor with a tenth of the events."""
        events = ((row[0], 1, row[1], row[4], {TYPE: row[2], **dict(zip(EVENT_PROPS, row[4:]))})
                  for row in self._rows(f"SELECT {', '.join(EVENT)} FROM event "
                                        "ORDER BY source, min(id) OVER (PARTITION BY source, target), id"))
        links = ((edge.source, 0, edge.target, edge.id, {TYPE: edge.type, **edge.props})
                 for edge in map(link_edge, self._rows(
                     'SELECT id, type, source, target, title, start, "end" FROM link ORDER BY source, id')))
        sql = "SELECT actor, article, count FROM mention ORDER BY actor, article"
        mentions = (_mention(*row) for row in self._rows(sql))
        # merged by (source, phase): links (held), then events, then mentions
        merged = heapq.merge(links, events, mentions, key=lambda edge: (edge[0], edge[1]))
        for source, edges in itertools.groupby(merged, key=lambda edge: edge[0]):
            held: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            previous: str | None = None
            for _, phase, target, key, attrs in edges:
                if phase == 0:
                    held.setdefault(target, []).append((key, attrs))
                    continue
                if target != previous:
                    for link_key, link_attrs in held.pop(previous, ()) if previous is not None else ():
                        yield source, previous, link_key, link_attrs  # a pair's links after its events
                    if phase == 2 and held:  # the events are over: links to targets without events
                        yield from ((source, t, k, a) for t, keyed in held.items() for k, a in keyed)
                        held.clear()
                    previous = target
                yield source, target, key, attrs
            if previous is not None:
                for link_key, link_attrs in held.pop(previous, ()):
                    yield source, previous, link_key, link_attrs
            yield from ((source, t, k, a) for t, keyed in held.items() for k, a in keyed)

    def _any(self, sql: str, *params: Any) -> bool:
        with self._errors("read"):
            return self._conn.execute(sql, params).fetchone() is not None

    def _rows(self, sql: str, *params: Any) -> Iterator[tuple[Any, ...]]:
        with self._errors("read"):
            cursor = self._conn.execute(sql, params)
        while True:
            with self._errors("read"):
                rows = cursor.fetchmany(_FETCH)
            if not rows:
                return
            yield from rows


def _mention(actor: str, article: str, count: int) -> tuple[str, int, str, str, dict[str, Any]]:
    key = mention_id(actor, article)
    return actor, 2, article, key, {TYPE: "MENTIONED_IN", "id": key, "count": count}
