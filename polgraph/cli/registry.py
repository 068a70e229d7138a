"""``polgraph registry``: import PETRARCH/TABARI actor dictionaries, show what a name resolves to."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option
from polgraph.exceptions import ConfigError, InputError, PolgraphError
from polgraph.graph.model import Actor
from polgraph.loaders.registry import Registry, _seed_texts, default_registry
from polgraph.loaders.registry_import import dump_entries, import_files

__all__ = ["COMMANDS", "registry"]


@click.group()
def registry() -> None:
    """The actor registry: states, organisations and people with their offices."""


@registry.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Registry YAML file to write.")
@click.option("--agents", "agents", type=click.Path(dir_okay=False, path_type=Path),
              help="TABARI agents file naming offices (default: Phoenix.agents.txt beside the first FILE, if any).")
@click.option("--no-merge", is_flag=True,
              help="Keep the dictionary's names instead of the shipped registry's canonical names.")
@handle_errors
def import_(files: tuple[Path, ...], out: Path, agents: Path | None, no_merge: bool) -> None:
    """Convert PETRARCH/TABARI actor dictionaries (FILE...) into a registry YAML file.

    Load the result with `--registry PATH` wherever a registry is read.
    """
    if agents is None:
        beside = files[0].parent / "Phoenix.agents.txt"
        agents = beside if beside.is_file() else None
    result = import_files(list(files), agents, None if no_merge else default_registry())
    sources = [str(f) for f in files] + ([f"{agents} (agents)"] if agents else [])
    try:
        out.write_text(dump_entries(result.entries, sources), encoding="utf-8")
    except OSError as exc:
        raise InputError(str(out), f"cannot write ({exc.strerror or exc})") from exc
    counts = result.counts()
    click.echo(
        f"Wrote {len(result.entries)} actors to {out}: {counts.get('state', 0)} states, "
        f"{counts.get('organization', 0)} organisations, {counts.get('person', 0)} people, "
        f"{counts.get('roles', 0)} roles; {len(result.warnings)} warnings."
    )
    for warning in result.warnings[:20]:
        click.echo(f"Warning: {warning}", err=True)
    if len(result.warnings) > 20:
        click.echo(f"Warning: ... and {len(result.warnings) - 20} more", err=True)


@registry.command("show")
@click.argument("name")
@click.option("--date", "day_text", metavar="YYYY-MM-DD", help="Resolve offices on this day (default: current holders).")
@click.option("--registry", "extra", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Another registry file to load over the shipped one (repeatable).")
@json_option
@handle_errors
def show(name: str, day_text: str | None, extra: tuple[Path, ...], as_json: bool) -> None:
    """Print what NAME (a name, alias, demonym, capital or role phrase) resolves to."""
    day = _parse_day(day_text)
    reg = _registry(extra)
    found = resolve(reg, name, day)
    if found is None:
        raise PolgraphError(f"no actor or role phrase matches {name!r}")
    if as_json:
        echo_json(found)
        return
    click.echo(f"{found['query']!r} -> {found['via']}")
    for actor in found["actors"]:
        click.echo("")
        _echo_actor(actor)


def resolve(reg: Registry, text: str, day: date | None) -> dict[str, Any] | None:
    """What ``text`` names on ``day``: ``{query, via, actors: [...]}``; None if nothing."""
    result = {"query": text, "date": day.isoformat() if day else None}
    actor = reg.by_name(text)
    if actor is not None:
        return {**result, "via": "name", "actors": [_describe(reg, actor, day)]}
    for via, lookup in (("demonym", reg.state_by_demonym), ("capital", reg.state_by_capital)):
        actor = lookup(text)
        if actor is not None:
            return {**result, "via": via, "actors": [_describe(reg, actor, day)]}
    phrase = reg.role_phrase(text, day)
    if phrase is not None:
        title, place, holder = phrase
        via = f"role phrase: {title} of {place.name}" + ("" if holder else " (no single holder on that day)")
        return {**result, "via": via, "actors": [_describe(reg, a, day) for a in (holder, place) if a is not None]}
    people = reg.by_surname(text)
    if people:
        return {**result, "via": f"surname ({len(people)} {'person' if len(people) == 1 else 'people'})", "actors": [_describe(reg, p, day) for p in people]}
    return None


def _describe(reg: Registry, actor: Actor, day: date | None) -> dict[str, Any]:
    described: dict[str, Any] = {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "country": actor.country,
        "member_of": list(actor.member_of),
        "roles": [
            {"title": r.title, "of": r.of, "start": r.start, "end": r.end, "active": r.active_on(day)}
            for r in actor.roles
        ],
    }
    if actor.kind != "person":
        leader = reg.leader(actor.id, day)
        described["leader"] = leader.name if leader else None
        described["offices"] = [
            {"title": title, "holder": holder.name, "leader_role": lead} for title, holder, lead in reg.holders(actor.id, day)
        ]
    return described


def _echo_actor(actor: dict[str, Any]) -> None:
    click.echo(f"{actor['name']} ({actor['kind']}, id {actor['id']})")
    if actor["aliases"]:
        click.echo(f"  aliases: {', '.join(actor['aliases'])}")
    if actor["country"]:
        click.echo(f"  country: {actor['country']}")
    if actor["member_of"]:
        click.echo(f"  member of: {', '.join(actor['member_of'])}")
    if "leader" in actor:
        click.echo(f"  leader: {actor['leader'] or '(unknown)'}")
    if actor.get("offices"):
        echo_table([(o["title"], o["holder"], "yes" if o["leader_role"] else "") for o in actor["offices"]],
                   ["office", "holder", "leader role"])
    if actor["roles"]:
        echo_table(
            [(r["title"], r["of"], r["start"], r["end"], "yes" if r["active"] else "") for r in actor["roles"]],
            ["role", "of", "start", "end", "active"],
        )


def _parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"--date {text!r} is not a date (YYYY-MM-DD)") from exc


def _registry(extra: tuple[Path, ...]) -> Registry:
    """The shipped registry, with ``extra`` files loaded over a fresh copy (the shared default stays as shipped)."""
    if not extra:
        return default_registry()
    reg = Registry()
    for origin, text in _seed_texts():
        reg.add_text(text, origin)
    for path in extra:
        if not path.is_file():
            raise InputError(str(path), "no such registry file")
        reg.add_file(path)
    return reg


COMMANDS = [registry]
