"""GEXF 1.2 of ``analyst_graph`` in dynamic mode (see ``export``): ``write_gexf`` from a graph, with
networkx's writer; ``write_gexf_rows`` streamed from a store's rows, the same bytes.

The stream makes each node and edge element as ``GEXFWriter.add_nodes`` / ``add_edges`` do, with
the writer's own per-element methods (attributes, spells, viz, time format) and ElementTree's
serialisation (``xml_stream``). A first pass over the rows declares the attributes (they head the
graph) and finds the graph's mode and time format; the second writes the nodes and edges.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import Element

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from polgraph.graph.readwrite.export import (
    Exported,
    analyst_edge,
    analyst_graph,
    analyst_node,
    exported_edges,
    exported_nodes,
)
from polgraph.graph.readwrite.xml_stream import sentinel, skeleton, write_elements
from polgraph.graph.store import GraphRows

__all__ = ["write_gexf", "write_gexf_rows"]

_LEVEL = 3  # gexf > graph > nodes, edges > node, edge


def write_gexf(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    writer = _writer()
    writer.add_graph(analyst_graph(graph, with_text=with_text, dynamic=True))
    writer.write(out)


def _writer() -> GEXFWriter:
    """networkx's writer without the date it stamps on the file: the same store exports the same
    bytes on any day (``lastmodifieddate`` is optional in GEXF 1.2)."""
    writer = GEXFWriter()
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    return writer


def write_gexf_rows(rows: GraphRows, out: IO[bytes], *, with_text: bool = False, actors_only: bool = False) -> Exported:
    """``write_gexf`` of the store's graph (``without_articles`` with ``actors_only``), streamed."""

    def nodes() -> Iterator[tuple[str, dict[str, Any]]]:
        for node, data in exported_nodes(rows, actors_only=actors_only):
            yield analyst_node(node, data, with_text=with_text)

    def edges() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for u, v, key, data in exported_edges(rows, actors_only=actors_only):
            yield analyst_edge(u, v, key, data, with_text=with_text, dynamic=True)

    writer = _writer()
    writer.graph_element = Element("graph", defaultedgetype="directed", mode="static", name="")
    # The first pass: attribute declarations, mode and time format, the node ids GEXF writes for
    # edge ends (a node's ``id`` attribute, where it differs), whether an edge needs a made-up id.
    # An element adds declarations, or changes the time format, only by the names and types of its
    # attributes: one element of each such shape is made.
    renamed: dict[str, str] = {}
    node_count = edge_count = 0
    unnamed = False
    shapes: set[tuple[str, tuple[tuple[str, type], ...]]] = set()
    for node, attrs in nodes():
        node_count += 1
        if _new_shape(shapes, "node", attrs):
            _node_element(writer, node, attrs)
        if str(attrs.get("id", node)) != str(node):
            renamed[node] = str(attrs["id"])
    for u, v, key, attrs in edges():
        edge_count += 1
        unnamed = unnamed or attrs.get("id") is None
        if _new_shape(shapes, "edge", attrs):
            _edge_element(writer, u, v, key, attrs, renamed, edge_id="")
    if unnamed:  # GEXFWriter.add_graph: made-up ids skip the ids edges have
        writer.all_edge_ids = {str(attrs["id"]) for *_, attrs in edges() if attrs.get("id") is not None}
        writer.edge_id = itertools.count()

    node_marks = [sentinel("nodes")] if node_count else []
    edge_marks = [sentinel("edges")] if edge_count else []
    nodes_element, edges_element = Element("nodes"), Element("edges")
    nodes_element.extend(node_marks)
    edges_element.extend(edge_marks)
    writer.graph_element.extend([nodes_element, edges_element])
    writer.xml.append(writer.graph_element)
    pieces = iter(skeleton(writer.xml, writer.indent, [*node_marks, *edge_marks], writer.encoding))
    out.write(next(pieces))
    if node_count:
        write_elements(out, (_node_element(writer, n, a) for n, a in nodes()), writer.indent, _LEVEL, writer.encoding)
        out.write(next(pieces))
    if edge_count:
        write_elements(out, (_edge_element(writer, *edge, renamed) for edge in edges()), writer.indent, _LEVEL,
                       writer.encoding)
        out.write(next(pieces))
    return Exported(node_count, edge_count)


def _new_shape(shapes: set[tuple[str, tuple[tuple[str, type], ...]]], scope: str, attrs: dict[str, Any]) -> bool:
    shape = (scope, tuple((name, type(value)) for name, value in attrs.items()))
    if shape in shapes:
        return False
    shapes.add(shape)
    return True


def _node_element(writer: GEXFWriter, node: str, data: dict[str, Any]) -> Element:
    """``GEXFWriter.add_nodes`` for one node (GEXF 1.2, no node defaults)."""
    node_data = data.copy()
    kw = {"id": str(node_data.pop("id", node)), "label": str(node_data.pop("label", node))}
    if "pid" in node_data:
        kw["pid"] = str(node_data.pop("pid"))
    for name in ("start", "end"):
        if name in node_data:
            value = node_data.pop(name)
            kw[name] = str(value)
            writer.alter_graph_mode_timeformat(value)
    element = Element("node", **kw)
    node_data = writer.add_parents(element, node_data)
    node_data = writer.add_spells(element, node_data)
    node_data = writer.add_viz(element, node_data)
    writer.add_attributes("node", element, node_data, {})
    return element


def _edge_element(writer: GEXFWriter, u: str, v: str, key: str, data: dict[str, Any], renamed: dict[str, str],
                  edge_id: str | None = None) -> Element:
    """``GEXFWriter.add_edges`` for one edge of a multigraph (GEXF 1.2, no edge defaults); with
    ``edge_id``, that id instead of a made-up one for an edge without."""
    edge_data = data.copy()
    edge_data.update(key=key)
    found = edge_data.pop("id", None)
    if found is None:
        found = edge_id
    if found is None:
        found = next(writer.edge_id)
        while str(found) in writer.all_edge_ids:
            found = next(writer.edge_id)
        writer.all_edge_ids.add(str(found))
    kw = {"id": str(found)}
    for name in ("label", "weight", "type"):
        if name in edge_data:
            kw[name] = str(edge_data.pop(name))
    for name in ("start", "end"):
        if name in edge_data:
            value = edge_data.pop(name)
            kw[name] = str(value)
            writer.alter_graph_mode_timeformat(value)
    element = Element("edge", source=renamed.get(u, str(u)), target=renamed.get(v, str(v)), **kw)
    edge_data = writer.add_spells(element, edge_data)
    edge_data = writer.add_viz(element, edge_data)
    writer.add_attributes("edge", element, edge_data, {})
    return element
