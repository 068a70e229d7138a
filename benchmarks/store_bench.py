"""The embedded store at 10k, 100k, 1M (and 10M) event relations: the SQLite store against the JSON
store it replaces and against a DuckDB prototype, on the same synthetic graph (benchmarks/synthetic.py).

    .venv/bin/python benchmarks/store_bench.py                          # 10k, 100k, 1M; 10M load
    .venv/bin/python benchmarks/store_bench.py --sizes 10000 --load-size 0   # a quick run

For each size, every step runs in a fresh child process, measured by ``os.wait4``: CPU seconds
(user + system) and peak memory (max RSS) of that process alone, start-up and imports included.
The commands are the real CLI (``polgraph actors``, ``polgraph relations --actor X --since D``,
a one-hop ``polgraph query`` from X by name (SQLite only), the JSON store's own CLI); "export of a
part" writes the JSON of the graph around X since D; "add 1,000 relations" opens the big store and writes one batch of 1,000 new relations.
Loads go through ``Store.write`` in batches of 50,000 relations, as ``polgraph load --format gdelt``
writes them (inside ``Store.bulk`` for SQLite); their
rate is relations per second of the time spent in ``write`` (CPU and wall), the generator's time
left out. Wall times on a shared machine run 1-3x the CPU times; compare CPU, and ratios taken in
the same run.

- json: polgraph at commit BASELINE (main's last commit with the JSON store), checked out by ``git archive``
  into the work folder and run from there; only up to --json-max relations (it rewrites the whole
  file on every write and parses all of it on every command).
- duckdb: a prototype with the same tables, written with DuckDB's columnar inserts (no constraint
  or index; a new id is found by an anti-join; no merge of what is stored), up to --duckdb-max.
  It has no CLI: its "commands" are the same library calls, their rows printed (``pip install
  -e '.[bench]'``; skipped when DuckDB is not installed).
- 10M (--load-size): a coded-event store (a month of GDELT's shape), loaded with the bulk path,
  then the same commands.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE = "f3327ee"  # main's last commit with the JSON store
SINCE = "2023-01-01"  # the last of the five years
ACTOR_RANK = 10  # the relations of the 11th most active actor
BATCH = 50_000  # relations a write: loaders.gdelt.DEFAULT_BATCH_SIZE, what `polgraph load --format gdelt` writes at once
ONE_HOP = "MATCH (a:Actor {name: $name})-[r]->(b) RETURN type(r) AS type, b.name AS target"


# -- the DuckDB prototype ------------------------------------------------------------------------
class DuckDBPrototype:
    """The store's tables in DuckDB, written column-wise; enough to time the same operations."""

    EVENT = ("id", "source", "target", "type", "date", "cameo", "plover", "article", "sentence", "evidence",
             "confidence", "goldstein", "quad_class", "attribution", "reported_by", "url", "num_mentions",
             "num_sources", "num_articles", "avg_tone")

    def __init__(self, path: Path) -> None:
        import duckdb

        self.con = duckdb.connect(str(path))
        self.con.execute("""
            CREATE TABLE IF NOT EXISTS actor (id VARCHAR, name VARCHAR, kind VARCHAR, aliases VARCHAR, country VARCHAR, sector VARCHAR);
            CREATE TABLE IF NOT EXISTS article (id VARCHAR, title VARCHAR, published VARCHAR, source VARCHAR, url VARCHAR, text VARCHAR);
            CREATE TABLE IF NOT EXISTS mention (actor VARCHAR, article VARCHAR, count INTEGER);
            CREATE TABLE IF NOT EXISTS event (id VARCHAR, source VARCHAR, target VARCHAR, type VARCHAR, date VARCHAR,
                cameo VARCHAR, plover VARCHAR, article VARCHAR, sentence INTEGER, evidence VARCHAR, confidence DOUBLE,
                goldstein DOUBLE, quad_class INTEGER, attribution VARCHAR, reported_by VARCHAR, url VARCHAR,
                num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE);
        """)

    def write(self, graphs: list[Any]) -> None:
        import numpy as np

        actors = {a.id: a for g in graphs for a in g.actors}
        events = {r.id: r for g in graphs for r in g.relations}
        articles = {g.article.id: g.article for g in graphs if g.article is not None}
        mentions = [m for g in graphs for m in g.mentions]

        # ``batch`` (and ``ids``, ``cited`` below) are read by name by DuckDB's replacement scans.
        def columns(rows: list[tuple[Any, ...]], names: tuple[str, ...]) -> dict[str, Any]:
            return {n: np.array([row[i] for row in rows], dtype=object) for i, n in enumerate(names)}

        self.con.execute("BEGIN")
        batch = columns([(a.id, a.name, a.kind, json.dumps(sorted(a.aliases)), a.country, a.sector) for a in actors.values()],
                        ("id", "name", "kind", "aliases", "country", "sector"))
        self.con.execute("INSERT INTO actor SELECT * FROM batch WHERE id NOT IN (SELECT id FROM actor)")
        if articles:
            batch = columns([(a.id, a.title, a.published.isoformat() if a.published else None, a.source, a.url, a.text)
                             for a in articles.values()], ("id", "title", "published", "source", "url", "text"))
            self.con.execute("INSERT INTO article SELECT * FROM batch WHERE id NOT IN (SELECT id FROM article)")
        if mentions:
            batch = columns([(m.actor, m.article, m.count) for m in mentions], ("actor", "article", "count"))  # noqa: F841
            self.con.execute("INSERT INTO mention SELECT * FROM batch")
        rows = [(i, r.source, r.target, r.type, r.date.isoformat() if r.date else None, r.cameo, r.plover, r.article,
                 r.sentence, r.evidence, r.confidence, r.goldstein, r.quad_class, r.attribution, r.reported_by, r.url,
                 r.num_mentions, r.num_sources, r.num_articles, r.avg_tone) for i, r in events.items()]
        batch = columns(rows, self.EVENT)  # noqa: F841
        self.con.execute("INSERT INTO event SELECT * FROM batch WHERE id NOT IN (SELECT id FROM event)")
        self.con.execute("COMMIT")

    def actors(self) -> list[Any]:
        from polgraph.graph.model import Actor

        rows = self.con.execute("SELECT id, name, kind, aliases, country, sector FROM actor ORDER BY id").fetchall()
        return [Actor(r[0], r[1], r[2], tuple(json.loads(r[3])), country=r[4], sector=r[5]) for r in rows]

    def relations(self, actor: str, since: str) -> list[Any]:
        sql = (f"SELECT {', '.join(self.EVENT)} FROM event WHERE (source = ? OR target = ?) AND date >= ? "
               "ORDER BY date, article, sentence, source, type, target")
        return self.con.execute(sql, [actor, actor, since]).fetchall()

    def part(self, actor: str, since: str) -> tuple[list[Any], list[Any], list[Any]]:
        import numpy as np

        events = self.relations(actor, since)
        ids = np.array(sorted({e[1] for e in events} | {e[2] for e in events}), dtype=object)  # noqa: F841
        cited = np.array(sorted({e[7] for e in events}), dtype=object)  # noqa: F841
        nodes = self.con.execute("SELECT * FROM actor WHERE id IN (SELECT * FROM ids)").fetchall()
        arts = self.con.execute("SELECT * FROM article WHERE id IN (SELECT * FROM cited)").fetchall()
        return events, nodes, arts


# -- child processes ---------------------------------------------------------------------------
def child(args: argparse.Namespace) -> None:
    """One step, in its own process (the parent measures it)."""
    sys.path.insert(0, str(HERE))
    from synthetic import SyntheticGraph

    path = Path(args.store)
    actor = SyntheticGraph.rank_id(ACTOR_RANK)
    if args.step == "load":
        graph = SyntheticGraph(args.size, batch_relations=BATCH, coded_share=args.coded_share)
        spent = [0.0, 0.0]
        store, context = _open_for_load(args.engine, path)
        with context:
            for batch in graph.batches():
                wall, cpu = time.perf_counter(), time.process_time()
                store.write(batch)
                spent[0] += time.perf_counter() - wall
                spent[1] += time.process_time() - cpu
            wall, cpu = time.perf_counter(), time.process_time()
        spent[0] += time.perf_counter() - wall  # the bulk load's index build, at the context's end
        spent[1] += time.process_time() - cpu
        print(json.dumps({"write_wall": spent[0], "write_cpu": spent[1]}))
        return
    if args.step == "add":
        more = next(SyntheticGraph(1_000, seed=99, batch_relations=1_000, coded_share=args.coded_share).batches(start=10**7))
        if args.engine == "sqlite":
            from polgraph.graph.stores.sqlite_store import SQLiteStore

            with SQLiteStore(path) as store:
                store.write(more)
        elif args.engine == "json":
            from polgraph.graph.stores.networkx_store import NetworkXStore

            NetworkXStore(path).write(more)
        else:
            DuckDBPrototype(path).write(more)
        return
    if args.step == "part":
        since = date.fromisoformat(SINCE)
        if args.engine == "sqlite":
            from polgraph.graph.readwrite import write_json
            from polgraph.graph.store import RelationFilter
            from polgraph.graph.stores.sqlite_store import SQLiteStore

            with SQLiteStore(path) as store, open(os.devnull, "wb") as out:
                write_json(store.to_networkx(RelationFilter(actor=actor, since=since)), out)
        elif args.engine == "json":
            from polgraph.graph.readwrite import write_json
            from polgraph.graph.stores.networkx_store import NetworkXStore

            with open(os.devnull, "wb") as out:
                write_json(_json_part(NetworkXStore(path).to_networkx(), actor, SINCE), out)
        else:
            events, nodes, arts = DuckDBPrototype(path).part(actor, SINCE)
            with open(os.devnull, "w") as out:
                json.dump({"events": events, "nodes": nodes, "articles": arts}, out, default=str)
        return
    if args.step == "rows":  # every event row, streamed in the order analytics read them
        if args.engine == "duckdb":
            rows = DuckDBPrototype(path).con.execute(
                "SELECT source, target, type, date, goldstein, quad_class, confidence, attribution FROM event "
                "ORDER BY source, target, type, date, article, sentence").fetchall()
            count = len(rows)
        else:
            if args.engine == "sqlite":
                from polgraph.graph.stores.sqlite_store import SQLiteStore as Opened
            else:
                from polgraph.graph.stores.networkx_store import NetworkXStore as Opened
            with Opened(path) as store:
                count = sum(1 for _ in store.event_rows())
        print(count)
        return
    if args.step in ("actors", "relations"):  # the library calls behind the commands (DuckDB has no CLI)
        store = DuckDBPrototype(path)
        found = store.actors() if args.step == "actors" else store.relations(actor, SINCE)
        with open(os.devnull, "w") as out:
            for item in found:
                print(item, file=out)
        return
    raise SystemExit(f"unknown step {args.step}")


def _open_for_load(engine: str, path: Path) -> tuple[Any, Any]:
    from contextlib import nullcontext

    if engine == "sqlite":
        from polgraph.graph.stores.sqlite_store import SQLiteStore

        store = SQLiteStore(path, create=True)
        return store, store.bulk()
    if engine == "json":
        from polgraph.graph.stores.networkx_store import NetworkXStore

        return NetworkXStore(path), nullcontext()
    return DuckDBPrototype(path), nullcontext()


def _json_part(graph: Any, actor: str, since: str) -> Any:
    """The part around ``actor`` since ``since``, cut from a whole NetworkX graph (what the JSON store had to do)."""
    import networkx as nx

    part = nx.MultiDiGraph()
    edges = [*graph.out_edges(actor, keys=True, data=True), *graph.in_edges(actor, keys=True, data=True)]
    for u, v, key, data in edges:
        if data.get("date") and data["date"] >= since and data.get("_type") not in ("HOLDS_ROLE", "MEMBER_OF", "MENTIONED_IN"):
            for node in (u, v, data.get("article")):
                if node in graph:
                    part.add_node(node, **graph.nodes[node])
            part.add_edge(u, v, key=key, **data)
    return part


# -- the parent ---------------------------------------------------------------------------------
@dataclass
class Measure:
    cpu: float
    wall: float
    rss_mb: float
    out: str = ""

    def cell(self) -> str:
        return f"{self.cpu:6.2f} s {self.rss_mb:6.0f} MB"


def run(command: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float | None = None) -> Measure:
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        err = process.stderr.read().decode(errors="replace") if process.stderr else ""
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command[:6])}... failed ({process.returncode}): {err.strip()[-500:]}")
        out.seek(0)
        text = out.read(20_000).decode(errors="replace")
    return Measure(usage.ru_utime + usage.ru_stime, time.perf_counter() - started, usage.ru_maxrss / 1024, text)


class Engines:
    """How to run each engine's steps and commands."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.python = sys.executable
        self.old = self._checkout_baseline()

    def _checkout_baseline(self) -> Path:
        """polgraph at BASELINE, importable as ``polgraph`` (the package maps folders like pyproject's package-dir)."""
        src, shim = self.work / "baseline" / "src", self.work / "baseline" / "shim"
        if not shim.exists():
            src.mkdir(parents=True)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE], capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
            shutil.copytree(src / "polgraph", shim / "polgraph")
            for folder in ("graph", "loaders", "cypher", "seeds"):
                (shim / "polgraph" / folder).symlink_to(src / folder)
        return shim

    def env(self, engine: str) -> dict[str, str]:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        if engine == "json":
            env["PYTHONPATH"] = str(self.old)
        return env

    def step(self, engine: str, step: str, store: Path, size: int, coded_share: float) -> Measure:
        command = [self.python, str(Path(__file__).resolve()), "--child", step, "--engine", engine, "--store", str(store),
                   "--size", str(size), "--coded-share", str(coded_share)]
        return run(command, env=self.env(engine), cwd=self.work)

    def cli(self, engine: str, *args: str) -> Measure:
        command = [self.python, "-c", "from polgraph.cli.app import main; main()", *args]
        return run(command, env=self.env(engine), cwd=self.work)


def measure_size(engines: Engines, size: int, *, coded_share: float, with_json: bool, with_duckdb: bool,
                 skip: frozenset[str] = frozenset()) -> dict[str, dict[str, Any]]:
    sys.path.insert(0, str(HERE))
    from synthetic import SyntheticGraph

    actor = SyntheticGraph.rank_id(ACTOR_RANK)
    results: dict[str, dict[str, Any]] = {}
    stores = {"sqlite": engines.work / f"s{size}.db", "json": engines.work / f"s{size}.json", "duckdb": engines.work / f"s{size}.duckdb"}
    chosen = ["sqlite"] + (["json"] if with_json else []) + (["duckdb"] if with_duckdb else [])
    for engine in chosen:
        for suffix in ("", ".wal", "-wal", "-shm", ".lock"):
            Path(str(stores[engine]) + suffix).unlink(missing_ok=True)
        row: dict[str, Any] = {}

        def keep(step: str, m: Callable[[], Measure]) -> None:  # printed as measured: a long run stopped early keeps them
            if step in skip:
                return
            row[step] = m = m()
            print(f"  {engine} {size:,} {step}: {m.cell()} ({m.wall:.1f} s wall)", file=sys.stderr, flush=True)

        load = engines.step(engine, "load", stores[engine], size, coded_share)
        spent = json.loads(load.out.strip().splitlines()[-1])
        row["load"] = (size / spent["write_cpu"], size / spent["write_wall"], load.rss_mb)
        row["file_mb"] = stores[engine].stat().st_size / 1e6
        print(f"  {engine} {size:,} load: {row['load'][0]:,.0f} relations/s CPU, {row['load'][1]:,.0f} wall, "
              f"{row['load'][2]:.0f} MB; file {row['file_mb']:.0f} MB", file=sys.stderr, flush=True)
        if engine == "duckdb":
            keep("actors", lambda: engines.step(engine, "actors", stores[engine], size, coded_share))
            keep("relations", lambda: engines.step(engine, "relations", stores[engine], size, coded_share))
        else:
            keep("actors", lambda: engines.cli(engine, "actors", "--store", str(stores[engine])))
            keep("relations", lambda: engines.cli(engine, "relations", "--actor", actor, "--since", SINCE, "--store", str(stores[engine])))
        if engine == "sqlite":
            # "State 10": the name of rank_id(ACTOR_RANK)
            keep("query", lambda: engines.cli(engine, "query", ONE_HOP, "-p", f"name=State {ACTOR_RANK}", "--store", str(stores[engine])))
        keep("part", lambda: engines.step(engine, "part", stores[engine], size, coded_share))
        keep("rows", lambda: engines.step(engine, "rows", stores[engine], size, coded_share))
        if engine == "sqlite":
            keep("centrality", lambda: engines.cli(engine, "centrality", "--top", "20", "--store", str(stores[engine])))
        keep("add", lambda: engines.step(engine, "add", stores[engine], size, coded_share))
        results[engine] = row
        print(f"  measured {engine} at {size:,}", file=sys.stderr, flush=True)
    return results


def print_table(size: int, results: dict[str, dict[str, Any]], coded_share: float) -> None:
    sys.path.insert(0, str(HERE))
    from synthetic import MAX_ACTORS, SyntheticGraph

    actors = max(200, min(int(size * 0.15), MAX_ACTORS))
    articles = int(size * (1 - coded_share)) // 10
    print(f"\n## {size:,} event relations (about {actors:,} actors generated, {articles:,} articles, "
          f"{articles * 12:,} mentions; {coded_share:.0%} coded events); X = {SyntheticGraph.rank_id(ACTOR_RANK)}, D = {SINCE}")
    engines = list(results)
    head = ["step", *(f"{e} CPU s / peak MB" for e in engines), *(f"{e}/sqlite CPU, mem" for e in engines if e != "sqlite")]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    labels = {"actors": "`polgraph actors`", "relations": f"`polgraph relations --actor X --since {SINCE}`",
              "query": "one-hop `polgraph query` (X's out-edges)", "part": "export of a part (X since D)",
              "rows": "every event row, streamed (`event_rows`)",
              "centrality": "`polgraph centrality --top 20`", "add": "add 1,000 relations"}
    for step, label in labels.items():
        if step not in results["sqlite"]:  # skipped (--skip)
            continue
        cells = [results[e][step].cell() if step in results[e] else "" for e in engines]
        base = results["sqlite"][step]
        ratios = [f"{results[e][step].cpu / base.cpu:.1f}x, {results[e][step].rss_mb / base.rss_mb:.1f}x" if step in results[e] else ""
                  for e in engines if e != "sqlite"]
        print(f"| {label} | " + " | ".join(cells + ratios) + " |")
    loads = [f"{results[e]['load'][0]:,.0f} /s CPU ({results[e]['load'][1]:,.0f} wall), {results[e]['load'][2]:.0f} MB" for e in engines]
    ratios = [f"sqlite loads {results['sqlite']['load'][0] / results[e]['load'][0]:.1f}x as fast" for e in engines if e != "sqlite"]
    print("| load, relations/s | " + " | ".join(loads + ratios) + " |")
    print("| file size | " + " | ".join(f"{results[e]['file_mb']:.0f} MB" for e in engines) + " |" + " |" * len(ratios))


# -- many tiny articles (issue 14 item 5) -------------------------------------------------------
_STATES = ["Russia", "Ukraine", "Belarus", "Poland", "Germany", "France", "China", "Japan", "Iran", "Turkey", "Brazil",
           "India", "Egypt", "Israel", "Syria", "Kenya", "Nigeria", "Mexico", "Canada", "Spain", "Italy", "Greece"]


def tiny_records(path: Path, count: int) -> None:
    """``count`` JSON Lines records of one sentence each, all different."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = _STATES[i % len(_STATES)], _STATES[(i * 7 + 3) % len(_STATES)]
            day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
            out.write(json.dumps({"date": day, "title": f"n{i}", "text": f"{a} criticised {b} over the incident number {i}."}) + "\n")


def measure_tiny(engines: Engines, count: int, old_count: int) -> None:
    """``polgraph load`` of tiny records: the SQLite store against the JSON store (which rewrites
    the whole file for every batch of 32 articles), articles per second of the whole command."""
    print("\n## Loading tiny JSON Lines records (one sentence each), `polgraph load` in batches of 32 articles")
    print("| store | records | CPU s | wall s | articles/s (CPU) | articles/s (wall) | peak MB |")
    print("|---|---|---|---|---|---|---|")
    for engine, n in (("sqlite", count), ("json", old_count)):
        if not n:
            continue
        records = engines.work / f"tiny-{n}.jsonl"
        tiny_records(records, n)
        store = engines.work / ("tiny.db" if engine == "sqlite" else "tiny.json")
        store.unlink(missing_ok=True)
        m = engines.cli(engine, "load", "--store", str(store), str(records))
        print(f"| {engine} | {n:,} | {m.cpu:.0f} | {m.wall:.0f} | {n / m.cpu:,.0f} | {n / m.wall:,.0f} | {m.rss_mb:.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event relations per store, comma-separated")
    parser.add_argument("--load-size", type=int, default=10_000_000, help="the coded-event store (0: none)")
    parser.add_argument("--json-max", type=int, default=100_000, help="largest size for the JSON store")
    parser.add_argument("--duckdb-max", type=int, default=1_000_000, help="largest size for the DuckDB prototype")
    parser.add_argument("--workdir", type=Path, help="where the stores go (default: a temporary folder, removed)")
    parser.add_argument("--skip", default="", help="steps not to run, comma-separated (e.g. centrality,rows)")
    parser.add_argument("--tiny-records", type=int, default=0, help="also time `polgraph load` of this many one-sentence records")
    parser.add_argument("--tiny-json-max", type=int, default=10_000, help="... and of this many into the JSON store")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--coded-share", type=float, default=0.5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.step = args.child
        child(args)
        return
    try:
        import duckdb
    except ImportError:
        duckdb = None
    work = args.workdir or Path(tempfile.mkdtemp(prefix="polgraph-store-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# Embedded store benchmark ({time.strftime('%Y-%m-%d')})\n")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite "
          f"{__import__('sqlite3').sqlite_version}, DuckDB {duckdb.__version__ if duckdb else '(not installed)'}; "
          f"baseline: polgraph {BASELINE} (JSON store); load average {os.getloadavg()[0]:.1f}")
    try:
        engines = Engines(work)
        skip = frozenset(step for step in args.skip.split(",") if step)
        for size in [int(s) for s in args.sizes.split(",") if s]:
            results = measure_size(engines, size, coded_share=0.5, with_json=size <= args.json_max,
                                   with_duckdb=duckdb is not None and size <= args.duckdb_max, skip=skip)
            print_table(size, results, 0.5)
        if args.load_size:
            results = measure_size(engines, args.load_size, coded_share=1.0, with_json=False, with_duckdb=False, skip=skip)
            print_table(args.load_size, results, 1.0)
        if args.tiny_records:
            measure_tiny(engines, args.tiny_records, min(args.tiny_json_max, args.tiny_records))
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
