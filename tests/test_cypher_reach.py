"""Queries that name their start run on the part of the embedded store they can reach, and
queries that do not on the node and edge tables they can touch (cypher/reach.py,
graph/stores/sqlite_reach.py): the part's answer must be the whole graph's, rows in the same
order. Differential: seeded random stores, the library queries and hand-made patterns, each run
on the part (``SQLiteStore.run_cypher``) and on the whole graph (``run_graph(store.to_networkx(), ...)``)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from polgraph.cypher.api import prepare, query_reach, query_scope, run_graph
from polgraph.cypher.library import library
from polgraph.cypher.reach import Hop, Reach, Scope, Start, Touch, Walk, reach_of, scope_of
from polgraph.cypher.values import Node, Rel
from polgraph.cypher.values import Path as CypherPath
from polgraph.exceptions import CypherSemanticError
from polgraph.graph.model import Actor, ArticleGraph, Relation, Role
from polgraph.graph.ontology import EVENT_TYPES
from polgraph.graph.stores.sqlite_store import SQLiteStore

from tests.helpers import ACTOR_KINDS, RandomShape, random_graphs

TYPES = [t.name for t in EVENT_TYPES[:5]]  # few types: repeated pairs, types to filter on


# -- random stores ------------------------------------------------------------------------------
REACH_SHAPE = RandomShape(types=tuple(TYPES), actors=(6, 22), name_share=0.7, articles=(2, 6), relations=(1, 8),
                          days=60, coded=25, goldstein=(None, -2.0, 3.5))


def random_store(path: Path, seed: int) -> SQLiteStore:
    store = SQLiteStore(path, create=True)
    store.write(random_graphs(seed, REACH_SHAPE))
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


# no named start: each runs on the tables its labels and relationship types touch
SCOPED = [
    "MATCH (a:Actor) RETURN a.id, a.name",
    "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id, type(r), id(r), b.id",
    f"MATCH (a:Actor)-[r:{T0}|{T1}]->(b) RETURN a.id, id(r), b.id",
    "MATCH (a:Actor)-[r]->(b) WHERE NOT type(r) IN ['MENTIONED_IN'] RETURN a.id, id(r), b.id",
    "MATCH (a:Actor)-[r:HOLDS_ROLE|MEMBER_OF]->(b) RETURN a.id, type(r), b.id, id(r)",
    "MATCH (a)-[r:MEMBER_OF]->(b) RETURN a.id, b.id, id(r)",
    "MATCH (a)-[r:HOLDS_ROLE]-(b) RETURN a.id, b.id, id(r)",
    "MATCH (a:Actor)<-[r]-(b) WHERE type(r) = 'HOLDS_ROLE' RETURN a.id, b.id, id(r)",
    "MATCH (t:Topic)<-[r]-(a) RETURN t.id, a.id, id(r)",
    "MATCH (a)-[r]->(t:Topic) RETURN t.id, a.id, id(r)",
    "MATCH (a:Actor)-[r]->(x:Article) RETURN a.id, x.id, r.count",
    "MATCH (a:Actor)-[r*1..2]->(b) WHERE all(x IN r WHERE type(x) = 'MEMBER_OF') RETURN a.id, b.id, [x IN r | id(x)]",
    "MATCH p = (a:Actor)-[:HOLDS_ROLE|MEMBER_OF*1..3]-(b) RETURN p",
    "MATCH (a:Actor)-[:MEMBER_OF*0..1]->(b) RETURN a.id, b.id",
    "MATCH (a:Actor)-[r]->(b) WITH b, count(r) AS n MATCH (b)-[:HOLDS_ROLE]->(c) RETURN b.id, n, c.id",
    "MATCH (a:Actor), (t:Topic) RETURN a.id, t.id",
    "MATCH (a:Actor) OPTIONAL MATCH (a)-[r:MEMBER_OF]->(b) RETURN a.id, b.id, id(r)",
    "MATCH (a:Actor)-[:HOLDS_ROLE]->(b) RETURN b.id AS id UNION MATCH (t:Topic) RETURN t.id AS id",
    ("MATCH (x:Actor), (y:Actor) WHERE x.id < y.id MATCH p = shortestPath((x)-[:MEMBER_OF|HOLDS_ROLE*..2]-(y)) "
     "RETURN x.id, y.id, [r IN relationships(p) | id(r)]"),
    ("MATCH (x:Actor), (y:Actor) MATCH p = allShortestPaths((x)-[*..2]->(y)) "
     f"WHERE all(r IN relationships(p) WHERE type(r) IN ['{T0}', 'MEMBER_OF']) RETURN p"),
    "MATCH (a)-[r]->(b) RETURN a.id, id(r), b.id",
]
# patterns that may match anything: no scope (the whole graph), or one that holds every table
UNSCOPED = [
    "MATCH (n) RETURN n.id",
    "MATCH (a)-[*0..2]->(b) RETURN a.id, b.id",
    "MATCH (a:Actor) WHERE (a)-->() RETURN a.id",
    "MATCH (a:Actor) RETURN [(a)-->(b) | b.id]",
    "MATCH (a:Actor) MATCH (a) RETURN a.id",
]
EVERYTHING = [
    "MATCH (a)-[r]->(b) RETURN count(*)",
    "MATCH (a:Actor)-[r]-(b) RETURN a.id, id(r)",
    "MATCH (a)-[*1..2]-(b:Actor) RETURN count(*)",
]


def params_for(store: SQLiteStore, rng: random.Random) -> dict[str, Any]:
    actors = store.actors()
    a, b = rng.choice(actors), rng.choice(actors)
    return {"name": a.name, "other": b.name, "id": rng.choice(actors).id, "kind": rng.choice(ACTOR_KINDS),
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


@pytest.mark.parametrize("seed", range(12))
def test_the_tables_a_query_touches_answer_as_the_whole_graph(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with random_store(tmp_path / "g.db", seed) as store:
        whole = store.to_networkx()
        params = params_for(store, rng)
        for query in SCOPED + EVERYTHING:
            assert query_reach(query, params) is None and query_scope(query, params) is not None, query
            same_answer(store, query, params)
        for query in UNSCOPED:
            assert query_scope(query, params) is None, query
            same_answer(store, query, params)
        for query in EVERYTHING:
            graph = store.scope_graph(query_scope(query, params))
            assert list(graph.nodes(data=True)) == list(whole.nodes(data=True)), query
            assert list(graph.edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True)), query


def test_the_library_queries_with_no_start_read_only_their_tables(tmp_path: Path) -> None:
    by_name = {q.name: q for q in library()}
    got = {name: scope_of(prepare(by_name[name].text), by_name[name].defaults)
           for name in ("who_acts_on_whom", "dyads", "most_mentioned", "role_phrase")}
    structural = frozenset({"MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF"})
    actor, article = frozenset({"Actor"}), frozenset({"Article"})
    assert got["who_acts_on_whom"] == Scope(actor, (Touch(None, structural, actor, None),))
    assert got["dyads"] == Scope(actor, (Touch(None, structural, actor, actor),))
    assert got["most_mentioned"] == Scope(actor | article, (Touch(frozenset({"MENTIONED_IN"}), frozenset(), actor, article),))
    assert got["role_phrase"] == Scope(actor, (Touch(frozenset({"HOLDS_ROLE"})),))
    with random_store(tmp_path / "g.db", 3) as store:
        whole = store.to_networkx()

        def kinds(graph: Any) -> tuple[set[str], set[str]]:
            return ({d["_labels"][0] for _, d in graph.nodes(data=True)},
                    {"event" if d["_type"] not in structural else d["_type"] for *_, d in graph.edges(data=True)})

        assert kinds(whole) == ({"Actor", "Topic", "Article"}, {"event", "MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF"})
        assert kinds(store.scope_graph(got["who_acts_on_whom"])) == ({"Actor", "Topic"}, {"event"})
        dyads = store.scope_graph(got["dyads"])
        assert kinds(dyads) == ({"Actor"}, {"event"})
        assert dyads.number_of_edges() == sum(1 for _, t, d in whole.edges(data=True)
                                              if d["_type"] not in structural and t in dyads)
        assert kinds(store.scope_graph(got["most_mentioned"])) == ({"Actor", "Article"}, {"MENTIONED_IN"})
        assert kinds(store.scope_graph(got["role_phrase"])) == ({"Actor"}, {"HOLDS_ROLE"})


def test_a_pair_comes_in_the_place_of_its_first_edge_when_that_edge_is_left_out(tmp_path: Path) -> None:
    """b's office c is also a target of an earlier event from b: in the whole graph c comes
    before d among b's neighbours (the event is added first), though b's office d has the
    smaller link id; the links alone must keep that order."""
    actors = [Actor("b", "B", "person", roles=(Role("Minister", "d"), Role("President", "c"))),
              Actor("c", "C", "state"), Actor("d", "D", "state")]
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        store.write([ArticleGraph(None, actors, [], [Relation("b", "c", T0, "gdelt:1", 0)], [])])
        query = "MATCH (a:Actor)-[h:HOLDS_ROLE]->(o) RETURN a.id, o.id"
        whole = run_graph(store.to_networkx(), query)
        assert [row[1] for row in whole.rows] == ["c", "d"]
        assert store.run_cypher(query).rows == whole.rows


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
