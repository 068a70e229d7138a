"""Calendar periods for analyses over time: months, quarters, years."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from datetime import date

__all__ = ["Every", "Period", "period_of"]


class Every(str, enum.Enum):
    """How long one period is."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: ``start`` and ``end`` are its first and last day; ``label`` reads
    ``2024-05``, ``2024-Q2`` or ``2024``."""

    start: date
    end: date
    label: str

    @classmethod
    def containing(cls, day: date, every: Every) -> "Period":
        if every is Every.YEAR:
            return cls(date(day.year, 1, 1), date(day.year, 12, 31), f"{day.year:04d}")
        if every is Every.QUARTER:
            quarter = (day.month - 1) // 3 + 1
            first = date(day.year, 3 * quarter - 2, 1)
            return cls(first, _last_day(day.year, 3 * quarter), f"{day.year:04d}-Q{quarter}")
        return cls(date(day.year, day.month, 1), _last_day(day.year, day.month), f"{day.year:04d}-{day.month:02d}")


@functools.lru_cache(maxsize=65536)
def period_of(iso_date: str | None, every: Every) -> Period | None:
    """The period of an ISO date (``"2024-05-02"``), None for an undated event. Cached: a corpus
    has a few thousand distinct days and a million events."""
    if not iso_date:
        return None
    return Period.containing(date.fromisoformat(iso_date[:10]), every)


def _last_day(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
