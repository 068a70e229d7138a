"""Event dates that mean what the text says (issue 11 item 5), on sentences built for it: a
deadline or a scheduled act is in the future of the publication date, a date in a clause about
something else is not the event's, an explicit year wins over the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.graph.model import Article
from polgraph.loaders.dates import When, resolve_date
from polgraph.loaders.pipeline import Loader

PUBLISHED = date(2019, 10, 20)  # a Sunday


def dates(loader: Loader, text: str) -> dict[tuple[str, str, str], date | None]:
    graph = loader.read(Article.from_text(text, published=PUBLISHED))
    return {(r.source, r.type, r.target): r.date for r in graph.relations}


# -- resolving a date's words ----------------------------------------------------------------------
@pytest.mark.parametrize("text, when, expected", [
    ("October 4", When.PAST, date(2019, 10, 4)),
    ("October 31st", When.PAST, date(2018, 10, 31)),  # news reports the past
    ("October 31st", When.FUTURE, date(2019, 10, 31)),
    ("January 15", When.FUTURE, date(2020, 1, 15)),  # a deadline past the new year
    ("November 20", When.NEAREST, date(2019, 11, 20)),
    ("September 1", When.NEAREST, date(2019, 9, 1)),
    ("Monday", When.PAST, date(2019, 10, 14)),
    ("Monday", When.FUTURE, date(2019, 10, 21)),
    ("next Monday", When.PAST, date(2019, 10, 21)),  # the words win over the tense
    ("2007", When.PAST, date(2007, 1, 1)),
    ("March 2007", When.PAST, date(2007, 3, 1)),
    ("June 23, 1941", When.FUTURE, date(1941, 6, 23)),
    ("2019", When.PAST, PUBLISHED),  # the year holds the publication date: that is more precise
    ("October 2019", When.PAST, PUBLISHED),
    ("77 years", When.PAST, None),
])
def test_a_date_without_its_year_points_the_way_the_text_says(text, when, expected):
    assert resolve_date(text, PUBLISHED, when) == expected


# -- dates of acts -----------------------------------------------------------------------------------
def test_a_deadline_is_in_the_future_of_the_publication(loader):
    found = dates(loader, "Boris Johnson said the United Kingdom will withdraw from the European Union by October 31st.")
    assert found[("united-kingdom", "YIELDS", "european-union")] == date(2019, 10, 31)


def test_a_scheduled_meeting_is_in_the_future(loader):
    found = dates(loader, "The meeting between Vladimir Putin and Recep Tayyip Erdoğan is scheduled for November 20.")
    assert found[("vladimir-putin", "CONSULTS", "recep-tayyip-erdogan")] == date(2019, 11, 20)


def test_a_done_act_is_in_the_past(loader):
    found = dates(loader, "Vladimir Putin met Recep Tayyip Erdoğan on October 31.")
    assert found[("vladimir-putin", "CONSULTS", "recep-tayyip-erdogan")] == date(2018, 10, 31)


def test_an_explicit_year_wins_over_the_publication_date(loader):
    found = dates(loader, "In 2007 the United States levied sanctions on Iran.")
    assert found[("united-states", "SANCTIONS", "iran")] == date(2007, 1, 1)


def test_a_date_in_a_relative_clause_is_not_the_main_events(loader):
    found = dates(loader, "Hunter Biden, who was born on February 4, 1970, met Vladimir Putin on Friday.")
    assert found[("hunter-biden", "CONSULTS", "vladimir-putin")] == date(2019, 10, 18)


def test_a_birth_date_in_a_participle_is_not_the_main_events(loader):
    found = dates(loader, "Born on February 4, 1970, Hunter Biden met Vladimir Putin.")
    assert found[("hunter-biden", "CONSULTS", "vladimir-putin")] == PUBLISHED


def test_an_earlier_act_in_a_relative_clause_keeps_its_own_date(loader):
    found = dates(loader, "Iran, which attacked Israel in 2007, criticized France on Monday.")
    assert found[("iran", "CRITICIZES", "france")] == date(2019, 10, 14)
    assert found[("iran", "ASSAULTS", "israel")] == date(2007, 1, 1)
