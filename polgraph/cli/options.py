"""Options and output helpers every command shares."""

from __future__ import annotations

import csv
import errno
import functools
import io
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from polgraph.config import open_store
from polgraph.exceptions import ConfigError, PolgraphError, StoreUnavailable
from polgraph.graph.algorithms.events import Count
from polgraph.graph.store import Store

__all__ = [
    "count_option", "echo_csv", "echo_json", "echo_records", "echo_table", "handle_errors", "json_option",
    "open_store_from", "output_format_options", "positive_number", "printable", "store_options",
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
        help="Embedded store file (default .polgraph/graph.db) or Neo4j URI (bolt://, neo4j://, neo4j+s://).",
    )(func)
    return func


def count_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--count events|reports``, passed on as ``count`` (a ``Count``)."""
    return click.option(
        "--count", "count", type=click.Choice([c.value for c in Count]), default=Count.EVENTS.value, show_default=True,
        callback=lambda ctx, param, value: Count(value),
        help="Count events (an act reported by several articles once) or reports (every article's report).",
    )(func)


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def output_format_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--json`` and ``--csv``, passed on as ``fmt``: "table", "json" or "csv" (under ``handle_errors``)."""

    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any) -> Any:
        if as_json and as_csv:
            raise ConfigError("--json and --csv exclude each other")
        return func(*args, fmt="json" if as_json else "csv" if as_csv else "table", **kwargs)

    wrapper = click.option("--csv", "as_csv", is_flag=True,
                           help="Print CSV (a header line, then one line a row).")(wrapper)
    return json_option(wrapper)


def open_store_from(store_spec: str | None, require_neo4j: bool = False, *, create: bool = False) -> Store:
    """The store a command works on, as a context manager. Reading commands leave ``create``
    false: a store that does not exist is an error, not an empty answer."""
    try:
        return open_store(store_spec, require_neo4j=require_neo4j, create=create, warn=lambda line: click.echo(line, err=True))
    except StoreUnavailable as exc:
        if require_neo4j:
            raise StoreUnavailable(f"{exc}; --require-neo4j is set") from None
        raise


def positive_number(value: float, flag: str) -> float:
    """``value`` when it is a finite number above zero, else a one-line user error naming ``flag``."""
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
        raise ConfigError(f"{flag} must be a number above zero, got {value}")
    return value


# OS errors that are the user's situation, not polgraph's bug: the cause is the message.
_USER_OS_ERRORS = {errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG,
                   errno.ENAMETOOLONG, errno.EMFILE, errno.ENFILE}


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """polgraph errors, and OS errors that are the user's situation (permission denied, disk full,
    read-only file system, file too large): one line on stderr, exit 1. Anything else: a bug, exit 2."""

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
        except OSError as exc:
            if exc.errno not in _USER_OS_ERRORS:
                _internal_error(exc)
            where = f"{exc.filename}: " if exc.filename is not None else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: say so, keep the traceback out of the user's way
            _internal_error(exc)

    return wrapper


def _internal_error(exc: BaseException) -> None:
    click.echo(f"Internal error: {type(exc).__name__}: {exc} (please report it)", err=True)
    sys.exit(2)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def echo_csv(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    """CSV with a header line; a list is joined with "; ", a missing value is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    click.echo(buffer.getvalue(), nl=False)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return value


def echo_records(records: list[dict[str, Any]], columns: Sequence[str], fmt: str, table: Callable[[], None]) -> None:
    """Records as JSON or CSV, else the command's own table."""
    if fmt == "json":
        echo_json(records)
    elif fmt == "csv":
        echo_csv(records, columns)
    else:
        table()


# Control characters (C0, DEL, C1) and the bidirectional overrides: printed raw, article text
# could move the cursor, recolour or retitle the user's terminal, or reorder what a line shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``); tabs and
    newlines become spaces, so one row stays one line."""
    if text.isprintable():  # no control or format character (the common case): nothing to do
        return text
    text = text.replace("\t", " ").replace("\n", " ")
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def echo_table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> None:
    rows = [["" if v is None else printable(str(v)) for v in row] for row in rows]
    headers = [printable(h) for h in headers]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(v)) for w, v in zip(widths, row)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows)
    for start in range(0, len(lines), 10_000):  # one write per many lines: a big table prints in a second
        click.echo("\n".join(lines[start : start + 10_000]))
