"""Writing the graph to standard formats: ``write_json``, ``write_graphml``, ``write_gexf``."""

from polgraph.graph.readwrite.export import (
    FORMATS,
    analyst_graph,
    without_articles,
    write_gexf,
    write_graph,
    write_graphml,
    write_json,
)

__all__ = ["FORMATS", "analyst_graph", "without_articles", "write_gexf", "write_graph", "write_graphml", "write_json"]
