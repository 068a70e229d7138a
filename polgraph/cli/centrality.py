"""``polgraph centrality``: rank actors by degree, PageRank, betweenness, eigenvector."""

from __future__ import annotations

import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option, open_store_from, store_options
from polgraph.cli.relations import make_filter, relation_filter_options
from polgraph.graph.algorithms.centrality import MEASURES, actor_graph, rank
from polgraph.graph.algorithms.centrality import centrality as score

__all__ = ["COMMANDS", "centrality"]


@click.command()
@click.option("--by", type=click.Choice(MEASURES), default="pagerank", show_default=True, help="Measure to rank by.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many actors to show.")
@relation_filter_options
@store_options
@json_option
@handle_errors
def centrality(by: str, top: int, types: tuple[str, ...], since, until, store_spec: str | None,
               require_neo4j: bool, as_json: bool) -> None:
    """Rank actors by centrality in the graph of event relations (filtered by type and time window)."""
    store = open_store_from(store_spec, require_neo4j)
    try:
        scores = _scores(store, make_filter(types, since, until))
    finally:
        store.close()
    ranked = rank(scores, by, top)
    if as_json:
        echo_json([s.__dict__ for s in ranked])
    else:
        echo_table(
            ([s.name, s.kind, s.in_degree, s.out_degree, f"{s.pagerank:.4f}", f"{s.betweenness:.4f}", f"{s.eigenvector:.4f}"]
             for s in ranked),
            ["actor", "kind", "in", "out", "pagerank", "betweenness", "eigenvector"],
        )


def _scores(store, where):
    own = getattr(store, "centrality", None)  # a store that computes it server-side (Neo4j GDS)
    if own is not None:
        found = own(where)
        if found is not None:
            return found
    return score(actor_graph(store.to_networkx(), where))


COMMANDS = [centrality]
