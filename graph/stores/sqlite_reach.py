"""The part of the embedded store a Cypher query can reach (``cypher.reach.Reach``), read in SQL.

A walk's start nodes are found through the tables' indexes (``actor.name``, ``actor.kind``, the
primary keys); then, hop by hop, the edges the hop allows at every node reached so far, each
table by its index on the side the hop leaves from (``event_source`` / ``event_target``,
``link_source`` / ``link_target``, the mention key / ``mention_article``), skipping the tables
whose types the hop excludes. Within a walk, a node's edges are read once per kind of hop.

The graph is built as ``SQLiteStore.to_networkx()`` builds the whole one, in the same order
(nodes by label then id, events by id, links by id, mentions by key): the engine then meets
nodes and relationships in the whole graph's order, less what is left out.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import networkx as nx

from polgraph.cypher.reach import Hop, Reach, Start, Walk
from polgraph.cypher.values import equals
from polgraph.graph.codec import LABELS
from polgraph.graph.stores.sqlite_rows import (
    EVENT,
    LINK,
    LINK_PROPS,
    NODE_TABLES,
    add_event,
    add_link,
    add_mention,
    chunks,
    marks,
    mention_id,
    node_props,
)

__all__ = ["reach_graph"]

_LINK_TYPES = frozenset(LINK_PROPS)
_MENTION = "MENTIONED_IN"
_FLIP = {"out": "in", "in": "out", "both": "both"}
_LINK_COLUMNS = ", ".join(f'"{c}"' for c in LINK)


def reach_graph(conn: sqlite3.Connection, reach: Reach) -> nx.MultiDiGraph:
    """The nodes and edges ``reach`` covers, as a MultiDiGraph in the shared layout; ``conn`` in a
    read transaction (one state of the store)."""
    part = _Part(conn)
    for walk in reach.walks:
        part.walk(walk)
    return part.graph()


class _Part:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.nodes: set[str] = set()
        self.events: dict[str, tuple[Any, ...]] = {}
        self.links: dict[str, tuple[Any, ...]] = {}
        self.mentions: dict[str, tuple[str, str, int]] = {}
        self.complete: set[tuple[str, str]] = set()  # (source, target) pairs whose events (and links) are all here
        self._found: dict[tuple[str, str, str], list[str]] = {}

    # -- walking ------------------------------------------------------------------------------
    def walk(self, walk: Walk) -> None:
        starts = self.find(walk.start)
        self.nodes.update(starts)
        if walk.until is None:
            self._walk(set(starts), walk.hops)
            return
        ends = self.find(walk.until)
        self.nodes.update(ends)
        for start in starts:
            for end in ends:
                self._between(start, end, walk.hops)

    def _walk(self, reached: set[str], hops: tuple[Hop, ...]) -> None:
        expanded: dict[Hop, set[str]] = {}  # the nodes whose edges under a hop this walk has read
        for hop in hops:
            done = expanded.setdefault(hop, set())
            todo = reached - done
            done |= todo
            reached |= self._edges(todo, hop)

    def _between(self, start: str, end: str, hops: tuple[Hop, ...]) -> None:
        """What a breadth-first search for the shortest paths from ``start`` to ``end`` (at most
        ``len(hops)`` of the same hop) needs: levels searched from each end in turn until the
        two meet, after as many levels as the ends are apart (k). Every shortest path then has its
        first ceil(k/2) relationships among the edges read from the start's side and the others
        among those read from the end's side (see ``cypher.reach``)."""
        if not hops:
            return
        forward = hops[0]
        backward = Hop(_FLIP[forward.direction], forward.only, forward.excluded)  # type: ignore[arg-type]
        near, far = {start}, {end}
        near_front, far_front = {start}, {end}
        for level in range(len(hops)):
            if near & far:
                return
            if level % 2 == 0:
                near_front = self._edges(near_front, forward) - near
                near |= near_front
            else:
                far_front = self._edges(far_front, backward) - far
                far |= far_front

    def find(self, start: Start) -> list[str]:
        """The ids of the nodes ``start`` names: by index, then checked with Cypher's equality
        (SQLite would take 1 for '1' and true for 1)."""
        key = (start.label, start.key, repr(start.value))
        if key not in self._found:
            self._found[key] = self._find(start)
        return self._found[key]

    def _find(self, start: Start) -> list[str]:
        if start.label not in NODE_TABLES or start.value is None:
            return []
        table, columns = NODE_TABLES[start.label]
        if start.key not in columns:
            return []  # no node of that label has the property: `= value` is never true
        select = f"SELECT {', '.join(columns)} FROM {table}"
        if type(start.value) in (str, int, float) and start.key != "aliases":
            rows = self.conn.execute(f'{select} WHERE "{start.key}" = ?', (start.value,))
        else:
            rows = self.conn.execute(select)  # a list, a map, a boolean: compared in Python
        return [row[0] for row in rows if equals(node_props(start.label, row).get(start.key), start.value) is True]

    def _edges(self, ids: set[str], hop: Hop) -> set[str]:
        """Read the edges ``hop`` allows at ``ids``; the nodes at their other ends."""
        ends: set[str] = set()
        if not ids:
            return ends
        sides = {"out": ((0, 1),), "in": ((1, 0),), "both": ((0, 1), (1, 0))}[hop.direction]
        types = _types_sql(hop)
        every_event = types == ("", [])
        every_type = hop.only is None and not hop.excluded
        for chunk in chunks(ids):
            for near, far in sides:
                if types is not None:
                    column = ("source", "target")[near]
                    sql, params = types
                    for row in self.conn.execute(f"SELECT {', '.join(EVENT)} FROM event WHERE {column} IN ({marks(chunk)}){sql}",
                                                 [*chunk, *params]):
                        self.events[row[4]] = row
                        ends.add(row[far])
                        if every_event:
                            self.complete.add((row[0], row[1]))
                if any(hop.allows(t) for t in _LINK_TYPES):
                    column = ("source", "target")[near]
                    for row in self.conn.execute(f"SELECT {_LINK_COLUMNS} FROM link WHERE {column} IN ({marks(chunk)})", chunk):
                        if hop.allows(row[1]):
                            self.links[row[0]] = row
                            ends.add(row[3 - near])
                            if every_type:
                                self.complete.add((row[2], row[3]))
                if hop.allows(_MENTION):
                    column = ("actor", "article")[near]
                    for row in self.conn.execute(f"SELECT actor, article, count FROM mention WHERE {column} IN ({marks(chunk)})", chunk):
                        self.mentions[mention_id(row[0], row[1])] = row
                        ends.add(row[far])
        return ends

    # -- the graph ----------------------------------------------------------------------------
    def graph(self) -> nx.MultiDiGraph:
        ids = set(self.nodes)
        for row in self.events.values():
            ids.update(row[:2])
        for row in self.links.values():
            ids.update(row[2:4])
        for row in self.mentions.values():
            ids.update(row[:2])
        graph = nx.MultiDiGraph()
        for label, (table, columns) in NODE_TABLES.items():
            rows = [row for chunk in chunks(ids)
                    for row in self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks(chunk)})", chunk)]
            rows.sort(key=lambda row: row[0])
            for row in rows:
                graph.add_node(row[0], **{LABELS: [label]}, **node_props(label, row))
        for _, _, kind, row in sorted(self._edge_order()):
            if kind == 0:
                add_event(graph, row)
            elif kind == 1:
                add_link(graph, row)
            else:
                add_mention(graph, *row)
        return graph

    def _edge_order(self) -> list[tuple[tuple[int, str], tuple[int, str], int, Any]]:
        """(rank of the pair, rank of the edge, kind, row) of every edge. The whole graph adds
        events by id, then links by id, then mentions by key: a node's neighbours come in the
        order of the first edge of each pair, which may be an edge the part left out (of a type
        a hop excludes): such a pair's first edge is looked up."""
        edges = [((0, i), 0, (row[0], row[1]), row) for i, row in self.events.items()]
        edges += [((1, i), 1, (row[2], row[3]), row) for i, row in self.links.items()]
        first: dict[tuple[str, str], tuple[int, str]] = {}
        for rank, _, pair, _ in edges:
            if pair not in first or rank < first[pair]:
                first[pair] = rank
        for pair in first.keys() - self.complete:
            event = self.conn.execute("SELECT min(id) FROM event WHERE source = ? AND target = ?", pair).fetchone()[0]
            if event is not None:
                first[pair] = (0, event)
            else:
                first[pair] = (1, self.conn.execute("SELECT min(id) FROM link WHERE source = ? AND target = ?", pair).fetchone()[0])
        out = [(first[pair], rank, kind, row) for rank, kind, pair, row in edges]
        # an actor and an article are joined by one mention at most, and by nothing else
        out += [((2, key), (2, key), 2, row) for key, row in self.mentions.items()]
        return out


def _types_sql(hop: Hop) -> tuple[str, list[str]] | None:
    """The condition on ``event.type`` for ``hop``; None: no event can pass."""
    structural = _LINK_TYPES | {_MENTION}
    if hop.only is not None:
        wanted = sorted(t for t in hop.only - structural if hop.allows(t))
        return (f" AND type IN ({marks(wanted)})", wanted) if wanted else None
    excluded = sorted(hop.excluded - structural)
    return (f" AND type NOT IN ({marks(excluded)})", excluded) if excluded else ("", [])
