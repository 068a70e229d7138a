"""One self-contained HTML page of a graph, drawn by neo4j-viz (Neo4j's visualization library,
the renderer of its Browser and Bloom), for any browser, offline.

Actors are coloured by kind and sized by PageRank; event edges are captioned by their type and
coloured by QuadClass (green: cooperation, orange/red: conflict). Every node and edge carries its
properties, so clicking one and opening the details panel shows an event's evidence sentence,
date, Goldstein value and article.

The page is neo4j-viz's own standalone template, which inlines its script, styles and fonts: it
loads nothing from the network. neo4j-viz is the optional extra ``view``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import IO, Any

import networkx as nx

from polgraph.exceptions import ConfigError
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.ontology import QuadClass

__all__ = ["EDGE_COLORS", "MAX_NODES", "NODE_COLORS", "UNCLASSED_COLOR", "render_html", "write_html"]

# Node fill by actor kind (Neo4j Browser's palette), topics in grey.
NODE_COLORS: dict[str, str] = {
    "person": "#4c8eda",
    "organization": "#f79767",
    "state": "#c990c0",
    "bloc": "#ffc454",
    "group": "#da7194",
    "city": "#569480",
    "region": "#d9c8ae",
    "topic": "#a5abb6",
}
# Edge colour by QuadClass: cooperation in greens, conflict in orange and red.
EDGE_COLORS: dict[QuadClass, str] = {
    QuadClass.VERBAL_COOPERATION: "#5cb85c",
    QuadClass.MATERIAL_COOPERATION: "#1e7b34",
    QuadClass.VERBAL_CONFLICT: "#f0883e",
    QuadClass.MATERIAL_CONFLICT: "#d62728",
}
UNCLASSED_COLOR = "#9e9e9e"
MAX_NODES = 10_000  # neo4j-viz's own limit for its canvas renderer
NODE_RADIUS = (12, 48)  # pixels, for the least and the most central actor

# The page keeps the properties a reader wants on click, in this order.
_NODE_PROPS = ("name", "kind", "country", "sector", "aliases", "pagerank")
_EDGE_PROPS = ("date", "evidence", "goldstein", "quad_class", "attribution", "cameo", "plover",
               "confidence", "reported_by", "article", "sentence", "url")


def _neo4j_viz():
    try:
        import neo4j_viz
    except ImportError:
        raise ConfigError("drawing the graph needs neo4j-viz: pip install 'polgraph[view]'") from None
    return neo4j_viz


def render_html(graph: nx.MultiDiGraph, *, pagerank: Mapping[str, float], title: str = "polgraph") -> str:
    """The page of ``graph`` (shared layout: actors, topics, event relations) as HTML text."""
    viz = _neo4j_viz()
    if graph.number_of_nodes() > MAX_NODES:
        raise ConfigError(
            f"{graph.number_of_nodes()} nodes are more than a page can draw ({MAX_NODES}): "
            "choose a part (an actor, a type, a time window, the top actors)"
        )
    nodes = []
    for node, data in graph.nodes(data=True):
        kind = data.get("kind") or ("topic" if "Topic" in data.get(LABELS, ()) else "")
        props = {**data, "kind": kind, "pagerank": round(pagerank.get(node, 0.0), 6)}
        nodes.append(viz.Node(
            id=node, caption=data.get("name") or node, color=NODE_COLORS.get(kind, UNCLASSED_COLOR),
            properties=_shown(props, _NODE_PROPS),
        ))
    relationships = [
        viz.Relationship(
            id=key, source=u, target=v, caption=data[TYPE],
            color=edge_color(data.get("quad_class"), data.get("goldstein")),
            properties={"type": data[TYPE], **_shown(data, _EDGE_PROPS)},
        )
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    drawing = viz.VisualizationGraph(nodes=nodes, relationships=relationships)
    if nodes:
        # relative to the most central: neo4j-viz takes a spread under 1e-6 for none at all
        top = max(pagerank.values(), default=0.0) or 1.0
        sizes = {n.id: pagerank.get(n.id, 0.0) / top for n in nodes}
        drawing.resize_nodes(sizes=sizes, node_radius_min_max=NODE_RADIUS)
    used_kinds = sorted({n.properties["kind"] for n in nodes if n.properties.get("kind") in NODE_COLORS})
    drawing.set_legend(
        nodes={kind: NODE_COLORS[kind] for kind in used_kinds},
        relationships={_quad_name(q): color for q, color in EDGE_COLORS.items()},
    )
    page = drawing.render(height="100vh", on_dangling="error", max_allowed_nodes=MAX_NODES).data
    # neo4j-viz names the page's container at random; a fixed name keeps the same graph's page the same.
    container = re.search(r'id="(neo4j-viz-[0-9a-f]{12})"', page)
    if container:
        page = page.replace(container.group(1), "neo4j-viz-polgraph")
    return page.replace("<title>neo4j-viz</title>", f"<title>{html.escape(title)}</title>", 1)


def write_html(graph: nx.MultiDiGraph, out: IO[bytes], *, pagerank: Mapping[str, float],
               title: str = "polgraph") -> None:
    out.write(render_html(graph, pagerank=pagerank, title=title).encode("utf-8"))


def edge_color(quad_class: int | None, goldstein: float | None) -> str:
    """An event's colour: by QuadClass, else by the sign of its Goldstein value."""
    if quad_class is not None:
        return EDGE_COLORS[QuadClass(int(quad_class))]
    if goldstein is not None:
        return EDGE_COLORS[QuadClass.VERBAL_COOPERATION if goldstein >= 0 else QuadClass.VERBAL_CONFLICT]
    return UNCLASSED_COLOR


def _quad_name(quad: QuadClass) -> str:
    return quad.name.lower().replace("_", " ")


def _shown(data: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    shown = {}
    for name in names:
        value = data.get(name)
        if value in (None, "", [], ()):
            continue
        if name == "quad_class":
            value = f"{int(value)} ({_quad_name(QuadClass(int(value)))})"
        elif isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        shown[name] = value
    return shown
