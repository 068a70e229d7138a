"""``polgraph push`` and ``polgraph pull``: copy a graph between the embedded store and Neo4j."""

from __future__ import annotations

from pathlib import Path

import click

from polgraph.cli.options import echo_json, handle_errors, json_option
from polgraph.config import open_embedded, resolve_spec
from polgraph.exceptions import ConfigError, StoreUnavailable
from polgraph.graph.stores.uri import StoreSpec

__all__ = ["COMMANDS", "pull", "push"]

_FILE_HELP = "Embedded store file (default .polgraph/graph.db)."
_URI_HELP = "Neo4j URI (bolt://, neo4j://, neo4j+s://); default NEO4J_URI."


def _open_neo4j(uri: str | None):
    from polgraph.graph.stores.neo4j_store import Neo4jStore, Unreachable

    spec = resolve_spec(uri) if uri else None
    if spec is None or not spec.is_bolt:
        raise ConfigError("a Neo4j URI is needed: --to/--from bolt://... or NEO4J_URI")
    try:
        return Neo4jStore(spec)  # sync has no fallback: the server is the point
    except Unreachable as exc:
        raise StoreUnavailable(f"{exc}; --require-neo4j is set") from None


def _embedded(path: Path | None, create: bool):
    return open_embedded(StoreSpec(path=path) if path is not None else None, create=create,
                         warn=lambda line: click.echo(line, err=True))


@click.command()
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path), help=_FILE_HELP)
@click.option("--to", "target", envvar="NEO4J_URI", metavar="URI", help=_URI_HELP)
@json_option
@handle_errors
def push(source: Path | None, target: str | None, as_json: bool) -> None:
    """Copy the embedded store into Neo4j (every node and relation MERGEd by id; run it again: no change)."""
    with _embedded(source, create=False) as embedded:
        graph = embedded.to_networkx()
        shown = embedded.location
    with _open_neo4j(target) as store:
        sent = store.import_graph(graph)
        counts = store.counts()
    if as_json:
        echo_json({"from": shown, "to": store.location, "sent": sent, "counts": counts})
    else:
        click.echo(f"pushed {sent['nodes']} nodes and {sent['edges']} relationships from {shown} to {store.location}")


@click.command()
@click.option("--from", "source", envvar="NEO4J_URI", metavar="URI", help=_URI_HELP)
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path), help=_FILE_HELP.replace("store", "store to merge into"))
@json_option
@handle_errors
def pull(source: str | None, target: Path | None, as_json: bool) -> None:
    """Copy Neo4j into the embedded store (merged into it if it exists; Neo4j's properties win)."""
    with _open_neo4j(source) as store:
        graph = store.to_networkx()
        shown = store.location
    with _embedded(target, create=True) as embedded:
        embedded.import_graph(graph)
        counts = embedded.counts()
        location = embedded.location
    if as_json:
        echo_json({"from": shown, "to": location, "nodes": graph.number_of_nodes(),
                   "edges": graph.number_of_edges(), "counts": counts})
    else:
        click.echo(f"pulled {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships "
                   f"from {shown} into {location}")


COMMANDS = [push, pull]
