"""Exports of the whole graph: node-link JSON (lossless), GraphML and GEXF (for Gephi, yEd, ...).

GraphML and GEXF take scalar attributes only: lists become JSON strings, missing values are left
out, and the node labels and relationship type become the attributes ``labels`` and ``type``.
"""

from __future__ import annotations

import json
from typing import IO, Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE

__all__ = ["FORMATS", "write_gexf", "write_graph", "write_graphml", "write_json"]

FORMATS = ("json", "graphml", "gexf")


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != LABELS and v is not None}
        flat.add_node(node, labels=":".join(data.get(LABELS, ())), **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(val) for k, val in data.items() if k != TYPE and val is not None}
        flat.add_edge(u, v, key=key, type=data.get(TYPE, ""), **attrs)
    return flat


def write_json(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    doc = {
        "nodes": [{"id": n, "labels": d.get(LABELS, []), **{k: v for k, v in d.items() if k != LABELS}} for n, d in graph.nodes(data=True)],
        "relationships": [
            {"source": u, "target": v, "type": d.get(TYPE), **{k: val for k, val in d.items() if k != TYPE}}
            for u, v, d in graph.edges(data=True)
        ],
    }
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


def write_graphml(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    nx.write_graphml(_flat(graph), out)


def write_gexf(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    nx.write_gexf(_flat(graph), out)


def write_graph(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str) -> None:
    {"json": write_json, "graphml": write_graphml, "gexf": write_gexf}[fmt](graph, out)
