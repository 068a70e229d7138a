"""The embedded Cypher engine on its own: errors, Neo4j semantics, the index, and run()."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from polgraph.cypher import Result, build_graph, prepare, run, run_graph
from polgraph.cypher.index import index_for
from polgraph.cypher.lexer import tokenize
from polgraph.exceptions import CypherSemanticError, CypherSyntaxError, QueryError, UnsupportedQuery
from polgraph.graph.stores.networkx_store import NetworkXStore
from test_cypher_graphs import article_graphs


def graph(create: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    build_graph(g, create)
    return g


def rows(g: nx.MultiDiGraph, query: str, **params: Any) -> list[list[Any]]:
    return run_graph(g, query, params).rows


# -- errors: syntax ------------------------------------------------------------------------------
def test_syntax_error_names_line_column_and_expectation() -> None:
    with pytest.raises(CypherSyntaxError) as err:
        prepare("MATCH (a:Actor)\nRETURN a.name AS")
    assert (err.value.line, err.value.column) == (2, 17)
    assert str(err.value) == "syntax error at line 2, column 17: expected a name after AS, found end of input"


def test_syntax_error_unclosed_node() -> None:
    with pytest.raises(CypherSyntaxError) as err:
        prepare("MATCH (a:Actor RETURN a")
    assert str(err.value) == "syntax error at line 1, column 16: expected ')', found 'RETURN'"


def test_syntax_error_misspelt_clause() -> None:
    with pytest.raises(CypherSyntaxError) as err:
        prepare("MATCH (a)\n  RETRUN a")
    assert (err.value.line, err.value.column) == (2, 3)
    assert "expected a clause" in str(err.value)


def test_syntax_error_unterminated_string() -> None:
    with pytest.raises(CypherSyntaxError) as err:
        prepare("RETURN 'abc")
    assert str(err.value) == "syntax error at line 1, column 8: unterminated string literal"


def test_query_must_end_with_return() -> None:
    with pytest.raises(CypherSyntaxError, match="cannot end with MATCH"):
        prepare("MATCH (a)")


# -- errors: semantics, before anything runs --------------------------------------------------------
class _Untouchable:
    """A graph whose every attribute read fails: proves an error came before execution."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the engine touched the graph ({name}) before reporting the error")


@pytest.mark.parametrize("query, message", [
    ("MATCH (a) RETURN b", "variable `b` not defined (line 1, column 18)"),
    ("MATCH (a) WHERE a.x = c.x RETURN a", "variable `c` not defined (line 1, column 23)"),
    ("MATCH (a) WITH a.name AS n RETURN a", "variable `a` not defined (line 1, column 35)"),
    ("RETURN nosuch(1)", "unknown function 'nosuch' (line 1, column 8)"),
    ("RETURN size(1, 2)", "wrong number of arguments for size(): 2"),
    ("MATCH (a) WHERE count(*) > 1 RETURN a", "invalid use of aggregating function count(*) in WHERE"),
    ("MATCH (a) WITH a.name RETURN 1", "expression in WITH must be aliased (use AS): a.name"),
    ("MATCH (a) RETURN a.x AS k, a.y AS k", "multiple result columns with the same name `k`"),
    ("RETURN 1 AS a UNION RETURN 2 AS b", "all parts of a UNION must return the same columns, in the same order"),
    ("MATCH ()-[r]->() MATCH (r) RETURN r", "type mismatch: `r` is a rel, used here as a node"),
    ("MATCH (a) RETURN $missing", "expected parameter $missing (pass it with --param missing=...)"),
])
def test_semantic_errors_come_before_execution(query: str, message: str) -> None:
    with pytest.raises(CypherSemanticError) as err:
        run_graph(_Untouchable(), query)  # type: ignore[arg-type]
    assert str(err.value) == message


@pytest.mark.parametrize("query, word", [
    ("CREATE (a:Actor {name: 'x'})", "CREATE"),
    ("MERGE (a:Actor {name: 'x'}) RETURN a", "MERGE"),
    ("MATCH (a) SET a.x = 1", "SET"),
    ("MATCH (a) DELETE a", "DELETE"),
    ("MATCH (a) DETACH DELETE a", "DETACH"),
    ("MATCH (a) REMOVE a.x", "REMOVE"),
    ("CALL db.labels()", "CALL"),
])
def test_writes_are_refused_with_a_clear_error(query: str, word: str) -> None:
    with pytest.raises(UnsupportedQuery) as err:
        run_graph(_Untouchable(), query)  # type: ignore[arg-type]
    assert str(err.value).startswith(word)
    assert "the embedded store answers read queries only" in str(err.value)
    assert "polgraph load" in str(err.value) and "Neo4j" in str(err.value)


@pytest.mark.parametrize("query", [
    "RETURN 1 + true", "RETURN [1, 2][true]", "UNWIND range(1, 3) AS x RETURN x.name", "RETURN 1 / 0",
    "RETURN {a: 1} < 2 OR 'x' - 1", "RETURN 9223372036854775807 + 1", "RETURN range(1, 5, 0)",
    "RETURN substring('abc', -1)", "RETURN 'x' =~ '('", "WITH [1] AS l RETURN l.x",
    "MATCH (a) RETURN a SKIP -1", "MATCH (a) RETURN a LIMIT 'x'", "RETURN toInteger([1])",
])
def test_runtime_errors_are_query_errors(query: str) -> None:
    g = graph("CREATE (:A {x: 1})")
    with pytest.raises(QueryError):
        run_graph(g, query)


def test_random_token_soup_never_crashes() -> None:
    words = [t.value for t in tokenize(
        "MATCH (a:A {x: 1})-[r:T*1..2]->(b) WHERE a.x = $p AND NOT b.y IN [1, 'z', null] "
        "WITH a, count(*) AS n ORDER BY n DESC SKIP 1 LIMIT 2 UNWIND [1, 2] AS x "
        "RETURN DISTINCT a.x + x AS s, CASE WHEN x > 1 THEN 'y' ELSE 'n' END, [i IN range(0, 3) | i ^ 2] "
        "OPTIONAL MATCH UNION ALL shortestPath ( ) { } : . , = < >") if t.kind != "eof"]
    g = graph("CREATE (:A {x: 1})-[:T]->(:B {y: 2}), (:A {x: 2})")
    rng = random.Random(7)
    for _ in range(1500):
        text = " ".join(str(rng.choice(words)) for _ in range(rng.randint(1, 14)))
        try:
            run_graph(g, text, {"p": 1})
        except QueryError:
            pass


# -- semantics as in Neo4j ------------------------------------------------------------------------
def test_three_valued_logic() -> None:
    g = nx.MultiDiGraph()
    assert rows(g, "RETURN null AND false, null AND true, null OR true, null OR false, NOT null, null XOR true") == \
        [[False, None, True, None, None, None]]
    assert rows(g, "RETURN null = null, null <> null, 1 IN [null, 1], 2 IN [null, 1], [1, null] = [1, null]") == \
        [[None, None, True, None, None]]
    assert rows(g, "RETURN 1 = 1.0, 1 = true, 'a' < 1, [1, 2] < [1, 3]") == [[True, False, None, True]]


def test_where_keeps_only_true() -> None:
    g = graph("CREATE ({x: 1}), ({x: null}), ({})")
    assert rows(g, "MATCH (n) WHERE n.x = 1 OR n.x > 5 RETURN count(*)") == [[1]]
    assert rows(g, "MATCH (n) WHERE NOT n.x = 1 RETURN count(*)") == [[0]]
    assert rows(g, "MATCH (n) WHERE n.x IS NULL RETURN count(*)") == [[2]]


def test_relationship_uniqueness_within_one_match() -> None:
    g = graph("CREATE (a:A)-[:T]->(b:B)")
    assert rows(g, "MATCH (x)-[r1]-(y)-[r2]-(z) RETURN count(*)") == [[0]]
    assert rows(g, "MATCH (x)-[r1]-(y) MATCH (y)-[r2]-(z) RETURN count(*)") == [[2]]  # two clauses may reuse
    assert rows(g, "MATCH (x)-[*2]-(y) RETURN count(*)") == [[0]]


def test_undirected_self_loop_matches_once() -> None:
    g = graph("CREATE (a:A)-[:T]->(a)")
    assert rows(g, "MATCH (a)-[r]-(b) RETURN count(*)") == [[1]]
    assert rows(g, "MATCH (a)-[r]->(b) RETURN count(*)") == [[1]]


def test_implicit_grouping_keys() -> None:
    g = graph("CREATE (:P {k: 'a', v: 1}), (:P {k: 'a', v: 2}), (:P {k: 'b', v: 5}), (:P {v: 7})")
    assert sorted(rows(g, "MATCH (p:P) RETURN p.k AS k, sum(p.v) AS s, count(*) AS n"), key=repr) == \
        sorted([["a", 3, 2], ["b", 5, 1], [None, 7, 1]], key=repr)
    assert rows(g, "MATCH (p:P) RETURN p.k AS k, {total: sum(p.v) * 2} AS m ORDER BY m.total") == \
        [["a", {"total": 6}], ["b", {"total": 10}], [None, {"total": 14}]]
    with pytest.raises(CypherSemanticError, match="ambiguous aggregation"):
        prepare("MATCH (p:P) RETURN p.v + count(*)")
    assert rows(g, "MATCH (p:P) WHERE p.v > 100 RETURN count(*), sum(p.v), avg(p.v), collect(p.k)") == \
        [[0, 0, None, []]]


def test_ordering_of_mixed_types() -> None:
    g = nx.MultiDiGraph()
    got = rows(g, "UNWIND [1, 'b', null, true, [1], 2.5, {a: 1}, 'a', false, 0.0 / 0.0] AS x RETURN x ORDER BY x")
    flat = [r[0] for r in got]
    assert flat[:6] == [{"a": 1}, [1], "a", "b", False, True]
    assert flat[6:8] == [1, 2.5] and flat[8] != flat[8] and flat[9] is None  # NaN after numbers, null last
    desc = [r[0] for r in rows(g, "UNWIND [1, null, 'a'] AS x RETURN x ORDER BY x DESC")]
    assert desc == [None, 1, "a"]


def test_optional_match_produces_nulls() -> None:
    g = graph("CREATE (:A {n: 1})-[:T]->(:B), (:A {n: 2})")
    assert sorted(rows(g, "MATCH (a:A) OPTIONAL MATCH (a)-[r:T]->(b) RETURN a.n, r IS NULL, b"), key=repr)[0][:2] \
        == [1, False]
    got = rows(g, "MATCH (a:A {n: 2}) OPTIONAL MATCH (a)-[r]->(b) RETURN a.n, r, b")
    assert got == [[2, None, None]]


def test_column_names_are_the_expressions_as_written() -> None:
    g = nx.MultiDiGraph()
    result = run_graph(g, "RETURN 1 + 2, count( * ), 'x' AS y")
    assert result.columns == ["1 + 2", "count( * )", "y"]


def test_with_where_order_skip_limit_and_union() -> None:
    g = nx.MultiDiGraph()
    assert rows(g, "UNWIND range(1, 10) AS x WITH x WHERE x % 2 = 0 RETURN x ORDER BY x DESC SKIP 1 LIMIT 2") == \
        [[8], [6]]
    assert rows(g, "RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x") == [[1], [2]]
    assert rows(g, "RETURN 1 AS x UNION ALL RETURN 1 AS x") == [[1], [1]]


def test_expressions() -> None:
    g = nx.MultiDiGraph()
    assert rows(g, "RETURN 'it\\'s', \"dq\", 'a\\tb', [1, 2, 3][1..], [1, 2, 3][-1], {a: {b: 1}}.a.b") == \
        [["it's", "dq", "a\tb", [2, 3], 3, 1]]
    assert rows(g, "RETURN [x IN range(1, 5) WHERE x > 2 | x * 10], CASE 2 WHEN 1 THEN 'a' ELSE 'b' END") == \
        [[[30, 40, 50], "b"]]
    assert rows(g, "RETURN 'abc' STARTS WITH 'a', 'abc' ENDS WITH 'bc', 'abc' CONTAINS 'x', 'abc' =~ 'a.c'") == \
        [[True, True, False, True]]
    assert rows(g, "RETURN -7 / 2, -7 % 2, 2 ^ 3, 7.0 / 2") == [[-3, -1, 8.0, 3.5]]
    assert rows(g, "RETURN toLower('AB'), toUpper('ab'), trim(' x '), split('a,b', ','), substring('hello', 1, 3), "
                   "replace('aXa', 'X', 'y'), toString(1.5), toInteger('12'), toFloat('2.5')") == \
        [["ab", "AB", "x", ["a", "b"], "ell", "aya", "1.5", 12, 2.5]]
    assert rows(g, "RETURN coalesce(null, 2), head([1, 2]), last([1, 2]), size('abc'), range(0, 4, 2), "
                   "toString(date('2022-03-01')), date('2022-03-01') < date('2022-03-02')") == \
        [[2, 1, 2, 3, [0, 2, 4], "2022-03-01", True]]


def test_graph_functions_and_paths() -> None:
    g = graph("CREATE (a:A:X {name: 'a'})-[:T {w: 1}]->(b:B {name: 'b'})-[:U]->(c:C {name: 'c'})")
    got = rows(g, "MATCH p = (a:A)-[*]->(c:C) RETURN length(p), [n IN nodes(p) | n.name], "
                  "[r IN relationships(p) | type(r)], labels(a), keys(a), properties(a)")
    assert got == [[2, ["a", "b", "c"], ["T", "U"], ["A", "X"], ["name"], {"name": "a"}]]
    got = rows(g, "MATCH (x)-[r:T]->() RETURN startNode(r).name, endNode(r).name, exists(r.w), exists(r.nope)")
    assert got == [["a", "b", True, False]]
    assert rows(g, "MATCH (a {name: 'a'}), (c {name: 'c'}) RETURN length(shortestPath((a)-[*]-(c)))") == [[2]]
    assert rows(g, "MATCH (a:A:X) RETURN count(*)") == [[1]]
    assert rows(g, "MATCH (a)-[r*..1]->(b) RETURN count(*)") == [[2]]


# -- the index --------------------------------------------------------------------------------------
def test_name_lookup_uses_the_property_index() -> None:
    g = nx.MultiDiGraph()
    for i in range(500):
        g.add_node(f"a{i}", _labels=["Actor"], name=f"Actor {i}", kind="person")
    g.add_edge("a1", "a2", key="r1", _type="MEET")
    assert rows(g, "MATCH (a:Actor {name: $name})-[r]->(b) RETURN b.name", name="Actor 1") == [["Actor 2"]]
    idx = index_for(g)
    assert ("Actor", "name") in idx._props
    assert len(idx._props[("Actor", "name")]) == 500
    # a WHERE equality takes the same index; no other property table gets built
    assert rows(g, "MATCH (a:Actor) WHERE a.name = $name RETURN a.kind", name="Actor 7") == [["person"]]
    assert set(idx._props) == {("Actor", "name")}
    g.add_node("new", _labels=["Actor"], name="Newcomer")  # the node count changed: a fresh index
    assert rows(g, "MATCH (a:Actor {name: 'Newcomer'}) RETURN count(*)") == [[1]]
    assert index_for(g) is not idx


def test_index_keeps_cypher_equality() -> None:
    g = graph("CREATE (:N {v: 1}), (:N {v: 1.0}), (:N {v: true}), (:N {v: '1'})")
    assert rows(g, "MATCH (n:N {v: 1}) RETURN count(*)") == [[2]]
    assert rows(g, "MATCH (n:N) WHERE n.v = true RETURN count(*)") == [[1]]


# -- run() on stores --------------------------------------------------------------------------------
class _BoltLikeStore:
    """A store that runs Cypher itself (the Neo4j store's interface)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], bool]] = []

    def run_cypher(self, query: str, params: dict[str, Any], write: bool = False, limits: Any = None) -> Result:
        self.calls.append((query, params, write))
        return Result(["x"], [[1]])


def test_run_delegates_to_a_store_that_runs_cypher() -> None:
    store = _BoltLikeStore()
    result = run(store, "CREATE (n) RETURN 1 AS x", {"a": 1}, write=True)
    assert result.rows == [[1]] and store.calls == [("CREATE (n) RETURN 1 AS x", {"a": 1}, True)]


def test_run_on_the_embedded_store() -> None:
    store = NetworkXStore(None)
    store.write(article_graphs())
    result = run(store, "MATCH (a:Actor {kind: $k}) RETURN a.name AS n ORDER BY n LIMIT 2", {"k": "bloc"})
    assert result.columns == ["n"] and result.rows == [["European Union"], ["NATO"]]
    with pytest.raises(UnsupportedQuery):
        run(store, "MATCH (a) SET a.x = 1", {}, write=True)


def test_neo4j_driver_values_print_like_ours() -> None:
    """Rows from the Neo4j store hold the driver's own Node and Relationship objects."""
    from neo4j.graph import Graph, Node as DriverNode

    from polgraph.cypher.values import render, to_plain

    graph_ = Graph()
    a = DriverNode(graph_, "4:x:1", 1, ["Actor"], {"name": "X"})
    b = DriverNode(graph_, "4:x:2", 2, ["Actor"], {"name": "Y"})
    rel = graph_.relationship_type("MEET")(graph_, "5:x:3", 3, {"date": "2022-02-10"})
    rel._start_node, rel._end_node = a, b
    assert render(a) == "(:Actor {name: 'X'})" and render(rel) == "[:MEET {date: '2022-02-10'}]"
    assert to_plain(rel) == {"id": "5:x:3", "type": "MEET", "start": "4:x:1", "end": "4:x:2",
                             "properties": {"date": "2022-02-10"}}
    assert to_plain([a])[0]["labels"] == ["Actor"]


def test_a_property_some_nodes_lack_is_not_indexed() -> None:
    """Upserts fill a missing property (an actor's country) in place, with the node count unchanged."""
    store = NetworkXStore(None)
    store.write(article_graphs())
    g = store.to_networkx()
    query = "MATCH (a:Actor {country: 'belarus'}) RETURN a.id ORDER BY a.id"
    before = rows(g, query)
    assert ["sviatlana-tsikhanouskaya"] in before
    g.nodes["nato"]["country"] = "belarus"  # what an upsert does to a stateless actor
    assert rows(g, query) == sorted(before + [["nato"]])
    assert index_for(g)._props[("Actor", "country")] is None


def test_syntax_error_inside_a_relationship_pattern() -> None:
    with pytest.raises(CypherSyntaxError) as err:
        prepare("MATCH (a)-[r->(b) RETURN a")
    assert str(err.value) == ("syntax error at line 1, column 13: expected a relationship type ':T', a length '*', "
                              "properties '{...}' or ']', found '-'")


def test_nodes_without_the_key_do_not_stop_the_index() -> None:
    store = NetworkXStore(None)
    store.write(article_graphs())
    g = store.to_networkx()
    # no label: articles have no `name` at all, which leaves the (any label, name) index usable
    assert rows(g, "MATCH (x {name: 'NATO'}) RETURN x.id") == [["nato"]]
    assert index_for(g)._props[(None, "name")] is not None
