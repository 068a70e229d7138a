"""``polgraph actors``: the actors in the store; ``merge``, ``rename``, ``alias`` and ``drop``
curate them (``polgraph.cli.curation``)."""

from __future__ import annotations

import click

from polgraph.cli.options import (
    echo_records,
    echo_table,
    handle_errors,
    open_store_from,
    output_format_options,
    store_options,
)
from polgraph.cli.curation import ACTOR_COMMANDS, inherit_store
from polgraph.graph.model import ACTOR_KINDS

__all__ = ["COMMANDS", "actors"]


# The fields of --json and --csv, in this order.
COLUMNS = ("id", "name", "kind", "aliases", "country", "sector")


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@store_options
@handle_errors
@output_format_options
@click.pass_context
def actors(ctx: click.Context, kind: str | None, store_spec: str | None, require_neo4j: bool, fmt: str) -> None:
    """List the actors: id, name, kind, aliases (--json, --csv: also country and sector).

    With a command, curate them (docs/curation.md): merge, rename, alias, drop.
    """
    if ctx.invoked_subcommand is not None:
        inherit_store(ctx, store_spec, require_neo4j)
        return
    with open_store_from(store_spec, require_neo4j) as store:
        found = store.actors(kind)
    echo_records(
        [{"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "country": a.country,
          "sector": a.sector} for a in found] if fmt != "table" else [],
        COLUMNS, fmt,
        lambda: echo_table(([a.id, a.name, a.kind, ", ".join(a.aliases[:3])] for a in found),
                           ["id", "name", "kind", "aliases"]),
    )


for _command in ACTOR_COMMANDS:
    actors.add_command(_command)

COMMANDS = [actors]
