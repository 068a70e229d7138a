"""Lazy per-graph indexes: label -> node ids, and (label, property) -> value -> node ids.

Built on first use and kept beside the graph (a weak map keyed by the graph object). An index
is dropped when the graph's node count changes; the stores replace their graph object on every
persisted write, and a caller that edits node properties in place calls :func:`invalidate`.
A property some node holds as null is not indexed: upserts fill those in place. Candidates from an index are still checked against the
pattern, so a stale entry can never add a wrong row.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterator
from typing import Any

from polgraph.graph.codec import LABELS

__all__ = ["GraphIndex", "index_for", "index_key", "invalidate", "no_gc"]

_ABSENT = object()
_INDEXES: "weakref.WeakKeyDictionary[Any, GraphIndex]" = weakref.WeakKeyDictionary()


def index_key(v: Any) -> Any:
    """Hashable key with Cypher equality (1 = 1.0, but true <> 1); None for unindexable values."""
    t = type(v)
    if t is bool:
        return ("b", v)
    if t is int or t is float:
        return ("n", v)
    if t is str:
        return ("s", v)
    return None


class GraphIndex:
    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.node_count = len(graph._node)
        self._labels: dict[str, list[Any]] | None = None
        self._props: dict[tuple[str | None, str], dict[Any, list[Any]] | None] = {}

    def nodes_with_label(self, label: str) -> list[Any]:
        if self._labels is None:
            by_label: dict[str, list[Any]] = {}
            with no_gc():
                for nid, attrs in self.graph._node.items():
                    for lab in attrs.get(LABELS) or ():
                        by_label.setdefault(lab, []).append(nid)
            self._labels = by_label
        return self._labels.get(label, [])

    def nodes_with_property(self, label: str | None, key: str, value: Any) -> list[Any] | None:
        """Node ids whose ``key`` equals ``value`` (with ``label`` if given); None if unindexable."""
        k = index_key(value)
        if k is None:
            return None
        if (label, key) not in self._props:
            self._props[(label, key)] = self._build(label, key)
        table = self._props[(label, key)]
        if table is None:
            return None
        return table.get(k, [])

    def _build(self, label: str | None, key: str) -> dict[Any, list[Any]] | None:
        """The value -> ids table, or None when some node holds ``key`` with a null (or a list)
        value: an upsert may fill such a property in place (as the stores do for an actor's
        ``country``) without changing the node count. Nodes without the key at all (an article
        has no ``name``) are simply not in the table."""
        table: dict[Any, list[Any]] = {}
        ids = self.nodes_with_label(label) if label is not None else self.graph._node
        nodes = self.graph._node
        with no_gc():
            for nid in ids:
                value = nodes[nid].get(key, _ABSENT)
                if value is _ABSENT:
                    continue
                vk = index_key(value)
                if vk is None:
                    return None
                table.setdefault(vk, []).append(nid)
        return table


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Building an index (or a graph) allocates many small objects: on a big graph, the cyclic
    collector would rescan the whole heap again and again for nothing (they hold no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def index_for(graph: Any) -> GraphIndex:
    idx = _INDEXES.get(graph)
    if idx is None or idx.node_count != len(graph._node):
        idx = GraphIndex(graph)
        _INDEXES[graph] = idx
    return idx


def invalidate(graph: Any) -> None:
    _INDEXES.pop(graph, None)
