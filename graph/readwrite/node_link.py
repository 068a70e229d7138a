"""Node-link JSON in the shared layout (``{"nodes": [...], "relationships": [...]}``, lossless with
``with_text``): ``write_json`` from a graph, ``write_json_rows`` streamed from a store's rows, the
same bytes (``json.dumps(doc, indent=1)``, written one node or relationship at a time)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.readwrite.export import Exported, exported_edges, exported_nodes
from polgraph.graph.store import GraphRows

__all__ = ["write_json", "write_json_rows"]

_ITEM = "\n  "  # an item of a top-level list: two levels of ``indent=1`` deep


def write_json(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    """Node-link JSON in the shared layout (lossless with ``with_text``)."""
    doc = {
        "nodes": [_node(n, d, with_text) for n, d in graph.nodes(data=True)],
        "relationships": [_relationship(u, v, d, with_text) for u, v, d in graph.edges(data=True)],
    }
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


def write_json_rows(rows: GraphRows, out: IO[bytes], *, with_text: bool = False, actors_only: bool = False) -> Exported:
    """``write_json`` of the store's graph (``without_articles`` with ``actors_only``), streamed."""
    out.write(b'{\n "nodes": ')
    nodes = _write_list(out, (_node(n, d, with_text) for n, d in exported_nodes(rows, actors_only=actors_only)))
    out.write(b',\n "relationships": ')
    relationships = _write_list(out, (_relationship(u, v, d, with_text)
                                      for u, v, _, d in exported_edges(rows, actors_only=actors_only)))
    out.write(b"\n}")
    return Exported(nodes, relationships)


def _write_list(out: IO[bytes], items: Iterable[dict[str, Any]]) -> int:
    """A list as ``json.dumps(..., indent=1)`` writes it at the document's first level. JSON text
    holds no raw newline but its indentation, so each item is indented by replacing them."""
    count = 0
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", _ITEM)
        out.write((("," if count else "[") + _ITEM + text).encode("utf-8"))
        count += 1
    out.write(b"\n ]" if count else b"[]")
    return count


def _node(node: Any, data: dict[str, Any], with_text: bool) -> dict[str, Any]:
    return {"id": node, "labels": data.get(LABELS, []), **_props(data, LABELS, with_text)}


def _relationship(u: Any, v: Any, data: dict[str, Any], with_text: bool) -> dict[str, Any]:
    return {"source": u, "target": v, "type": data.get(TYPE), **_props(data, TYPE, with_text)}


def _props(data: dict[str, Any], hidden: str, with_text: bool) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != hidden and (with_text or k != "text")}
