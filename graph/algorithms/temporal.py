"""Centrality over time: one ranking of the actors per month, quarter or year.

Each period's ranking is computed on the actor graph of the events dated in it (as
``centrality.centrality`` ranks the whole window); undated events belong to no period and are
counted apart. Every store answers from its event rows (Cypher on Neo4j), so both give the same
rankings.
"""

from __future__ import annotations

from dataclasses import dataclass

from polgraph.graph.algorithms.centrality import ActorScore, Betweenness, Scores, actor_names, scores
from polgraph.graph.algorithms.events import Count, event_columns
from polgraph.graph.algorithms.pairs import pairs_of
from polgraph.graph.algorithms.periods import Every, Period, period_of
from polgraph.graph.store import RelationFilter, Store

__all__ = ["PeriodRanking", "RankingsOverTime", "centrality_by_period"]


@dataclass(frozen=True)
class PeriodRanking:
    period: Period
    events: int  # events (or reports, counting reports) dated in the period
    actors: int  # actors with at least one relation in it
    ranking: tuple[ActorScore, ...]  # the top actors, highest score first, ties by id


@dataclass(frozen=True)
class RankingsOverTime:
    every: Every
    by: str
    periods: tuple[PeriodRanking, ...]  # in time order; periods without events are absent
    undated: int  # events (or reports) without a date, in no period


def centrality_by_period(store: Store, every: Every | str, where: RelationFilter = RelationFilter(), *,
                         by: str = "pagerank", top: int = 10, sampling: Betweenness = Betweenness(),
                         count: Count = Count.EVENTS) -> RankingsOverTime:
    """The ``top`` actors by ``by`` in each period of the event relations ``where`` accepts,
    counting events (in the period of their first report) or reports."""
    every = Every(every)
    events = event_columns(store.event_rows(where), key=lambda row: period_of(row.date, every), count=count)
    found: list[tuple[Period, int, Scores, list[int]]] = []  # period, events, scores, top actor indexes
    undated = 0
    for period, columns in events.by_group().items():
        if period is None:
            undated = int(columns.weight.sum())
            continue
        table = scores(pairs_of(columns), sampling)
        found.append((period, int(columns.weight.sum()), table, table.order(by)[:top].tolist()))
    found.sort(key=lambda item: item[0])
    names = actor_names(store, sorted({table.ids[i] for _, _, table, chosen in found for i in chosen}))
    periods = tuple(
        PeriodRanking(period, count, len(table.ids),
                      tuple(table.record(i, *names.get(table.ids[i], (table.ids[i], ""))) for i in chosen))
        for period, count, table, chosen in found
    )
    return RankingsOverTime(every, by, periods, undated)
