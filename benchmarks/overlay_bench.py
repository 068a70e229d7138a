"""What a curation overlay costs a load: ``Overlay.apply`` on a batch of coded events (a GDELT
load's batch: 10,000 event edges among 2,000 actors) with 0 to 10,000 changes, against writing
the same batch into a new embedded store (``SQLiteStore.write``), in one process. Half of each
overlay's changes name actors of the batch, half name others.

    .venv/bin/python benchmarks/overlay_bench.py [--relations 10000] [--actors 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from datetime import date, timedelta

from polgraph.graph.curation import Alias, DropActor, DropRelation, Merge, Overlay, Rename
from polgraph.graph.curation.overlay import Entry
from polgraph.graph.model import Actor, ArticleGraph, Relation
from polgraph.graph.stores.sqlite_store import SQLiteStore


def batch(relations: int, actors: int, rng: random.Random) -> ArticleGraph:
    people = [Actor(f"actor-{i}", f"Actor {i}", "person" if i % 3 else "organization") for i in range(actors)]
    rels = []
    for i in range(relations):
        source, target = rng.sample(range(actors), 2)
        rels.append(Relation(f"actor-{source}", f"actor-{target}", "CRITICIZES", f"gdelt:{i}", 0,
                             date=date(2020, 1, 1) + timedelta(days=i % 365), cameo="111"))
    return ArticleGraph(None, people, [], rels, [])


def overlay(changes: int, actors: int, graph: ArticleGraph, rng: random.Random) -> Overlay:
    entries = []
    for n in range(changes):
        inside = n % 2 == 0  # half name actors of the batch
        a, b = (f"actor-{i}" if inside else f"elsewhere-{i}" for i in rng.sample(range(actors), 2))
        kind = n % 5
        change = (Merge(a, b, a, "person") if kind == 0 else Rename(a, f"Renamed {n}", a) if kind == 1
                  else Alias(a, f"alias {n}", a, "person") if kind == 2 else DropActor(b, b) if kind == 3
                  else DropRelation(graph.relations[n % len(graph.relations)].id if inside else f"{n:016x}", a, "CRITICIZES", b))
        entries.append(Entry(n + 1, change, None))
    return Overlay(None, entries)  # type: ignore[arg-type]


def best(seconds: list[float]) -> float:
    return min(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=10_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(11)
    graph = batch(args.relations, args.actors, rng)

    def timed(work) -> float:
        runs = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            work()
            runs.append(time.perf_counter() - started)
        return best(runs)

    with tempfile.TemporaryDirectory() as folder:
        stores = iter(range(args.repeat))

        def write() -> None:
            with SQLiteStore(Path(folder) / f"{next(stores)}.db", create=True) as store:
                store.write([graph])

        baseline = timed(write)
    print(f"batch: {args.relations:,} event edges, {args.actors:,} actors; best of {args.repeat}")
    print(f"{'changes':>8}  {'apply s':>8}  {'x write':>8}")
    print(f"{'(write)':>8}  {baseline:8.3f}  {1.0:8.2f}")
    for changes in (0, 10, 100, 1_000, 10_000):
        curated = overlay(changes, args.actors, graph, rng)
        seconds = timed(lambda: curated.apply([graph]))
        print(f"{changes:>8,}  {seconds:8.3f}  {seconds / baseline:8.2f}")


if __name__ == "__main__":
    main()
