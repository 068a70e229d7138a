"""``polgraph query``: run a library query (cypher/queries/NAME.cypher) or inline Cypher."""

from __future__ import annotations

import csv
import io
from typing import Any

import click

from polgraph.cli.options import (
    echo_json, echo_table, handle_errors, open_store_from, positive_number, store_options,
)
from polgraph.cypher import QueryLimits, Result, run
from polgraph.cypher.library import library, load_query, looks_like_name, parse_param
from polgraph.cypher.limits import run_bounded
from polgraph.cypher.values import render, to_plain
from polgraph.exceptions import ConfigError

__all__ = ["COMMANDS", "query"]


def _params(pairs: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--param {pair!r}: expected NAME=VALUE")
        out[key.strip()] = parse_param(value)
    return out


def _cell(value: Any) -> str:
    return render(value, top=True)


@click.command()
@click.argument("name_or_cypher", required=False)
@click.option("--param", "-p", "pairs", multiple=True, metavar="NAME=VALUE",
              help="A query parameter; VALUE is read as JSON when it parses (42, [\"A\",\"B\"], null), else as text.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON records instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
@click.option("--write", is_flag=True, help="Allow writes (Neo4j only; the embedded store answers read queries).")
@click.option("--list", "list_queries", is_flag=True, help="List the library queries and their parameters.")
@click.option("--timeout", default=60.0, show_default=True, metavar="SECONDS",
              help="Stop a query of the embedded store that runs longer (exit 1).")
@click.option("--max-rows", default=1_000_000, show_default=True, metavar="N",
              help="Stop a query of the embedded store that returns more rows (exit 1).")
@click.option("--explain", is_flag=True, help="Also say on stderr how the store answered (the embedded store's path and SQL).")
@store_options
@handle_errors
def query(name_or_cypher: str | None, pairs: tuple[str, ...], as_json: bool, as_csv: bool, write: bool,
          list_queries: bool, timeout: float, max_rows: int, explain: bool, store_spec: str | None,
          require_neo4j: bool) -> None:
    """Run a library query by NAME (see --list) or a Cypher query, and print the result.

    \b
      polgraph query most_mentioned --param limit=5
      polgraph query actor_timeline -p name="Alexander Lukashenko" --json
      polgraph query "MATCH (a:Actor) RETURN a.kind AS kind, count(*) AS n"
    """
    if as_json and as_csv:
        raise ConfigError("--json and --csv exclude each other")
    if list_queries:
        for q in library():
            click.echo(f"{q.name}: {q.description}")
            for name, default in q.defaults.items():
                click.echo(f"    ${name} (default {render(default)}) {q.param_help.get(name, '')}".rstrip())
        return
    if not name_or_cypher or not name_or_cypher.strip():
        raise ConfigError("give a library query name (see polgraph query --list) or a Cypher query")
    params = _params(pairs)
    limits = QueryLimits(timeout=positive_number(timeout, "--timeout"),
                         max_rows=int(positive_number(max_rows, "--max-rows")))
    if looks_like_name(name_or_cypher):
        lib = load_query(name_or_cypher.strip())
        text = lib.text
        params = {**lib.defaults, **params}
    else:
        text = name_or_cypher
    with open_store_from(store_spec, require_neo4j) as store:
        result = run(store, text, params, write=write, limits=limits)
    if explain:
        click.echo(f"path: {result.path or 'the store plans the query itself (on Neo4j, prefix it with EXPLAIN or PROFILE)'}",
                   err=True)
    # values nest as deep as the query let them: printed on the query engine's deep stack
    run_bounded(lambda: _print(result, as_json, as_csv),
                QueryLimits(timeout=None, max_rows=None, max_memory_mb=None, max_value_size=None))


def _print(result: Result, as_json: bool, as_csv: bool) -> None:
    if as_json:
        echo_json([{c: to_plain(v) for c, v in zip(result.columns, row)} for row in result.rows])
    elif as_csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        echo_table(([_cell(v) for v in row] for row in result.rows), result.columns)


COMMANDS = [query]
