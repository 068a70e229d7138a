"""``polgraph events``: each act once, with every article and sentence that reports it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from polgraph.cli.options import (
    echo_records,
    echo_table,
    handle_errors,
    open_store_from,
    output_format_options,
    store_options,
)
from polgraph.cli.relations import make_filter, relation_filter_options
from polgraph.graph.algorithms.events import DEFAULT_WINDOW_DAYS, Event, group_events
from polgraph.graph.model import Relation
from polgraph.graph.selection import topic_name
from polgraph.lookup import find_actor

__all__ = ["COMMANDS", "events"]

# The fields of --json and --csv, in this order (CSV joins the lists with "; ").
COLUMNS = ("id", "start", "end", "source", "source_name", "type", "target", "target_name", "reports", "articles",
           "relations", "attributions", "sentences", "evidence")


@click.command(help=f"""List events: an act reported by several articles (same source, type and target, reports at
    most {DEFAULT_WINDOW_DAYS} days apart) once, with its number of reports and their articles.

    `polgraph relations` lists every report; --json and --csv give each report's relation id,
    sentence and evidence too.
    """)
@click.option("--actor", metavar="NAME", help="Only events from or to this actor (id, name or alias).")
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Only events reported at least N times.")
@relation_filter_options
@store_options
@handle_errors
@output_format_options
def events(actor: str | None, min_reports: int, types: tuple[str, ...], since, until, attributions: str | None,
           store_spec: str | None, require_neo4j: bool, fmt: str) -> None:
    where = make_filter(types, since, until, attributions=attributions)  # a bad option fails before the store opens
    with open_store_from(store_spec, require_neo4j) as store:
        actor_id = find_actor(store, actor).id if actor else None
        reports = store.relations(replace(where, actor=actor_id))
        found = [e for e in group_events(reports) if len(e.reports) >= min_reports]
        names = {a.id: a.name for a in store.actors()}
    found.sort(key=lambda e: (e.start or "", e.source, e.type, e.target, e.id))
    name = lambda node: names.get(node, topic_name(node))  # noqa: E731
    echo_records(
        [_record(e, name) for e in found], COLUMNS, fmt,
        lambda: echo_table(
            ([_dates(e), name(e.source), e.type, name(e.target), len(e.reports), ", ".join(a[:8] for a in e.articles)]
             for e in found),
            ["date", "source", "type", "target", "reports", "articles"],
        ),
    )


def _record(event: Event[Relation], name: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": event.id, "start": event.start, "end": event.end, "source": event.source,
        "source_name": name(event.source), "type": event.type, "target": event.target,
        "target_name": name(event.target), "reports": len(event.reports), "articles": list(event.articles),
        "relations": [r.id for r in event.reports], "attributions": [r.attribution for r in event.reports],
        "sentences": [r.sentence for r in event.reports], "evidence": [r.evidence for r in event.reports],
    }


def _dates(event: Event[Relation]) -> str:
    if event.start == event.end:
        return event.start or ""
    return f"{event.start}..{event.end}"


COMMANDS = [events]
