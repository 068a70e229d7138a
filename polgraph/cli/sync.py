"""``polgraph push`` and ``polgraph pull``: copy a graph between the embedded store and Neo4j."""

from __future__ import annotations

from pathlib import Path

import click

from polgraph.cli.options import echo_json, handle_errors, json_option
from polgraph.config import is_bolt_uri
from polgraph.exceptions import ConfigError, InputError
from polgraph.graph.stores.networkx_store import DEFAULT_PATH, NetworkXStore

__all__ = ["COMMANDS", "pull", "push"]

_FROM_HELP = "Graph file of the embedded store (default .polgraph/graph.json)."
_URI_HELP = "Neo4j URI (bolt://, neo4j://, neo4j+s://); default NEO4J_URI."


def _open_neo4j(uri: str | None):
    from polgraph.graph.stores.neo4j_store import Neo4jStore, open_neo4j_store

    if not is_bolt_uri(uri):
        raise ConfigError("a Neo4j URI is needed: --to/--from bolt://... or NEO4J_URI")
    store = open_neo4j_store(uri, require=True)  # sync has no fallback: the server is the point
    assert isinstance(store, Neo4jStore)
    return store


@click.command()
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PATH,
              show_default=True, help=_FROM_HELP)
@click.option("--to", "target", envvar="NEO4J_URI", metavar="URI", help=_URI_HELP)
@json_option
@handle_errors
def push(source: Path, target: str | None, as_json: bool) -> None:
    """Copy the embedded store into Neo4j (every node and relation MERGEd by id; run it again: no change)."""
    if not source.exists():
        raise InputError(str(source), "no such graph file")
    graph = NetworkXStore(source).to_networkx()
    store = _open_neo4j(target)
    try:
        sent = store.import_graph(graph)
        counts = store.counts()
    finally:
        store.close()
    if as_json:
        echo_json({"from": str(source), "to": store.location, "sent": sent, "counts": counts})
    else:
        click.echo(f"pushed {sent['nodes']} nodes and {sent['edges']} relationships from {source} to {store.location}")


@click.command()
@click.option("--from", "source", envvar="NEO4J_URI", metavar="URI", help=_URI_HELP)
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PATH,
              show_default=True, help=_FROM_HELP.replace("of the", "for the"))
@json_option
@handle_errors
def pull(source: str | None, target: Path, as_json: bool) -> None:
    """Copy Neo4j into the embedded store (merged into the graph file if it exists)."""
    from polgraph.graph.stores.neo4j_sync import merge_into_file

    store = _open_neo4j(source)
    try:
        graph = store.to_networkx()
    finally:
        store.close()
    merged = merge_into_file(graph, target)
    if as_json:
        echo_json({"from": store.location, "to": str(target), "nodes": graph.number_of_nodes(),
                   "edges": graph.number_of_edges(), "file": merged})
    else:
        click.echo(f"pulled {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships "
                   f"from {store.location} into {target}")


COMMANDS = [push, pull]
