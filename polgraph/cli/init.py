"""``polgraph init``: apply the schema (cypher/schema.cypher) to the configured store."""

from __future__ import annotations

import click

from polgraph.cli.options import echo_json, handle_errors, json_option, open_store_from, store_options

__all__ = ["COMMANDS", "init"]


@click.command()
@store_options
@json_option
@handle_errors
def init(store_spec: str | None, require_neo4j: bool, as_json: bool) -> None:
    """Create constraints and indexes (idempotent: run it as often as you like).

    On Neo4j: uniqueness constraints on Actor.id, Article.id and Topic.id, indexes on actor name
    and kind and on every relation type's id, and a full-text index over actor names and aliases.
    A feature the server lacks is reported, not failed on. The embedded store is created with its
    tables and indexes (if it does not exist yet) and lists them.
    """
    with open_store_from(store_spec, require_neo4j, create=True) as store:
        report = store.init_schema()
        server = store.describe()
    if as_json:
        echo_json({"store": store.location, "server": server,
                   "schema": [{"name": n, "status": s, "detail": d} for n, s, d in report]})
        return
    click.echo(f"{store.location}: {server}")
    for name, status, detail in report:
        click.echo(f"  {status:<11} {name} ({detail})")
    counts = {s: sum(1 for _, st, _ in report if st == s) for s in ("applied", "exists", "unsupported")}
    click.echo(f"{counts['applied']} applied, {counts['exists']} already there, {counts['unsupported']} not supported by this server")


COMMANDS = [init]
