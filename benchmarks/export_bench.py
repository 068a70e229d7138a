"""``polgraph export`` of a whole embedded store: the streamed writers against the graph-built ones
they replace, at 100k and 1M event relations of the synthetic graph (benchmarks/synthetic.py).

    .venv/bin/python benchmarks/export_bench.py                                  # 100k and 1M; json, graphml, gexf
    .venv/bin/python benchmarks/export_bench.py --sizes 2000 --formats graphml   # a quick run

- streamed: what ``polgraph export --format F -o FILE`` does now: the store's rows written as they
  are read (``store.graph_rows()``, ``write_graph_rows``), no graph built;
- graph-built: what it did before: the store's whole NetworkX graph (``to_networkx``), then
  ``write_graph`` (for GraphML and GEXF through ``analyst_graph`` and networkx's ElementTree
  writers).

Both write through the same ``write_output`` (a temp file renamed), each in a fresh child process
of this script (the same imports; the CLI adds its own), measured by ``os.wait4``: CPU seconds
(user + system) and peak memory (max RSS), start-up and imports included. The table says whether
both wrote the same bytes (sha256). Wall times on a shared machine run 1-3x the CPU times; compare
the ratios, taken in the same run. The graph-built export runs under an address-space limit
(``--graph-limit-mb``, so that a 1M run cannot take the shared machine's memory): past it, it stops
with a MemoryError and the table prints the limit as a lower bound of its peak. Stores are built once per size in ``--work`` (kept
with ``--keep``; an existing store there is reused).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from store_bench import BATCH, Measure, run  # noqa: E402  (benchmarks/ is no package)

FORMATS = ("json", "graphml", "gexf")


def child(args: argparse.Namespace) -> None:
    """One step in its own process: build the store, or one export."""
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    path = Path(args.store)
    if args.limit_mb:
        limit = args.limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if args.step == "load":
        from synthetic import SyntheticGraph

        with SQLiteStore(path, create=True) as store, store.bulk():
            for batch in SyntheticGraph(args.size, batch_relations=BATCH).batches():
                store.write(batch)
        return
    from polgraph.graph.readwrite import write_graph, write_graph_rows
    from polgraph.output import write_output

    with SQLiteStore(path) as store:
        if args.step == "graph":
            graph = store.to_networkx()
            write_output(args.out, lambda fh: write_graph(graph, fh, args.format), protect=[store.location])
            return
        if args.step == "stream":
            with store.graph_rows() as rows:
                write_output(args.out, lambda fh: write_graph_rows(rows, fh, args.format), protect=[store.location])
            return
    raise SystemExit(f"unknown step {args.step}")


def step(step_name: str, store: Path, **options: object) -> Measure:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", step_name, "--store", str(store)]
    for name, value in options.items():
        command += [f"--{name}", str(value)]
    return run(command)


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def build(work: Path, size: int) -> Path:
    store = work / f"export-{size}.db"
    if not store.exists():
        started = time.perf_counter()
        built = step("load", store, size=size)
        print(f"{size:,} relations: store built in {built.cpu:.1f} CPU s ({time.perf_counter() - started:.0f} s wall), "
              f"{store.stat().st_size / 1e6:.0f} MB", flush=True)
    return store


def measure(work: Path, store: Path, size: int, formats: list[str], limit_mb: int) -> list[dict[str, object]]:
    rows = []
    for fmt in formats:
        old, new = work / f"graph-built.{fmt}", work / f"streamed.{fmt}"
        stream = step("stream", store, format=fmt, out=new)
        try:
            graph_built = step("graph", store, format=fmt, out=old, **{"limit-mb": limit_mb})
        except RuntimeError as exc:
            if "MemoryError" not in str(exc):
                raise
            graph_built = None
        row = {"relations": size, "format": fmt, "graph_cpu": graph_built.cpu if graph_built else None,
               "graph_mb": graph_built.rss_mb if graph_built else None, "stream_cpu": stream.cpu,
               "stream_mb": stream.rss_mb, "mb": new.stat().st_size / 1e6,
               "same": digest(old) == digest(new) if graph_built else None, "limit_mb": limit_mb}
        old.unlink(missing_ok=True)
        new.unlink()
        rows.append(row)
        print_row(row)
    return rows


def print_header() -> None:
    print("| relations | format | file MB | graph-built CPU s | peak MB | streamed CPU s | peak MB "
          "| CPU ratio (streamed / graph-built) | peak ratio | same bytes |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")


def print_row(row: dict[str, Any]) -> None:
    if row["graph_cpu"] is None:  # stopped at the limit
        graph = f"MemoryError | > {row['limit_mb']:,}"
        ratios = f"- | < {row['stream_mb'] / row['limit_mb']:.3f} | -"
    else:
        graph = f"{row['graph_cpu']:.1f} | {row['graph_mb']:.0f}"
        ratios = (f"{row['stream_cpu'] / row['graph_cpu']:.2f} | {row['stream_mb'] / row['graph_mb']:.3f} "
                  f"| {'yes' if row['same'] else 'NO'}")
    print(f"| {row['relations']:,} | {row['format']} | {row['mb']:.0f} | {graph} "
          f"| {row['stream_cpu']:.1f} | {row['stream_mb']:.0f} | {ratios} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="event relations per store, comma-separated")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--work", type=Path, help="where the stores and exports go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the stores built in --work")
    parser.add_argument("--graph-limit-mb", type=int, default=12_000,
                        help="address-space limit of the graph-built export's process (0: none)")
    parser.add_argument("--json", dest="as_json", action="store_true", help="also print the rows as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--limit-mb", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.step = args.child
        child(args)
        return
    formats = [f for f in args.formats.split(",") if f]
    if unknown := sorted(set(formats) - set(FORMATS)):
        parser.error(f"unknown formats: {', '.join(unknown)}")
    work = args.work or Path(tempfile.mkdtemp(prefix="polgraph-export-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        sizes = [int(s) for s in args.sizes.split(",")]
        stores = [build(work, size) for size in sizes]
        print()
        print_header()
        for size, store in zip(sizes, stores):
            rows += measure(work, store, size, formats, args.graph_limit_mb)
    finally:
        if not args.keep:
            if args.work is None:
                shutil.rmtree(work, ignore_errors=True)
            else:
                for store in work.glob("export-*.db*"):
                    store.unlink()
    if args.as_json:
        print(json.dumps(rows))
    if any(row["same"] is False for row in rows):
        raise SystemExit("the streamed and graph-built exports differ")


if __name__ == "__main__":
    main()
