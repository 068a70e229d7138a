"""Cooperation and conflict per pair of actors (a dyad), over the whole window or per period.

For each dyad (source acting on target; with ``undirected`` both ways together) and period: the
number of events (an act reported by several articles once; or every report, ``Count.REPORTS``),
the sum and mean of their Goldstein values (-10 conflict .. +10 cooperation; the mean over the
events that have one) and the count of each QuadClass. Undated events are
counted apart when periods are asked for. The same numbers come from every store's event rows
(Cypher on Neo4j; ``cypher/queries/dyads.cypher`` is the same aggregation as a named query).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from polgraph.graph.algorithms.centrality import actor_names
from polgraph.graph.algorithms.events import Count, event_columns
from polgraph.graph.algorithms.periods import Every, Period, period_of
from polgraph.graph.ontology import QuadClass
from polgraph.graph.store import RelationFilter, Store

__all__ = ["Dyad", "DyadTable", "dyads"]


@dataclass(frozen=True)
class Dyad:
    source: str
    source_name: str
    target: str
    target_name: str
    period: Period | None  # None: the whole window
    events: int  # events, or reports when counting reports
    goldstein_sum: float
    goldstein_mean: float | None  # over the events with a Goldstein value; None if none has one
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


@dataclass(frozen=True)
class DyadTable:
    every: Every | None
    undirected: bool
    dyads: tuple[Dyad, ...]  # busiest dyad first (events over the window, ties by ids), then by period
    undated: int  # events left out because they have no date (only when periods are asked for)


def dyads(store: Store, where: RelationFilter = RelationFilter(), *, every: Every | str | None = None,
          top: int | None = None, undirected: bool = False, count: Count = Count.EVENTS) -> DyadTable:
    """The dyads of the event relations ``where`` accepts: the ``top`` busiest (all if None), per
    period of length ``every`` (or over the whole window), counting events or reports."""
    every = Every(every) if every else None
    key = (lambda row: period_of(row.date, every)) if every else None
    events = event_columns(store.event_rows(where), key=key, count=count)
    events = events.select(events.source != events.target)
    undated = 0
    if every is not None:
        dated = np.array([group is not None for group in events.groups], dtype=bool)[events.group]
        undated = int(events.weight[~dated].sum())
        events = events.select(dated)
    if len(events) == 0:
        return DyadTable(every, undirected, (), undated)
    first, second = events.source, events.target
    if undirected:  # ids are sorted, so the smaller position is the smaller id
        first, second = np.minimum(first, second), np.maximum(first, second)
    # Groups renumbered in time order, so one sorted key orders dyads and then periods.
    n, g = len(events.ids), len(events.groups)
    in_time_order = sorted(range(g), key=lambda number: _period_key(events.groups[number]))
    order_of_group = np.empty(g, dtype=np.int64)
    order_of_group[in_time_order] = np.arange(g)
    cell, inverse = np.unique((first * n + second) * g + order_of_group[events.group], return_inverse=True)
    weight = events.weight
    count = np.bincount(inverse, weights=weight, minlength=len(cell))
    scored_mask = ~np.isnan(events.goldstein)
    scored = np.bincount(inverse, weights=weight * scored_mask, minlength=len(cell))
    # Summed in an order fixed by the values themselves, so the sum does not depend on row order.
    value = np.where(scored_mask, events.goldstein, 0.0) * weight
    sort = np.lexsort((value, inverse))
    goldstein_sum = np.bincount(inverse[sort], weights=value[sort], minlength=len(cell))
    quads = {q: np.bincount(inverse, weights=weight * (events.quad_class == q), minlength=len(cell)) for q in QuadClass}

    pair, period_of_cell = cell // g, cell % g
    unique_pairs, pair_of_cell = np.unique(pair, return_inverse=True)
    totals = np.bincount(pair_of_cell, weights=count)
    ranked = np.lexsort((unique_pairs, -totals))  # busiest first, ties by (source, target) ids
    if top:
        ranked = ranked[:top]
    rank_of_pair = np.full(len(unique_pairs), len(unique_pairs))
    rank_of_pair[ranked] = np.arange(len(ranked))
    rank_of_cell = rank_of_pair[pair_of_cell]
    kept = np.flatnonzero(rank_of_cell < len(ranked))
    chosen = kept[np.argsort(rank_of_cell[kept], kind="stable")]  # cells are sorted by period within a pair
    periods = [events.groups[number] for number in in_time_order]
    shown = unique_pairs[ranked]
    names = actor_names(store, sorted({events.ids[i] for i in (shown // n).tolist() + (shown % n).tolist()}))
    rows = []
    for i in chosen.tolist():
        source, target = events.ids[int(pair[i]) // n], events.ids[int(pair[i]) % n]
        rows.append(Dyad(
            source=source, source_name=names.get(source, (source, ""))[0],
            target=target, target_name=names.get(target, (target, ""))[0],
            period=periods[int(period_of_cell[i])],
            events=int(count[i]),
            goldstein_sum=round(float(goldstein_sum[i]), 6),
            goldstein_mean=round(float(goldstein_sum[i] / scored[i]), 6) if scored[i] else None,
            verbal_cooperation=int(quads[QuadClass.VERBAL_COOPERATION][i]),
            material_cooperation=int(quads[QuadClass.MATERIAL_COOPERATION][i]),
            verbal_conflict=int(quads[QuadClass.VERBAL_CONFLICT][i]),
            material_conflict=int(quads[QuadClass.MATERIAL_CONFLICT][i]),
        ))
    return DyadTable(every, undirected, tuple(rows), undated)


def _period_key(period: Period | None) -> tuple[bool, Period | None]:
    return (period is None, period)  # None (the whole window) only ever comes alone
