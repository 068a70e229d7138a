"""``polgraph actors``: the actors in the store."""

from __future__ import annotations

import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option, open_store_from, store_options
from polgraph.graph.model import ACTOR_KINDS

__all__ = ["COMMANDS", "actors"]


@click.command()
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@store_options
@json_option
@handle_errors
def actors(kind: str | None, store_spec: str | None, require_neo4j: bool, as_json: bool) -> None:
    """List the actors: id, name, kind, aliases."""
    with open_store_from(store_spec, require_neo4j) as store:
        found = store.actors(kind)
    if as_json:
        echo_json([{"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "country": a.country} for a in found])
    else:
        echo_table(([a.id, a.name, a.kind, ", ".join(a.aliases[:3])] for a in found), ["id", "name", "kind", "aliases"])


COMMANDS = [actors]
