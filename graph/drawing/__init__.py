"""Pictures of the graph: ``write_html`` (an interactive page, drawn by neo4j-viz)."""

from polgraph.graph.drawing.html import EDGE_COLORS, NODE_COLORS, render_html, write_html

__all__ = ["EDGE_COLORS", "NODE_COLORS", "render_html", "write_html"]
