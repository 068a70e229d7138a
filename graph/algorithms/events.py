"""Event rows as columns: the one pass over ``store.event_rows`` every analysis starts from.

At a million rows, building Python objects per event costs seconds; these numpy columns cost a
fraction of a second. Actor ids are interned in sorted order, so positions (and everything
computed from them) do not depend on the order rows arrive in or on hash order.
"""

from __future__ import annotations

import itertools
import math
import operator
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np

from polgraph.graph.store import EventRow

__all__ = ["EventColumns", "event_columns", "event_weight"]

Key = TypeVar("Key", bound=Hashable)


def event_weight(row: EventRow) -> int:
    """How much one event row counts (in a pair's weight, in a dyad's counts): the one place where
    counting changes. Every row is one event today; counting reports would weigh a row by its
    number of reports here."""
    return 1


@dataclass(frozen=True, eq=False)
class EventColumns(Generic[Key]):
    """One entry per event row: ``ids[source[i]]`` acted on ``ids[target[i]]`` (ids sorted),
    counting ``weight[i]``, with its Goldstein value (NaN when unknown) and QuadClass (0 when
    unknown), in group ``groups[group[i]]`` (the key the rows were read with; may be None)."""

    ids: tuple[str, ...]
    source: np.ndarray  # int64
    target: np.ndarray  # int64
    weight: np.ndarray  # float64
    goldstein: np.ndarray  # float64
    quad_class: np.ndarray  # int64
    group: np.ndarray  # int64
    groups: tuple[Key | None, ...]

    def __len__(self) -> int:
        return len(self.source)

    def select(self, mask: np.ndarray) -> "EventColumns[Key]":
        return EventColumns(self.ids, self.source[mask], self.target[mask], self.weight[mask], self.goldstein[mask],
                            self.quad_class[mask], self.group[mask], self.groups)

    def by_group(self) -> dict[Key | None, "EventColumns[Key]"]:
        """The rows of each group, groups in first-seen order."""
        return {key: self.select(self.group == number) for number, key in enumerate(self.groups)}


def event_columns(rows: Iterable[EventRow], key: Callable[[EventRow], Key | None] | None = None) -> EventColumns[Key]:
    """Read ``rows`` once into columns, each row in the group ``key(row)`` (one group, None,
    without a key)."""
    index: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # actor id -> first-seen number
    keys: defaultdict[Key | None, int] = defaultdict(itertools.count().__next__)
    sources, targets, groups = array("q"), array("q"), array("q")
    weights, goldsteins, quads = array("d"), array("d"), array("q")
    rows = iter(rows)
    # Chunks and map() keep the per-row work in C: this loop is most of the time at a million rows.
    while chunk := list(itertools.islice(rows, _CHUNK)):
        sources.extend(map(index.__getitem__, map(_SOURCE, chunk)))
        targets.extend(map(index.__getitem__, map(_TARGET, chunk)))
        weights.extend(map(event_weight, chunk))
        goldsteins.extend(map(_goldstein, chunk))
        quads.extend(map(_quad_class, chunk))
        groups.extend(map(keys.__getitem__, map(key, chunk)) if key else itertools.repeat(keys[None], len(chunk)))
    names = sorted(index)
    rank = np.empty(len(names), dtype=np.int64)  # first-seen number -> position in sorted order
    rank[np.fromiter((index[name] for name in names), dtype=np.int64, count=len(names))] = np.arange(len(names))
    return EventColumns(
        ids=tuple(names),
        source=rank[np.frombuffer(sources, dtype=np.int64)],
        target=rank[np.frombuffer(targets, dtype=np.int64)],
        weight=np.frombuffer(weights, dtype=np.float64),
        goldstein=np.frombuffer(goldsteins, dtype=np.float64),
        quad_class=np.frombuffer(quads, dtype=np.int64),
        group=np.frombuffer(groups, dtype=np.int64),
        groups=tuple(keys),
    )


def _goldstein(row: EventRow) -> float:
    return math.nan if row.goldstein is None else row.goldstein


def _quad_class(row: EventRow) -> int:
    return row.quad_class or 0


_CHUNK = 65536
_SOURCE = operator.attrgetter("source")
_TARGET = operator.attrgetter("target")
