"""GDELT load throughput and memory (issue 13, item 1), against a bare ``csv.reader`` pass.

    .venv/bin/python benchmarks/gdelt_load_bench.py [--rows 100000] [--million] [--repeat 3]

Writes a synthetic GDELT 2.0 export (``gdelt_gen.py``, seeded) to a temporary folder, then times,
in this process, over the same file:

- ``csv.reader``: a bare pass (tab-separated, no quoting), the baseline every ratio divides by;
- ``parse``: polgraph's reader (rows -> checked ``CodedEvent`` records);
- ``parse+resolve``: and actors resolved, relations built, in batches (no store);
- ``load, in-memory store``: the whole ``GdeltLoader.load`` into a ``NetworkXStore(None)``;
- ``load, default store``: the same into the store ``polgraph load`` uses by default (a fresh
  file in the temporary folder).

Each figure is the best of ``--repeat`` rounds, each round running every step once (the machine
is shared: a busy spell then slows all steps of a round, not one); CPU time of this process is
the ratio's basis, wall time is shown beside it (it includes the store's disk waits). Rows/s count
every row read (a third name one actor and are counted, not stored). Memory: the Python heap's peak
(``tracemalloc``) while parsing and resolving, at two sizes ten times apart: flat when reading
streams; and while loading into the default store.
"""

from __future__ import annotations

import argparse
import csv
import gc
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from polgraph.config import open_store
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.loaders.gdelt import DEFAULT_BATCH_SIZE, EventLoadReport, GdeltLoader, read_events

sys.path.insert(0, str(Path(__file__).parent))
import gdelt_gen  # noqa: E402  (the generator beside this script)


def bare_pass(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def parse(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in read_events(fh, str(path)))


def parse_resolve(path: Path, batch_size: int) -> int:
    report = EventLoadReport()
    with path.open(encoding="utf-8", newline="") as fh:
        for batch in GdeltLoader(batch_size=batch_size).graphs(read_events(fh, str(path)), report):
            del batch  # as a load does once the batch is written
    return report.rows


def load_memory(path: Path, batch_size: int) -> int:
    return GdeltLoader(batch_size=batch_size).load(NetworkXStore(None), [path]).rows


def load_default(path: Path, folder: Path, batch_size: int) -> int:
    store_path = folder / f"store-{time.monotonic_ns()}"
    with open_store(str(store_path), create=True) as store, store.bulk():
        return GdeltLoader(batch_size=batch_size).load(store, [path]).rows


@dataclass
class Timing:
    cpu: float = float("inf")  # CPU seconds of this process: steadier than wall time on a shared machine
    wall: float = float("inf")
    rows: int = 0


def time_rounds(steps: list[tuple[str, Callable[[], int]]], rounds: int) -> dict[str, Timing]:
    """The best CPU and wall time of each step over ``rounds`` rounds; each round runs every step
    once, so a busy spell of the machine hits all steps alike rather than one."""
    best = {label: Timing() for label, _ in steps}
    for _ in range(rounds):
        for label, run in steps:
            gc.collect()
            cpu, wall = time.process_time(), time.perf_counter()
            rows = run()
            timing = best[label]
            timing.cpu = min(timing.cpu, time.process_time() - cpu)
            timing.wall = min(timing.wall, time.perf_counter() - wall)
            timing.rows = rows
    return best


def heap_peak(run: Callable[[], object]) -> float:
    """Peak of the Python heap during ``run``, in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="also time 1,000,000 rows")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="event edges per store write")
    parser.add_argument("--default-store-max-rows", type=int, default=1_000_000,
                        help="skip the default store above this size (the JSON store rewrites its file per batch)")
    args = parser.parse_args()

    sizes = [args.rows] + ([1_000_000] if args.million and args.rows != 1_000_000 else [])
    print(f"# GDELT load, Python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    with tempfile.TemporaryDirectory(prefix="gdelt-bench-") as tmp:
        folder = Path(tmp)
        files = {n: gdelt_gen.write(folder / f"{n}" / "20200101000000.export.CSV", n, args.seed) for n in sizes}
        with open_store(str(folder / "probe"), create=True) as probe:
            default_kind = type(probe).__name__
        print()
        print("| rows | step | CPU s | wall s | rows/s (CPU) | x bare csv.reader (CPU) |")
        print("|---:|---|---:|---:|---:|---:|")
        for n, path in files.items():
            steps = [
                ("csv.reader (baseline)", lambda p=path: bare_pass(p)),
                ("parse", lambda p=path: parse(p)),
                ("parse+resolve", lambda p=path: parse_resolve(p, args.batch_size)),
                ("load, in-memory store", lambda p=path: load_memory(p, args.batch_size)),
                (f"load, default store ({default_kind})", lambda p=path: load_default(p, folder, args.batch_size)),
            ]
            if n > args.default_store_max_rows:
                steps = steps[:-1]
            timings = time_rounds(steps, args.repeat if n <= 200_000 else 1)
            base = timings["csv.reader (baseline)"].cpu
            for label, t in timings.items():
                print(f"| {n:,} | {label} | {t.cpu:.2f} | {t.wall:.2f} | {t.rows / t.cpu:,.0f} | {t.cpu / base:.2f} |",
                      flush=True)

        # Sizes ten times apart, both several batches long (a batch is the most a load holds).
        if args.million:
            small, large = args.rows, 1_000_000
        else:
            small, large = sorted((max(args.rows // 10, 3 * args.batch_size), args.rows))
        for n in (small, large):  # either may be larger than --rows: three batches at least
            if n not in files:
                files[n] = gdelt_gen.write(folder / f"{n}" / "20200101000000.export.CSV", n, args.seed)
        print()
        print("| step | heap peak, MB | rows |")
        print("|---|---:|---:|")
        for n in (small, large):
            peak = heap_peak(lambda p=files[n]: parse_resolve(p, args.batch_size))
            print(f"| parse+resolve | {peak:.1f} | {n:,} |", flush=True)
        for n in (small, large):
            if n <= args.default_store_max_rows:
                peak = heap_peak(lambda p=files[n]: load_default(p, folder, args.batch_size))
                print(f"| load, default store ({default_kind}) | {peak:.1f} | {n:,} |", flush=True)


if __name__ == "__main__":
    main()
