"""Actor centrality on the server, with Neo4j's Graph Data Science library.

The same measures as ``polgraph.graph.algorithms.centrality`` (which runs on ``to_networkx()``),
on the same weighted actor graph (``cypher/store/actor_edges.cypher`` is its Cypher form): degrees
are summed from the streamed edge weights, PageRank and betweenness come from a directed GDS
projection, eigenvector from an undirected one. Betweenness is normalised as networkx does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from polgraph.graph.algorithms.centrality import ActorScore
from polgraph.graph.codec import iso
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.neo4j_cypher import statement

__all__ = ["filter_params", "gds_centrality"]

Read = Callable[[str, dict[str, Any]], list[list[Any]]]


def filter_params(where: RelationFilter) -> dict[str, Any]:
    return {
        "structural": list(STRUCTURAL_TYPES),
        "types": list(where.types),
        "since": iso(where.since),
        "until": iso(where.until),
        "actor": where.actor,
        "attributions": list(where.attributions),
    }


def gds_centrality(read: Read, where: RelationFilter) -> list[ActorScore]:
    """Scores of every actor with at least one accepted relation (``active_only`` in networkx)."""
    params = filter_params(where)
    names: dict[str, tuple[str, str]] = {}
    in_degree: dict[str, int] = {}
    out_degree: dict[str, int] = {}
    for source, source_name, source_kind, target, target_name, target_kind, weight in read(statement("actor_edges"), params):
        names[source] = (source_name or source, source_kind or "")
        names[target] = (target_name or target, target_kind or "")
        out_degree[source] = out_degree.get(source, 0) + int(weight)
        in_degree[target] = in_degree.get(target, 0) + int(weight)
    if not names:
        return []
    pagerank, betweenness = _run(read, params, directed=True, measures=("pagerank", "betweenness"))
    (eigenvector,) = _run(read, params, directed=False, measures=("eigenvector",))
    n = len(names)
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0  # networkx: normalized=True, directed
    scores = []
    for actor_id, (name, kind) in names.items():
        ins, outs = in_degree.get(actor_id, 0), out_degree.get(actor_id, 0)
        scores.append(
            ActorScore(
                id=actor_id, name=name, kind=kind, in_degree=ins, out_degree=outs, degree=ins + outs,
                pagerank=pagerank.get(actor_id, 0.0), betweenness=betweenness.get(actor_id, 0.0) * scale,
                eigenvector=eigenvector.get(actor_id, 0.0),
            )
        )
    return scores


def _run(read: Read, params: dict[str, Any], *, directed: bool, measures: tuple[str, ...]) -> list[dict[str, float]]:
    graph = f"polgraph-{uuid.uuid4().hex[:12]}"
    read(statement("gds_project"), {**params, "graph": graph, "undirected": [] if directed else ["*"]})
    try:
        return [{row[0]: float(row[1]) for row in read(statement(f"gds_{m}"), {"graph": graph})} for m in measures]
    finally:
        read(statement("gds_drop"), {"graph": graph})
