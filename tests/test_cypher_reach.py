"""Queries that name their start run on the part of the embedded store they can reach
(cypher/reach.py, graph/stores/sqlite_reach.py): the part's answer must be the whole graph's,
rows in the same order. Differential: seeded random stores, the library queries and hand-made
patterns, each run on the part (``SQLiteStore.run_cypher``) and on the whole graph
(``run_graph(store.to_networkx(), ...)``)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from polgraph.cypher.api import prepare, query_reach, run_graph
from polgraph.cypher.library import library
from polgraph.cypher.reach import Hop, Reach, Start, Walk, reach_of
from polgraph.cypher.values import Node, Rel
from polgraph.cypher.values import Path as CypherPath
from polgraph.exceptions import CypherSemanticError
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.ontology import EVENT_TYPES
from polgraph.graph.stores.sqlite_store import SQLiteStore

TYPES = [t.name for t in EVENT_TYPES[:5]]  # few types: repeated pairs, types to filter on
KINDS = ("person", "person", "organization", "state", "bloc", "group")


# -- random stores ------------------------------------------------------------------------------
def random_store(path: Path, seed: int) -> SQLiteStore:
    """A small store with repeated names, several edges per pair, self-loops, topics, articles,
    mentions, offices and memberships (some to actors written only later, some never)."""
    rng = random.Random(seed)
    n = rng.randint(6, 22)
    names = [f"Name {i}" for i in range(max(3, int(n * 0.7)))]
    actors = []
    for i in range(n):
        roles = tuple(Role(rng.choice(["Minister", "President"]), f"a{rng.randrange(n + 2):02d}",
                           date(2020, 1, 1) + timedelta(days=rng.randrange(300)))
                      for _ in range(rng.random() < 0.3))
        member_of = tuple(sorted({f"a{rng.randrange(n + 2):02d}" for _ in range(rng.randrange(3))} - {f"a{i:02d}"}))
        actors.append(Actor(f"a{i:02d}", rng.choice(names), rng.choice(KINDS), aliases=(f"alias {i % 4}",),
                            roles=roles, member_of=member_of, country=f"a{rng.randrange(n):02d}" if rng.random() < 0.5 else None))
    topics = [Topic.named(f"issue {i}") for i in range(3)]
    graphs = []
    for k in range(rng.randint(2, 6)):
        article = Article.from_text(f"article {seed} {k}", published=date(2021, 1, 1) + timedelta(days=k), title=f"T{k}")
        chosen = rng.sample(actors, min(len(actors), rng.randint(2, 6)))
        rels = []
        for s in range(rng.randint(1, 8)):
            source = rng.choice(chosen)
            target = rng.choice(topics).id if rng.random() < 0.1 else rng.choice(chosen).id
            day = None if rng.random() < 0.1 else date(2021, 1, 1) + timedelta(days=rng.randrange(60))
            rels.append(Relation(source.id, target, rng.choice(TYPES), article.id, s + 1, f"sentence {s}", day,
                                 goldstein=rng.choice([None, -2.0, 3.5])))
        mentions = [Mention(a.id, article.id, rng.randint(1, 3)) for a in chosen]
        used_topics = [t for t in topics if t.id in {r.target for r in rels}]
        graphs.append(ArticleGraph(article, chosen, used_topics, rels, mentions))
    coded = [Relation(rng.choice(actors).id, rng.choice(actors).id, rng.choice(TYPES), f"gdelt:{seed}-{k}", 0,
                      date=date(2022, 1, 1) + timedelta(days=rng.randrange(30))) for k in range(rng.randint(0, 25))]
    graphs.append(ArticleGraph(None, actors, [], coded, []))
    store = SQLiteStore(path, create=True)
    store.write(graphs)
    return store


def plain(v: Any) -> Any:
    """A result value with its graph handles spelt out (ids, labels, properties)."""
    if isinstance(v, Node):
        return ("node", v.id, tuple(v.labels), sorted(v.properties().items(), key=lambda kv: kv[0]))
    if isinstance(v, Rel):
        return ("rel", v.start, v.end, v.key, v.type, sorted(v.properties().items(), key=lambda kv: kv[0]))
    if isinstance(v, CypherPath):
        return ("path", [plain(n) for n in v.nodes], [plain(r) for r in v.rels])
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


# -- queries ------------------------------------------------------------------------------------
T0, T1 = TYPES[0], TYPES[1]
PATTERNS = [
    "MATCH (a:Actor {name: $name})-[r]->(b) RETURN a.id, type(r), b.id, id(r)",
    "MATCH (a:Actor {name: $name})<-[r]-(b) RETURN b.name, type(r), id(r)",
    "MATCH (a:Actor)-[r]-(b) WHERE a.name = $name RETURN a, r, b",
    "MATCH (a:Actor) WHERE $id = a.id MATCH (a)-[r]-(b) RETURN b, count(r)",
    "MATCH (a:Actor {id: $id})-[r1]->(b)-[r2]->(c) RETURN a.id, id(r1), b.id, id(r2), c.id",
    "MATCH (c:Actor {id: $id})<-[r2]-(b)<-[r1]-(a) RETURN count(*)",
    "MATCH p = (a:Actor {name: $name})-[*1..2]-(b) RETURN p",
    "MATCH (a:Actor {name: $name})-[rs*0..2]->(b:Actor) RETURN b.id, [r IN rs | id(r)]",
    "MATCH (b)-[*1..2]->(a:Actor {name: $name}) RETURN b.id",
    ("MATCH (a:Actor {name: $name}) MATCH (a)-[r:MEMBER_OF|HOLDS_ROLE]->(o) "
    "OPTIONAL MATCH (o)-[m:MENTIONED_IN]->(art) RETURN a.id, type(r), o.id, art.id, m.count"),
    ("MATCH (a:Actor {name: $name}) WITH a AS x MATCH (x)-[r]-(y) WHERE NOT type(r) IN ['MENTIONED_IN'] "
    "RETURN x.id, y.id, type(r)"),
    f"MATCH (a:Actor {{name: $name}})-[r]-(b) WHERE type(r) = '{T0}' OR type(r) = '{T1}' RETURN b.id, r.date",
    f"MATCH (a:Actor {{name: $name}})-[r:{T0}|{T1}]->(b)-[s]->(c) WHERE type(s) <> '{T0}' RETURN b.id, c.id, r.goldstein",
    ("MATCH (x:Actor {name: $name}), (y:Actor {name: $other}) MATCH p = shortestPath((x)-[*..3]-(y)) "
    "RETURN [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]"),
    ("MATCH (x:Actor {name: $name}), (y:Actor {name: $other}) MATCH p = allShortestPaths((x)-[*..3]-(y)) "
    "WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN') RETURN p"),
    (f"MATCH (x:Actor {{name: $name}}), (y:Actor {{name: $other}}) MATCH p = allShortestPaths((x)-[:{T0}|MEMBER_OF*..3]->(y)) "
    "RETURN [n IN nodes(p) | n.id]"),
    (f"MATCH (x:Actor {{name: $name}}), (y:Actor {{name: $other}}) MATCH p = allShortestPaths((x)-[*..3]-(y)) "
    f"WHERE all(r IN relationships(p) WHERE r.date IS NULL OR type(r) = '{T0}') RETURN p"),
    "MATCH (x:Actor {name: $name}), (y:Actor {name: $other}) MATCH p = allShortestPaths((x)-[*2..3]-(y)) RETURN p",
    "MATCH (y:Actor {name: $other}) MATCH p = shortestPath((x:Actor)-[*..2]-(y)) RETURN x.id, length(p)",
    "MATCH (a:Actor {name: $name})-[r]->(t:Topic) RETURN t.name, count(*)",
    "MATCH (a:Actor {name: $name})-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b) RETURN b.id, art.id",
    "MATCH (a:Actor {name: $name})-->(b) RETURN b.id AS id UNION MATCH (a:Actor {name: $other})<--(b) RETURN b.id AS id",
    "MATCH (a:Actor {name: $name})-->(b) RETURN b.id AS id UNION ALL MATCH (a:Actor {id: $id}) RETURN a.id AS id",
    "MATCH (a:Actor) WHERE a.id = 'a03' MATCH (a)-[r]-(b)-[s]-(c) RETURN count(*), count(DISTINCT c)",
    "MATCH (a:Actor:Topic {name: $name})-->(b) RETURN b",
    "MATCH (a:Person {name: $name})-->(b) RETURN b",
    "MATCH (a:Actor {kind: $kind})-[r]->(b) RETURN a.id, count(r)",
    "MATCH (a:Actor {name: $name})-[r]-(b) WITH b, count(r) AS n MATCH (b)-[s]->(c:Actor) RETURN b.id, n, c.id",
    "MATCH (a:Actor {name: $name})-[r1]->(b)-[r2]-(c:Actor {name: $other}) RETURN a.id, b.id, c.id, id(r2)",
    "MATCH (a:Actor {name: $name})-[r1]->(b)-[r2]->(a) RETURN b.id, id(r1), id(r2)",
    "MATCH (a:Actor {aliases: $aliases})-[r]->(b) RETURN a.id, b.id",
    "MATCH (a:Actor {name: $name}) OPTIONAL MATCH (a)-[:HOLDS_ROLE]->(o) RETURN a.id, o.name ORDER BY o.name",
    "MATCH (a:Actor {id: $id}) RETURN a, 1 + 1 AS two",
    "RETURN $name AS name",
]


def params_for(store: SQLiteStore, rng: random.Random) -> dict[str, Any]:
    actors = store.actors()
    a, b = rng.choice(actors), rng.choice(actors)
    return {"name": a.name, "other": b.name, "id": rng.choice(actors).id, "kind": rng.choice(KINDS),
            "aliases": [f"alias {rng.randrange(4)}"], "a": a.name, "b": b.name, "limit": 5, "phrase": "alias 1"}


def same_answer(store: SQLiteStore, query: str, params: dict[str, Any]) -> None:
    whole = run_graph(store.to_networkx(), query, params)
    part = store.run_cypher(query, params)
    assert part.columns == whole.columns, query
    assert plain(part.rows) == plain(whole.rows), (query, params)


@pytest.mark.parametrize("seed", range(12))
def test_the_part_answers_as_the_whole_graph(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with random_store(tmp_path / "g.db", seed) as store:
        for _ in range(3):
            params = params_for(store, rng)
            for query in PATTERNS:
                assert query_reach(query, params) is not None, query  # these all run on a part
                same_answer(store, query, params)
            for q in library():
                same_answer(store, q.text, {**q.defaults, **{k: v for k, v in params.items() if k in q.defaults}})


def test_the_part_is_only_what_the_query_reaches(tmp_path: Path) -> None:
    with random_store(tmp_path / "g.db", 3) as store:
        whole = store.to_networkx()
        actor = store.actors()[0]
        reach = query_reach("MATCH (a:Actor {id: $id})-[r]->(b) RETURN b", {"id": actor.id})
        part = store.reach_graph(reach)
        out = {(u, v, k) for u, v, k in whole.out_edges(actor.id, keys=True)}
        assert {(u, v, k) for u, v, k in part.edges(keys=True)} == out
        assert set(part.nodes) == {actor.id} | {v for _, v, _ in out}
        assert dict(part.nodes[actor.id]) == dict(whole.nodes[actor.id])


def test_a_missing_parameter_is_the_same_error(tmp_path: Path) -> None:
    with random_store(tmp_path / "g.db", 1) as store:
        query = "MATCH (a:Actor {name: $nobody})-->(b) RETURN b"
        with pytest.raises(CypherSemanticError, match=r"expected parameter \$nobody"):
            store.run_cypher(query, {})
        with pytest.raises(CypherSemanticError, match=r"expected parameter \$nobody"):
            run_graph(store.to_networkx(), query, {})


# -- what the analysis says ---------------------------------------------------------------------
def reach(query: str, **params: Any) -> Reach | None:
    return reach_of(prepare(query), params)


EVENTS_ONLY = Hop("both", None, frozenset({"MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF"}))


def test_library_queries_that_name_a_start_are_bounded() -> None:
    by_name = {q.name: q for q in library()}
    got = {name: reach_of(prepare(q.text), q.defaults) for name, q in by_name.items()}
    lukashenko = Start("Actor", "name", "Alexander Lukashenko")
    putin = Start("Actor", "name", "Vladimir Putin")
    assert got["actor_timeline"] == Reach((Walk(lukashenko, (EVENTS_ONLY,)),))
    assert got["co_mentions"] == Reach((Walk(lukashenko, (Hop("out", frozenset({"MENTIONED_IN"})),
                                                          Hop("in", frozenset({"MENTIONED_IN"})))),))
    assert got["relations_between"] == Reach((Walk(putin, (Hop("both", None, frozenset({"MENTIONED_IN"})),)),))
    assert got["actors_by_kind"] == Reach((Walk(Start("Actor", "kind", "state")),))
    no_mentions = Hop("both", None, frozenset({"MENTIONED_IN"}))
    assert got["paths_between"] == Reach((Walk(putin), Walk(lukashenko), Walk(putin, (no_mentions,) * 3, until=lukashenko)))
    for name in ("who_acts_on_whom", "dyads", "most_mentioned", "role_phrase"):
        assert got[name] is None, name


@pytest.mark.parametrize("query", [
    "MATCH (a)-->(b) RETURN b",
    "MATCH (a:Actor)-->(b) RETURN b",
    "MATCH (a {name: $name})-->(b) RETURN b",  # no label
    "MATCH (a:Actor {name: $name})-[*]-(b) RETURN b",
    "MATCH (a:Actor {name: $name})-[*2..]->(b) RETURN b",
    "MATCH (a:Actor {name: $name}) MATCH (b:Actor) RETURN a, b",
    "MATCH (a:Actor {name: $name})-->(b) WHERE (b)-->() RETURN b",
    "MATCH (a:Actor {name: $name}) RETURN [(a)-->(b) | b.name]",
    "MATCH (a:Actor {name: $name}) WHERE EXISTS { MATCH (a)-->(:Topic) } RETURN a",
    "MATCH (a:Actor {name: $name})-->(b) WITH collect(b) AS bs UNWIND bs AS b MATCH (b)-->(c) RETURN c",
    "UNWIND ['x'] AS n MATCH (a:Actor {name: n}) RETURN a",
    "MATCH (a:Actor {name: $name})-->(b) WITH b.name AS n MATCH (c:Actor {name: n}) RETURN c",
    "MATCH (a:Actor {name: $name}) RETURN a UNION MATCH (a:Actor) RETURN a",
    "MATCH (x:Actor {name: $name}) MATCH p = shortestPath((x)-[*]-(y)) RETURN p",
])
def test_queries_that_cannot_be_bounded_need_the_whole_graph(query: str) -> None:
    assert reach(query, name="x") is None


def test_a_shortest_path_stops_early_only_with_the_engines_own_filter() -> None:
    head = "MATCH (x:Actor {name: $a}), (y:Actor {name: $b}) MATCH p = allShortestPaths((x)-[*..2]-(y)) "
    exact = reach(head + "WHERE none(r IN relationships(p) WHERE type(r) IN ['MENTIONED_IN']) RETURN p", a="A", b="B")
    assert exact is not None and exact.walks[-1].until == Start("Actor", "name", "B")
    other = reach(head + "WHERE all(r IN relationships(p) WHERE r.date > '2020') RETURN p", a="A", b="B")
    assert other is not None and other.walks[-1].until is None and other.depth == 2
    # y named in the same pattern: the engine searches every node within reach, no early stop
    inline = reach("MATCH p = allShortestPaths((x:Actor {name: $a})-[*..2]-(y:Actor {name: $b})) RETURN p", a="A", b="B")
    assert inline is not None and inline.walks[-1].until is None


def test_an_anchor_in_the_middle_walks_both_ways_and_two_anchors_meet() -> None:
    got = reach("MATCH (a)-[:X]->(b:Actor {id: 'k'})<-[:Y]-(c) RETURN a, c")
    k = Start("Actor", "id", "k")
    assert got is not None and set(got.walks) == {Walk(k, (Hop("in", frozenset({"Y"})),)), Walk(k, (Hop("in", frozenset({"X"})),))}
    both = reach("MATCH (a:Actor {id: 'k'})-->(b)-->(c)<--(d:Actor {name: $n}) RETURN a", n="N")
    assert both is not None and both.depth == 2


def test_shortest_paths_read_only_what_lies_between_the_two_ends(tmp_path: Path) -> None:
    """A lattice x - {m0, m1, m2} - {n0, n1} - y, with a tail of 40 actors hanging off x and off
    y: every shortest path (three relations, six of them) is found on the part, and of the tails
    only what the search from each end reads before they meet."""
    names = ["x", "m0", "m1", "m2", "n0", "n1", "y"] + [f"tx{i}" for i in range(20)] + [f"ty{i}" for i in range(20)]
    actors = [Actor(f"id-{n}", n, "person") for n in names]
    pairs = [("x", m) for m in ("m0", "m1", "m2")] + [(m, n) for m in ("m0", "m1", "m2") for n in ("n0", "n1")]
    pairs += [(n, "y") for n in ("n0", "n1")]
    pairs += [("x", "tx0")] + [(f"tx{i}", f"tx{i + 1}") for i in range(19)]
    pairs += [("ty0", "y")] + [(f"ty{i + 1}", f"ty{i}") for i in range(19)]
    rels = [Relation(f"id-{s}", f"id-{t}", TYPES[k % 2], f"gdelt:{k}", 0) for k, (s, t) in enumerate(pairs)]
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        store.write([ArticleGraph(None, actors, [], rels, [])])
        query = ("MATCH (x:Actor {name: $a}), (y:Actor {name: $b}) MATCH p = allShortestPaths((x)-[*..3]-(y)) "
                 "RETURN [n IN nodes(p) | n.name] AS route")
        part = store.run_cypher(query, {"a": "x", "b": "y"})
        assert part.rows == run_graph(store.to_networkx(), query, {"a": "x", "b": "y"}).rows
        assert len(part.rows) == 6
        graph = store.reach_graph(query_reach(query, {"a": "x", "b": "y"}))
        # two levels from x, one from y
        assert {"id-tx1", "id-ty0"} <= set(graph.nodes) and not {"id-tx2", "id-ty1"} & set(graph.nodes)
