"""Options and output helpers every command shares."""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from polgraph.config import open_store
from polgraph.exceptions import PolgraphError
from polgraph.graph.store import Store

__all__ = [
    "csv_option",
    "echo_csv",
    "echo_json",
    "echo_table",
    "handle_errors",
    "json_option",
    "open_store_from",
    "plot_option",
    "store_options",
]


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store PATH|URI`` and ``--require-neo4j``."""
    func = click.option(
        "--require-neo4j",
        is_flag=True,
        help="Fail (exit 1) instead of falling back to the embedded store when Neo4j is unreachable.",
    )(func)
    func = click.option(
        "--store",
        "store_spec",
        metavar="PATH|URI",
        envvar="POLGRAPH_STORE",
        help="Graph file (default .polgraph/graph.json) or Neo4j URI (bolt://, neo4j://, neo4j+s://).",
    )(func)
    return func


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def csv_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--csv", "as_csv", is_flag=True, help="Print CSV (a header line, then one line per row).")(func)


def plot_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--plot", "plot_path", metavar="FILE.png", type=click.Path(dir_okay=False),
                        help="Also draw the series to a PNG file (needs the extra: pip install 'polgraph[plot]').")(func)


def open_store_from(store_spec: str | None, require_neo4j: bool = False) -> Store:
    return open_store(store_spec, require_neo4j=require_neo4j, warn=lambda line: click.echo(line, err=True))


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """polgraph errors: one line on stderr, exit 1. Anything else: a bug, exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolgraphError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:  # `polgraph relations | head`: the reader has gone, nothing to say
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: say so, keep the traceback out of the user's way
            click.echo(f"Internal error: {type(exc).__name__}: {exc} (please report it)", err=True)
            sys.exit(2)

    return wrapper


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def echo_table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> None:
    rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(v)) for w, v in zip(widths, row)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def echo_csv(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    click.echo(buffer.getvalue(), nl=False)
