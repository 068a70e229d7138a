"""Analyses over time on a built graph with hand-computed answers, on the embedded store and over
Bolt on FalkorDB: periods at month, quarter and year boundaries, dyads (events, Goldstein sum and
mean, QuadClass counts) and rankings per period; undated events left out and counted."""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.graph.algorithms.dyads import dyads
from polgraph.graph.algorithms.periods import Every, Period, period_of
from polgraph.graph.algorithms.temporal import centrality_by_period
from polgraph.graph.store import RelationFilter, Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from tests.analytics_graphs import coded_events

EVENTS = [
    ("aland", "borduria", "CONSULTS", "2023-12-31", 1.0, 1),
    ("aland", "borduria", "CRITICIZES", "2024-01-01", -2.0, 3),
    ("aland", "borduria", "ASSAULTS", "2024-03-31", -10.0, 4),
    ("borduria", "aland", "AIDS", "2024-04-01", 7.4, 2),
    ("aland", "borduria", "CONSULTS", "2024-06-30", 1.0, 1),
    ("carpathia", "aland", "THREATENS", "2024-07-01", -4.4, 3),
    ("aland", "borduria", "CONSULTS", None, 1.0, 1),  # undated
    ("carpathia", "dalmatia", "COMMENTS_ON", "2024-02-29", None, None),  # no Goldstein value
    ("carpathia", "dalmatia", "CRITICIZES", "2024-02-29", -2.0, 3),
]


@pytest.fixture(params=["networkx", pytest.param("falkordb", marks=pytest.mark.bolt)])
def store(request: pytest.FixtureRequest) -> Store:
    store = NetworkXStore(None) if request.param == "networkx" else request.getfixturevalue("bolt_store")
    store.write([coded_events(EVENTS)])
    return store


def rows_of(table):
    """(period label, source, target, events, sum, mean, q1, q2, q3, q4) per dyad row."""
    return [(d.period.label if d.period else None, d.source, d.target, d.events, d.goldstein_sum, d.goldstein_mean,
             d.verbal_cooperation, d.material_cooperation, d.verbal_conflict, d.material_conflict)
            for d in table.dyads]


# -- periods -------------------------------------------------------------------------------------
@pytest.mark.parametrize("day, every, expected", [
    ("2023-12-31", Every.MONTH, Period(date(2023, 12, 1), date(2023, 12, 31), "2023-12")),
    ("2024-01-01", Every.MONTH, Period(date(2024, 1, 1), date(2024, 1, 31), "2024-01")),
    ("2024-02-29", Every.MONTH, Period(date(2024, 2, 1), date(2024, 2, 29), "2024-02")),
    ("2023-02-28", Every.MONTH, Period(date(2023, 2, 1), date(2023, 2, 28), "2023-02")),
    ("2024-03-31", Every.QUARTER, Period(date(2024, 1, 1), date(2024, 3, 31), "2024-Q1")),
    ("2024-04-01", Every.QUARTER, Period(date(2024, 4, 1), date(2024, 6, 30), "2024-Q2")),
    ("2024-09-30", Every.QUARTER, Period(date(2024, 7, 1), date(2024, 9, 30), "2024-Q3")),
    ("2024-12-31", Every.QUARTER, Period(date(2024, 10, 1), date(2024, 12, 31), "2024-Q4")),
    ("2023-12-31", Every.YEAR, Period(date(2023, 1, 1), date(2023, 12, 31), "2023")),
    ("2024-01-01", Every.YEAR, Period(date(2024, 1, 1), date(2024, 12, 31), "2024")),
])
def test_periods_at_their_boundaries(day, every, expected):
    assert period_of(day, every) == expected
    assert period_of(None, every) is None


# -- dyads ---------------------------------------------------------------------------------------
def test_dyads_over_the_whole_window(store):
    table = dyads(store)
    assert table.undated == 0  # no periods asked for: the undated event counts like the others
    assert rows_of(table) == [
        (None, "aland", "borduria", 5, -9.0, -1.8, 3, 0, 1, 1),
        (None, "carpathia", "dalmatia", 2, -2.0, -2.0, 0, 0, 1, 0),  # mean over the one scored event
        (None, "borduria", "aland", 1, 7.4, 7.4, 0, 1, 0, 0),  # ties: by (source, target) id
        (None, "carpathia", "aland", 1, -4.4, -4.4, 0, 0, 1, 0),
    ]
    assert table.dyads[0].source_name == "Aland" and table.dyads[0].target_name == "Borduria"


def test_dyads_per_quarter_leave_undated_events_out_and_count_them(store):
    table = dyads(store, every=Every.QUARTER)
    assert table.undated == 1
    assert rows_of(table) == [
        ("2023-Q4", "aland", "borduria", 1, 1.0, 1.0, 1, 0, 0, 0),
        ("2024-Q1", "aland", "borduria", 2, -12.0, -6.0, 0, 0, 1, 1),
        ("2024-Q2", "aland", "borduria", 1, 1.0, 1.0, 1, 0, 0, 0),
        ("2024-Q1", "carpathia", "dalmatia", 2, -2.0, -2.0, 0, 0, 1, 0),
        ("2024-Q2", "borduria", "aland", 1, 7.4, 7.4, 0, 1, 0, 0),
        ("2024-Q3", "carpathia", "aland", 1, -4.4, -4.4, 0, 0, 1, 0),
    ]


def test_dyads_per_month_and_year(store):
    monthly = dyads(store, every="month", top=1)
    assert [(d.period.label, d.events, d.goldstein_sum) for d in monthly.dyads] == [
        ("2023-12", 1, 1.0), ("2024-01", 1, -2.0), ("2024-03", 1, -10.0), ("2024-06", 1, 1.0)]
    yearly = dyads(store, every="year", top=1)
    assert [(d.period.label, d.events, d.goldstein_sum, d.goldstein_mean) for d in yearly.dyads] == [
        ("2023", 1, 1.0, 1.0), ("2024", 3, -11.0, -3.666667)]


def test_undirected_dyads_join_both_ways(store):
    table = dyads(store, undirected=True, top=1)
    assert rows_of(table) == [(None, "aland", "borduria", 6, -1.6, -0.266667, 3, 1, 1, 1)]


def test_dyads_filtered_by_actor_type_and_window(store):
    of_carpathia = dyads(store, RelationFilter(actor="carpathia"))
    assert [(d.source, d.target, d.events) for d in of_carpathia.dyads] == [("carpathia", "dalmatia", 2),
                                                                             ("carpathia", "aland", 1)]
    criticism = dyads(store, RelationFilter(types=("CRITICIZES",), since=date(2024, 1, 1), until=date(2024, 2, 29)))
    assert rows_of(criticism) == [(None, "aland", "borduria", 1, -2.0, -2.0, 0, 0, 1, 0),
                                  (None, "carpathia", "dalmatia", 1, -2.0, -2.0, 0, 0, 1, 0)]
    assert dyads(store, RelationFilter(types=("SANCTIONS",))).dyads == ()


# -- rankings per period -------------------------------------------------------------------------
def test_rankings_per_quarter(store):
    result = centrality_by_period(store, "quarter", by="in_degree", top=4)
    assert result.undated == 1
    assert [(p.period.label, p.events, p.actors, [(s.id, s.in_degree) for s in p.ranking]) for p in result.periods] == [
        ("2023-Q4", 1, 2, [("borduria", 1), ("aland", 0)]),
        ("2024-Q1", 4, 4, [("borduria", 2), ("dalmatia", 2), ("aland", 0), ("carpathia", 0)]),
        ("2024-Q2", 2, 2, [("aland", 1), ("borduria", 1)]),
        ("2024-Q3", 1, 2, [("aland", 1), ("carpathia", 0)]),
    ]
    assert result.periods[1].ranking[0].name == "Borduria"
    assert sum(s.pagerank for s in result.periods[1].ranking) == pytest.approx(1.0)


def test_rankings_per_year_keep_the_top(store):
    result = centrality_by_period(store, Every.YEAR, by="pagerank", top=1)
    assert [(p.period.label, p.events, [s.id for s in p.ranking]) for p in result.periods] == [
        ("2023", 1, ["borduria"]), ("2024", 7, ["aland"])]


def test_both_stores_give_the_same_numbers(store):
    reference = NetworkXStore(None)
    reference.write([coded_events(EVENTS)])
    for every in (None, "month", "quarter", "year"):
        assert dyads(store, every=every) == dyads(reference, every=every)
        assert dyads(store, every=every, undirected=True) == dyads(reference, every=every, undirected=True)
    for every in ("month", "quarter", "year"):
        assert centrality_by_period(store, every) == centrality_by_period(reference, every)


@pytest.mark.parametrize("every", [None, "month", "quarter", "year"])
def test_the_dyads_library_query_gives_the_same_numbers_in_cypher(store, every):
    """``cypher/queries/dyads.cypher`` (run by Neo4j's server, or the embedded engine) against ``dyads()``."""
    from polgraph.cypher.api import run
    from polgraph.cypher.library import load_query

    query = load_query("dyads")
    found = run(store, query.text, {**query.defaults, "every": every}).records()
    expected = sorted(dyads(store, every=every).dyads, key=lambda d: (d.source, d.target, d.period or d.source))
    assert [(r["period"], r["source"], r["target"], r["events"], r["verbal_cooperation"], r["material_cooperation"],
             r["verbal_conflict"], r["material_conflict"]) for r in found] == [
        (d.period.label if d.period else None, d.source, d.target, d.events, d.verbal_cooperation,
         d.material_cooperation, d.verbal_conflict, d.material_conflict) for d in expected]
    assert [r["goldstein_sum"] or 0.0 for r in found] == pytest.approx([d.goldstein_sum for d in expected])
    assert [r["goldstein_mean"] for r in found] == [pytest.approx(d.goldstein_mean) if d.goldstein_mean is not None
                                                    else None for d in expected]
