"""Cypher values over a NetworkX graph, and Neo4j's rules for comparing and ordering them.

Nodes, relationships and paths are small handles into the graph; everything else is a plain
Python value (None is null, bool, int, float, str, list, dict) or a :class:`Date`.
"""

from __future__ import annotations

import math
from datetime import date as _date
from typing import Any

from polgraph.graph.codec import LABELS, TYPE

__all__ = [
    "Date", "Node", "Path", "Rel", "compare", "equals", "exact_sum", "order_key", "render", "to_plain", "type_name",
]


class Node:
    __slots__ = ("graph", "id")

    def __init__(self, graph: Any, node_id: Any) -> None:
        self.graph = graph
        self.id = node_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("n", self.id))

    @property
    def attrs(self) -> dict[str, Any]:
        return self.graph._node[self.id]

    @property
    def labels(self) -> list[str]:
        return list(self.attrs.get(LABELS) or ())

    def properties(self) -> dict[str, Any]:
        return {k: v for k, v in self.attrs.items() if k != LABELS and v is not None}

    def get(self, key: str) -> Any:
        return None if key == LABELS else self.attrs.get(key)

    def __repr__(self) -> str:
        return render(self)


class Rel:
    __slots__ = ("graph", "start", "end", "key", "attrs")

    def __init__(self, graph: Any, start: Any, end: Any, key: Any, attrs: dict[str, Any] | None = None) -> None:
        self.graph = graph
        self.start = start
        self.end = end
        self.key = key
        # the edge's attribute dict (the graph's own, not a copy): property reads go straight to it
        self.attrs = attrs if attrs is not None else graph._adj[start][end][key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rel) and (other.start, other.end, other.key) == (self.start, self.end, self.key)

    def __hash__(self) -> int:
        return hash(("r", self.start, self.end, self.key))

    @property
    def type(self) -> str:
        return self.attrs.get(TYPE)  # type: ignore[return-value]

    def properties(self) -> dict[str, Any]:
        return {k: v for k, v in self.attrs.items() if k != TYPE and v is not None}

    def get(self, key: str) -> Any:
        return None if key == TYPE else self.attrs.get(key)

    def __repr__(self) -> str:
        return render(self)


class Path:
    __slots__ = ("nodes", "rels")

    def __init__(self, nodes: list[Node], rels: list[Rel]) -> None:
        self.nodes = nodes
        self.rels = rels

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Path) and other.nodes == self.nodes and other.rels == self.rels

    def __hash__(self) -> int:
        return hash(("p", tuple(self.nodes), tuple(self.rels)))

    def __repr__(self) -> str:
        return render(self)


class Date:
    """A Cypher DATE. Compares with dates only; prints as an ISO string."""

    __slots__ = ("value",)

    def __init__(self, value: _date) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Date) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("d", self.value))

    def __str__(self) -> str:
        return self.value.isoformat()

    def __repr__(self) -> str:
        return self.value.isoformat()


def is_number(v: Any) -> bool:
    return type(v) in (int, float)


def type_name(v: Any) -> str:
    if v is None:
        return "NULL"
    t = type(v)
    return {
        bool: "BOOLEAN", int: "INTEGER", float: "FLOAT", str: "STRING", list: "LIST", dict: "MAP",
        Node: "NODE", Rel: "RELATIONSHIP", Path: "PATH", Date: "DATE",
    }.get(t, t.__name__)


def equals(a: Any, b: Any) -> bool | None:
    """Cypher ``=``: null when either side is (or contains, where it decides) null."""
    if a is None or b is None:
        return None
    ta, tb = type(a), type(b)
    if ta in (int, float) and tb in (int, float):
        return a == b  # NaN = NaN is false, as in Neo4j
    if ta is list and tb is list:
        if len(a) != len(b):
            return False
        unknown = False
        for x, y in zip(a, b):
            r = equals(x, y)
            if r is False:
                return False
            if r is None:
                unknown = True
        return None if unknown else True
    if ta is dict and tb is dict:
        if a.keys() != b.keys():
            return False
        unknown = False
        for k in a:
            r = equals(a[k], b[k])
            if r is False:
                return False
            if r is None:
                unknown = True
        return None if unknown else True
    if ta is not tb:
        return False
    return a == b


def compare(a: Any, b: Any) -> int | None:
    """Cypher ``<`` and friends: -1/0/1, or None when the values are not comparable."""
    if a is None or b is None:
        return None
    ta, tb = type(a), type(b)
    if ta in (int, float) and tb in (int, float):
        if (ta is float and math.isnan(a)) or (tb is float and math.isnan(b)):
            return None
        return (a > b) - (a < b)
    if ta is not tb:
        return None
    if ta is str or ta is bool:
        return (a > b) - (a < b)
    if ta is Date:
        return (a.value > b.value) - (a.value < b.value)
    if ta is list:
        for x, y in zip(a, b):
            c = compare(x, y)
            if c is None:
                return None
            if c:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    return None


def exact_sum(total: int, floats: list[float]) -> int | float:
    """``sum()`` of integers adding up to ``total`` and of ``floats``: the integers exactly, and
    with any float the correctly rounded sum (``math.fsum``), which does not depend on the order
    the values came in, so every plan of a query (and SQL) gives the same sum."""
    if not floats:
        return total
    try:
        return math.fsum([*floats, total])
    except (OverflowError, ValueError):  # infinities of both signs, an intermediate overflow: as plain addition
        return sum(floats, float(total))


# ORDER BY puts types in this order (ascending), null last: Neo4j's orderability.
_TYPE_RANK = {dict: 0, Node: 1, Rel: 2, list: 3, Path: 4, Date: 5, str: 6, bool: 7, int: 8, float: 8}


def order_key(v: Any) -> tuple[Any, ...]:
    """A sort key giving Neo4j's total order over all values (null sorts last ascending)."""
    if v is None:
        return (9,)
    t = type(v)
    rank = _TYPE_RANK.get(t, 9)
    if rank == 8:
        if t is float and math.isnan(v):
            return (8, 1, 0)
        return (8, 0, v)
    if rank in (6, 7):
        return (rank, v)
    if rank == 5:
        return (5, v.value)
    if rank == 3:
        return (3, tuple(order_key(x) for x in v))
    if rank == 1:
        return (1, _id_key(v.id))
    if rank == 2:
        return (2, _id_key(v.key))
    if rank == 4:
        return (4, tuple(_id_key(n.id) for n in v.nodes))
    if rank == 0:
        return (0, tuple(sorted((k, order_key(x)) for k, x in v.items())))
    return (9,)


def _id_key(x: Any) -> tuple[int, Any]:
    return (0, x) if isinstance(x, int) else (1, str(x))


def _render_str(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _render_props(props: dict[str, Any]) -> str:
    if not props:
        return ""
    return " {" + ", ".join(f"{k}: {render(v)}" for k, v in props.items()) + "}"


def render(v: Any, top: bool = False) -> str:
    """Cypher-literal form: ``(:Actor {name: 'X'})``, ``[:TYPE {..}]``, ``'text'``. With
    ``top=True`` a top-level string prints bare (tables)."""
    if v is None:
        return "null"
    t = type(v)
    if t is bool:
        return "true" if v else "false"
    if t is str:
        return v if top else _render_str(v)
    if t is float:
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    if t is int:
        return str(v)
    if t is list:
        return "[" + ", ".join(render(x) for x in v) + "]"
    if t is dict:
        return "{" + ", ".join(f"{k}: {render(x)}" for k, x in v.items()) + "}"
    if t is Node:
        labels = "".join(":" + lab for lab in v.labels)
        props = _render_props(v.properties())
        return "(" + labels + (props if labels else props.lstrip()) + ")"
    if t is Rel:
        return "[:" + str(v.type) + _render_props(v.properties()) + "]"
    if t is Path:
        out = [render(v.nodes[0])]
        for rel, node in zip(v.rels, v.nodes[1:]):
            if rel.start == node.id and rel.end != node.id:
                out.append("<-" + render(rel) + "-")
            else:
                out.append("-" + render(rel) + "->")
            out.append(render(node))
        return "<" + "".join(out) + ">"
    if t is Date:
        return str(v)
    return _render_foreign(v)


def _is_driver_node(v: Any) -> bool:
    return hasattr(v, "labels") and hasattr(v, "element_id") and hasattr(v, "items")


def _is_driver_rel(v: Any) -> bool:
    return hasattr(v, "start_node") and hasattr(v, "type") and hasattr(v, "items")


def _render_foreign(v: Any) -> str:
    """Values from the Neo4j driver (its Node, Relationship, Path, temporal types), by duck typing."""
    if _is_driver_node(v):
        labels = "".join(":" + lab for lab in sorted(v.labels))
        props = _render_props(dict(v.items()))
        return "(" + labels + (props if labels else props.lstrip()) + ")"
    if _is_driver_rel(v):
        return "[:" + str(v.type) + _render_props(dict(v.items())) + "]"
    if hasattr(v, "nodes") and hasattr(v, "relationships"):
        return "<" + ", ".join(render(x) for x in list(v.nodes)) + ">"
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return str(v)


def to_plain(v: Any) -> Any:
    """JSON-ready form: nodes and relationships become dicts with labels/type and properties."""
    t = type(v)
    if t is list:
        return [to_plain(x) for x in v]
    if t is dict:
        return {k: to_plain(x) for k, x in v.items()}
    if t is Node:
        return {"id": v.id, "labels": v.labels, "properties": to_plain(v.properties())}
    if t is Rel:
        return {"id": v.key, "type": v.type, "start": v.start, "end": v.end, "properties": to_plain(v.properties())}
    if t is Path:
        return {"nodes": [to_plain(n) for n in v.nodes], "relationships": [to_plain(r) for r in v.rels]}
    if t is Date:
        return str(v)
    if t is float and (math.isnan(v) or math.isinf(v)):
        return str(v)
    if t in (str, int, float, bool) or v is None:
        return v
    if _is_driver_node(v):
        return {"id": v.element_id, "labels": sorted(v.labels), "properties": to_plain(dict(v.items()))}
    if _is_driver_rel(v):
        return {"id": v.element_id, "type": v.type, "start": v.start_node.element_id,
                "end": v.end_node.element_id, "properties": to_plain(dict(v.items()))}
    if hasattr(v, "nodes") and hasattr(v, "relationships"):
        return {"nodes": [to_plain(n) for n in v.nodes], "relationships": [to_plain(r) for r in v.relationships]}
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
