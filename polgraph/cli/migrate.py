"""``polgraph migrate``: convert a JSON store of polgraph 0.1 into the SQLite store."""

from __future__ import annotations

import click

from polgraph.cli.options import echo_json, handle_errors, json_option
from polgraph.config import resolve_spec
from polgraph.exceptions import ConfigError
from polgraph.graph.stores.migrate import embedded_path
from polgraph.graph.stores.sqlite_store import FORMAT, SQLiteStore, sniff

__all__ = ["COMMANDS", "migrate"]


@click.command()
@click.option("--store", "store_spec", metavar="PATH", envvar="POLGRAPH_STORE",
              help="Embedded store to migrate (default .polgraph/graph.json, into .polgraph/graph.db).")
@json_option
@handle_errors
def migrate(store_spec: str | None, as_json: bool) -> None:
    """Convert a JSON store (polgraph 0.1) into the SQLite store, nothing lost.

    NAME.json becomes NAME.db beside it; the JSON file is kept as NAME.json.bak. Any command does
    this by itself the first time it opens such a store; a store already in the SQLite format is
    left as it is, and a missing one is created empty.
    """
    spec = resolve_spec(store_spec)
    if spec is not None and spec.is_bolt:
        raise ConfigError(f"{spec.shown}: migrate converts the embedded store's file, not a Neo4j database")
    lines: list[str] = []
    path = embedded_path(spec.path if spec else None, lines.append)
    if sniff(path) == "missing":
        lines.append(f"{path}: no store there; created an empty one ({FORMAT})")
    with SQLiteStore(path, create=True) as store:
        counts = store.counts()
    if as_json:
        echo_json({"store": str(path), "format": FORMAT, "migrated": lines, "counts": counts})
        return
    for line in lines:
        click.echo(line)
    if not lines:
        click.echo(f"{path}: already a SQLite store ({FORMAT}); nothing to migrate")


COMMANDS = [migrate]
