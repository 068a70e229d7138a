"""Runaway queries end with one line and exit 1: time, row, memory and value-size limits of the
embedded engine (issue 14, item 4), deep nesting and long flat expressions."""

from __future__ import annotations

import random
import re
import time
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.config import open_store
from polgraph.cypher import QueryLimits, run, run_graph
from polgraph.cypher.parser import MAX_NESTING, parse
from polgraph.exceptions import CypherSyntaxError, QueryLimitExceeded, QueryTimeout
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation

_register()

SHORT = QueryLimits(timeout=0.5)


def _dense_graph(nodes: int = 200, edges: int = 1_000) -> nx.MultiDiGraph:
    rnd = random.Random(14)
    g = nx.MultiDiGraph()
    for i in range(nodes):
        g.add_node(i, _labels=["Actor"], name=f"actor {i}")
    for k in range(edges):
        g.add_edge(rnd.randrange(nodes), rnd.randrange(nodes), key=k, _type="MEETS")
    return g


@pytest.fixture(scope="module")
def dense() -> nx.MultiDiGraph:
    return _dense_graph()


@pytest.mark.parametrize("query", [
    "MATCH (a),(b),(c),(d) RETURN count(*)",
    "MATCH p=(a)-[*]-(b) RETURN count(p)",
    "UNWIND range(1, 5000) AS x UNWIND range(1, 5000) AS y RETURN count(*)",
    "MATCH (a) RETURN size([x IN range(1, 5000) | [y IN range(1, 2000) | y + id(a)]])",
])
def test_a_runaway_query_ends_at_its_time_limit(dense, query):
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"^the query ran longer than its time limit of 0.5 s$"):
        run_graph(dense, query, limits=SHORT)
    assert time.monotonic() - start < 5


def test_a_range_too_large_is_refused_before_it_is_built():
    with pytest.raises(QueryLimitExceeded) as info:
        run_graph(nx.MultiDiGraph(), "UNWIND range(1,100000000) AS x RETURN count(x)")
    assert str(info.value) == "range() would be 100,000,000 long, over the limit of 10,000,000 for one value"


def test_a_string_doubled_forty_times_stops_at_the_value_limit():
    with pytest.raises(QueryLimitExceeded) as info:
        run_graph(nx.MultiDiGraph(), "RETURN size(reduce(s = 'a', x IN range(1, 40) | s + s))")
    assert str(info.value) == "a string made by '+' would be 16,777,216 long, over the limit of 10,000,000 for one value"


@pytest.mark.parametrize("query,what", [
    ("RETURN size(reduce(l = [1], x IN range(1, 40) | l + l))", "a list made by '+'"),
    ("RETURN size(replace(reduce(s = 'a', x IN range(1, 20) | s + s), 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))", "replace()"),
])
def test_other_values_that_would_grow_past_the_limit(query, what):
    with pytest.raises(QueryLimitExceeded, match=f"^{re.escape(what)} would be"):
        run_graph(nx.MultiDiGraph(), query)


def test_the_row_limit():
    with pytest.raises(QueryLimitExceeded) as info:
        run_graph(nx.MultiDiGraph(), "UNWIND range(1, 1001) AS x RETURN x", limits=QueryLimits(max_rows=1000))
    assert str(info.value) == "the query returned more than 1,000 rows (its row limit); add LIMIT"
    assert len(run_graph(nx.MultiDiGraph(), "UNWIND range(1, 1000) AS x RETURN x", limits=QueryLimits(max_rows=1000)).rows) == 1000


def test_the_memory_guard():
    # a hundred rows of a million-item list each: the values are small enough, their sum is not
    query = "UNWIND range(1, 100) AS i WITH i, range(1, 1000000) AS big RETURN count(big)"
    with pytest.raises(QueryLimitExceeded, match="^the query used more than its memory limit of 50 MB$"):
        run_graph(nx.MultiDiGraph(), "UNWIND range(1, 100) AS i RETURN collect(range(i, i + 1000000))",
                  limits=QueryLimits(max_memory_mb=50))
    assert run_graph(nx.MultiDiGraph(), query).rows == [[100]]  # streamed: within the default guard


def test_a_backtracking_regular_expression_is_fast_or_bounded():
    start = time.monotonic()
    assert run_graph(nx.MultiDiGraph(), "RETURN '" + "a" * 27 + "!' =~ '(a+)+b' AS m").rows == [[False]]
    assert time.monotonic() - start < 2
    with pytest.raises(QueryTimeout, match=r"^the query ran longer than its time limit of 0.5 s \(matching"):
        run_graph(nx.MultiDiGraph(), "RETURN '" + "a" * 40 + "!' =~ '(a|aa)+$'", limits=SHORT)


def test_nesting_of_a_thousand_levels_and_long_flat_expressions():
    g = nx.MultiDiGraph()
    assert run_graph(g, "RETURN " + "(" * 1000 + "1" + ")" * 1000 + " AS x").rows == [[1]]
    assert run_graph(g, "RETURN " + " + ".join(["1"] * 500) + " AS x").rows == [[500]]
    assert run_graph(g, "RETURN " + " AND ".join(["true"] * 1000) + " AS x").rows == [[True]]
    assert run_graph(g, "RETURN " + " OR ".join(["false"] * 1000) + " AS x").rows == [[False]]
    assert run_graph(g, "RETURN " + " XOR ".join(["true"] * 999) + " AS x").rows == [[True]]
    assert run_graph(g, "RETURN " + "NOT " * 1000 + "true AS x").rows == [[True]]
    assert run_graph(g, "RETURN " + "- " * 999 + "1 AS x").rows == [[-1]]
    deep = run_graph(g, "RETURN " + "[" * 1000 + "]" * 1000 + " AS x").rows[0][0]
    for _ in range(999):
        deep = deep[0]
    assert deep == []
    x = "UNWIND [1, 2, null] AS x RETURN "
    assert run_graph(g, x + " + ".join(["x"] * 300) + " AS s").rows == [[300], [600], [None]]
    assert run_graph(g, "RETURN 2 - 1 - 1 - 1 AS d, 2 * 3 / 2 % 2 AS m, 'a' + 1 + 2 AS s").rows == [[-1, 1, "a12"]]


def test_nesting_past_the_limit_is_a_syntax_error():
    text = "RETURN " + "(" * (MAX_NESTING + 1) + "1" + ")" * (MAX_NESTING + 1)
    with pytest.raises(CypherSyntaxError, match=f"^syntax error at line 1, column [0-9]+: the query nests deeper than {MAX_NESTING:,} levels$"):
        run_graph(nx.MultiDiGraph(), text)


def test_nested_maps_in_parentheses_parse_in_linear_time():
    # each '(' is tried as a pattern first: without memoising, 18 levels took 14 s
    start = time.monotonic()
    parse("RETURN " + "({a: " * 30 + "1" + "})" * 30)
    with pytest.raises(CypherSyntaxError):
        parse("RETURN " + "({a: " * 30 + "1" + "}" * 30)
    assert time.monotonic() - start < 2


# -- the command line: one line, exit 1, the store unchanged ------------------------------------------
@pytest.fixture(scope="module")
def dense_store(tmp_path_factory):
    """A store of 300 actors and 1,500 relations, written through the Store API."""
    path = tmp_path_factory.mktemp("dense") / "graph.db"
    rnd = random.Random(7)
    actors = [Actor(f"actor-{i}", f"Actor {i}", "state") for i in range(300)]
    graphs = []
    for n in range(30):
        article = Article.from_text(f"Article {n} of the dense test store.", published=date(2024, 1, 1), title=f"a{n}")
        rels = [Relation(rnd.choice(actors).id, rnd.choice(actors).id, "CRITICIZES", article.id, k + 1, "x", cameo="11")
                for k in range(50)]
        used = {r.source for r in rels} | {r.target for r in rels}
        graphs.append(ArticleGraph(article, [a for a in actors if a.id in used], [], rels,
                                   [Mention(a, article.id) for a in sorted(used)]))
    with open_store(str(path), create=True) as store:
        store.write(graphs)
    return path


def _query(store, *args):
    return CliRunner().invoke(cli, ["query", "--store", str(store), *args], catch_exceptions=False)


@pytest.mark.parametrize("query", ["MATCH (a),(b),(c),(d) RETURN count(*)", "MATCH p=(a)-[*]-(b) RETURN count(p)"])
def test_cli_timeout(dense_store, query):
    before = dense_store.read_bytes()
    result = _query(dense_store, "--timeout", "0.5", query)
    assert result.exit_code == 1
    assert result.output == "Error: the query ran longer than its time limit of 0.5 s\n"
    assert dense_store.read_bytes() == before


@pytest.mark.parametrize("query,line", [
    ("UNWIND range(1,100000000) AS x RETURN count(x)",
     "Error: range() would be 100,000,000 long, over the limit of 10,000,000 for one value\n"),
    ("RETURN size(reduce(s = 'a', x IN range(1, 40) | s + s))",
     "Error: a string made by '+' would be 16,777,216 long, over the limit of 10,000,000 for one value\n"),
])
def test_cli_value_limits(dense_store, query, line):
    result = _query(dense_store, query)
    assert (result.exit_code, result.output) == (1, line)


def test_cli_row_limit(dense_store):
    result = _query(dense_store, "--max-rows", "10", "MATCH (a:Actor) RETURN a.name")
    assert (result.exit_code, result.output) == (1, "Error: the query returned more than 10 rows (its row limit); add LIMIT\n")


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_cli_timeout_must_be_a_positive_number(dense_store, value):
    result = _query(dense_store, "--timeout", value, "RETURN 1")
    assert result.exit_code == 1
    assert result.output == f"Error: --timeout must be a number above zero, got {float(value)}\n"


def test_cli_prints_deeply_nested_values(dense_store):
    result = _query(dense_store, "--json", "RETURN " + "[" * 1000 + "1" + "]" * 1000 + " AS x")
    assert result.exit_code == 0, result.output
    assert "".join(result.output.split()) == '[{"x":' + "[" * 1000 + "1" + "]" * 1000 + "}]"
    result = _query(dense_store, "RETURN " + "[" * 1000 + "1" + "]" * 1000 + " AS x")
    assert result.exit_code == 0 and result.output.splitlines()[2] == "[" * 1000 + "1" + "]" * 1000


def test_python_api_takes_the_limits(dense_store):
    with open_store(str(dense_store)) as store:
        with pytest.raises(QueryTimeout):
            run(store, "MATCH (a),(b),(c),(d) RETURN count(*)", limits=QueryLimits(timeout=0.3))
        assert run(store, "MATCH (a:Actor) RETURN count(*) AS n").rows == [[300]]


def test_a_query_run_from_inside_a_query_thread_does_not_wait_for_itself():
    from polgraph.cypher.limits import run_bounded

    inner = run_bounded(lambda: run_graph(nx.MultiDiGraph(), "RETURN 1 AS x", limits=QueryLimits(timeout=5)).rows)
    assert inner == [[1]]
