"""Cypher on the embedded store at 100k and 1M event relations: each library query and a
one-hop query with a named start, answered on the whole graph (the store's graph built first, as
polgraph 0.1 did for every query) and on the part the query can reach (``SQLiteStore.run_cypher``:
named start by index, then hop by hop in SQL; with no named start, only the node and edge tables
its labels and relationship types can touch, marked "(tables)"), in the same run.

    .venv/bin/python benchmarks/cypher_bench.py                       # 100k and 1M relations
    .venv/bin/python benchmarks/cypher_bench.py --sizes 10000         # a quick run
    .venv/bin/python benchmarks/cypher_bench.py --only dyads most_mentioned   # some queries
    .venv/bin/python benchmarks/cypher_bench.py --builds              # whole graph against each query's tables
    .venv/bin/python benchmarks/cypher_bench.py --in-memory [--scale 1.0]   # engine vs hand-written networkx

Stores are written once from benchmarks/synthetic.py (seeded) into ``--work`` and reused. Each
part-path query runs in a fresh child process: its wall and CPU seconds from opening the store
to the result, and the process's peak memory (VmHWM, the interpreter and imports included). The whole-graph path
runs in one child per size: the graph is built once (timed, its peak kept), then each query runs
on it with the peak reset before (``/proc/self/clear_refs``); its time is the build's plus the
query's, its peak the larger of the two. Both paths' answers are compared (same rows, same order).
Then a second engine: the two-hop paths into the busiest actor counted by the Cypher engine and
by a plain SQL join over the store's tables; they must agree.

``--in-memory``: the older table, polgraph's engine against the same questions answered by
hand-written networkx code on an in-memory graph (scale 1.0: 100k actors and 1M relations).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx

from polgraph.cypher import run_graph
from polgraph.cypher.index import index_for
from polgraph.cypher.library import library, load_query
from polgraph.exceptions import QueryError

KINDS = [("person", 70), ("organization", 15), ("group", 10), ("state", 4), ("bloc", 1)]
EVENT_TYPES = ["ACCUSE", "MEET", "SUPPORT", "THREATEN", "SANCTION", "NEGOTIATE", "CRITICIZE", "PRAISE",
               "REJECT", "DEMAND", "VISIT", "AID"]
STRUCTURAL = ("MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF")


# -- the synthetic graph ------------------------------------------------------------------------
def build(scale: float, seed: int) -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    rng = random.Random(seed)
    n_actors = max(200, int(100_000 * scale))
    n_rel = max(2_000, int(1_000_000 * scale))
    n_articles = max(100, int(50_000 * scale))
    g = nx.MultiDiGraph()
    kinds = [k for k, w in KINDS for _ in range(w)]
    ids = [f"actor-{i}" for i in range(n_actors)]
    for i, aid in enumerate(ids):
        g.add_node(aid, _labels=["Actor"], id=aid, name=f"Actor {i}", kind=rng.choice(kinds),
                   aliases=[f"alias {i}", f"role phrase {i % 5000}"], country=None)
    # Zipf-like popularity: rank r gets weight 1 / (r + 5) ** 1.1 (a shuffled rank per actor)
    ranks = list(range(n_actors))
    rng.shuffle(ranks)
    weights = [1.0 / (r + 5) ** 1.1 for r in ranks]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    sources = rng.choices(ids, cum_weights=cum, k=n_rel)
    targets = rng.choices(ids, cum_weights=cum, k=n_rel)
    start = date(2014, 1, 1)
    days = [(start + timedelta(days=d)).isoformat() for d in range(4000)]
    for i, (s, t) in enumerate(zip(sources, targets)):
        if s == t:
            t = ids[(ids.index(t) + 1) % n_actors] if n_actors < 1000 else ids[rng.randrange(n_actors)]
        g.add_edge(s, t, key=f"r{i}", _type=rng.choice(EVENT_TYPES), id=f"r{i}", date=rng.choice(days),
                   article=f"art-{rng.randrange(n_articles)}", sentence=rng.randint(1, 40),
                   evidence=f"sentence {i}", cameo="", plover="", confidence=round(rng.random(), 2))
    for j in range(n_articles):
        art = f"art-{j}"
        g.add_node(art, _labels=["Article"], id=art, title=f"Article {j}", published=rng.choice(days), source="bench",
                   url="", text="")
        for aid in set(rng.choices(ids, cum_weights=cum, k=6)):
            key = f"mention:{aid}|{art}"
            g.add_edge(aid, art, key=key, _type="MENTIONED_IN", id=key, count=rng.randint(1, 5))
    for i in rng.sample(range(n_actors), max(50, n_actors // 20)):
        office = ids[rng.randrange(n_actors)]
        key = f"role:{i}"
        g.add_edge(ids[i], office, key=key, _type="HOLDS_ROLE", id=key, title="President",
                   start=rng.choice(days), end=None)
    for i in rng.sample(range(n_actors), max(50, n_actors // 10)):
        group = ids[rng.randrange(n_actors)]
        key = f"member:{i}"
        g.add_edge(ids[i], group, key=key, _type="MEMBER_OF", id=key)
    # parameters: a hub, two mid-degree actors with a short route between them, a role phrase
    by_degree = sorted(ids, key=lambda a: g.degree(a), reverse=True)
    hub = by_degree[0]
    mid = by_degree[len(by_degree) // 20]
    neighbour = next(iter(n for n in nx.all_neighbors(g, mid) if n.startswith("actor-") and n != mid))
    second = next(iter(n for n in nx.all_neighbors(g, neighbour) if n.startswith("actor-") and n not in (mid, neighbour)))
    params = {
        "hub": g.nodes[hub]["name"], "mid": g.nodes[mid]["name"], "far": g.nodes[second]["name"],
        "phrase": "role phrase 42",
    }
    return g, params


# -- hand-written networkx answers --------------------------------------------------------------
class Baseline:
    """The library's questions as a careful script would answer them with networkx alone. The
    name -> id dict is built once, outside the timings (the script's best case)."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.by_name = {d["name"]: n for n, d in g.nodes(data=True) if "Actor" in d["_labels"]}

    def who_acts_on_whom(self, types: list[str], since: str, until: str, limit: int) -> list[Any]:
        g = self.g
        counts: Counter[tuple[str, str, str]] = Counter()
        first: dict[tuple[str, str, str], str] = {}
        last: dict[tuple[str, str, str], str] = {}
        for u, v, d in g.edges(data=True):
            t = d["_type"]
            if t in STRUCTURAL or (types and t not in types):
                continue
            day = d.get("date")
            if day is None or day < since or day > until:
                continue
            key = (g.nodes[u]["name"], t, g.nodes[v].get("name"))
            counts[key] += 1
            first[key] = min(first.get(key, day), day)
            last[key] = max(last.get(key, day), day)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [[*k, n, first[k], last[k]] for k, n in ranked]

    def actor_timeline(self, name: str) -> list[Any]:
        g = self.g
        a = self.by_name[name]
        out = []
        for _, v, d in g.out_edges(a, data=True):
            if d["_type"] not in STRUCTURAL:
                out.append((d.get("date"), "acts on", d["_type"], g.nodes[v].get("name"), d.get("evidence"),
                            d.get("article"), d.get("sentence")))
        for u, _, d in g.in_edges(a, data=True):
            if d["_type"] not in STRUCTURAL:
                out.append((d.get("date"), "acted on by", d["_type"], g.nodes[u].get("name"), d.get("evidence"),
                            d.get("article"), d.get("sentence")))
        out.sort(key=lambda r: (r[0] is None, r[0] or "", r[5] or "", r[6] or 0))
        return [list(r[:5]) for r in out]

    def relations_between(self, a: str, b: str) -> list[Any]:
        g = self.g
        x, y = self.by_name[a], self.by_name[b]
        out = []
        for s, t in ((x, y), (y, x)):
            for d in g.get_edge_data(s, t, default={}).values():
                if d["_type"] != "MENTIONED_IN":
                    out.append([g.nodes[s]["name"], d["_type"], g.nodes[t]["name"], d.get("date"), d.get("evidence"),
                                d.get("article"), d.get("sentence")])
        out.sort(key=lambda r: (r[3] or "", r[5] or "", r[6] or 0, r[1]))
        return out

    def paths_between(self, a: str, b: str, limit: int) -> list[Any]:
        """Every shortest route (at most 3 relations, either direction, no mentions): a BFS from
        one end recording all parents on shortest routes, then the routes spelt out."""
        g = self.g
        x, y = self.by_name[a], self.by_name[b]
        depth = {x: 0}
        parents: dict[Any, list[tuple[Any, str]]] = {x: []}
        frontier = [x]
        level = 0
        while frontier and y not in depth and level < 3:
            level += 1
            nxt = []
            for u in frontier:
                for adj, flip in ((g._adj, False), (g._pred, True)):
                    for w, keys in adj[u].items():
                        if flip and w == u:
                            continue
                        for d in keys.values():
                            if d["_type"] == "MENTIONED_IN":
                                continue
                            if w not in depth:
                                depth[w] = level
                                parents[w] = [(u, d["_type"])]
                                nxt.append(w)
                            elif depth[w] == level:
                                parents[w].append((u, d["_type"]))
            frontier = nxt
        if y not in depth:
            return []

        def routes(n: Any) -> list[tuple[list[Any], list[str]]]:
            if n == x:
                return [([x], [])]
            return [(ns + [n], ts + [t]) for p, t in parents[n] for ns, ts in routes(p)]

        found = [([g.nodes[n]["name"] for n in ns], ts, len(ts)) for ns, ts in routes(y)]
        found.sort(key=lambda r: (r[2], r[0], r[1]))
        return [list(r) for r in found[:limit]]

    def most_mentioned(self, limit: int) -> list[Any]:
        g = self.g
        total: Counter[str] = Counter()
        articles: Counter[str] = Counter()
        for u, _, d in g.edges(data=True):
            if d["_type"] == "MENTIONED_IN":
                total[u] += d.get("count", 0)
                articles[u] += 1
        ranked = sorted(total, key=lambda a: (-total[a], g.nodes[a]["name"]))[:limit]
        return [[g.nodes[a]["name"], g.nodes[a]["kind"], total[a], articles[a]] for a in ranked]

    def co_mentions(self, name: str, limit: int) -> list[Any]:
        g = self.g
        a = self.by_name[name]
        shared: dict[str, set[str]] = defaultdict(set)
        for _, art, d in g.out_edges(a, data=True):
            if d["_type"] != "MENTIONED_IN":
                continue
            for b, _, e in g.in_edges(art, data=True):
                if e["_type"] == "MENTIONED_IN" and b != a:
                    shared[b].add(art)
        ranked = sorted(shared, key=lambda b: (-len(shared[b]), g.nodes[b]["name"]))[:limit]
        return [[g.nodes[b]["name"], g.nodes[b]["kind"], len(shared[b])] for b in ranked]

    def actors_by_kind(self, kind: str) -> list[Any]:
        found = [[n, d["name"], d.get("country"), d.get("aliases")] for n, d in self.g.nodes(data=True)
                 if "Actor" in d["_labels"] and d.get("kind") == kind]
        return sorted(found, key=lambda r: r[1])

    def role_phrase(self, phrase: str) -> list[Any]:
        g = self.g
        low = phrase.lower()
        out = []
        for n, d in g.nodes(data=True):
            if "Actor" not in d["_labels"] or not any(al.lower() == low for al in d.get("aliases") or ()):
                continue
            roles = [(e.get("start"), e.get("title"), g.nodes[v].get("name"), e.get("end"))
                     for _, v, e in g.out_edges(n, data=True) if e["_type"] == "HOLDS_ROLE"]
            if not roles:
                out.append([d["name"], d["kind"], None, None, None, None])
            for start, title, of, end in roles:
                out.append([d["name"], d["kind"], title, of, start, end])
        out.sort(key=lambda r: (r[0], r[4] or "", r[2] or ""))
        return out

    def one_hop(self, name: str) -> list[Any]:
        g = self.g
        a = self.by_name[name]
        return [[d["_type"], g.nodes[v].get("name")] for _, v, d in g.out_edges(a, data=True)]


ONE_HOP = "MATCH (a:Actor {name: $name})-[r]->(b) RETURN type(r) AS type, b.name AS target"


def _median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    out = None
    for _ in range(repeat):
        gc.disable()
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
        gc.enable()
    return statistics.median(times), out


def in_memory(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    g, p = build(args.scale, args.seed)
    print(f"graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} relationships "
          f"(built in {time.perf_counter() - t0:.1f} s)")
    base = Baseline(g)

    t0 = time.perf_counter()
    index_for(g).nodes_with_property("Actor", "name", p["hub"])
    print(f"(Actor, name) index: built on first use in {(time.perf_counter() - t0) * 1000:.0f} ms")

    window = {"types": ["ACCUSE", "THREATEN"], "since": "2020-01-01", "until": "2020-12-31", "limit": 50}
    cases: list[tuple[str, str, dict[str, Any], Callable[[], Any]]] = [
        ("one-hop by name (hub)", ONE_HOP, {"name": p["hub"]}, lambda: base.one_hop(p["hub"])),
        ("one-hop by name (typical)", ONE_HOP, {"name": p["mid"]}, lambda: base.one_hop(p["mid"])),
        ("who_acts_on_whom", "who_acts_on_whom", window, lambda: base.who_acts_on_whom(**window)),
        ("actor_timeline", "actor_timeline", {"name": p["mid"]}, lambda: base.actor_timeline(p["mid"])),
        ("relations_between", "relations_between", {"a": p["hub"], "b": p["mid"]},
         lambda: base.relations_between(p["hub"], p["mid"])),
        ("paths_between", "paths_between", {"a": p["mid"], "b": p["far"], "limit": 20},
         lambda: base.paths_between(p["mid"], p["far"], 20)),
        ("most_mentioned", "most_mentioned", {"limit": 20}, lambda: base.most_mentioned(20)),
        ("co_mentions", "co_mentions", {"name": p["hub"], "limit": 20}, lambda: base.co_mentions(p["hub"], 20)),
        ("actors_by_kind", "actors_by_kind", {"kind": "bloc"}, lambda: base.actors_by_kind("bloc")),
        ("role_phrase", "role_phrase", {"phrase": p["phrase"]}, lambda: base.role_phrase(p["phrase"])),
    ]
    print(f"{'query':28} {'cypher ms':>10} {'networkx ms':>12} {'ratio':>7} {'rows':>6}")
    for label, name, params, baseline in cases:
        if name == ONE_HOP:
            text, full = ONE_HOP, params
        else:
            q = load_query(name)
            text, full = q.text, {**q.defaults, **params}
        run_graph(g, text, full)  # warm: builds any index the query uses
        repeat = args.repeat * (10 if label.startswith("one-hop") else 1)
        ours_ms, ours = _median_ms(lambda: run_graph(g, text, full), repeat)
        base_ms, theirs = _median_ms(baseline, repeat)
        same = "" if len(ours.rows) == len(theirs) else f"  (networkx: {len(theirs)} rows)"
        print(f"{label:28} {ours_ms:10.2f} {base_ms:12.2f} {ours_ms / max(base_ms, 1e-6):6.1f}x "
              f"{len(ours.rows):6}{same}")
    return 0


# -- the store: whole graph vs part ------------------------------------------------------------
HERE = Path(__file__).resolve().parent
STRUCTURAL_LIST = "['MENTIONED_IN', 'HOLDS_ROLE', 'MEMBER_OF']"
TWO_HOP_TYPE = "SANCTIONS"
TWO_HOP = (f"MATCH (a)-[r1:{TWO_HOP_TYPE}]->(b)-[r2:{TWO_HOP_TYPE}]->(c:Actor {{id: $id}}) RETURN count(*) AS paths")
# Per relationship r2 into the actor, the r1 into r2's source: the events of the type into each
# actor, counted once, joined to the r2; less r1 = r2 (a self-loop of the actor counted on itself).
TWO_HOP_SQL = ("SELECT coalesce(sum(d.n), 0) - (SELECT count(*) FROM event WHERE source = :id AND target = :id AND type = :type) "
               "FROM event r2 JOIN (SELECT target, count(*) AS n FROM event WHERE type = :type GROUP BY target) d "
               "ON d.target = r2.source WHERE r2.target = :id AND r2.type = :type")


@dataclass(frozen=True)
class Case:
    label: str
    text: str
    params: dict[str, Any]


def store_cases(busiest: str) -> list[Case]:
    """The library queries with actors of benchmarks/synthetic.py (rank 0 is the busiest actor:
    "State 0"; rank 10, "State 10", takes part in about 1% of the events; "Actor 1000" in a
    few dozen), a one-hop query from a typical actor and from the busiest, and the two-hop count."""
    params = {
        "actor_timeline": {"name": "Actor 1000"},
        "actors_by_kind": {"kind": "state"},
        "co_mentions": {"name": "State 10"},
        "relations_between": {"a": "State 10", "b": "State 20"},
        "paths_between": {"a": "Actor 1000", "b": "Actor 2000"},
    }
    cases = [Case(q.name, q.text, {**q.defaults, **params.get(q.name, {})}) for q in library()]
    cases.append(Case("one-hop (typical actor)", ONE_HOP, {"name": "Actor 1000"}))
    cases.append(Case("one-hop (busiest actor)", ONE_HOP, {"name": "State 0"}))
    cases.append(Case(f"two-hop {TWO_HOP_TYPE} into the busiest", TWO_HOP, {"id": busiest}))
    return cases


def store_path(work: Path, size: int) -> Path:
    """The store of ``size`` synthetic relations, written once (a marker file says it is complete)."""
    sys.path.insert(0, str(HERE))
    from synthetic import SyntheticGraph

    from polgraph.graph.stores.sqlite_store import SQLiteStore

    path = work / f"cypher-{size}.db"
    done = work / f"cypher-{size}.done"
    if done.exists():
        return path
    for old in work.glob(f"cypher-{size}.db*"):
        old.unlink()
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with SQLiteStore(path, create=True) as store, store.bulk():
        for batch in SyntheticGraph(size, batch_relations=20_000).batches():
            store.write(batch)
    done.write_text("ok\n")
    print(f"(wrote the {size:,}-relation store in {time.perf_counter() - t0:.0f} s)", flush=True)
    return path


def _peak_kb() -> int:
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))  # type: ignore[union-attr]


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def _digest(result: Any) -> str:
    from polgraph.cypher.values import render

    return hashlib.sha256(repr([[render(v) for v in row] for row in result.rows]).encode()).hexdigest()[:12]


def child(args: argparse.Namespace) -> None:
    """One measured step, in a process of its own; prints JSON."""
    from polgraph.cypher.api import run_graph
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    cases = [Case(**c) for c in json.loads(args.cases)]
    if args.child in ("sql", "tables"):
        (case,) = cases
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            with SQLiteStore(args.store) as store:
                if args.child == "sql":
                    result = store.pushdown(case.text, case.params)
                else:  # the engine on the node and edge tables the query touches, as run_cypher did before
                    from polgraph.cypher.api import query_scope

                    from polgraph.cypher.limits import QueryLimits

                    graph = store.scope_graph(query_scope(case.text, case.params))
                    limits = QueryLimits(timeout=None, max_memory_mb=None) if args.engine_unlimited else QueryLimits()
                    result = run_graph(graph, case.text, case.params, limits)
        except QueryError as exc:
            print(json.dumps({"error": str(exc), "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                              "peak_kb": _peak_kb()}))
            os._exit(0)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if result is None:
            print(json.dumps({"error": "not pushed down", "wall": wall, "cpu": cpu, "peak_kb": _peak_kb()}))
            os._exit(0)
        print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": _peak_kb(), "rows": len(result.rows), "digest": _digest(result)}),
              flush=True)
        os._exit(0)
    if args.child == "part":
        (case,) = cases
        with SQLiteStore(args.store) as store:
            pushed = store.pushdown_sql(case.text, case.params) is not None
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            with SQLiteStore(args.store) as store:
                result = store.run_cypher(case.text, case.params)
        except QueryError as exc:  # a limit (60 s by default), as `polgraph query` would stop
            print(json.dumps({"error": str(exc), "wall": time.perf_counter() - wall}))
            return
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": _peak_kb(), "rows": len(result.rows), "digest": _digest(result),
                          "first": [str(v) for v in result.rows[0]] if result.rows else None, "sql": pushed}))
        return
    wall, cpu = time.perf_counter(), time.process_time()
    with SQLiteStore(args.store) as store:
        graph = store.to_networkx()
    build = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "peak_kb": _peak_kb(),
             "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    out = []
    for case in cases:
        _reset_peak()
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = run_graph(graph, case.text, case.params)
        except QueryError as exc:
            out.append({"error": str(exc), "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                        "peak_kb": _peak_kb()})
            continue
        out.append({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "peak_kb": _peak_kb(),
                    "rows": len(result.rows), "digest": _digest(result)})
    print(json.dumps({"build": build, "queries": out}), flush=True)
    os._exit(0)  # freeing a graph of millions of objects at exit takes longer than building it


def _run_child(kind: str, store: Path, cases: list[Case], engine_unlimited: bool = False) -> dict[str, Any]:
    """The child's JSON. Peaks are the child's own VmHWM: its ru_maxrss would count the parent's
    memory at the fork."""
    cmd = [sys.executable, __file__, "--child", kind, "--store", str(store),
           "--cases", json.dumps([c.__dict__ for c in cases]), *(["--engine-unlimited"] if engine_unlimited else [])]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {kind} failed on {store} (status {done.returncode})")
    return json.loads(done.stdout)


def measure_store(work: Path, size: int, only: list[str] | None = None) -> None:
    from polgraph.cypher.api import query_reach, query_scope
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    path = store_path(work, size)
    with SQLiteStore(path) as store:
        counts = store.counts()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # the second engine: plain SQL on the store's tables
    try:
        busiest = conn.execute("SELECT target FROM event GROUP BY target ORDER BY count(*) DESC, target LIMIT 1").fetchone()[0]
        t0 = time.perf_counter()
        sql_paths = conn.execute(TWO_HOP_SQL, {"id": busiest, "type": TWO_HOP_TYPE}).fetchone()[0]
        sql_s = time.perf_counter() - t0
    finally:
        conn.close()
    cases = [c for c in store_cases(busiest) if not only or c.label in only]
    whole = _run_child("whole", path, cases)
    build = whole["build"]
    print(f"\n{size:,} relations: {counts['actors']:,} actors, {counts['articles']:,} articles, "
          f"{counts['relations']:,} event relations, {counts['mentions']:,} mentions; whole graph "
          f"{build['nodes']:,} nodes, {build['edges']:,} edges, built in {build['wall']:.1f} s "
          f"({build['cpu']:.1f} CPU s), peak {build['peak_kb'] / 1024:,.0f} MB")
    print(f"{'query':36} {'rows':>7} {'whole s':>8} {'CPU s':>6} {'part s':>7} {'CPU s':>6} {'speed-up':>8} "
          f"{'whole MB':>9} {'part MB':>8} {'memory':>7}  same answer")
    engine_paths = None
    for case, w in zip(cases, whole["queries"], strict=True):
        whole_s = build["wall"] + w["wall"]
        whole_cpu = build["cpu"] + w["cpu"]
        whole_mb = max(build["peak_kb"], w["peak_kb"]) / 1024
        rows = f"{w['rows']:7,}" if "rows" in w else f"{'':>7}"
        bounded = query_reach(case.text, case.params) is not None
        if not bounded and query_scope(case.text, case.params) is None:  # run_cypher takes the whole graph too
            outcome = f"stopped: {w['error']}" if "error" in w else "no named start: the whole graph"
            print(f"{case.label:36} {rows} {whole_s:8.2f} {whole_cpu:6.1f} {'':>7} {'':>6} {'':>8} {whole_mb:9,.0f} "
                  f"{'':>8} {'':>7}  ({outcome})")
            continue
        part = _run_child("part", path, [case])
        if "error" in w and "error" not in part:
            print(f"{case.label:36} {part['rows']:7,} {whole_s:8.2f} {whole_cpu:6.1f} {part['wall']:7.2f} {part['cpu']:6.2f} "
                  f"{'':>8} {whole_mb:9,.0f} {part['peak_kb'] / 1024:8,.0f} {'':>7}  whole stopped: {w['error']}"
                  f"{'' if bounded else ' (SQL)' if part.get('sql') else ' (tables)'}")
            continue
        if case.text == TWO_HOP:
            engine_paths = (int(part["first"][0]), part["wall"])
        if "error" in w or "error" in part:
            print(f"{case.label:36} whole: {w.get('error', 'answered')}; part: {part.get('error', 'answered')}")
            continue
        peak_kb = part["peak_kb"]
        same = "yes" if (part["rows"], part["digest"]) == (w["rows"], w["digest"]) else "NO"
        same += "" if bounded else " (SQL)" if part.get("sql") else " (tables)"
        print(f"{case.label:36} {part['rows']:7,} {whole_s:8.2f} {whole_cpu:6.1f} {part['wall']:7.2f} {part['cpu']:6.2f} "
              f"{whole_cpu / max(part['cpu'], 1e-3):7.0f}x {whole_mb:9,.0f} {peak_kb / 1024:8,.0f} {whole_mb / (peak_kb / 1024):6.1f}x  {same}")
    if engine_paths is None:
        return  # the two-hop count was not asked for
    agree = "agree" if engine_paths[0] == sql_paths else "DISAGREE"
    print(f"two-hop {TWO_HOP_TYPE} paths into the busiest actor ({busiest}): Cypher engine {engine_paths[0]:,} "
          f"({engine_paths[1]:.2f} s, part), SQL join {sql_paths:,} ({sql_s:.2f} s): {agree}")


def measure_pushdown(work: Path, size: int, only: list[str] | None = None, engine_unlimited: bool = False) -> None:
    """Each library query with no named start both ways, each in a fresh process: polgraph's engine
    on the node and edge tables the query touches (``scope_graph``, what ``run_cypher`` did before),
    and one SQL statement (``SQLiteStore.pushdown``, what it does now); same rows in the same order."""
    from polgraph.cypher.api import query_reach, query_scope
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    path = store_path(work, size)
    with SQLiteStore(path) as store:
        counts = store.counts()
    print(f"\n{size:,} relations ({counts['actors']:,} actors, {counts['mentions']:,} mentions): the engine on the "
          "query's tables against SQL, each from opening the store to the result")
    print(f"{'query':20} {'rows':>6} {'engine s':>9} {'CPU s':>7} {'MB':>6} {'SQL s':>7} {'CPU s':>7} {'MB':>5} "
          f"{'CPU ratio':>9}  same answer")
    names = {q.name for q in library()}
    for case in (c for c in store_cases("") if c.label in names):
        if (only and case.label not in only) or query_reach(case.text, case.params) is not None:
            continue
        if query_scope(case.text, case.params) is None:
            continue
        engine = _run_child("tables", path, [case], engine_unlimited)
        sql = _run_child("sql", path, [case])
        if "error" in sql:
            outcome = f"{engine['wall']:9.2f} {engine['cpu']:7.2f} {engine['peak_kb'] / 1024:6,.0f}" if "rows" in engine else "stopped"
            print(f"{case.label:20} {engine.get('rows', 0):6,} {outcome}  (not pushed down: the engine answers)", flush=True)
            continue
        if "error" in engine:
            at_least = f">{engine['cpu'] / sql['cpu']:.0f}x"  # the engine's CPU until it stopped
            print(f"{case.label:20} {sql['rows']:6,} {'stopped':>9} {engine['cpu']:7.2f} {engine['peak_kb'] / 1024:6,.0f} "
                  f"{sql['wall']:7.2f} {sql['cpu']:7.2f} {sql['peak_kb'] / 1024:5,.0f} {at_least:>9}  "
                  f"(engine: {engine['error']})", flush=True)
            continue
        same = "yes" if (engine["rows"], engine["digest"]) == (sql["rows"], sql["digest"]) else "NO"
        print(f"{case.label:20} {sql['rows']:6,} {engine['wall']:9.2f} {engine['cpu']:7.2f} {engine['peak_kb'] / 1024:6,.0f} "
              f"{sql['wall']:7.2f} {sql['cpu']:7.2f} {sql['peak_kb'] / 1024:5,.0f} {engine['cpu'] / sql['cpu']:8.0f}x  {same}",
              flush=True)


def measure_paths(work: Path, size: int, only: list[str] | None = None) -> None:
    """Each query as ``polgraph query`` runs it now (``SQLiteStore.run_cypher``), each in a fresh
    process, and the path it took: the part a named start reaches, one SQL statement, or the
    engine on the tables the query touches."""
    from polgraph.cypher.api import query_reach

    path = store_path(work, size)
    print(f"\n{size:,} relations: each query from opening the store to the result (run_cypher)")
    print(f"{'query':36} {'rows':>7} {'wall s':>7} {'CPU s':>6} {'MB':>5}  path")
    for case in store_cases(_busiest(path)):
        if only and case.label not in only:
            continue
        part = _run_child("part", path, [case])
        how = ("part from a named start" if query_reach(case.text, case.params) is not None
               else "one SQL statement" if part.get("sql") else "engine on the tables")
        if "error" in part:
            print(f"{case.label:36} stopped: {part['error']} ({how})", flush=True)
            continue
        print(f"{case.label:36} {part['rows']:7,} {part['wall']:7.2f} {part['cpu']:6.2f} {part['peak_kb'] / 1024:5,.0f}  {how}",
              flush=True)


def _busiest(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT target FROM event GROUP BY target ORDER BY count(*) DESC, target LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def measure_builds(work: Path, size: int) -> None:
    """The graph each query with no named start runs on (its tables) against the whole graph,
    built in this one process one after the other: CPU and wall seconds, nodes and edges."""
    from polgraph.cypher.api import query_reach, query_scope
    from polgraph.graph.stores.sqlite_store import SQLiteStore

    path = store_path(work, size)
    print(f"\n{size:,} relations: graph builds, one process")
    print(f"{'graph':36} {'nodes':>9} {'edges':>10} {'wall s':>7} {'CPU s':>6} {'CPU vs whole':>12}")
    with SQLiteStore(path) as store:
        builds: list[tuple[str, Callable[[], nx.MultiDiGraph]]] = [("whole", store.to_networkx)]
        for q in library():
            scope = query_scope(q.text, q.defaults)
            if query_reach(q.text, q.defaults) is None and scope is not None:
                builds.append((f"{q.name} (tables)", lambda scope=scope: store.scope_graph(scope)))
        whole_cpu = None
        for label, build_graph in builds:
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            graph = build_graph()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            whole_cpu = whole_cpu or cpu
            print(f"{label:36} {graph.number_of_nodes():9,} {graph.number_of_edges():10,} {wall:7.1f} {cpu:6.1f} "
                  f"{cpu / whole_cpu:11.2f}x", flush=True)
            del graph


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="event relations per store")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "polgraph-cypher-bench",
                    help="where the stores are written (and kept for the next run)")
    ap.add_argument("--only", nargs="+", metavar="QUERY", help="only these queries (library names), e.g. dyads most_mentioned")
    ap.add_argument("--builds", action="store_true", help="only the graph builds: whole against each query's tables")
    ap.add_argument("--paths", action="store_true",
                    help="only each query as run_cypher answers it now (no whole graph), and the path it took")
    ap.add_argument("--pushdown", action="store_true",
                    help="only the queries with no named start: the engine on their tables against one SQL statement")
    ap.add_argument("--in-memory", action="store_true", help="the engine against hand-written networkx code instead")
    ap.add_argument("--scale", type=float, default=1.0, help="--in-memory: 1.0 is 100k actors, 1M relations")
    ap.add_argument("--repeat", type=int, default=5, help="--in-memory: runs per query (the median is printed)")
    ap.add_argument("--seed", type=int, default=7, help="--in-memory: the graph's seed")
    ap.add_argument("--engine-unlimited", action="store_true",
                    help="--pushdown: no time or memory limit for the engine (to compare answers where it stops)")
    ap.add_argument("--child", choices=["part", "whole", "sql", "tables"], help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--cases", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    if args.in_memory:
        return in_memory(args)
    print(f"polgraph Cypher on the embedded store; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs; seconds wall and CPU (a shared machine: compare CPU), speed-up = whole CPU / part CPU")
    for size in args.sizes:
        if args.builds:
            measure_builds(args.work, size)
        elif args.pushdown:
            measure_pushdown(args.work, size, args.only, args.engine_unlimited)
        elif args.paths:
            measure_paths(args.work, size, args.only)
        else:
            measure_store(args.work, size, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
