"""Actor centrality: degree (in/out), PageRank, betweenness and eigenvector.

Computed on the actor graph (``pairs.ActorPairs``): one weighted directed pair per (source,
target) of actors, its weight the events between them that the filter accepts (type, time
window), or their reports with ``Count.REPORTS`` (``events``: one act reported by several
articles is one event). Topics, articles and structural edges are left out: centrality is about who acts on whom.

The measures are networkx's, computed on arrays (networkx stays the reference the tests compare
with, ``reference.networkx_centrality``):

- degree: weighted in, out and total degree.
- PageRank: networkx's algorithm (damping 0.85, uniform teleport and dangling mass, tolerance
  1e-6 per node, start vector 1/n) on the weighted pairs, with scipy sparse matrices.
- eigenvector: of the undirected graph whose edge weight is the number of events between two
  actors either way; power iteration on (A + I) from the all-ones vector, tolerance 1e-8 per
  node, as networkx does it (ARPACK from the same start vector if it has not converged after
  1000 iterations); unit Euclidean norm.
- betweenness: unweighted shortest paths, directed, normalised as networkx does, computed by
  igraph. Exact betweenness costs one breadth-first search per actor (minutes at a million
  events), so by default it is estimated from ``DEFAULT_SOURCES`` source actors drawn by a
  seeded RNG over the sorted actor ids, rescaled as networkx's ``betweenness_centrality(k=...)``
  does (the same sources networkx draws with the same seed on a graph built in sorted order);
  with as many sources as actors it is exact. ``docs/scale.md`` gives the error of the estimate.

Nothing depends on hash order or the clock: actors are in sorted order, tolerances and start
vectors are fixed, sampled sources come from ``random.Random(seed)``, and ties rank by id.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from polgraph.graph.algorithms.events import Count
from polgraph.graph.algorithms.pairs import ActorPairs, actor_pairs
from polgraph.graph.codec import LABELS, edge_to_relation, iso
from polgraph.graph.store import EventRow, RelationFilter, Store

__all__ = [
    "DEFAULT_SOURCES",
    "MEASURES",
    "ActorScore",
    "Betweenness",
    "Scores",
    "actor_names",
    "betweenness",
    "centrality",
    "eigenvector",
    "graph_centrality",
    "pagerank",
    "rank",
    "scores",
]

MEASURES = ("degree", "in_degree", "out_degree", "pagerank", "betweenness", "eigenvector")

DEFAULT_SOURCES = 500
"""Source actors sampled for betweenness by default (docs/scale.md, "centrality": the error)."""

PAGERANK_ALPHA = 0.85
PAGERANK_TOL = 1e-6
PAGERANK_MAX_ITER = 100
EIGENVECTOR_TOL = 1e-8
EIGENVECTOR_MAX_ITER = 1000


@dataclass(frozen=True)
class ActorScore:
    id: str
    name: str
    kind: str
    in_degree: int
    out_degree: int
    degree: int
    pagerank: float
    betweenness: float
    eigenvector: float


@dataclass(frozen=True)
class Betweenness:
    """How betweenness is computed: from ``sources`` sampled actors (None: from every actor, exact)."""

    sources: int | None = DEFAULT_SOURCES
    seed: int = 0

    def __post_init__(self) -> None:
        if self.sources is not None and self.sources < 2:
            raise ValueError(f"betweenness needs at least 2 sampled sources, not {self.sources}")


EXACT = Betweenness(sources=None)


@dataclass(frozen=True, eq=False)
class Scores:
    """Every measure for every actor of an actor graph, as arrays indexed like ``ids``."""

    ids: tuple[str, ...]
    in_degree: np.ndarray
    out_degree: np.ndarray
    pagerank: np.ndarray
    betweenness: np.ndarray
    eigenvector: np.ndarray

    @property
    def degree(self) -> np.ndarray:
        return self.in_degree + self.out_degree

    def order(self, by: str) -> np.ndarray:
        """Actor indexes, highest ``by`` first, ties by id (ids are sorted, the sort is stable)."""
        if by not in MEASURES:
            raise ValueError(f"unknown measure {by!r}")
        return np.argsort(-getattr(self, by), kind="stable")

    def ranking(self, by: str, top: int | None, names: Callable[[list[str]], dict[str, tuple[str, str]]]) -> list[ActorScore]:
        """The ``top`` actors by ``by`` (all if None) as records; ``names(ids)`` gives (name, kind)."""
        chosen = self.order(by)[:top].tolist() if top else self.order(by).tolist()
        named = names([self.ids[i] for i in chosen])
        return [self.record(i, *named.get(self.ids[i], (self.ids[i], ""))) for i in chosen]

    def record(self, i: int, name: str, kind: str) -> ActorScore:
        ins, outs = int(self.in_degree[i]), int(self.out_degree[i])
        return ActorScore(
            id=self.ids[i], name=name, kind=kind, in_degree=ins, out_degree=outs, degree=ins + outs,
            pagerank=float(self.pagerank[i]), betweenness=float(self.betweenness[i]),
            eigenvector=float(self.eigenvector[i]),
        )


def centrality(store: Store, where: RelationFilter = RelationFilter(), *, by: str = "pagerank",
               top: int | None = None, sampling: Betweenness = Betweenness(),
               count: Count = Count.EVENTS) -> list[ActorScore]:
    """The actors of the event relations ``where`` accepts, ranked by ``by`` (``top`` of them, or
    all), counting events or reports. A store that computes centrality itself (Neo4j with GDS)
    answers when counting reports (its edges); otherwise the scores come from the store's event
    rows."""
    count = Count(count)
    answered = store.centrality(where, sampling) if count is Count.REPORTS else None
    if answered is not None:
        return rank(answered, by, top)
    table = scores(actor_pairs(store.event_rows(where), count), sampling)
    return table.ranking(by, top, lambda ids: actor_names(store, ids))


def graph_centrality(graph: nx.MultiDiGraph, where: RelationFilter = RelationFilter(), *,
                     sampling: Betweenness = Betweenness(), count: Count = Count.EVENTS) -> list[ActorScore]:
    """Scores of the active actors of a graph in the shared layout (a part of a store, say),
    from its actor-to-actor event relations that ``where`` accepts; sorted by id."""
    def rows() -> Iterator[EventRow]:
        for u, v, data in graph.edges(data=True):
            if "Actor" in graph.nodes[u].get(LABELS, ()) and "Actor" in graph.nodes[v].get(LABELS, ()):
                rel = edge_to_relation(data, u, v)
                if rel is not None and where.accepts(rel):
                    yield EventRow(u, v, rel.type, iso(rel.date), rel.goldstein, rel.quad_class, rel.confidence,
                                   rel.attribution, rel.article, rel.sentence)

    table = scores(actor_pairs(rows(), count), sampling)
    nodes = graph.nodes
    return [table.record(i, nodes[a].get("name", a), nodes[a].get("kind", "")) for i, a in enumerate(table.ids)]


def actor_names(store: Store, ids: list[str]) -> dict[str, tuple[str, str]]:
    """(name, kind) of each actor id: looked up one by one for a few, from one listing for many."""
    if len(ids) <= 100:
        found = (store.actor(actor_id) for actor_id in ids)
        return {a.id: (a.name, a.kind) for a in found if a is not None}
    wanted = set(ids)
    return {a.id: (a.name, a.kind) for a in store.actors() if a.id in wanted}


def scores(pairs: ActorPairs, sampling: Betweenness = Betweenness()) -> Scores:
    """Every measure for every actor of ``pairs``."""
    n = pairs.n
    return Scores(
        ids=pairs.ids,
        in_degree=np.bincount(pairs.target, weights=pairs.weight, minlength=n),
        out_degree=np.bincount(pairs.source, weights=pairs.weight, minlength=n),
        pagerank=pagerank(pairs),
        betweenness=betweenness(pairs, sampling),
        eigenvector=eigenvector(pairs),
    )


def pagerank(pairs: ActorPairs) -> np.ndarray:
    """networkx's ``pagerank(G, weight="weight")`` with its defaults."""
    n = pairs.n
    if n == 0:
        return np.zeros(0)
    adjacency = pairs.adjacency()
    out_weight = np.asarray(adjacency.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inverse = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    transition = (sp.dia_array((inverse[np.newaxis, :], [0]), shape=(n, n)) @ adjacency).T.tocsr()
    teleport = np.full(n, 1.0 / n)
    x = teleport.copy()
    for _ in range(PAGERANK_MAX_ITER):
        last = x
        x = PAGERANK_ALPHA * (transition @ last + last[dangling].sum() * teleport) + (1 - PAGERANK_ALPHA) * teleport
        if np.abs(x - last).sum() < n * PAGERANK_TOL:
            return x
    raise ArithmeticError(f"PageRank did not converge in {PAGERANK_MAX_ITER} iterations")


def eigenvector(pairs: ActorPairs) -> np.ndarray:
    """Eigenvector centrality of the undirected graph (weight: events between two actors either way)."""
    n = pairs.n
    if n == 0:
        return np.zeros(0)
    adjacency = pairs.adjacency()
    undirected = (adjacency + adjacency.T).tocsr()
    x = np.full(n, 1.0 / n)
    for _ in range(EIGENVECTOR_MAX_ITER):
        last = x
        x = last + undirected @ last
        x /= np.linalg.norm(x) or 1.0
        if np.abs(x - last).sum() < n * EIGENVECTOR_TOL:
            return x
    if n < 3:  # ARPACK needs k < n - 1; a power iteration on two nodes always converges anyway
        return x
    _, vectors = spla.eigsh(undirected.astype(float), k=1, which="LA", v0=np.ones(n), maxiter=n * 100)
    largest = vectors[:, 0]
    return largest / (np.sign(largest.sum()) * np.linalg.norm(largest))


def betweenness(pairs: ActorPairs, sampling: Betweenness = Betweenness()) -> np.ndarray:
    """Normalised directed betweenness on unweighted shortest paths (networkx's
    ``betweenness_centrality(G, k=sampling.sources, seed=sampling.seed)``)."""
    n = pairs.n
    if n <= 2:
        return np.zeros(n)
    import igraph  # here, not at the top: it imports matplotlib when installed, 0.4 s on every command

    graph = igraph.Graph(n=n, edges=np.column_stack([pairs.source, pairs.target]).tolist(), directed=True)
    k = sampling.sources
    if k is None or k >= n:
        values = np.asarray(graph.betweenness(directed=True), dtype=float)
        return values / ((n - 1) * (n - 2))
    sources = random.Random(sampling.seed).sample(range(n), k)
    values = np.asarray(graph.betweenness(directed=True, sources=sources), dtype=float)
    # networkx's estimator: a sampled source cannot lie between itself and a target, so it
    # has k - 1 sources to be between, every other actor k.
    scale = np.full(n, 1.0 / (k * (n - 2)))
    scale[sources] = 1.0 / ((k - 1) * (n - 2))
    return values * scale


def rank(scores: list[ActorScore], by: str, top: int | None = None) -> list[ActorScore]:
    """``scores`` highest ``by`` first, ties by id; the first ``top`` if given."""
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}")
    ordered = sorted(scores, key=lambda s: (-getattr(s, by), s.id))
    return ordered[:top] if top else ordered
