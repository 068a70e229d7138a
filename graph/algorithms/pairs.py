"""The actor graph as arrays: the weighted (source, target) pairs of a stream of event rows.

Every analysis reads the store's ``event_rows`` (actor-to-actor events, no provenance text) and
builds this instead of a NetworkX graph: at a million events a ``DiGraph`` costs seconds and
gigabytes, these arrays a fraction of a second and a few megabytes. Actors are in sorted id order
and pairs sorted, whatever order the rows arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from polgraph.graph.algorithms.events import Count, EventColumns, event_columns
from polgraph.graph.store import EventRow

__all__ = ["ActorPairs", "actor_pairs", "pairs_of"]


@dataclass(frozen=True, eq=False)
class ActorPairs:
    """A weighted directed actor graph: actor ``i`` is ``ids[i]`` (sorted), pair ``j`` goes from
    ``source[j]`` to ``target[j]`` with ``weight[j]`` events (or reports); pairs sorted by (source, target), no
    self-loops, and only actors with at least one pair."""

    ids: tuple[str, ...]
    source: np.ndarray  # int64 indexes into ids
    target: np.ndarray
    weight: np.ndarray  # float64

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def m(self) -> int:
        return len(self.source)

    def adjacency(self) -> sp.csr_array:
        """``A[i, j]`` = weight of the pair i -> j."""
        return sp.csr_array((self.weight, (self.source, self.target)), shape=(self.n, self.n))

    def to_networkx(self) -> nx.DiGraph:
        """The same graph as a ``DiGraph`` (nodes in sorted order, edge attribute ``weight``)."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self.ids)
        ids = self.ids
        graph.add_weighted_edges_from(
            (ids[s], ids[t], w) for s, t, w in zip(self.source.tolist(), self.target.tolist(), self.weight.tolist())
        )
        return graph


def actor_pairs(rows: Iterable[EventRow], count: Count = Count.EVENTS) -> ActorPairs:
    """The actor graph of ``rows``: one pair per (source, target), weighted by its events (or reports)."""
    return pairs_of(event_columns(rows, count=count))


def pairs_of(events: EventColumns) -> ActorPairs:
    """The actor graph of some event columns: weights summed per pair, self-loops left out, actors
    renumbered to the ones with a pair (still in sorted order)."""
    kept = events.source != events.target  # an actor acting on itself is no pair
    source, target, weight = events.source[kept], events.target[kept], events.weight[kept]
    present = np.zeros(len(events.ids), dtype=bool)
    present[source] = True
    present[target] = True
    active = np.flatnonzero(present)
    local = np.cumsum(present) - 1  # position among all ids -> position among the active
    source, target = local[source], local[target]
    n = len(active)
    pair_key, inverse = np.unique(source * n + target, return_inverse=True)
    return ActorPairs(
        ids=tuple(events.ids[i] for i in active.tolist()),
        source=pair_key // n,
        target=pair_key % n,
        weight=np.bincount(inverse, weights=weight, minlength=len(pair_key)),
    )
