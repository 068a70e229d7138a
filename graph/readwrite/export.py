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
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.ontology import QuadClass

__all__ = ["FORMATS", "analyst_graph", "without_articles", "write_gexf", "write_graph", "write_graphml", "write_json"]

FORMATS = ("json", "graphml", "gexf")

# Everything XML 1.0 allows in character data: tab, newline, carriage return, and the planes
# minus surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_FLOATS = ("goldstein", "confidence", "avg_tone")
_INTS = ("quad_class", "sentence", "num_mentions", "num_sources", "num_articles", "count")


def without_articles(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actors, topics and the relations among them: no articles, so no mentions."""
    kept = [n for n, d in graph.nodes(data=True) if "Article" not in d.get(LABELS, ())]
    return nx.MultiDiGraph(graph.subgraph(kept))


def analyst_graph(graph: nx.MultiDiGraph, *, with_text: bool = False, dynamic: bool = False) -> nx.MultiDiGraph:
    """The flat, XML-safe graph GraphML and GEXF are written from (see the module docstring);
    ``dynamic`` gives each dated event a ``start`` and ``end`` (GEXF)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        labels = list(data.get(LABELS, ()))
        attrs = _scalars(data, with_text)
        attrs["labels"] = ":".join(labels)
        attrs["kind"] = data.get("kind") or (labels[0].lower() if labels else "")
        attrs["label"] = _xml(str(data.get("name") or data.get("title") or node))
        flat.add_node(_xml(node), **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        rel_type = data.get(TYPE, "")
        attrs = _scalars(data, with_text)
        attrs["relation"] = attrs["label"] = _xml(rel_type)
        if data.get("quad_class") is not None:
            attrs["quad_class_name"] = QuadClass(int(data["quad_class"])).name.lower().replace("_", " ")
        if dynamic and data.get("date"):
            attrs["start"] = attrs["end"] = data["date"]  # an event is one day long
        flat.add_edge(_xml(u), _xml(v), key=_xml(key), **attrs)
    return flat


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


def write_json(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    """Node-link JSON in the shared layout (lossless with ``with_text``)."""

    def props(data: dict[str, Any], hidden: str) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k != hidden and (with_text or k != "text")}

    doc = {
        "nodes": [{"id": n, "labels": d.get(LABELS, []), **props(d, LABELS)} for n, d in graph.nodes(data=True)],
        "relationships": [
            {"source": u, "target": v, "type": d.get(TYPE), **props(d, TYPE)} for u, v, d in graph.edges(data=True)
        ],
    }
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


def write_graphml(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    nx.write_graphml(analyst_graph(graph, with_text=with_text), out)


def write_gexf(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    nx.write_gexf(analyst_graph(graph, with_text=with_text, dynamic=True), out)


def write_graph(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str, *, with_text: bool = False) -> None:
    {"json": write_json, "graphml": write_graphml, "gexf": write_gexf}[fmt](graph, out, with_text=with_text)
