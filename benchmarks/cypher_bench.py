"""Time the query library on a synthetic graph: the embedded Cypher engine against the same
question answered by hand-written networkx code, in the same process.

    python benchmarks/cypher_bench.py [--scale 1.0] [--repeat 5] [--seed 7]

Scale 1.0 is 100k actors and 1M event relations (plus 50k articles with their MENTIONED_IN
edges, roles and memberships); degrees follow a Zipf-like law (a few actors take part in a great
many relations, most in a handful). Prints, for each query, the median time of the engine and of
the networkx code, their ratio and the row count; and the one-hop lookup by name, which must go
through the property index (its first run builds the index, timed apart).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import networkx as nx

from polgraph.cypher import run_graph
from polgraph.cypher.index import index_for
from polgraph.cypher.library import load_query

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0: 100k actors, 1M relations")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (the median is printed)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

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


if __name__ == "__main__":
    sys.exit(main())
