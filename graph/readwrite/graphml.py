"""GraphML of ``analyst_graph`` (see ``export``): ``write_graphml`` from a graph, with networkx's
ElementTree writer; ``write_graphml_rows`` streamed from a store's rows, the same bytes.

The stream uses networkx's writer for its keys, data elements and indentation, and ElementTree's
serialisation (``xml_stream``). Its first pass over the rows makes the keys in the order networkx
meets them (they head the document, the last made first); the second writes nodes and edges.
networkx's lxml writer streams too, but writes other bytes (and lxml is not a dependency): both
writers here write the ElementTree writer's bytes, with or without lxml installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import Element

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

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

__all__ = ["write_graphml", "write_graphml_rows"]


def write_graphml(graph: nx.MultiDiGraph, out: IO[bytes], *, with_text: bool = False) -> None:
    nx.write_graphml_xml(analyst_graph(graph, with_text=with_text), out)


def write_graphml_rows(rows: GraphRows, out: IO[bytes], *, with_text: bool = False,
                       actors_only: bool = False) -> Exported:
    """``write_graphml`` of the store's graph (``without_articles`` with ``actors_only``), streamed."""

    def items() -> Iterator[tuple[str, Element, dict[str, Any]]]:
        """(scope, element, data) of each node, then each edge, as ``GraphMLWriter`` makes them."""
        for node, data in exported_nodes(rows, actors_only=actors_only):
            node, attrs = analyst_node(node, data, with_text=with_text)
            yield "node", Element("node", id=str(node)), attrs
        for u, v, key, data in exported_edges(rows, actors_only=actors_only):
            u, v, key, attrs = analyst_edge(u, v, key, data, with_text=with_text)
            yield "edge", Element("edge", source=str(u), target=str(v), id=str(key)), attrs

    def elements() -> Iterator[Element]:
        for scope, element, attrs in items():
            for name, value in attrs.items():
                element.append(writer.add_data(str(name), type(value), str(value), scope))
            yield element

    writer = GraphMLWriter()
    counts = {"node": 0, "edge": 0}
    for scope, _, attrs in items():  # the keys, in the order GraphMLWriter.add_graph_element makes them
        counts[scope] += 1
        for name, value in attrs.items():
            writer.get_key(str(name), writer.get_xml_type(type(value)), scope, None)
    graph_element = Element("graph", edgedefault="directed")
    marks = [sentinel("items")] if counts["node"] or counts["edge"] else []
    graph_element.extend(marks)
    writer.xml.append(graph_element)
    pieces = skeleton(writer.xml, writer.indent, marks, writer.encoding)
    out.write(pieces[0])
    if marks:
        write_elements(out, elements(), writer.indent, 2, writer.encoding)  # graphml > graph > node, edge
        out.write(pieces[1])
    return Exported(counts["node"], counts["edge"])
