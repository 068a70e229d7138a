"""Centrality at scale: polgraph's array path against plain networkx, in the same process.

For each size (event relations), a synthetic actor graph shaped like polgraph's own (seeded:
Zipf-popular actors, the 18 event types, five years of dates) is ranked twice from the same
event rows: by plain networkx (a ``DiGraph`` built from the rows, then ``nx.pagerank``,
``nx.eigenvector_centrality``, ``nx.betweenness_centrality``) and by polgraph
(``polgraph.graph.algorithms``: arrays, scipy sparse, igraph). Printed per measure: both times,
their ratio, and how alike the rankings are (top-20 overlap, Spearman and Kendall over all actors).

networkx's betweenness from the same sampled sources runs only up to ``--networkx-betweenness-max``
relations (beyond, it takes minutes); its exact betweenness only up to ``--exact-max``, where the
sampled estimate's error against the exact values is printed too. Both say so when skipped.

    python benchmarks/centrality_bench.py                       # 10k, 100k, 1M
    python benchmarks/centrality_bench.py --sizes 2000 --sources 50
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import networkx as nx
import numpy as np
from scipy import stats

import polgraph.graph.algorithms.centrality as pg
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
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def likeness(ids: list[str], ours: np.ndarray, theirs: np.ndarray, top: int) -> tuple[str, str, str]:
    """Top-``top`` overlap, Spearman and Kendall between two score vectors over the same actors."""
    def best(values: np.ndarray) -> set[str]:
        return {ids[i] for i in np.argsort(-values, kind="stable")[:top]}

    overlap = len(best(ours) & best(theirs))
    rho = stats.spearmanr(ours, theirs).statistic
    tau = stats.kendalltau(ours, theirs).statistic
    return f"{overlap}/{min(top, len(ids))}", f"{rho:.4f}", f"{tau:.4f}"


def run_size(relations: int, args: argparse.Namespace) -> list[list[str]]:
    rows = synthetic_rows(relations, args.seed)
    sampling = pg.Betweenness(args.sources, args.seed)
    lines: list[list[str]] = []

    pairs, t_pairs = timed(lambda: actor_pairs(rows))
    graph, t_graph = timed(lambda: actor_digraph(rows))
    ids = list(pairs.ids)
    assert ids == list(graph.nodes), "both paths see the same actors in the same order"
    lines.append([f"{relations:,}", "graph from rows", f"{t_graph:.2f}", f"{t_pairs:.2f}", _ratio(t_graph, t_pairs),
                  f"{pairs.n:,} actors, {pairs.m:,} pairs", "", ""])

    def ours_degree() -> np.ndarray:
        return (np.bincount(pairs.target, weights=pairs.weight, minlength=pairs.n)
                + np.bincount(pairs.source, weights=pairs.weight, minlength=pairs.n))

    def theirs_degree() -> np.ndarray:
        degree = graph.degree(weight="weight")
        return np.array([degree[n] for n in ids], dtype=float)

    def theirs_eigenvector() -> np.ndarray:
        undirected = nx.Graph()
        undirected.add_nodes_from(ids)
        for u, v, w in graph.edges(data="weight"):
            previous = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
            undirected.add_edge(u, v, weight=previous + w)
        found = nx.eigenvector_centrality(undirected, max_iter=1000, tol=1e-8, weight="weight")
        return np.array([found[n] for n in ids])

    def theirs_pagerank() -> np.ndarray:
        found = nx.pagerank(graph, weight="weight")
        return np.array([found[n] for n in ids])

    fast_total = 0.0
    for measure, ours, theirs in [
        ("degree", ours_degree, theirs_degree),
        ("pagerank", lambda: pg.pagerank(pairs), theirs_pagerank),
        ("eigenvector", lambda: pg.eigenvector(pairs), theirs_eigenvector),
    ]:
        mine, t_mine = timed(ours)
        reference, t_reference = timed(theirs)
        fast_total += t_mine
        lines.append([f"{relations:,}", measure, f"{t_reference:.2f}", f"{t_mine:.2f}", _ratio(t_reference, t_mine),
                      *likeness(ids, mine, reference, args.top)])
    lines.append([f"{relations:,}", "graph+degree+pagerank+eigenvector", "", f"{t_pairs + fast_total:.2f}", "",
                  "polgraph total", "", ""])

    label = f"betweenness ({args.sources} sources)"
    mine, t_mine = timed(lambda: pg.betweenness(pairs, sampling))
    if relations <= args.networkx_betweenness_max:
        k = None if args.sources >= pairs.n else args.sources
        found, t_reference = timed(lambda: nx.betweenness_centrality(graph, k=k, seed=args.seed))
        reference = np.array([found[n] for n in ids])
        lines.append([f"{relations:,}", label, f"{t_reference:.2f}", f"{t_mine:.2f}", _ratio(t_reference, t_mine),
                      *likeness(ids, mine, reference, args.top)])
    else:
        lines.append([f"{relations:,}", label, "not run", f"{t_mine:.2f}", "",
                      f"networkx skipped above {args.networkx_betweenness_max:,} relations", "", ""])

    if relations <= args.exact_max:
        exact, t_exact = timed(lambda: pg.betweenness(pairs, pg.EXACT))
        found, t_nx_exact = timed(lambda: nx.betweenness_centrality(graph))
        reference = np.array([found[n] for n in ids])
        lines.append([f"{relations:,}", "betweenness exact", f"{t_nx_exact:.2f}", f"{t_exact:.2f}",
                      _ratio(t_nx_exact, t_exact), *likeness(ids, exact, reference, args.top)])
        lines.append([f"{relations:,}", f"sampled vs exact ({args.sources} sources)", "", "", "",
                      *likeness(ids, mine, exact, args.top)])
        lines.append([f"{relations:,}", "  error of the estimate", "", "", "", _error(mine, exact, args.top), "", ""])
    else:
        lines.append([f"{relations:,}", "betweenness exact", "not run", "not run", "",
                      f"exact skipped above {args.exact_max:,} relations", "", ""])
    return lines


def _error(sampled: np.ndarray, exact: np.ndarray, top: int) -> str:
    """Mean absolute error over all actors, and the largest relative error among the exact top."""
    best = np.argsort(-exact, kind="stable")[:top]
    relative = np.abs(sampled[best] - exact[best]) / np.where(exact[best] > 0, exact[best], 1.0)
    return f"MAE {np.abs(sampled - exact).mean():.2e}, max rel. err. top-{top} {relative.max():.1%}"


def _ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:.1f}x" if fast > 0 else "inf"


def print_table(lines: list[list[str]]) -> None:
    headers = ["relations", "measure", "networkx s", "polgraph s", "speed-up", "top-20 overlap", "spearman", "kendall"]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip(), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event relations, comma-separated")
    parser.add_argument("--sources", type=int, default=pg.DEFAULT_SOURCES, help="sampled betweenness sources")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--networkx-betweenness-max", type=int, default=100_000,
                        help="largest size at which networkx's sampled betweenness runs")
    parser.add_argument("--exact-max", type=int, default=10_000, help="largest size at which exact betweenness runs")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    import igraph
    import scipy

    print(f"# centrality_bench: Python {platform.python_version()}, networkx {nx.__version__}, "
          f"scipy {scipy.__version__}, igraph {igraph.__version__}, {platform.machine()}")
    print(f"# times in seconds (wall, perf_counter), seed {args.seed}; likeness is of polgraph's scores "
          "to networkx's (or, for 'sampled vs exact', of the estimate to the exact betweenness)")
    lines: list[list[str]] = []
    for size in sizes:
        lines += run_size(size, args)
    print_table(lines)


if __name__ == "__main__":
    main()
