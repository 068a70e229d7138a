"""Write speed of the Neo4j store over Bolt: batched UNWIND writes against one statement per relation.

    .venv/bin/python benchmarks/neo4j_write.py                 # NEO4J_URI if set, else FalkorDB from PyPI
    .venv/bin/python benchmarks/neo4j_write.py --scale 0.1     # 1k actors, 10k relations

A synthetic graph (10k actors, 100k event relations at --scale 1, spread over articles of 1000
relations) is loaded through ``Neo4jStore.write``: once with the store's batch size (500 rows a
transaction on Neo4j; on FalkorDB at most 50 rows and about 3.6 KB a request, its limits), and once
with batch size 1, i.e. one statement and one transaction per relation (the baseline), on an
emptied database with the same actors. The baseline runs on the first --baseline relations only
(default 2000), as it is slow by design; rates are relations per second, and the ratio is
batched / baseline. The database is emptied before and after: never point it at data you keep.

With --store-size N, an embedded store of N event relations shaped like polgraph's own
(``synthetic.py``: with its articles, mentions, roles and memberships; loaded in bulk) is copied
to the emptied server by ``polgraph push``, and written out by ``polgraph export --format
neo4j-import`` as the CSV files ``neo4j-admin database import full`` loads into a new database.
Both run as child processes (wall time; their CPU seconds and peak memory from ``os.wait4``).
The export runs twice: streamed from the store's rows (what ``polgraph export`` does) and, as the
baseline, from the store's whole NetworkX graph (how it was written before, and how a part still
is); the two folders must hold the same bytes. neo4j-admin itself does not run here (no Neo4j on
this machine).

    .venv/bin/python benchmarks/neo4j_write.py --export-only --store-size 1000000   # no Bolt server
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.conftest_bolt (the FalkorDB launcher the tests use)
sys.path.insert(0, str(ROOT / "benchmarks"))  # for synthetic

from polgraph.graph.model import ACTOR_KINDS, Actor, Article, ArticleGraph, Relation  # noqa: E402
from polgraph.graph.ontology import EVENT_TYPES  # noqa: E402
from polgraph.graph.stores.neo4j_store import Neo4jStore  # noqa: E402


def synthetic(actors: int, relations: int, per_article: int = 1000, seed: int = 7):
    rng = random.Random(seed)
    people = [Actor(f"actor-{i:05d}", f"Actor {i}", ACTOR_KINDS[i % len(ACTOR_KINDS)]) for i in range(actors)]
    types = [t.name for t in EVENT_TYPES]
    day0 = date(2020, 1, 1)
    graphs = []
    for start in range(0, relations, per_article):
        article = Article.from_text(f"synthetic article {start}", published=day0 + timedelta(days=start // per_article))
        rels = []
        for n in range(start, min(start + per_article, relations)):
            source, target = rng.sample(range(actors), 2)
            rels.append(Relation(people[source].id, people[target].id, rng.choice(types), article.id, n - start + 1,
                                 "e", day0 + timedelta(days=rng.randrange(1500)), "", "", 1.0))
        graphs.append(ArticleGraph(article, [], [], rels, []))
    return people, graphs


def timed_load(store: Neo4jStore, people: list[Actor], graphs: list[ArticleGraph], *, progress: int = 0,
               server_pid: int | None = None) -> tuple[int, float]:
    """Relations written and seconds; with ``progress``, a line every that many relations (a long
    run shows how far it got, whether the rate holds as the graph grows, and the memory of the
    client and, when this script started it, of the server)."""
    store.delete_all()
    store.write([ArticleGraph(Article.from_text("the actors"), people, [], [], [])])
    start, cpu_start = time.perf_counter(), time.process_time()
    written, shown, last = 0, 0, 0.0
    for graph in graphs:
        written += store.write([graph]).relations
        if progress and written - shown >= progress:
            now = time.perf_counter() - start
            print(f"  {written:,} relations in {now:.0f} s ({(written - shown) / (now - last):,.0f} relations/s since"
                  f" {shown:,}); client {time.process_time() - cpu_start:.0f} CPU s, peak {_peak_mb():.0f} MB"
                  + (f"; server {_rss_mb(server_pid):.0f} MB" if server_pid else ""), flush=True)
            shown, last = written, now
    return written, time.perf_counter() - start


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb(pid: int) -> float:
    """Resident memory of a running process (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def synthetic_store(size: int, path: Path) -> dict[str, int]:
    """An embedded store of ``size`` event relations shaped like polgraph's own, loaded in bulk."""
    from synthetic import SyntheticGraph

    from polgraph.graph.stores.sqlite_store import SQLiteStore

    with SQLiteStore(path, create=True) as store:
        with store.bulk():
            for batch in SyntheticGraph(size).batches():
                store.write(batch)
        return store.counts()


def polgraph_cli(*args: str) -> tuple[float, float, float, str]:
    """Run ``polgraph ARGS`` in a child process: wall s, CPU s, peak MB (``os.wait4``) and its stderr."""
    return child(sys.executable, "-m", "polgraph", *args)


def child(*command: str) -> tuple[float, float, float, str]:
    """Run ``command`` in a child process: wall s, CPU s, peak MB (``os.wait4``) and its stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    message = process.stderr.read().decode() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:3])} failed: {message.strip()}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, message


def timed_push(store: Neo4jStore, store_path: Path, counts: dict[str, int]) -> None:
    """``polgraph push`` of the embedded store to the (emptied) server."""
    store.delete_all()
    wall, cpu, peak, _ = polgraph_cli("push", "--from", str(store_path), "--to", store.location)
    pushed = store.counts()
    store.delete_all()
    relations = counts["relations"]
    print(f"polgraph push of the store: {pushed}")
    print(f"  {relations:,} relations in {wall:.1f} s = {relations / wall:,.0f} relations/s"
          f" ({sum(pushed.values()):,} nodes and relationships: {sum(pushed.values()) / wall:,.0f}/s);"
          f" the client: {cpu:.1f} CPU s, peak {peak:.0f} MB")


def timed_export(store_path: Path, folder: Path, counts: dict[str, int]) -> None:
    """``polgraph export --format neo4j-import`` (streamed), and the baseline written from the
    store's whole NetworkX graph, in child processes; their files are compared byte for byte."""
    from_graph = folder.with_name(folder.name + "-from-graph")
    base_wall, base_cpu, base_peak, _ = child(sys.executable, __file__, "--write-from-graph", str(store_path), str(from_graph))
    wall, cpu, peak, message = polgraph_cli("export", "--store", str(store_path), "--format", "neo4j-import",
                                            "-o", str(folder))
    files = sorted(folder.iterdir())
    lines = {f.name: sum(1 for _ in f.open("rb")) - 1 for f in files}  # a multi-line field counts more
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    same = sorted(p.name for p in from_graph.iterdir()) == [f.name for f in files] and all(
        _same_bytes(f, from_graph / f.name) for f in files)
    relations = counts["relations"]
    print(f"{'export --format neo4j-import':30} {'relations':>10} {'CPU s':>7} {'wall s':>7} {'relations/s (CPU)':>18} "
          f"{'peak MB':>8} {'CSV MB':>7} {'bytes/relation':>15}")
    for name, (c, w, p) in (("from the whole graph (baseline)", (base_cpu, base_wall, base_peak)),
                            ("streamed (polgraph export)", (cpu, wall, peak))):
        print(f"{name:30} {relations:>10,} {c:7.1f} {w:7.1f} {relations / c:18,.0f} {p:8.0f} {size_mb:7.0f} "
              f"{size_mb * 1e6 / relations:15.0f}")
    print(f"streamed / baseline: CPU {cpu / base_cpu:.2f}x, peak memory {peak / base_peak:.2f}x; "
          f"same bytes: {'yes' if same else 'NO'}")
    for name, count in lines.items():
        print(f"  {name}: {count:,} lines")
    print(message.strip().splitlines()[-1].replace(str(folder) + "/", "DIR/"))
    if not same:
        raise SystemExit("the streamed export and the one from the whole graph differ")


def _same_bytes(one: Path, other: Path) -> bool:
    with one.open("rb") as a, other.open("rb") as b:
        while True:
            x, y = a.read(1 << 20), b.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def write_from_graph(store_path: Path, folder: Path) -> None:
    """The baseline export: the store's whole NetworkX graph, then its files."""
    from polgraph.graph.readwrite import write_neo4j_import
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    with SQLiteStore(store_path) as store:
        graph = store.to_networkx()
    write_neo4j_import(graph, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 10k actors, 100k relations")
    parser.add_argument("--baseline", type=int, default=2000, help="relations written one statement each")
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI"), help="Bolt URI (default NEO4J_URI, else FalkorDB)")
    parser.add_argument("--store-size", type=int, default=0,
                        help="also push an embedded store of this many relations, and export it for neo4j-admin")
    parser.add_argument("--push-max", type=int, default=100_000,
                        help="push the store only up to this size (FalkorDB takes it at a few hundred relations/s)")
    parser.add_argument("--export-only", action="store_true", help="only build the store and export it (no Bolt server)")
    parser.add_argument("--write-from-graph", nargs=2, type=Path, metavar=("STORE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_from_graph:  # the baseline export, in its own process (timed_export)
        write_from_graph(*args.write_from_graph)
        return
    if args.export_only and not args.store_size:
        parser.error("--export-only needs --store-size")
    work = Path(tempfile.mkdtemp(prefix="polgraph-bench-"))
    counts = synthetic_store(args.store_size, work / "graph.db") if args.store_size else {}
    if args.export_only:
        try:
            print(f"embedded store: {counts}")
            timed_export(work / "graph.db", work / "import", counts)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return

    server = None
    uri = args.uri
    if not uri:
        from tests.conftest_bolt import start_falkordb, stop_server

        (work / "falkordb").mkdir()
        server = start_falkordb(work / "falkordb")
        uri = server.uri
    try:
        store = Neo4jStore(uri, auth=None) if server else Neo4jStore(uri, database=os.environ.get("NEO4J_DATABASE"))
        try:
            actors, relations = int(10_000 * args.scale), int(100_000 * args.scale)
            people, graphs = synthetic(actors, relations)
            print(f"server: {store.server.describe()} at {store.location}")
            store.init_schema()  # the id indexes every MERGE looks up (polgraph init)
            print(f"graph: {actors} actors, {relations} relations in {len(graphs)} articles (--scale {args.scale})")

            default_batch = store.batch_size
            written, seconds = timed_load(store, people, graphs, progress=relations // 10 if relations >= 100_000 else 0,
                                          server_pid=server.process.pid if server else None)
            batched = written / seconds
            print(f"batched (batch size {default_batch}): {written} relations in {seconds:.1f} s = {batched:,.0f} relations/s")

            _, few = synthetic(actors, min(args.baseline, relations), per_article=args.baseline)
            store.batch_size = 1
            written_one, seconds_one = timed_load(store, people, few)
            single = written_one / seconds_one
            print(f"one statement per relation: {written_one} relations in {seconds_one:.1f} s = {single:,.0f} relations/s")
            print(f"ratio batched / one per relation: {batched / single:.1f}x")
            store.delete_all()
            if counts:
                print()
                print(f"embedded store: {counts}")
                if args.store_size <= args.push_max:
                    timed_push(store, work / "graph.db", counts)
                else:
                    print(f"polgraph push: not run above --push-max {args.push_max:,} relations")
        finally:
            store.close()
        if counts:
            print()
            timed_export(work / "graph.db", work / "import", counts)
    finally:
        if server is not None:
            stop_server(server.process)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
