"""The export formats by name (``FORMATS``): ``write_graph`` writes a graph, ``write_graph_rows`` a
store's rows streamed, the same bytes."""

from __future__ import annotations

from typing import IO

import networkx as nx

from polgraph.graph.readwrite.export import FORMATS, Exported
from polgraph.graph.readwrite.gexf import write_gexf, write_gexf_rows
from polgraph.graph.readwrite.graphml import write_graphml, write_graphml_rows
from polgraph.graph.readwrite.node_link import write_json, write_json_rows
from polgraph.graph.store import GraphRows

__all__ = ["write_graph", "write_graph_rows"]

_GRAPH_WRITERS = {"json": write_json, "graphml": write_graphml, "gexf": write_gexf}
_ROWS_WRITERS = {"json": write_json_rows, "graphml": write_graphml_rows, "gexf": write_gexf_rows}
assert tuple(_GRAPH_WRITERS) == tuple(_ROWS_WRITERS) == FORMATS


def write_graph(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str, *, with_text: bool = False) -> None:
    """``graph`` in the format ``fmt`` (one of ``FORMATS``)."""
    _GRAPH_WRITERS[fmt](graph, out, with_text=with_text)


def write_graph_rows(rows: GraphRows, out: IO[bytes], fmt: str, *, with_text: bool = False,
                     actors_only: bool = False) -> Exported:
    """The store's graph of ``rows`` in the format ``fmt``, streamed: the bytes ``write_graph``
    gives for ``store.to_networkx()`` (``without_articles`` of it with ``actors_only``)."""
    return _ROWS_WRITERS[fmt](rows, out, with_text=with_text, actors_only=actors_only)
