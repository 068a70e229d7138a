"""Load throughput: polgraph's whole load, with 1 and 2 workers, against spaCy's bare parse of the
same texts (issue 7, item 6; issue 13, item 5).

    .venv/bin/python benchmarks/load_bench.py [--corpus FILE.jsonl] [--articles N] [--repeat N] [--chunk 32]
                                              [--step 4] [--with-n-process]

All sides use the same pipeline object (``loader.nlp``) in the same process, so the ratio of a
load to the bare parse (``nlp.pipe``, one process) is what polgraph adds on top of it: reading
the file, mentions, relations, the store write; for 1 worker the target is under 25% on top.
With 2 workers the ratio is the speed-up the second process gives, net of what parallel reading
costs (starting the workers, sending articles and graphs between processes).

Machines running other work make wall-clock times drift by more than that, so the sides are
interleaved: the corpus is cut into chunk files of ``--chunk`` articles (the loader's batch), and
each step of ``--step`` chunks is parsed bare, loaded with 1 worker and loaded with 2 workers one
right after the other (the order turning from step to step), into one embedded store file per side
and repeat that grows as a real load's does. Each load starts its workers and ends with one of
them idle while the other reads the last batch, where a real load pays for both once: ``--step``
as large as the corpus is closest to a real load. CPU time is this process's and its workers'
together; it is the steadier figure on a busy machine, and the load average printed before and
after says how busy it was. On Linux the scheduler's figures (``/proc/PID/schedstat``) add the
seconds spent waiting for a CPU ("waited") and, per step, the seconds on a CPU of the loading
process plus its busiest worker ("alone"): about the wall time with a CPU for each process and
nothing else running, the figure to compare on a shared machine. Words are whitespace-separated
tokens of the texts.

``--with-n-process`` also times the other way to read with two processes: spaCy's
``nlp.pipe(n_process=2)`` parsing, and mentions and relations (``Loader.graph_of``) in this
process, without the store write.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
PIPE_BATCH = 16  # the batch size Loader.read_many gives nlp.pipe
WARMUP_TEXTS = 20


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the workers of a finished load)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def schedstat(pid: int | str = "self") -> tuple[float, float] | None:
    """Seconds a process's main thread has spent on a CPU and waiting, runnable, for one (Linux)."""
    try:
        with open(f"/proc/{pid}/schedstat") as fh:
            run, wait, _ = fh.read().split()
    except (OSError, ValueError):
        return None
    return int(run) / 1e9, int(wait) / 1e9


def child_pids() -> list[int]:
    try:
        with open(f"/proc/self/task/{threading.main_thread().native_id}/children") as fh:
            return [int(pid) for pid in fh.read().split()]
    except OSError:
        return []


@dataclass
class Clock:
    """Wall and CPU time of the steps timed with it and, on Linux, what the scheduler says of them:
    the seconds this process and its children (the workers) waited for a CPU, and per step the
    seconds on a CPU of this process plus its busiest child, which is about the wall time the step
    would take with a CPU for each process and no other work on the machine."""

    wall: float = 0.0
    cpu: float = 0.0
    waiting: float = 0.0
    alone: float = 0.0

    def __enter__(self) -> "Clock":
        self._children: dict[int, tuple[float, float]] = {}
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        self._sched = schedstat() or (0.0, 0.0)
        self._wall, self._cpu = time.perf_counter(), cpu_seconds()
        return self

    def _sample(self) -> None:  # a child's figures are last seen just before it ends
        while not self._stop.wait(0.1):
            for pid in child_pids():
                figures = schedstat(pid)
                if figures:
                    self._children[pid] = figures

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._wall
        self.cpu += cpu_seconds() - self._cpu
        run, wait = (now - before for now, before in zip(schedstat() or (0.0, 0.0), self._sched))
        self._stop.set()
        self._sampler.join()
        self.waiting += wait + sum(w for _, w in self._children.values())
        self.alone += run + max((r for r, _ in self._children.values()), default=0.0)


def write_chunks(articles: list[Article], size: int, folder: Path) -> list[tuple[Path, list[str]]]:
    """The corpus as JSON Lines files of ``size`` articles, with their texts."""
    chunks = []
    for start in range(0, len(articles), size):
        part = articles[start : start + size]
        path = folder / f"chunk-{start // size:04d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in part:
                record = {"id": a.id, "title": a.title, "source": a.source, "url": a.url, "text": a.text}
                if a.published:
                    record["date"] = a.published.isoformat()
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        chunks.append((path, [a.text for a in part]))
    return chunks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="load the corpus N times (a fresh store each time)")
    parser.add_argument("--chunk", type=int, default=32, help="articles per chunk file and loader batch (default 32)")
    parser.add_argument("--step", type=int, default=4, help="chunks per interleaved step (default 4)")
    parser.add_argument("--with-n-process", action="store_true", help="also time nlp.pipe(n_process=2) + graph_of")
    parser.add_argument("--articles", type=int, help="the first N articles of the corpus only (default: all)")
    args = parser.parse_args(argv)
    if min(args.repeat, args.chunk, args.step) < 1:
        parser.error("--repeat, --chunk and --step must be at least 1")

    records = list(read_path(args.corpus))
    articles = [r for r in records if isinstance(r, Article)]
    skipped = len(records) - len(articles)
    articles = articles[: args.articles]
    if not articles:
        print(f"{args.corpus}: no articles", file=sys.stderr)
        return 1
    words = sum(len(a.text.split()) for a in articles)

    loader = Loader()
    nlp = loader.nlp
    for _ in nlp.pipe([a.text for a in articles[:WARMUP_TEXTS]], batch_size=PIPE_BATCH):
        pass  # load everything lazy before any timing

    sides = ["parse", "load 1", "load 2"] + (["n_process 2"] if args.with_n_process else [])
    clocks = {side: Clock() for side in sides}
    orders = itertools.cycle(itertools.permutations(sides))
    errors = {side: 0 for side in sides}
    graphs: dict[str, list] = {}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as tmp:
        chunks = write_chunks(articles, args.chunk, Path(tmp))
        steps = [chunks[i : i + args.step] for i in range(0, len(chunks), args.step)]
        by_text = {a.text: a for a in articles}
        for i in range(args.repeat):
            stores = {n: SQLiteStore(Path(tmp) / f"graph-{i}-{n}.db", create=True) for n in (1, 2)}
            for step in steps:
                paths = [path for path, _ in step]
                texts = [text for _, step_texts in step for text in step_texts]
                for side in next(orders):
                    with clocks[side]:
                        if side == "parse":
                            for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
                                pass
                        elif side == "n_process 2":
                            for text, doc in zip(texts, nlp.pipe(texts, batch_size=PIPE_BATCH, n_process=2)):
                                loader.graph_of(by_text[text], doc)
                        else:
                            n = int(side.split()[1])
                            report = loader.load(stores[n], paths, batch_size=args.chunk, workers=n)
                            errors[side] += len(report.errors)
            graphs = {f"{n} worker(s)": [store.counts(), store.relations(), store.actors()] for n, store in stores.items()}
            for store in stores.values():
                store.close()
    load_after = os.getloadavg()

    total = words * args.repeat
    parse = clocks["parse"]
    labels = {"parse": "spaCy nlp.pipe (bare parse)", "load 1": "polgraph Loader.load, 1 worker",
              "load 2": "polgraph Loader.load, 2 workers", "n_process 2": "nlp.pipe n_process=2 + graph_of"}
    one, two = graphs["1 worker(s)"], graphs["2 worker(s)"]
    print(f"corpus: {args.corpus.name}: {len(articles)} articles ({skipped} records unreadable), {words} words;"
          f" repeat {args.repeat}, {len(steps)} interleaved steps of {args.step} chunks of {args.chunk}")
    print(f"CPUs: {os.cpu_count()}; load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print(f"graph of one load: {one[0]}; load errors: {errors['load 1']} (1 worker), {errors['load 2']} (2 workers);"
          f" 1 and 2 workers give the same relations and actors: {'yes' if one[1:] == two[1:] else 'NO'}")
    print(f"{'':34} {'wall s':>7} {'words/s':>8} {'cpu s':>7} {'words/cpu s':>11} {'wall/parse':>10} {'cpu/parse':>9}"
          f" {'waited s':>8} {'alone s':>7} {'words/s':>8}")
    for side in sides:
        c = clocks[side]
        print(f"{labels[side]:34} {c.wall:7.2f} {total / c.wall:8.0f} {c.cpu:7.2f} {total / c.cpu:11.0f} {c.wall / parse.wall:10.3f}"
              f" {c.cpu / parse.cpu:9.3f} {c.waiting:8.2f} {c.alone:7.2f} {total / max(c.alone, 1e-9):8.0f}")
    for label, ratio in (("wall", clocks["load 1"].wall / parse.wall), ("cpu", clocks["load 1"].cpu / parse.cpu)):
        verdict = "within" if ratio - 1 < 0.25 else "over"
        print(f"ratio load/parse ({label}), 1 worker: {ratio:.3f}  (polgraph adds {ratio - 1:+.1%} on top of the parse;"
              f" target < 25%: {verdict})")
    one_w, two_w = clocks["load 1"], clocks["load 2"]
    print(f"speed-up 2 workers / 1 worker (wall): {one_w.wall / two_w.wall:.2f}x;"
          f" CPU time 2 workers / 1 worker: {two_w.cpu / one_w.cpu:.3f}")
    if one_w.alone and two_w.alone:
        print(f"speed-up 2 workers / 1 worker with a CPU per process (alone s, from the scheduler):"
              f" {one_w.alone / two_w.alone:.2f}x")
    peak = {who: resource.getrusage(who).ru_maxrss / 1024 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)}
    print(f"peak memory (RSS): this process {peak[resource.RUSAGE_SELF]:.0f} MB,"
          f" the largest worker {peak[resource.RUSAGE_CHILDREN]:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
