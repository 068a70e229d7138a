"""``polgraph relations``: who did what to whom, with the evidence."""

from __future__ import annotations


import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option, open_store_from, store_options
from polgraph.graph.ontology import EVENT_TYPES
from polgraph.graph.store import RelationFilter
from polgraph.lookup import find_actor

__all__ = ["COMMANDS", "relations", "relation_filter_options"]

_TYPES = [t.name for t in EVENT_TYPES]


def relation_filter_options(func):
    func = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only relations dated on or before (YYYY-MM-DD).")(func)
    func = click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only relations dated on or after (YYYY-MM-DD).")(func)
    func = click.option("--type", "types", multiple=True, type=click.Choice(_TYPES, case_sensitive=False),
                        help="Only relations of this type (repeatable).")(func)
    return func


def make_filter(types: tuple[str, ...], since, until, actor: str | None = None) -> RelationFilter:
    as_date = lambda d: d.date() if d else None  # noqa: E731
    return RelationFilter(types=tuple(t.upper() for t in types), since=as_date(since), until=as_date(until), actor=actor)


@click.command()
@click.option("--actor", metavar="NAME", help="Only relations from or to this actor (id, name or alias).")
@relation_filter_options
@store_options
@json_option
@handle_errors
def relations(actor: str | None, types: tuple[str, ...], since, until, store_spec: str | None,
              require_neo4j: bool, as_json: bool) -> None:
    """List event relations: date, source, type, target, evidence."""
    store = open_store_from(store_spec, require_neo4j)
    try:
        actor_id = find_actor(store, actor).id if actor else None
        found = store.relations(make_filter(types, since, until, actor_id))
        names = {a.id: a.name for a in store.actors()}
    finally:
        store.close()
    name = lambda node: names.get(node, node.removeprefix("topic:").replace("-", " "))  # noqa: E731
    if as_json:
        echo_json([
            {"source": r.source, "source_name": name(r.source), "type": r.type, "target": r.target,
             "target_name": name(r.target), "date": r.date.isoformat() if r.date else None, "article": r.article,
             "sentence": r.sentence, "evidence": r.evidence, "cameo": r.cameo, "plover": r.plover,
             "confidence": r.confidence, "goldstein": r.goldstein, "quad_class": r.quad_class,
             "attribution": r.attribution}
            for r in found
        ])
    else:
        echo_table(
            ([r.date or "", name(r.source), r.type, name(r.target), _short(r.evidence)] for r in found),
            ["date", "source", "type", "target", "evidence"],
        )


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COMMANDS = [relations]
