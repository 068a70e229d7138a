"""Actor centrality on the server, with Neo4j's Graph Data Science library.

The same measures as ``polgraph.graph.algorithms.centrality`` (which runs on ``to_networkx()``),
on the same weighted actor graph (``cypher/store/actor_edges.cypher`` is its Cypher form): degrees
are summed from the streamed edge weights, PageRank and betweenness come from a directed GDS
projection, eigenvector from an undirected one. Betweenness is normalised as networkx does, and
follows the same choice as the embedded path (``Betweenness``): from k seeded sampled source actors
(GDS ``samplingSize`` and ``samplingSeed``), scaled as networkx scales its ``k=`` estimate, or
exact. GDS draws its sources itself (with probability growing with the degree), so a sampled
estimate on Neo4j is not the embedded one to the digit: the same k, the same seed, other sources.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from polgraph.graph.algorithms.centrality import ActorScore, Betweenness
from polgraph.graph.codec import iso
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.neo4j_cypher import statement

__all__ = ["betweenness_config", "betweenness_scale", "filter_params", "gds_centrality"]

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


def betweenness_config(sampling: Betweenness, nodes: int) -> dict[str, int]:
    """The parameters of ``gds_betweenness.cypher`` on a projection of ``nodes`` actors: GDS runs
    exact when the sampling size is at least the node count, so exact asks for all of them."""
    size = nodes if sampling.sources is None else min(sampling.sources, nodes)
    return {"samplingSize": size, "samplingSeed": sampling.seed}


def betweenness_scale(sampling: Betweenness, nodes: int) -> float:
    """What GDS's raw betweenness sums are multiplied by: networkx's normalisation of a directed
    graph, exact 1/((n-1)(n-2)), from k < n sampled sources 1/(k(n-2)) (GDS itself does not
    rescale). networkx gives the sampled sources themselves 1/((k-1)(n-2)); GDS does not say which
    actors it sampled, so theirs is k/(k-1) low (0.2% at the default k)."""
    size = betweenness_config(sampling, nodes)["samplingSize"]
    if nodes <= 2:
        return 1.0
    return 1.0 / (size * (nodes - 2)) if size < nodes else 1.0 / ((nodes - 1) * (nodes - 2))


def gds_centrality(read: Read, where: RelationFilter, sampling: Betweenness) -> list[ActorScore]:
    """Scores of every actor with at least one accepted relation (``active_only`` in networkx),
    betweenness from ``sampling``."""
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
    betweenness_params = betweenness_config(sampling, len(names))
    pagerank, betweenness = _run(read, params, directed=True, measures=("pagerank", "betweenness"),
                                 extra={"betweenness": betweenness_params})
    (eigenvector,) = _run(read, params, directed=False, measures=("eigenvector",))
    scale = betweenness_scale(sampling, len(names))
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


def _run(read: Read, params: dict[str, Any], *, directed: bool, measures: tuple[str, ...],
         extra: dict[str, dict[str, Any]] | None = None) -> list[dict[str, float]]:
    """Stream ``measures`` on a fresh projection; ``extra`` holds each measure's own parameters."""
    graph = f"polgraph-{uuid.uuid4().hex[:12]}"
    read(statement("gds_project"), {**params, "graph": graph, "undirected": [] if directed else ["*"]})
    try:
        return [{row[0]: float(row[1]) for row in read(statement(f"gds_{m}"), {"graph": graph, **(extra or {}).get(m, {})})}
                for m in measures]
    finally:
        read(statement("gds_drop"), {"graph": graph})
