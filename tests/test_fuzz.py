"""A fuzz pass (issue 14, must-show 4): Hypothesis writes Cypher (from a grammar, from the query
language's tokens, and at random) and JSON Lines records, on a fixed seed and budget. Whatever it
writes, polgraph answers or refuses with a PolgraphError (exit 1 on the command line), never another
exception (exit 2), and never runs past the query's time limit. What it found is kept below as
regression cases."""

from __future__ import annotations

import json
import time

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polgraph.cli.app import _register, cli
from polgraph.cypher import QueryLimits, run_graph
from polgraph.cypher.functions import FUNCTIONS
from polgraph.cypher.limits import run_bounded
from polgraph.cypher.values import render, to_plain
from polgraph.exceptions import InputError, PolgraphError
from polgraph.graph.model import Article
from polgraph.loaders.readers import read_bytes_located, sniff_suffix

_register()

FUZZ = settings(derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
LIMITS = QueryLimits(timeout=1.0, max_rows=10_000, max_memory_mb=512)


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i, (label, name) in enumerate([("Actor", "Russia"), ("Actor", "Ukraine"), ("Actor", "NATO"),
                                       ("Article", "a1"), ("Topic", "truce")]):
        g.add_node(i, _labels=[label], name=name, id=name.lower(), n=i, tags=["x", str(i)])
    for k, (u, v, t) in enumerate([(0, 1, "CRITICIZES"), (1, 0, "REJECTS"), (2, 0, "SANCTIONS"), (0, 4, "PROPOSES"),
                                   (0, 3, "MENTIONED_IN"), (1, 1, "MEETS")]):
        g.add_edge(u, v, key=k, _type=t, date="2024-01-0" + str(k + 1), confidence=k / 10)
    return g


GRAPH = _graph()

# -- Cypher from a grammar ----------------------------------------------------------------------------
_names = st.sampled_from(["a", "b", "r", "p", "x", "n", "`odd name`"])
_literals = st.one_of(
    st.integers(-2**64, 2**64).map(str), st.floats(allow_nan=False).map(repr), st.sampled_from(
        ["null", "true", "false", "'text'", "''", "'\\u001b[2J'", "\"q\\\"\"", "[]", "{}", "$p", "[1, 2, 3]",
         "{k: 1, m: 'v'}", "0x1F", "1e308", "-0.0", "'(a+)+b'", "'\\ud800'"]),
    st.text(max_size=8).map(lambda s: "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"),
)
_binary = st.sampled_from(["+", "-", "*", "/", "%", "^", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "XOR",
                           "IN", "CONTAINS", "STARTS WITH", "ENDS WITH", "=~"])
_functions = st.sampled_from(sorted(FUNCTIONS) + ["count", "collect", "sum", "avg", "min", "max", "nosuch"])


def _expressions() -> st.SearchStrategy[str]:
    leaf = st.one_of(_literals, _names, _names.map(lambda v: f"{v}.name"), _names.map(lambda v: f"{v}.n"))

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, _binary, inner).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
            inner.map(lambda e: f"({e})"), inner.map(lambda e: f"NOT {e}"), inner.map(lambda e: f"-{e}"),
            inner.map(lambda e: f"{e} IS NULL"), st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.tuples(_functions, st.lists(inner, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
            st.tuples(inner, inner).map(lambda t: f"[x IN {t[0]} WHERE {t[1]} | x]"),
            st.tuples(inner, inner).map(lambda t: f"reduce(s = {t[0]}, x IN {t[1]} | s + x)"),
            st.tuples(inner, inner, inner).map(lambda t: f"CASE WHEN {t[0]} THEN {t[1]} ELSE {t[2]} END"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}..]"),
            inner.map(lambda e: f"any(y IN {e} WHERE y = 1)"),
            inner.map(lambda e: f"{{k: {e}}}.k"),
            st.just("exists((a)-->())"), st.just("[(a)-[r]->(b) | b.name]"), st.just("COUNT { (a)--() }"),
        )

    return st.recursive(leaf, grow, max_leaves=10)


_EXPRESSIONS = _expressions()


_node = st.tuples(st.sampled_from(["", "a", "b", "n"]), st.sampled_from(["", ":Actor", ":Topic", ":Nope"]),
                  st.sampled_from(["", " {name: 'Russia'}", " {n: $p}"])).map(lambda t: f"({t[0]}{t[1]}{t[2]})")
_rel = st.tuples(st.sampled_from(["", "r"]), st.sampled_from(["", ":CRITICIZES", ":REJECTS|SANCTIONS"]),
                 st.sampled_from(["", "*", "*1..2", "*0..", "*2"]), st.sampled_from(["-{}->", "<-{}-", "-{}-"])
                 ).map(lambda t: t[3].format(f"[{t[0]}{t[1]}{t[2]}]" if any(t[:3]) else ""))
_pattern = st.tuples(_node, st.lists(st.tuples(_rel, _node), max_size=2)).map(
    lambda t: t[0] + "".join(r + n for r, n in t[1]))


@st.composite
def _queries(draw: st.DrawFn) -> str:
    expr = _EXPRESSIONS
    parts = []
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["MATCH", "OPTIONAL MATCH", "UNWIND", "WITH"]))
        if kind.endswith("MATCH"):
            prefix = draw(st.sampled_from(["", "p = "]))
            parts.append(f"{kind} {prefix}{draw(_pattern)}" + draw(st.sampled_from(["", " WHERE " + draw(expr)])))
        elif kind == "UNWIND":
            parts.append(f"UNWIND {draw(expr)} AS {draw(_names)}")
        else:
            parts.append(f"WITH {draw(expr)} AS {draw(_names)}" + draw(st.sampled_from(["", ", *"])))
    items = ", ".join(f"{draw(expr)} AS c{i}" for i in range(draw(st.integers(1, 3))))
    tail = draw(st.sampled_from(["", " ORDER BY c0", " ORDER BY c0 DESC SKIP 1", " LIMIT 3", " LIMIT -1"]))
    query = " ".join(parts + [f"RETURN {draw(st.sampled_from(['', 'DISTINCT ']))}{items}{tail}"])
    if draw(st.booleans()):
        query += " UNION " + draw(st.sampled_from(["ALL ", ""])) + f"RETURN {draw(expr)} AS c0"
    return query


_tokens = st.lists(st.sampled_from(
    ["MATCH", "RETURN", "WITH", "WHERE", "UNWIND", "AS", "(", ")", "[", "]", "{", "}", "-", "->", "<-", ":", ",", ".",
     "*", "..", "|", "a", "b", "count(*)", "1", "'s'", "$p", "AND", "NOT", "OR", "=", "+", "CASE", "WHEN", "THEN",
     "END", "reduce", "IN", "EXISTS", "COUNT", "CREATE", "DELETE", "ORDER", "BY", "LIMIT", "UNION", "//", "/*", "`"]),
    max_size=25).map(" ".join)


def _answer_or_refuse(query: str) -> None:
    start = time.monotonic()
    try:
        result = run_graph(GRAPH, query, {"p": 1}, limits=LIMITS)
    except PolgraphError as exc:
        assert "\n" not in str(exc), f"{query!r}: a multi-line error {exc!r}"
        return
    finally:
        assert time.monotonic() - start < LIMITS.timeout + 5, f"{query!r} ran past its time limit"
    # the result prints: tables and JSON alike (on the engine's deep stack, as the CLI does)
    run_bounded(lambda: ([render(v, top=True) for row in result.rows for v in row],
                         json.dumps([[to_plain(v) for v in row] for row in result.rows], default=str)), LIMITS)


@FUZZ
@given(_queries())
def test_fuzz_cypher_from_the_grammar(query):
    _answer_or_refuse(query)


@FUZZ
@given(_tokens)
def test_fuzz_cypher_token_soup(query):
    _answer_or_refuse(query)


@FUZZ
@given(st.text(max_size=60))
def test_fuzz_cypher_random_text(query):
    _answer_or_refuse(query)


# -- JSON Lines ---------------------------------------------------------------------------------
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)
_records = st.fixed_dictionaries({}, optional={
    "id": _json_values, "title": _json_values, "source": _json_values, "url": _json_values,
    "date": st.one_of(_json_values, st.dates().map(str), st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-30"])),
    "text": st.one_of(_json_values, st.text(min_size=1, max_size=80)),
}).map(lambda d: json.dumps(d).encode())
_lines = st.one_of(_records, st.binary(max_size=40), st.sampled_from([
    b'{"text": "a \\ud800 b"}', b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}", b'{"text": "x"}\x00', b"\xff\xfe{",
    b'{"text": "Yesterday.", "date": "1600-01-01"}', b"[1, 2]", b'"just a string"', b"{}"]))


@FUZZ
@given(st.lists(_lines, max_size=8))
def test_fuzz_json_lines_records(lines):
    data = b"\n".join(lines)
    read = list(read_bytes_located(data, "fuzz.jsonl", ".jsonl"))
    for where, record in read:
        assert isinstance(record, (Article, InputError))
        if isinstance(record, InputError):
            assert "\n" not in str(record) and str(record).startswith("fuzz.jsonl")
        else:
            record.text.encode("utf-8")  # storable
            assert where.startswith("fuzz.jsonl:")
    assert sniff_suffix(data) in (".jsonl", ".html", ".txt")


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "graph.db"


@settings(FUZZ, max_examples=15)
@given(st.lists(_lines, min_size=1, max_size=4))
def test_fuzz_json_lines_through_the_command_line(loaded_store, lines):
    result = CliRunner().invoke(cli, ["load", "--store", str(loaded_store), "-"], input=b"\n".join(lines))
    assert result.exit_code in (0, 1), result.output
    assert "Internal error" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


# -- what the fuzz pass found, kept ---------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "RETURN " + "({a: " * 40 + "1" + "})" * 40,  # exponential backtracking in the parser
    "RETURN " + "({a: " * 40 + "1" + "}" * 40,  # ... and in its error path
    "RETURN '\\ud800' AS s",  # a lone surrogate in a string literal
    "³\xa0", ".¹", "/¹¯", "RETURN 1²",  # digits Python reads as digits and int() does not
])
def test_fuzz_findings(query):
    start = time.monotonic()
    _answer_or_refuse(query)
    assert time.monotonic() - start < 3
