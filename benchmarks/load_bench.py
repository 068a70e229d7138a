"""Load throughput: polgraph's whole load against spaCy's bare parse of the same texts (issue 7, item 6).

    .venv/bin/python benchmarks/load_bench.py [--corpus FILE.jsonl] [--articles N] [--repeat N] [--chunk 32]

Both sides use the same pipeline object (``loader.nlp``) in the same process, so the ratio is what
polgraph adds on top of the parse: reading the file, mentions, relations, the store write. The
target is under 25% on top.

Machines running other work make wall-clock times drift by more than that, so the two sides are
interleaved: the corpus is cut into chunk files of ``--chunk`` articles (the loader's own batch
size), and each chunk is parsed bare and loaded one right after the other (alternating which goes
first), into one embedded store file per repeat that grows as a real load's does. CPU time of this
process is reported beside wall time; it is the steadier of the two on a busy machine. Words are
whitespace-separated tokens of the article texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
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


@dataclass
class Clock:
    wall: float = 0.0
    cpu: float = 0.0

    def __enter__(self) -> "Clock":
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


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
    parser.add_argument("--chunk", type=int, default=32, help="articles per interleaved step (default: the loader's batch)")
    parser.add_argument("--articles", type=int, help="the first N articles of the corpus only (default: all)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.chunk < 1:
        parser.error("--repeat and --chunk must be at least 1")

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

    parse, load = Clock(), Clock()
    counts: dict[str, int] = {}
    errors = 0
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as tmp:
        chunks = write_chunks(articles, args.chunk, Path(tmp))
        for i in range(args.repeat):
            store = SQLiteStore(Path(tmp) / f"graph-{i}.db", create=True)
            for j, (path, texts) in enumerate(chunks):
                steps = ("parse", "load") if (i + j) % 2 == 0 else ("load", "parse")
                for step in steps:
                    if step == "parse":
                        with parse:
                            for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
                                pass
                    else:
                        with load:
                            report = loader.load(store, [path], batch_size=args.chunk)
                        errors += len(report.errors)
            counts = store.counts()
            store.close()

    total = words * args.repeat
    print(f"corpus: {args.corpus.name}: {len(articles)} articles ({skipped} records unreadable), {words} words;"
          f" repeat {args.repeat}, {len(chunks)} interleaved chunks of {args.chunk}")
    print(f"graph of one load: {counts}; load errors: {errors}")
    print(f"{'':30} {'wall s':>8} {'words/s':>9} {'cpu s':>8} {'words/s':>9}")
    for label, clock in (("spaCy nlp.pipe (bare parse)", parse), ("polgraph Loader.load (whole)", load)):
        print(f"{label:30} {clock.wall:8.2f} {total / clock.wall:9.0f} {clock.cpu:8.2f} {total / clock.cpu:9.0f}")
    for label, ratio in (("wall", load.wall / parse.wall), ("cpu", load.cpu / parse.cpu)):
        verdict = "within" if ratio - 1 < 0.25 else "over"
        print(f"ratio load/parse ({label}): {ratio:.3f}  (polgraph adds {ratio - 1:+.1%} on top of the parse;"
              f" target < 25%: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
