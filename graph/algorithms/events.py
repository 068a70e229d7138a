"""Events, not reports, and event rows as columns: the one pass over ``store.event_rows`` every
analysis starts from.

A store keeps one edge per report (an article's sentence saying that someone did something), each
with its provenance. The same act reported by several articles is one event: reports of the same
(source, type, target), sorted by (source, type, target, date, article, sentence), belong to one
event while the gap to the previous report is at most ``DEFAULT_WINDOW_DAYS`` days (a new event
starts after a longer gap). An undated report cannot be matched by its date, and a coded event
(a GDELT row, ``article`` ``gdelt:<id>``: GDELT has already grouped its articles, see
``num_articles``) is one event by itself. An event's id is a content hash of its first report.
``group_events`` is that rule; counts (``Count.EVENTS``) keep each event's first report.

At a million rows, building Python objects per event costs seconds; these numpy columns cost a
fraction of a second. Actor ids are interned in sorted order, so positions (and everything
computed from them) do not depend on the order rows arrive in or on hash order.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import itertools
import math
import operator
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Protocol, TypeVar

import numpy as np

from polgraph.graph.store import EventRow

__all__ = [
    "DEFAULT_WINDOW_DAYS", "Count", "Event", "EventColumns", "Report", "event_columns", "event_id", "group_events",
]

DEFAULT_WINDOW_DAYS = 3
"""Reports of the same act at most this many days apart (from one report to the next) are one event."""

CODED_PREFIX = "gdelt:"  # the article of a coded event (graph.model): no text, one event a row

Key = TypeVar("Key", bound=Hashable)


class Count(str, enum.Enum):
    """What counts and centralities count: events (an act reported by three articles counts once)
    or reports (every edge in the store: counts grow with coverage)."""

    EVENTS = "events"
    REPORTS = "reports"


class Report(Protocol):
    """What grouping reads of a report: an ``EventRow`` or a ``model.Relation``."""

    @property
    def source(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def target(self) -> str: ...

    @property
    def date(self) -> str | date | None: ...

    @property
    def article(self) -> str: ...

    @property
    def sentence(self) -> int: ...


R = TypeVar("R", bound=Report)


@dataclass(frozen=True)
class Event(Generic[R]):
    """One act and every report of it, in report order (date, article, sentence)."""

    id: str
    source: str
    type: str
    target: str
    reports: tuple[R, ...]

    @property
    def start(self) -> str | None:
        """The date of the first report (ISO), None if undated."""
        return _iso(self.reports[0].date)

    @property
    def end(self) -> str | None:
        """The date of the last report (ISO)."""
        return _iso(self.reports[-1].date)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles reporting it, each once, in report order."""
        return tuple(dict.fromkeys(r.article for r in self.reports))


def event_id(first: Report) -> str:
    """An event's id: a content hash of its first report."""
    key = "\x1f".join(("event", first.source, first.type, first.target, _iso(first.date) or "", first.article,
                       str(first.sentence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def group_events(reports: Sequence[R], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Event[R]]:
    """The events of ``reports``, in (source, type, target, date) order of their first reports."""
    keys = _ReportKeys()
    keys.extend(reports)
    order, starts = keys.grouping(window_days)
    numbers = np.cumsum(starts) - 1
    members: list[list[R]] = [[] for _ in range(int(starts.sum()))]
    for position, number in zip(order.tolist(), numbers.tolist()):
        members[number].append(reports[position])
    return [Event(event_id(group[0]), group[0].source, group[0].type, group[0].target, tuple(group))
            for group in members]


@dataclass(frozen=True, eq=False)
class EventColumns(Generic[Key]):
    """One entry per event (or per report, when counting reports): ``ids[source[i]]`` acted on
    ``ids[target[i]]`` (ids sorted), counting ``weight[i]``, with its Goldstein value (NaN when
    unknown) and QuadClass (0 when unknown), in group ``groups[group[i]]`` (the key the rows were
    read with; may be None)."""

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


def event_columns(rows: Iterable[EventRow], key: Callable[[EventRow], Key | None] | None = None, *,
                  count: Count = Count.EVENTS, window_days: int = DEFAULT_WINDOW_DAYS) -> EventColumns[Key]:
    """Read ``rows`` once into columns, each row in the group ``key(row)`` (one group, None,
    without a key). Counting events, an event is its first report (its date, Goldstein value and
    group); counting reports, every row."""
    count = Count(count)
    index: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # actor id -> first-seen number
    keys: defaultdict[Key | None, int] = defaultdict(itertools.count().__next__)
    sources, targets, groups = array("q"), array("q"), array("q")
    goldsteins, quads = array("d"), array("q")
    reports = _ReportKeys() if count is Count.EVENTS else None
    rows = iter(rows)
    # Chunks and map() keep the per-row work in C: this loop is most of the time at a million rows.
    while chunk := list(itertools.islice(rows, _CHUNK)):
        sources.extend(map(index.__getitem__, map(_SOURCE, chunk)))
        targets.extend(map(index.__getitem__, map(_TARGET, chunk)))
        goldsteins.extend(map(_goldstein, chunk))
        quads.extend(map(_quad_class, chunk))
        groups.extend(map(keys.__getitem__, map(key, chunk)) if key else itertools.repeat(keys[None], len(chunk)))
        if reports is not None:
            reports.extend(chunk)
    names = sorted(index)
    rank = np.empty(len(names), dtype=np.int64)  # first-seen number -> position in sorted order
    rank[np.fromiter((index[name] for name in names), dtype=np.int64, count=len(names))] = np.arange(len(names))
    columns = EventColumns(
        ids=tuple(names),
        source=rank[np.frombuffer(sources, dtype=np.int64)],
        target=rank[np.frombuffer(targets, dtype=np.int64)],
        weight=np.ones(len(sources), dtype=np.float64),
        goldstein=np.frombuffer(goldsteins, dtype=np.float64),
        quad_class=np.frombuffer(quads, dtype=np.int64),
        group=np.frombuffer(groups, dtype=np.int64),
        groups=tuple(keys),
    )
    if reports is None:
        return columns
    order, starts = reports.grouping(window_days)
    first = np.zeros(len(columns), dtype=bool)
    first[order[starts]] = True
    return columns.select(first)


class _ReportKeys:
    """The sort key of each report as integer columns: strings interned, then ranked in sorted
    order, so that sorting the columns sorts the reports as their strings sort."""

    def __init__(self) -> None:
        self._strings: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # ids, types, articles
        self._source, self._type, self._target, self._article = array("q"), array("q"), array("q"), array("q")
        self._day, self._sentence = array("q"), array("q")

    def extend(self, reports: Iterable[Report]) -> None:
        reports = list(reports)
        number = self._strings.__getitem__
        self._source.extend(map(number, map(_SOURCE, reports)))
        self._type.extend(map(number, map(_TYPE, reports)))
        self._target.extend(map(number, map(_TARGET, reports)))
        self._article.extend(map(number, map(_ARTICLE, reports)))
        self._day.extend(map(_day, map(_DATE, reports)))
        self._sentence.extend(map(_SENTENCE, reports))

    def grouping(self, window_days: int) -> tuple[np.ndarray, np.ndarray]:
        """(``order``: report positions in (source, type, target, date, article, sentence) order;
        ``starts``: whether the report at each place of that order starts a new event)."""
        strings = sorted(self._strings)
        rank = np.empty(len(strings), dtype=np.int64)
        rank[np.fromiter((self._strings[s] for s in strings), dtype=np.int64, count=len(strings))] = (
            np.arange(len(strings)))

        def column(values: array) -> np.ndarray:
            return rank[np.frombuffer(values, dtype=np.int64)] if len(values) else np.zeros(0, dtype=np.int64)

        source, type_, target, article = map(column, (self._source, self._type, self._target, self._article))
        day, sentence = (np.frombuffer(values, dtype=np.int64) for values in (self._day, self._sentence))
        order = np.lexsort((sentence, article, day, target, type_, source))
        coded_articles = np.array([s.startswith(CODED_PREFIX) for s in strings], dtype=bool)
        source, type_, target, day = source[order], type_[order], target[order], day[order]
        coded = coded_articles[article[order]] if len(strings) else np.zeros(0, dtype=bool)
        starts = np.ones(len(order), dtype=bool)
        starts[1:] = ~(
            (source[1:] == source[:-1]) & (type_[1:] == type_[:-1]) & (target[1:] == target[:-1])
            & (day[1:] != _UNDATED) & (day[:-1] != _UNDATED) & (day[1:] - day[:-1] <= window_days)
            & ~coded[1:] & ~coded[:-1]
        )
        return order, starts


_UNDATED = -1  # day number of an undated report: sorts first, joins no event


@functools.lru_cache(maxsize=65536)
def _day(value: str | date | None) -> int:
    if value is None or value == "":
        return _UNDATED
    return (value if isinstance(value, date) else date.fromisoformat(value[:10])).toordinal()


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else (value or None)


def _goldstein(row: EventRow) -> float:
    return math.nan if row.goldstein is None else row.goldstein


def _quad_class(row: EventRow) -> int:
    return row.quad_class or 0


_CHUNK = 65536
_SOURCE = operator.attrgetter("source")
_TARGET = operator.attrgetter("target")
_TYPE = operator.attrgetter("type")
_DATE = operator.attrgetter("date")
_ARTICLE = operator.attrgetter("article")
_SENTENCE = operator.attrgetter("sentence")
