"""Event dates from the words of a sentence, resolved against the article's publication date.

"On October 4" in an article of 2023-03-31 is 2022-10-04 (news reports the past: a day-month
after the publication date belongs to the previous year); "on Monday" is the last Monday on or
before the publication date; "yesterday" is the day before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil import parser as dateparser

__all__ = ["resolve_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTHS += "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?|({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)


def resolve_date(text: str, published: date | None) -> date | None:
    """The date a DATE entity's text names, or None when it names no single day."""
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
