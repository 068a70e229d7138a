"""GDELT event rows -> :class:`CodedEvent` records, streamed: one row in memory at a time.

A row that cannot be read becomes an :class:`~polgraph.exceptions.InputError` naming
``FILE:LINE`` and the problem, and the next row is read; nothing here stops a file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import NamedTuple

from polgraph.exceptions import InputError
from polgraph.graph.ontology import RelationType, for_cameo, quad_class
from polgraph.loaders.gdelt.layout import Layout, layouts

__all__ = ["ActorCodes", "CodedEvent", "read_events"]

# The actor columns polgraph reads, as suffixes of "Actor1"/"Actor2".
_ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Type1Code")
_CACHE_LIMIT = 100_000  # distinct dates and event codes remembered while reading


class ActorCodes(NamedTuple):
    """One actor of a row, as GDELT codes it (``BLRGOV``, ``BELARUS``, ``BLR``, "", "", "", ``GOV``)."""

    code: str
    name: str
    country: str
    known_group: str
    ethnic: str
    religion: str
    type: str


@dataclass(slots=True)
class CodedEvent:
    event_id: str  # GLOBALEVENTID
    date: date  # SQLDATE
    actor1: ActorCodes | None  # None: the row names no Actor1
    actor2: ActorCodes | None
    code: str  # EventCode (CAMEO)
    type: RelationType
    quad_class: int
    goldstein: float
    num_mentions: int
    num_sources: int
    num_articles: int
    avg_tone: float
    url: str  # SOURCEURL; "" in the GDELT 1.0 backfile, which has none


class _BadRow(ValueError):
    pass


@dataclass(frozen=True)
class _Columns:
    """Where a layout keeps each field polgraph reads."""

    scalars: itemgetter  # GLOBALEVENTID, SQLDATE, EventCode, EventRootCode, QuadClass, GoldsteinScale,
    # NumMentions, NumSources, NumArticles, AvgTone: one C call gives them all
    actor1: itemgetter
    actor1_code: int
    actor2: itemgetter
    actor2_code: int
    url: int | None

    @classmethod
    def of(cls, layout: Layout) -> _Columns:
        i = layout.index
        scalars = ("GLOBALEVENTID", "SQLDATE", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                   "NumMentions", "NumSources", "NumArticles", "AvgTone")
        return cls(
            scalars=itemgetter(*map(i, scalars)),
            actor1=itemgetter(*(i("Actor1" + c) for c in _ACTOR_COLUMNS)), actor1_code=i("Actor1Code"),
            actor2=itemgetter(*(i("Actor2" + c) for c in _ACTOR_COLUMNS)), actor2_code=i("Actor2Code"),
            url=layout.get("SOURCEURL"),
        )


def read_events(lines: Iterable[str], name: str) -> Iterator[CodedEvent | InputError]:
    """Events of a GDELT 1.0 or 2.0 event file (tab-separated, no header), given its lines (a text
    stream opened with ``newline=""``); ``name`` is used in messages."""
    by_count = {count: _Columns.of(layout) for count, layout in layouts().items()}
    counts = " or ".join(f"{n} ({layouts()[n].name})" for n in sorted(by_count))
    dates: dict[str, date] = {}
    codes: dict[tuple[str, str, str], tuple[RelationType, int]] = {}  # (EventCode, EventRootCode, QuadClass)
    rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{name}:{rows.line_num}", f"unreadable row ({exc})")
            continue
        columns = by_count.get(len(row))
        if columns is None:
            if len(row) > 1 or (row and row[0].strip()):  # blank lines are no rows
                yield InputError(f"{name}:{rows.line_num}", f"{len(row)} column(s); GDELT event rows have {counts}")
            continue
        try:
            yield _event(row, columns, dates, codes)
        except _BadRow as exc:
            yield InputError(f"{name}:{rows.line_num}", str(exc))


def _event(row: list[str], c: _Columns, dates: dict[str, date],
           codes: dict[tuple[str, str, str], tuple[RelationType, int]]) -> CodedEvent:
    event_id, raw_date, code, root, quad_text, goldstein_text, mentions, sources, articles, tone = c.scalars(row)
    if not event_id.isdigit():
        raise _BadRow(f"GLOBALEVENTID {event_id!r} is not a number")
    day = dates.get(raw_date)
    if day is None:
        day = _date(raw_date)
        if len(dates) >= _CACHE_LIMIT:
            dates.clear()
        dates[raw_date] = day
    known = codes.get((code, root, quad_text))
    if known is None:
        known = _event_code(code, root, quad_text)
        if len(codes) >= _CACHE_LIMIT:
            codes.clear()
        codes[(code, root, quad_text)] = known
    try:
        goldstein, avg_tone = float(goldstein_text), float(tone)
    except ValueError:
        raise _BadRow(f"GoldsteinScale {goldstein_text!r} or AvgTone {tone!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise _BadRow(f"GoldsteinScale {goldstein_text!r} is outside -10..10")
    try:
        num_mentions, num_sources, num_articles = int(mentions), int(sources), int(articles)
    except ValueError:
        raise _BadRow(
            f"NumMentions/NumSources/NumArticles {mentions!r}/{sources!r}/{articles!r} are not whole numbers"
        ) from None
    return CodedEvent(
        event_id=event_id,
        date=day,
        actor1=ActorCodes._make(c.actor1(row)) if row[c.actor1_code].strip() else None,
        actor2=ActorCodes._make(c.actor2(row)) if row[c.actor2_code].strip() else None,
        code=code,
        type=known[0],
        quad_class=known[1],
        goldstein=goldstein,
        num_mentions=num_mentions,
        num_sources=num_sources,
        num_articles=num_articles,
        avg_tone=avg_tone,
        url=row[c.url] if c.url is not None else "",
    )


def _date(text: str) -> date:
    if len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    raise _BadRow(f"SQLDATE {text!r} is not a date (YYYYMMDD)")


def _event_code(code: str, root: str, quad_text: str) -> tuple[RelationType, int]:
    """The relation type and QuadClass of a CAMEO event code (three or four digits, root 01-20),
    checked against the row's EventRootCode and QuadClass."""
    if not (code.isdigit() and 3 <= len(code) <= 4):
        raise _BadRow(f"EventCode {code!r} is not a CAMEO event code")
    try:
        event_type, quad = for_cameo(code), int(quad_class(code))
    except KeyError:
        raise _BadRow(f"EventCode {code!r} is not a CAMEO event code") from None
    if root != code[:2]:
        raise _BadRow(f"EventRootCode {root!r} is not the root of EventCode {code!r}")
    if quad_text != str(quad):
        raise _BadRow(f"QuadClass {quad_text!r} does not match EventCode {code!r} (QuadClass {quad})")
    return event_type, quad
