"""``polgraph export``: the whole graph as JSON, GraphML or GEXF."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from polgraph.cli.options import handle_errors, json_option, open_store_from, store_options
from polgraph.graph.readwrite import FORMATS, write_graph

__all__ = ["COMMANDS", "export"]


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
@store_options
@json_option
@handle_errors
def export(fmt: str, output: Path | None, store_spec: str | None, require_neo4j: bool, as_json: bool) -> None:
    """Export the graph (actors, articles, topics, relations with provenance)."""
    if as_json:
        fmt = "json"
    with open_store_from(store_spec, require_neo4j) as store:
        graph = store.to_networkx()
    if output is None:
        write_graph(graph, sys.stdout.buffer, fmt)
        sys.stdout.buffer.write(b"\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=output.name + ".", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_graph(graph, fh, fmt)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships to {output}", err=True)


COMMANDS = [export]
