"""Centrality at scale: polgraph's array path against plain networkx, in the same process.

For each size (event relations), a synthetic actor graph shaped like polgraph's own (seeded:
Zipf-popular actors, the 18 event types, five years of dates) is ranked twice from the same
event rows: by plain networkx (a ``DiGraph`` built from the rows, then ``nx.pagerank``,
``nx.eigenvector_centrality``, ``nx.betweenness_centrality``) and by polgraph
(``polgraph.graph.algorithms``: arrays, scipy sparse, igraph). Printed per measure: both times,
their ratio, and how alike the rankings are (top-20 overlap, Spearman and Kendall over all actors).

networkx's betweenness from the same sampled sources runs only up to ``--networkx-betweenness-max``
relations (beyond, it takes minutes), exact betweenness only up to ``--networkx-exact-max``; the
table says so where they were not run. A second table gives the error of sampled betweenness
against exact at ``--error-sizes``, for several sample sizes and seeds.

    python benchmarks/centrality_bench.py                       # 10k, 100k, 1M
    python benchmarks/centrality_bench.py --sizes 2000 --sources 50 --error-sizes 2000 --error-sources 20
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import networkx as nx
import numpy as np
from scipy import stats

import polgraph.graph.algorithms.centrality as pg
from polgraph.graph.algorithms.events import Count
from polgraph.graph.algorithms.pairs import actor_pairs
from polgraph.graph.algorithms.reference import actor_digraph
from polgraph.graph.ontology import EVENT_TYPES, goldstein, quad_class
from polgraph.graph.store import EventRow

FIRST_DAY = date(2019, 1, 1)
DAYS = 5 * 365
ZIPF_EXPONENT = 1.1


def synthetic_rows(relations: int, seed: int = 0) -> list[EventRow]:
    """``relations`` event rows among ``relations // 7`` actors whose popularity follows Zipf's
    law (exponent 1.1: at 1M relations about 113k active actors and 530k directed pairs)."""
    rng = np.random.default_rng(seed)
    pool = max(50, relations // 7)
    popularity = 1.0 / np.arange(1, pool + 1) ** ZIPF_EXPONENT
    popularity /= popularity.sum()
    sources = rng.choice(pool, relations, p=popularity)
    targets = rng.choice(pool, relations, p=popularity)
    same = sources == targets
    targets[same] = (targets[same] + 1 + rng.integers(0, pool - 1, same.sum())) % pool
    names = [f"actor-{j:06d}" for j in rng.permutation(pool)]  # popularity unrelated to id order
    kinds = rng.integers(0, len(EVENT_TYPES), relations)
    days = rng.integers(0, DAYS, relations)
    dates = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(DAYS)]
    scales = [(t.name, goldstein(t.cameo[0]), int(quad_class(t.cameo[0]))) for t in EVENT_TYPES]
    rows = []
    for s, t, k, d in zip(sources.tolist(), targets.tolist(), kinds.tolist(), days.tolist()):
        name, value, quad = scales[k]
        rows.append(EventRow(names[s], names[t], name, dates[d], value, quad, 1.0, "asserted"))
    return rows


def timed(func: Callable[[], Any]) -> tuple[Any, float]:
    """The result and the CPU seconds of this process it took (steadier than wall time on a shared machine)."""
    start = time.process_time()
    result = func()
    return result, time.process_time() - start


def likeness(ids: list[str], ours: np.ndarray, theirs: np.ndarray, top: int) -> tuple[str, str, str]:
    """Top-``top`` overlap, Spearman and Kendall between two score vectors over the same actors."""
    def best(values: np.ndarray) -> set[str]:
        return {ids[i] for i in np.argsort(-values, kind="stable")[:top]}

    overlap = len(best(ours) & best(theirs))
    rho = stats.spearmanr(ours, theirs).statistic
    tau = stats.kendalltau(ours, theirs).statistic
    return f"{overlap}/{min(top, len(ids))}", f"{rho:.4f}", f"{tau:.4f}"


COLUMNS = [("relations", 10), ("measure", 40), ("networkx s", 10), ("polgraph s", 10), ("speed-up", 8),
           ("top-20 overlap", 14), ("spearman", 8), ("kendall", 8)]
ERROR_COLUMNS = [("relations", 10), ("actors", 8), ("sources", 8), ("seed", 4), ("seconds", 8), ("exact s", 8),
                 ("top-20 overlap", 14), ("mean rel. err. top-20", 21), ("max rel. err. top-20", 20), ("spearman", 8)]


def print_row(values: list[str], columns: list[tuple[str, int]] = COLUMNS) -> None:
    print("  ".join(v.ljust(w) for v, (_, w) in zip(values, columns)).rstrip(), flush=True)


def print_header(columns: list[tuple[str, int]] = COLUMNS) -> None:
    print_row([name for name, _ in columns], columns)
    print_row(["-" * width for _, width in columns], columns)


def run_size(relations: int, args: argparse.Namespace) -> None:
    """One block of the main table: the graph build, each measure, betweenness sampled and exact."""
    rows = synthetic_rows(relations, args.seed)
    size = f"{relations:,}"
    # every row weighs one, as in networkx's graph (the rows have no articles to group by)
    pairs, t_pairs = timed(lambda: actor_pairs(rows, Count.REPORTS))
    graph, t_graph = timed(lambda: actor_digraph(rows))
    ids = list(pairs.ids)
    assert ids == list(graph.nodes), "both paths see the same actors in the same order"
    print_row([size, "actor graph from rows", f"{t_graph:.2f}", f"{t_pairs:.2f}", _ratio(t_graph, t_pairs),
               f"{pairs.n:,} actors, {pairs.m:,} pairs"])

    def ours_degree() -> np.ndarray:
        return (np.bincount(pairs.source, weights=pairs.weight, minlength=pairs.n)
                + np.bincount(pairs.target, weights=pairs.weight, minlength=pairs.n))

    def theirs_degree() -> np.ndarray:
        degree = graph.degree(weight="weight")
        return np.array([degree[n] for n in ids], dtype=float)

    def theirs_pagerank() -> np.ndarray:
        found = nx.pagerank(graph, weight="weight")
        return np.array([found[n] for n in ids])

    def theirs_eigenvector() -> np.ndarray:
        undirected = nx.Graph()
        undirected.add_nodes_from(ids)
        for u, v, w in graph.edges(data="weight"):
            previous = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
            undirected.add_edge(u, v, weight=previous + w)
        found = nx.eigenvector_centrality(undirected, max_iter=1000, tol=1e-8, weight="weight")
        return np.array([found[n] for n in ids])

    totals = [t_graph, t_pairs]
    for measure, ours, theirs in [
        ("degree", ours_degree, theirs_degree),
        ("pagerank", lambda: pg.pagerank(pairs), theirs_pagerank),
        ("eigenvector", lambda: pg.eigenvector(pairs), theirs_eigenvector),
    ]:
        mine, t_mine = timed(ours)
        reference, t_reference = timed(theirs)
        totals = [totals[0] + t_reference, totals[1] + t_mine]
        print_row([size, measure, f"{t_reference:.2f}", f"{t_mine:.2f}", _ratio(t_reference, t_mine),
                   *likeness(ids, mine, reference, args.top)])
    print_row([size, "graph + degree + pagerank + eigenvector", f"{totals[0]:.2f}", f"{totals[1]:.2f}",
               _ratio(*totals)])

    label = f"betweenness, {args.sources} sampled sources"
    mine, t_mine = timed(lambda: pg.betweenness(pairs, pg.Betweenness(args.sources, args.seed)))
    if relations <= args.networkx_betweenness_max:
        k = None if args.sources >= pairs.n else args.sources
        found, t_reference = timed(lambda: nx.betweenness_centrality(graph, k=k, seed=args.seed))
        reference = np.array([found[n] for n in ids])
        print_row([size, label, f"{t_reference:.2f}", f"{t_mine:.2f}", _ratio(t_reference, t_mine),
                   *likeness(ids, mine, reference, args.top)])
    else:
        print_row([size, label, "not run", f"{t_mine:.2f}", "",
                   f"networkx not run above {args.networkx_betweenness_max:,} relations"])
    if relations <= args.networkx_exact_max:
        exact, t_exact = timed(lambda: pg.betweenness(pairs, pg.EXACT))
        found, t_reference = timed(lambda: nx.betweenness_centrality(graph))
        reference = np.array([found[n] for n in ids])
        print_row([size, "betweenness, exact", f"{t_reference:.2f}", f"{t_exact:.2f}", _ratio(t_reference, t_exact),
                   *likeness(ids, exact, reference, args.top)])
    else:
        print_row([size, "betweenness, exact", "not run", "not run", "",
                   f"not run above {args.networkx_exact_max:,} relations"])


def run_error(relations: int, args: argparse.Namespace) -> None:
    """Sampled betweenness against exact (both polgraph's; its exact values are networkx's, above)."""
    pairs = actor_pairs(synthetic_rows(relations, args.seed), Count.REPORTS)
    exact, t_exact = timed(lambda: pg.betweenness(pairs, pg.EXACT))
    best = np.argsort(-exact, kind="stable")[: args.top]
    for sources in [int(k) for k in args.error_sources.split(",")]:
        for seed in range(args.error_seeds):
            sampled, t_sampled = timed(lambda: pg.betweenness(pairs, pg.Betweenness(sources, seed)))
            relative = np.abs(sampled[best] - exact[best]) / np.where(exact[best] > 0, exact[best], 1.0)
            overlap, rho, _ = likeness(list(pairs.ids), sampled, exact, args.top)
            print_row([f"{relations:,}", f"{pairs.n:,}", str(sources), str(seed), f"{t_sampled:.2f}", f"{t_exact:.2f}",
                       overlap, f"{relative.mean():.1%}", f"{relative.max():.1%}", rho], ERROR_COLUMNS)


def _ratio(slow: float, fast: float) -> str:
    if fast <= 0:
        return "inf"
    return f"{slow / fast:.1f}x" if slow / fast < 10 else f"{slow / fast:.0f}x"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event relations, comma-separated")
    parser.add_argument("--sources", type=int, default=pg.DEFAULT_SOURCES, help="sampled betweenness sources")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data and of the sample")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--networkx-betweenness-max", type=int, default=100_000,
                        help="largest size at which networkx's sampled betweenness runs")
    parser.add_argument("--networkx-exact-max", type=int, default=10_000,
                        help="largest size at which exact betweenness runs in both")
    parser.add_argument("--error-sizes", default="10000,100000",
                        help="sizes at which sampled betweenness is compared with exact ('' for none)")
    parser.add_argument("--error-sources", default="100,200,500,1000", help="sample sizes in the error table")
    parser.add_argument("--error-seeds", type=int, default=3, help="sample seeds per sample size in the error table")
    args = parser.parse_args(argv)
    import igraph
    import scipy

    print(f"# centrality_bench: Python {platform.python_version()}, networkx {nx.__version__}, "
          f"scipy {scipy.__version__}, igraph {igraph.__version__}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"# CPU seconds (process_time) in one process, data seed {args.seed}; top-20 overlap, Spearman and "
          "Kendall compare polgraph's scores with networkx's over all actors")
    print_header()
    for size in [int(s) for s in args.sizes.split(",")]:
        run_size(size, args)
    if args.error_sizes:
        print()
        print("# sampled betweenness against exact (relative errors over the exact top-20; Spearman over all actors)")
        print_header(ERROR_COLUMNS)
        for size in [int(s) for s in args.error_sizes.split(",")]:
            run_error(size, args)


if __name__ == "__main__":
    main()
