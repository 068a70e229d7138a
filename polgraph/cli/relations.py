"""``polgraph relations``: who did what to whom, with the evidence; ``drop`` curates them
(``polgraph.cli.curation``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from polgraph.cli.curation import RELATION_COMMANDS, inherit_store
from polgraph.cli.options import (
    echo_records,
    echo_table,
    handle_errors,
    open_store_from,
    output_format_options,
    store_options,
)
from polgraph.graph.model import Relation
from polgraph.exceptions import ConfigError
from polgraph.graph.ontology import EVENT_TYPES, Attribution
from polgraph.graph.selection import topic_name
from polgraph.graph.store import RelationFilter
from polgraph.lookup import find_actor

__all__ = ["COMMANDS", "relations", "relation_filter_options"]

_TYPES = [t.name for t in EVENT_TYPES]
_ATTRIBUTIONS = [a.value for a in Attribution]


def relation_filter_options(func):
    func = click.option("--attribution", "attributions", metavar="A[,A...]",
                        help=f"Only relations the text presents so: {', '.join(_ATTRIBUTIONS)} (comma-separated).")(func)
    func = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only relations dated on or before (YYYY-MM-DD).")(func)
    func = click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only relations dated on or after (YYYY-MM-DD).")(func)
    func = click.option("--type", "types", multiple=True, type=click.Choice(_TYPES, case_sensitive=False),
                        help="Only relations of this type (repeatable).")(func)
    return func


def make_filter(types: tuple[str, ...], since, until, actor: str | None = None, attributions: str | None = None) -> RelationFilter:
    as_date = lambda d: d.date() if d else None  # noqa: E731
    return RelationFilter(types=tuple(t.upper() for t in types), since=as_date(since), until=as_date(until), actor=actor,
                          attributions=parse_attributions(attributions))


def parse_attributions(text: str | None) -> tuple[str, ...]:
    """ "asserted,alleged" -> ("asserted", "alleged"); an unknown value is a user error."""
    if not text:
        return ()
    values = tuple(dict.fromkeys(v.strip().lower() for v in text.split(",") if v.strip()))
    unknown = [v for v in values if v not in _ATTRIBUTIONS]
    if unknown or not values:
        raise ConfigError(f"--attribution: {', '.join(unknown) or repr(text)} is not one of {', '.join(_ATTRIBUTIONS)}")
    return values


# The fields of --json and --csv, in this order.
COLUMNS = ("id", "date", "source", "source_name", "type", "target", "target_name", "goldstein", "quad_class",
           "attribution", "cameo", "plover", "confidence", "article", "sentence", "evidence", "reported_by", "url")


@click.group(invoke_without_command=True)
@click.option("--actor", metavar="NAME", help="Only relations from or to this actor (id, name or alias).")
@relation_filter_options
@store_options
@handle_errors
@output_format_options
@click.pass_context
def relations(ctx: click.Context, actor: str | None, types: tuple[str, ...], since, until, attributions: str | None,
              store_spec: str | None, require_neo4j: bool, fmt: str) -> None:
    """List event relations: date, source, type, target, evidence (--json, --csv: every field, the id too).

    `polgraph relations drop ID` drops one (docs/curation.md).
    """
    if ctx.invoked_subcommand is not None:
        inherit_store(ctx, store_spec, require_neo4j)
        return
    where = make_filter(types, since, until, attributions=attributions)  # a bad option fails before the store opens
    with open_store_from(store_spec, require_neo4j) as store:
        actor_id = find_actor(store, actor).id if actor else None
        found = store.relations(replace(where, actor=actor_id))
        names = {a.id: a.name for a in store.actors(ids={n for r in found for n in (r.source, r.target)})}
    name = lambda node: names.get(node, topic_name(node))  # noqa: E731
    echo_records(
        [_record(r, name) for r in found], COLUMNS, fmt,
        lambda: echo_table(
            ([r.date or "", name(r.source), r.type, name(r.target), _short(r.evidence)] for r in found),
            ["date", "source", "type", "target", "evidence"],
        ),
    )


def _record(rel: Relation, name: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": rel.id, "date": rel.date.isoformat() if rel.date else None, "source": rel.source,
        "source_name": name(rel.source), "type": rel.type, "target": rel.target, "target_name": name(rel.target),
        "goldstein": rel.goldstein, "quad_class": rel.quad_class, "attribution": rel.attribution, "cameo": rel.cameo,
        "plover": rel.plover, "confidence": rel.confidence, "article": rel.article, "sentence": rel.sentence,
        "evidence": rel.evidence, "reported_by": rel.reported_by or None, "url": rel.url or None,
    }


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


for _command in RELATION_COMMANDS:
    relations.add_command(_command)

COMMANDS = [relations]
