"""``polgraph actors``: the actors in the store; ``merge``, ``rename``, ``alias`` and ``drop``
curate them (``polgraph.cli.curation``)."""

from __future__ import annotations

import click

from polgraph.cli.curation import ACTOR_COMMANDS, inherit_store
from polgraph.cli.options import (
    echo_records,
    echo_table,
    handle_errors,
    open_store_from,
    output_format_options,
    store_options,
)
from polgraph.graph.algorithms.duplicates import SuspectPair, suspect_duplicates
from polgraph.graph.model import ACTOR_KINDS, Actor
from polgraph.graph.store import Store
from polgraph.loaders.places import subnational_place
from polgraph.loaders.registry import default_registry

__all__ = ["COMMANDS", "actors"]


# The fields of --json and --csv, in this order.
COLUMNS = ("id", "name", "kind", "aliases", "country", "iso3", "sector")
PAIR_COLUMNS = ("rule", "first_id", "first_name", "first_kind", "second_id", "second_name", "second_kind")


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@click.option("--suspect-duplicates", "duplicates", is_flag=True,
              help="List pairs of actors with an event relation that may be one actor, by rule "
                   "(same normalised name, a surname or title-prefixed name, one name inside the other).")
@store_options
@handle_errors
@output_format_options
@click.pass_context
def actors(ctx: click.Context, kind: str | None, duplicates: bool, store_spec: str | None, require_neo4j: bool,
           fmt: str) -> None:
    """List the actors: id, name, kind, aliases (--json, --csv: also country, iso3 and sector).

    With a command, curate them (docs/curation.md): merge, rename, alias, drop.
    """
    if ctx.invoked_subcommand is not None:
        inherit_store(ctx, store_spec, require_neo4j)
        return
    with open_store_from(store_spec, require_neo4j) as store:
        if duplicates:
            active = _active_actors(store, kind)
            _echo_pairs(suspect_duplicates(active, _is_place), len(active), fmt)
            return
        found = store.actors(kind)
    echo_records(
        [{"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "country": a.country,
          "iso3": a.iso3, "sector": a.sector} for a in found] if fmt != "table" else [],
        COLUMNS, fmt,
        lambda: echo_table(([a.id, a.name, a.kind, ", ".join(a.aliases[:3])] for a in found),
                           ["id", "name", "kind", "aliases"]),
    )


def _is_place(text: str) -> bool:
    """Whether a text names a state (name, alias, demonym, capital) or a province."""
    registry = default_registry()
    place = registry.place(text)
    return (place is not None and place.kind == "state") or subnational_place(text, registry) is not None


def _active_actors(store: Store, kind: str | None) -> list[Actor]:
    """The actors (of one kind) with an event relation, from or to them."""
    relations = store.relations()
    ends = {r.source for r in relations} | {r.target for r in relations}
    return [a for a in store.actors(kind) if a.id in ends]


def _echo_pairs(pairs: list[SuspectPair], active: int, fmt: str) -> None:
    records = [
        {"rule": p.rule, "first_id": p.first.id, "first_name": p.first.name, "first_kind": p.first.kind,
         "second_id": p.second.id, "second_name": p.second.name, "second_kind": p.second.kind}
        for p in pairs
    ]

    def table() -> None:
        if pairs:
            echo_table(([p.rule, p.first.id, f"{p.first.name} ({p.first.kind})", p.second.id,
                         f"{p.second.name} ({p.second.kind})"] for p in pairs),
                       ["rule", "first", "name", "second", "name"])
        click.echo(f"{len(pairs):,} suspect pair(s) among {active:,} actor(s) with an event relation")

    echo_records(records, PAIR_COLUMNS, fmt, table)


for _command in ACTOR_COMMANDS:
    actors.add_command(_command)

COMMANDS = [actors]
