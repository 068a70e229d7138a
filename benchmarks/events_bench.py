"""What grouping reports into events costs: the event columns every analysis starts from, read
counting reports (no grouping: the baseline) and counting events, from the same rows in the same
process, and the actor pairs centrality ranks, both ways.

The rows are ``centrality_bench.synthetic_rows`` (Zipf-popular actors, 18 types, five years of
dates), each given an article: one in ``--repeat`` of them is reported again by another article one
to five days later, so events are fewer than reports. Printed: CPU seconds (best of three), the
ratio events / reports, and how many events the reports make.

    python benchmarks/events_bench.py                    # 10k, 100k, 1M
    python benchmarks/events_bench.py --sizes 20000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from centrality_bench import synthetic_rows  # noqa: E402

from polgraph.graph.algorithms.events import Count, event_columns  # noqa: E402
from polgraph.graph.algorithms.pairs import actor_pairs  # noqa: E402
from polgraph.graph.store import EventRow  # noqa: E402


def reported_rows(relations: int, repeat: int, seed: int = 0) -> list[EventRow]:
    """``relations`` rows, each its own article's, and one in ``repeat`` reported again later."""
    rng = random.Random(seed)
    rows = [replace(row, article=f"article-{i:07d}", sentence=1)
            for i, row in enumerate(synthetic_rows(relations, seed))]
    again = [replace(row, article=f"again-{i:07d}", sentence=2,
                     date=(date.fromisoformat(row.date) + timedelta(days=rng.randint(1, 5))).isoformat())
             for i, row in enumerate(rows[::repeat])]
    return rows + again


def best_of(runs: int, func: Callable[[], Any]) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.process_time()
        result = func()
        best = min(best, time.process_time() - start)
    return result, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=4, help="one row in this many is reported twice")
    args = parser.parse_args()
    print(f"{'reports':>9} {'events':>9} {'columns: reports s':>19} {'events s':>9} {'ratio':>6}"
          f" {'pairs: reports s':>17} {'events s':>9} {'ratio':>6}")
    for size in args.sizes:
        rows = reported_rows(size, args.repeat)
        reports, t_reports = best_of(3, lambda: event_columns(rows, count=Count.REPORTS))
        events, t_events = best_of(3, lambda: event_columns(rows, count=Count.EVENTS))
        _, p_reports = best_of(3, lambda: actor_pairs(rows, Count.REPORTS))
        _, p_events = best_of(3, lambda: actor_pairs(rows, Count.EVENTS))
        print(f"{len(reports):>9,} {len(events):>9,} {t_reports:>19.3f} {t_events:>9.3f} {t_events / t_reports:>6.2f}"
              f" {p_reports:>17.3f} {p_events:>9.3f} {p_events / p_reports:>6.2f}")


if __name__ == "__main__":
    main()
