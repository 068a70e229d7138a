"""Event dates from the words of a sentence, resolved against the article's publication date.

"On October 4" in an article of 2023-03-31 is 2022-10-04 (news reports the past: a day-month
after the publication date belongs to the previous year); "on Monday" is the last Monday on or
before the publication date; "yesterday" is the day before.

Publication dates are read by :func:`published_date`, the one rule every reader uses: an ISO date
within ``EARLIEST`` .. ``LATEST``, so that relative dates around it can always be computed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil import parser as dateparser

__all__ = ["EARLIEST", "LATEST", "published_date", "resolve_date"]

# Printed news starts in the 1600s; the upper end leaves a year of room below date.max.
EARLIEST = date(1600, 1, 1)
LATEST = date(9998, 12, 31)

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTHS += "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?|({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)


def published_date(text: str) -> date:
    """The publication date ``text`` names (``YYYY-MM-DD``, a time after it ignored); ValueError,
    its message the reason, when it is no date or one outside EARLIEST .. LATEST."""
    try:
        day = date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ValueError("expected YYYY-MM-DD") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"out of range: publication dates run from {EARLIEST} to {LATEST}")
    return day


def resolve_date(text: str, published: date | None) -> date | None:
    """The date a DATE entity's text names, or None when it names no single day (or one that
    no calendar holds: "yesterday" of 0001-01-01)."""
    try:
        return _resolve(text, published)
    except (ValueError, OverflowError):
        return None


def _resolve(text: str, published: date | None) -> date | None:
    lowered = text.lower().strip()
    if published is not None:
        if lowered in ("today", "this morning", "tonight", "this evening"):
            return published
        if lowered in ("yesterday", "last night"):
            return published - timedelta(days=1)
        for index, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b{name}\b", lowered) and not re.search(r"\bnext\b", lowered):
                back = (published.weekday() - index) % 7
                return published - timedelta(days=back)
    match = _DAY_MONTH.search(text)
    if not match:
        return None
    day_text = match.group(1) or match.group(4)
    month_text = match.group(2) or match.group(3)
    try:
        month = dateparser.parse(f"1 {month_text}").month
    except (ValueError, OverflowError):
        return None
    year = int(match.group(5)) if match.group(5) else (published.year if published else None)
    if year is None:
        return None
    try:
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    if not match.group(5) and published is not None and day > published + timedelta(days=1):
        day = day.replace(year=year - 1) if not (month == 2 and int(day_text) == 29) else day
    return day
