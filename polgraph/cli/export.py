"""``polgraph export``: the graph, or a part of it, as JSON, GraphML, GEXF or the CSV files of
``neo4j-admin database import``."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import BinaryIO

import click

from polgraph.cli.options import handle_errors, json_option, open_store_from, store_options
from polgraph.cli.part import PartOptions, part_options
from polgraph.exceptions import ConfigError
from polgraph.graph.readwrite import (
    FORMATS,
    Exported,
    import_command,
    write_graph_rows,
    write_neo4j_import,
    write_neo4j_import_rows,
)
from polgraph.graph.selection import select
from polgraph.graph.stores.networkx_rows import NetworkXGraphRows
from polgraph.output import write_output

__all__ = ["COMMANDS", "export"]

NEO4J_IMPORT = "neo4j-import"  # a folder of CSV files, not one stream


@click.command()
@click.option("--format", "fmt", type=click.Choice((*FORMATS, NEO4J_IMPORT)), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (atomically) instead of stdout; a new folder for neo4j-import.")
@click.option("--actors-only", is_flag=True,
              help="Actors, topics and the relations among them: no articles or mentions.")
@click.option("--with-text", is_flag=True, help="Keep each article's full text (left out by default).")
@part_options
@store_options
@json_option
@handle_errors
def export(fmt: str, output: Path | None, actors_only: bool, with_text: bool, part: PartOptions,
           store_spec: str | None, require_neo4j: bool, as_json: bool) -> None:
    """Export the graph (actors, articles, topics, relations with provenance) or a part of it.

    A part (--actor, --type, --since/--until, --top) holds actors, topics and event relations.
    GraphML and GEXF label nodes by name and edges by relation type, and date each event (GEXF:
    dynamic mode, for Gephi's timeline). neo4j-import writes node and relationship CSV files for
    Neo4j's offline bulk load into the folder -o, and prints the neo4j-admin command that loads them.
    """
    if as_json:
        fmt = "json"
    if fmt == NEO4J_IMPORT and output is None:
        raise ConfigError("the neo4j-import format writes a folder of CSV files: name it with -o DIR")
    with open_store_from(store_spec, require_neo4j) as store:
        chosen = part.resolve(store)
        if fmt == NEO4J_IMPORT:
            assert output is not None
            if chosen.is_whole:  # streamed from the store's rows: no graph is built
                with store.graph_rows() as rows:
                    imported = write_neo4j_import_rows(rows, output, with_text=with_text, actors_only=actors_only)
                _echo_import(imported.files, imported.nodes, imported.relationships, output)
            else:
                graph = select(store, chosen)
                files = write_neo4j_import(graph, output, with_text=with_text)
                _echo_import(files, graph.number_of_nodes(), graph.number_of_edges(), output)
            return

        def write(out: BinaryIO) -> Exported:
            """The whole store streamed from its rows (no graph is built), or the part's graph."""
            if chosen.is_whole:
                with store.graph_rows() as rows:
                    return write_graph_rows(rows, out, fmt, with_text=with_text, actors_only=actors_only)
            return write_graph_rows(NetworkXGraphRows(select(store, chosen)), out, fmt, with_text=with_text)

        if output is None:
            write(sys.stdout.buffer)
            sys.stdout.buffer.write(b"\n")
            return
        written: list[Exported] = []
        write_output(output, lambda fh: written.append(write(fh)), protect=[store.location])
    click.echo(f"Wrote {written[0].nodes} nodes and {written[0].relationships} relationships to {output}", err=True)


def _echo_import(files: list[Path], nodes: int, relationships: int, output: Path) -> None:
    click.echo(f"Wrote {nodes} nodes and {relationships} relationships in {len(files)} files to {output}; load them "
               f"into a new Neo4j database with:\n  {shlex.join(import_command(files))}", err=True)


COMMANDS = [export]
