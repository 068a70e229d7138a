"""``polgraph view``: one self-contained HTML page of the graph, or of a part of it."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from polgraph.cli.options import handle_errors, open_store_from, store_options
from polgraph.cli.part import PartOptions, part_options
from polgraph.graph.drawing import write_html
from polgraph.graph.selection import scores_by_id, select
from polgraph.output import write_output

__all__ = ["COMMANDS", "view"]


@click.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default="graph.html", show_default=True,
              help="The page to write (atomically).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in your web browser.")
@part_options
@store_options
@handle_errors
def view(output: Path, open_page: bool, part: PartOptions, store_spec: str | None, require_neo4j: bool) -> None:
    """Draw the graph of actors and events as one HTML page that works offline.

    Actors are coloured by kind and sized by PageRank; events are coloured by cooperation
    (green) or conflict (orange, red). Click an edge, then the details button, for its evidence.

    \b
      polgraph view --open
      polgraph view --actor "Alexander Lukashenko" --hops 2 -o lukashenko.html
      polgraph view --type CRITICIZES --since 2023-01-01 --top 30
    """
    with open_store_from(store_spec, require_neo4j) as store:
        chosen = part.resolve(store)
        graph = select(store, chosen)
        pagerank = {actor: score.pagerank for actor, score in scores_by_id(graph, chosen.count).items()}
        written = write_output(
            output, lambda fh: write_html(graph, fh, pagerank=pagerank, title=f"polgraph: {store.location}"),
            protect=[store.location],
        )
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relations to {output}", err=True)
    if open_page:
        webbrowser.open(written.as_uri())


COMMANDS = [view]
