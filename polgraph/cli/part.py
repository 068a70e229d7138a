"""The options that choose a part of the graph, shared by ``view`` and ``export``:
``--actor NAME --hops N``, ``--type``, ``--since/--until``, ``--attribution``, ``--top N``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import click

from polgraph.cli.relations import make_filter, relation_filter_options
from polgraph.exceptions import ConfigError
from polgraph.graph.selection import Part
from polgraph.graph.store import Store
from polgraph.lookup import find_actor

__all__ = ["PartOptions", "part_options"]


@dataclass(frozen=True)
class PartOptions:
    """The part as typed: the actor still a name, to be found in the store."""

    actor: str | None
    hops: int | None
    types: tuple[str, ...]
    since: datetime | None
    until: datetime | None
    top: int | None
    attributions: str | None = None

    def resolve(self, store: Store) -> Part:
        if self.hops is not None and self.actor is None:
            raise ConfigError("--hops counts relations away from an --actor: give one")
        return Part(
            where=make_filter(self.types, self.since, self.until, attributions=self.attributions),
            around=find_actor(store, self.actor).id if self.actor else None,
            hops=self.hops or 1,
            top=self.top,
        )


def part_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the part options and passes them to the command as one ``part`` argument."""

    @functools.wraps(func)
    def wrapper(*args: Any, actor: str | None, hops: int | None, types: tuple[str, ...], since: datetime | None,
                until: datetime | None, attributions: str | None, top: int | None, **kwargs: Any) -> Any:
        return func(*args, part=PartOptions(actor, hops, types, since, until, top, attributions), **kwargs)

    wrapper = click.option(
        "--top", type=click.IntRange(min=1), metavar="N",
        help="Only the N most central actors (PageRank) of the part, and the relations among them.",
    )(wrapper)
    wrapper = relation_filter_options(wrapper)
    wrapper = click.option("--hops", type=click.IntRange(min=1), metavar="N",
                           help="With --actor: actors up to N relations away (default 1).")(wrapper)
    wrapper = click.option("--actor", metavar="NAME",
                           help="Only the relations around this actor (id, name or alias).")(wrapper)
    return wrapper
