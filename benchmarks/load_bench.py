"""Load throughput: polgraph's whole load against spaCy's bare parse of the same texts (issue 7, item 6).

    .venv/bin/python benchmarks/load_bench.py [--corpus FILE.jsonl] [--repeat N]

Both runs use the same pipeline object (``loader.nlp``) in the same process, so the ratio is what
polgraph adds on top of the parse: reading the file, mentions, relations, the store write. The
target is under 25% on top. Each repeat loads into a fresh temporary NetworkXStore file (a store
skips articles it already holds, so reloading one store would measure nothing). Words are
whitespace-separated tokens of the article texts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
PIPE_BATCH = 16  # the batch size Loader.read_many gives nlp.pipe
WARMUP_TEXTS = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="load the corpus N times (fresh store each time)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    articles = [r for r in read_path(args.corpus) if isinstance(r, Article)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    if not texts:
        print(f"{args.corpus}: no articles", file=sys.stderr)
        return 1

    loader = Loader()
    nlp = loader.nlp
    for _ in nlp.pipe(texts[:WARMUP_TEXTS], batch_size=PIPE_BATCH):  # load vectors/caches before any timing
        pass

    parse_runs: list[float] = []
    load_runs: list[float] = []
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as tmp:
        for i in range(args.repeat):
            # Alternate the order so that neither side always runs on a warmer process.
            order = ("parse", "load") if i % 2 == 0 else ("load", "parse")
            for what in order:
                if what == "parse":
                    start = time.perf_counter()
                    for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
                        pass
                    parse_runs.append(time.perf_counter() - start)
                else:
                    store = NetworkXStore(Path(tmp) / f"graph-{i}.json")
                    start = time.perf_counter()
                    report = loader.load(store, [args.corpus])
                    load_runs.append(time.perf_counter() - start)
                    if report.errors and i == 0:
                        print(f"load errors: {len(report.errors)} (first: {report.errors[0]})", file=sys.stderr)
                    counts = store.counts()

    parse_s, load_s = sum(parse_runs), sum(load_runs)
    total_words = words * args.repeat
    parse_wps, load_wps = total_words / parse_s, total_words / load_s
    print(f"corpus: {args.corpus.name}: {len(texts)} articles, {words} words; repeat {args.repeat}")
    print(f"graph of one load: {counts}")
    print(f"spaCy nlp.pipe (bare parse):  {parse_s:8.2f} s  {parse_wps:9.0f} words/s")
    print(f"polgraph Loader.load (whole): {load_s:8.2f} s  {load_wps:9.0f} words/s")
    if args.repeat > 1:
        print("per repeat (parse / load, s): " + ", ".join(f"{p:.1f} / {q:.1f}" for p, q in zip(parse_runs, load_runs)))
    overhead = load_s / parse_s - 1
    verdict = "within" if overhead < 0.25 else "over"
    print(f"ratio load/parse: {load_s / parse_s:.3f}  (polgraph adds {overhead:+.1%} on top of the parse; target < 25%: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
