"""Event dates from the words of a sentence, resolved against the article's publication date.

Which way a date without its year points is the sentence's to say (:class:`When`): news reports the
past, so by default "On October 4" in an article of 2023-03-31 is 2022-10-04 and "on Monday" the
last Monday on or before the publication date; an act still to come ("will leave by October 31st",
"scheduled for November 20", "next Monday") is on the first such day on or after it; with neither
said, the nearest such day. "yesterday" is the day before. An explicit year wins over the
publication date: "in 2007" is 2007 (its first day: the model keeps days), "in March 2007" is
2007-03-01; a year or month that holds the publication date is the publication date.

Publication dates are read by :func:`published_date`, the one rule every reader uses: an ISO date
within ``EARLIEST`` .. ``LATEST``, so that relative dates around it can always be computed.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta

from dateutil import parser as dateparser

__all__ = ["EARLIEST", "LATEST", "When", "published_date", "resolve_date"]


class When(enum.StrEnum):
    """Which way from the publication date a date without its year points."""

    PAST = "past"  # "met on October 4": news reports what happened
    FUTURE = "future"  # "will leave by October 31st", "scheduled for November 20"
    NEAREST = "nearest"  # tense says nothing: the nearest such day

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
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[6-9]\d\d|2\d\d\d)\b")


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


def resolve_date(text: str, published: date | None, when: When = When.PAST) -> date | None:
    """The date a DATE entity's text names, or None when it names no day, month or year (or one
    that no calendar holds: "yesterday" of 0001-01-01). ``when``: which way a date without its
    year points from ``published`` (words of the text such as "next" or "last" win over it)."""
    try:
        return _resolve(text, published, when)
    except (ValueError, OverflowError):
        return None


def _resolve(text: str, published: date | None, when: When) -> date | None:
    lowered = text.lower().strip()
    if re.search(r"\b(next|coming|upcoming)\b", lowered):
        when = When.FUTURE
    elif re.search(r"\b(last|past|previous|ago)\b", lowered):
        when = When.PAST
    if published is not None:
        if lowered in ("today", "this morning", "tonight", "this evening"):
            return published
        if lowered in ("yesterday", "last night"):
            return published - timedelta(days=1)
        if lowered == "tomorrow":
            return published + timedelta(days=1)
        for index, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b{name}\b", lowered):
                back = (published.weekday() - index) % 7
                ahead = (index - published.weekday()) % 7
                if when == When.FUTURE or (when == When.NEAREST and ahead < back):
                    return published + timedelta(days=ahead or 7 if "next" in lowered else ahead)
                return published - timedelta(days=back)
        if lowered in ("last year", "next year"):
            return date(published.year + (1 if lowered == "next year" else -1), 1, 1)
    match = _DAY_MONTH.search(text)
    if not match:
        return _month_or_year(text, published)
    day_text = match.group(1) or match.group(4)
    month_text = match.group(2) or match.group(3)
    try:
        month = dateparser.parse(f"1 {month_text}").month
    except (ValueError, OverflowError):
        return None
    if match.group(5):
        return date(int(match.group(5)), month, int(day_text))
    if published is None:
        return None
    return _nearest_day(published, month, int(day_text), when)


def _nearest_day(published: date, month: int, day_of_month: int, when: When) -> date | None:
    """The day-month in the publication's year or the one before or after, as ``when`` says."""
    days = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(date(year, month, day_of_month))
        except ValueError:  # February 29 of a common year, a year past the calendar
            continue
    if when == When.PAST:
        days = [d for d in days if d <= published + timedelta(days=1)]  # a day's slack for time zones
    elif when == When.FUTURE:
        days = [d for d in days if d >= published - timedelta(days=1)]
    return min(days, key=lambda d: (abs((d - published).days), d)) if days else None


def _month_or_year(text: str, published: date | None) -> date | None:
    """ "in March 2007": its first day; "in 2007": its first day; the publication date when the
    month or year holds it."""
    match = _MONTH_YEAR.search(text)
    if match:
        month = dateparser.parse(f"1 {match.group(1)}").month
        year = int(match.group(2))
        if published is not None and (published.year, published.month) == (year, month):
            return published
        return date(year, month, 1)
    match = _YEAR.search(text)
    if match and not re.search(r"\d+\s*(years?|yrs?)\b", text.lower()):  # "77 years" is an age
        year = int(match.group(1))
        if published is not None and published.year == year:
            return published
        return date(year, 1, 1)
    return None
