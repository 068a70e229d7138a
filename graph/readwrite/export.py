"""Exports of a graph in the shared layout (the whole store, or a part from ``selection``):
node-link JSON, GraphML and GEXF (for Gephi, yEd, networkx, ...).

GraphML and GEXF get the graph an analyst expects (``analyst_graph``):

- nodes labelled by name (an article by its title), with ``kind`` (person, state, ..., topic,
  article) and ``labels`` (Actor, Topic, Article);
- edges labelled by their relation type, kept again in the attribute ``relation`` (GEXF's own
  ``type`` is the edge direction, so a ``type`` attribute would not survive a reading);
- each event's date as its GEXF ``start`` and ``end`` (dynamic mode: Gephi's timeline plays it),
  a role's dates likewise;
- Goldstein value, QuadClass (number and name), attribution and provenance on every event;
- scalar attributes only (lists become JSON strings, missing values are left out), and text
  without the characters XML 1.0 forbids (control characters, lone surrogates), so the file is
  well-formed whatever an article contained.

Article text is left out unless ``with_text``: it is most of the bytes and no graph tool shows it.

Each format has its module (``node_link``, ``graphml``, ``gexf``) with two writers of the same
bytes: ``write_<format>(graph, out)`` from a NetworkX graph (a part, and the reference), and
``write_<format>_rows(rows, out)`` from a store's ``GraphRows``, streamed in the order of the
store's graph (``GraphRows.graph_nodes`` / ``graph_edges``): an export of the whole store holds
one node or edge at a time (GraphML and GEXF read the rows twice: their attribute declarations
come first), never the graph. This module holds the layout both follow, node by node and edge by
edge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.ontology import QuadClass
from polgraph.graph.store import GraphRows

__all__ = ["FORMATS", "Exported", "analyst_edge", "analyst_graph", "analyst_node", "exported_edges", "exported_nodes",
           "without_articles"]

FORMATS = ("json", "graphml", "gexf")

# Everything XML 1.0 allows in character data: tab, newline, carriage return, and the planes
# minus surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_FLOATS = ("goldstein", "confidence", "avg_tone")
_INTS = ("quad_class", "sentence", "num_mentions", "num_sources", "num_articles", "count")


@dataclass(frozen=True)
class Exported:
    """What a streamed export wrote."""

    nodes: int
    relationships: int


def without_articles(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actors, topics and the relations among them: no articles, so no mentions. Nodes and edges
    keep the graph's order (a subgraph view of few nodes would iterate a set: hash order)."""
    kept = nx.MultiDiGraph(**graph.graph)
    kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if not _is_article(d))
    kept.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in kept and v in kept)
    return kept


def exported_nodes(rows: GraphRows, *, actors_only: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
    """The nodes of ``rows`` in the graph's order (without articles with ``actors_only``, as
    ``without_articles``)."""
    return (node for node in rows.graph_nodes() if not (actors_only and _is_article(node[1])))


def exported_edges(rows: GraphRows, *, actors_only: bool = False) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """The edges of ``rows`` in the graph's order (without mentions with ``actors_only``: the only
    edges at an article, ``store.edge_target_label``)."""
    return (edge for edge in rows.graph_edges() if not (actors_only and edge[3].get(TYPE) == "MENTIONED_IN"))


def _is_article(data: dict[str, Any]) -> bool:
    return "Article" in data.get(LABELS, ())


def analyst_graph(graph: nx.MultiDiGraph, *, with_text: bool = False, dynamic: bool = False) -> nx.MultiDiGraph:
    """The flat, XML-safe graph GraphML and GEXF are written from (see the module docstring);
    ``dynamic`` gives each dated event a ``start`` and ``end`` (GEXF)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        node, attrs = analyst_node(node, data, with_text=with_text)
        flat.add_node(node, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        u, v, key, attrs = analyst_edge(u, v, key, data, with_text=with_text, dynamic=dynamic)
        flat.add_edge(u, v, key=key, **attrs)
    return flat


def analyst_node(node: str, data: dict[str, Any], *, with_text: bool = False) -> tuple[str, dict[str, Any]]:
    """One node of ``analyst_graph``: (id, attributes)."""
    labels = list(data.get(LABELS, ()))
    attrs = _scalars(data, with_text)
    attrs["labels"] = ":".join(labels)
    attrs["kind"] = data.get("kind") or (labels[0].lower() if labels else "")
    attrs["label"] = _xml(str(data.get("name") or data.get("title") or node))
    return _xml(node), attrs


def analyst_edge(u: str, v: str, key: str, data: dict[str, Any], *, with_text: bool = False,
                 dynamic: bool = False) -> tuple[str, str, str, dict[str, Any]]:
    """One edge of ``analyst_graph``: (source, target, key, attributes)."""
    rel_type = data.get(TYPE, "")
    attrs = _scalars(data, with_text)
    attrs["relation"] = attrs["label"] = _xml(rel_type)
    if data.get("quad_class") is not None:
        attrs["quad_class_name"] = QuadClass(int(data["quad_class"])).name.lower().replace("_", " ")
    if dynamic and data.get("date"):
        attrs["start"] = attrs["end"] = data["date"]  # an event is one day long
    return _xml(u), _xml(v), _xml(key), attrs


def _scalars(data: dict[str, Any], with_text: bool) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for name, value in data.items():
        if name in (LABELS, TYPE) or value is None or (name == "text" and not with_text):
            continue
        if name in _FLOATS:
            value = float(value)
        elif name in _INTS:
            value = int(value)
        elif isinstance(value, (list, tuple, dict)):
            value = json.dumps(value, ensure_ascii=False)
        attrs[name] = _xml(value) if isinstance(value, str) else value
    return attrs


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)
