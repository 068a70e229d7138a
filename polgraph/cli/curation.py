"""Curation verbs: ``polgraph actors merge | rename | alias | drop``, ``polgraph relations drop``,
``polgraph curation list | undo``.

Each change is made in place on the store (one transaction) and recorded in the overlay file
(``--overlay``, default beside the store: ``graph.curation.overlay.default_overlay_path``), which
later loads apply too (docs/curation.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option, open_store_from, store_options
from polgraph.exceptions import CurationError
from polgraph.graph import curation
from polgraph.graph.curation import Alias, Change, DropActor, DropRelation, Entry, Merge, Overlay, Rename
from polgraph.graph.curation.overlay import default_overlay_path, locked
from polgraph.graph.store import Store
from polgraph.lookup import find_actor

__all__ = ["ACTOR_COMMANDS", "COMMANDS", "RELATION_COMMANDS", "curation_group", "inherit_store", "overlay_option"]


def overlay_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--overlay PATH`` (or POLGRAPH_OVERLAY): the curation overlay file."""
    return click.option("--overlay", "overlay_path", metavar="PATH", envvar="POLGRAPH_OVERLAY",
                        type=click.Path(dir_okay=False, path_type=Path),
                        help="Curation overlay file (default: beside the store, e.g. .polgraph/graph.curation.jsonl).")(func)


def inherit_store(ctx: click.Context, store_spec: str | None, require_neo4j: bool) -> None:
    """``polgraph actors --store X merge A B``: the store given before the command is the command's
    default, never silently the default store."""
    assert isinstance(ctx.command, click.Group)
    defaults = {"store_spec": store_spec, "require_neo4j": require_neo4j}
    ctx.default_map = {name: defaults for name in ctx.command.commands}


def overlay_file(store: Store, path: Path | None) -> Path:
    return path if path is not None else default_overlay_path(store.location)


def open_overlay(store: Store, path: Path | None) -> Overlay:
    return Overlay.read(overlay_file(store, path))


def _change_command(func: Callable[..., Change]) -> Callable[..., None]:
    """A curation verb: ``func(store, **arguments)`` says which change; it is made and recorded."""

    @store_options
    @overlay_option
    @json_option
    @handle_errors
    @functools.wraps(func)
    def command(store_spec: str | None, require_neo4j: bool, overlay_path: Path | None, as_json: bool, **arguments: Any) -> None:
        with open_store_from(store_spec, require_neo4j) as store, locked(overlay_file(store, overlay_path)) as overlay:
            change = func(store, **arguments)
            entry = curation.make(store, overlay, change)
        if as_json:
            echo_json({"change": entry.number if entry else None, **change.record(), "overlay": str(overlay.path)})
        elif entry is None:
            click.echo(f"Nothing to change: the store already has it ({change.describe()}).")
        else:
            click.echo(f"Change {entry.number}: {change.describe()} (recorded in {overlay.path}).")

    return command


# -- polgraph actors merge | rename | alias | drop --------------------------------------------
@click.command("merge")
@click.argument("actor", metavar="A")
@click.argument("other", metavar="B")
@_change_command
def merge(store: Store, actor: str, other: str) -> Change:
    """Merge actor B into actor A: B's relations, mentions, roles and aliases move to A, B's name
    becomes an alias of A, and later loads put B's mentions on A. A and B: ids or unambiguous names."""
    kept, gone = find_actor(store, actor), find_actor(store, other)
    if kept.id == gone.id:
        raise CurationError(f"{actor!r} and {other!r} are the same actor ({kept.id})")
    return Merge(kept.id, gone.id, kept.name, kept.kind)


@click.command("rename")
@click.argument("actor", metavar="A")
@click.argument("name", metavar="NAME")
@_change_command
def rename(store: Store, actor: str, name: str) -> Change:
    """Rename actor A (its id stays; the old name becomes an alias)."""
    found = find_actor(store, actor)
    if not name.strip():
        raise CurationError("the new name is empty")
    return Rename(found.id, name.strip(), found.name)


@click.command("alias")
@click.argument("actor", metavar="A")
@click.argument("alias", metavar="NAME")
@_change_command
def alias(store: Store, actor: str, alias: str) -> Change:
    """Give actor A one more alias."""
    found = find_actor(store, actor)
    if not alias.strip():
        raise CurationError("the alias is empty")
    return Alias(found.id, alias.strip(), found.name, found.kind)


@click.command("drop")
@click.argument("actor", metavar="A")
@_change_command
def drop_actor(store: Store, actor: str) -> Change:
    """Drop actor A with its relations, mentions, roles and memberships; later loads leave it out."""
    found = find_actor(store, actor)
    return DropActor(found.id, found.name)


# -- polgraph relations drop ------------------------------------------------------------------
@click.command("drop")
@click.argument("relation_id", metavar="ID")
@_change_command
def drop_relation(store: Store, relation_id: str) -> Change:
    """Drop the event relation ID (`polgraph relations --json` lists ids); later loads leave it out."""
    found = store.event_edges([relation_id])
    if not found:
        raise CurationError(f"no relation {relation_id!r} in {store.location}")
    edge = found[0]
    return DropRelation(edge.id, edge.source, edge.type, edge.target)


# -- polgraph curation list | undo ------------------------------------------------------------
@click.group("curation")
def curation_group() -> None:
    """The curation changes made to a store (recorded in its overlay file): list them, undo them."""


@curation_group.command("list")
@store_options
@overlay_option
@json_option
@handle_errors
def list_changes(store_spec: str | None, require_neo4j: bool, overlay_path: Path | None, as_json: bool) -> None:
    """List the changes, in the order they were made (and are applied to loads)."""
    with open_store_from(store_spec, require_neo4j) as store:
        overlay = open_overlay(store, overlay_path)
    if as_json:
        echo_json([{"change": e.number, **e.change.record(), "undo": e.undo is not None} for e in overlay.entries])
        return
    echo_table(([e.number, e.change.verb, e.change.describe()] for e in overlay.entries), ["change", "verb", "what"])
    click.echo(f"{len(overlay.entries)} change(s) in {overlay.path}")


@curation_group.command("undo")
@click.argument("number", type=int, required=False, metavar="[N]")
@store_options
@overlay_option
@json_option
@handle_errors
def undo(number: int | None, store_spec: str | None, require_neo4j: bool, overlay_path: Path | None, as_json: bool) -> None:
    """Undo the last change, or change N and every later one (the latest first): the store gets
    back the rows each change removed or rewrote, and the overlay forgets it."""
    with open_store_from(store_spec, require_neo4j) as store, locked(overlay_file(store, overlay_path)) as overlay:
        done = curation.undo(store, overlay, number)
    if as_json:
        echo_json([_undone(e) for e in done])
        return
    for entry in done:
        click.echo(f"Undid change {entry.number}: {entry.change.describe()}.")


def _undone(entry: Entry) -> dict[str, Any]:
    return {"change": entry.number, **entry.change.record()}


ACTOR_COMMANDS = [merge, rename, alias, drop_actor]
RELATION_COMMANDS = [drop_relation]
COMMANDS = [curation_group]
