"""``polgraph query``: library queries and inline Cypher on a real graph file, exact lines and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.stores.sqlite_store import SQLiteStore
from test_cypher_graphs import article_graphs

_register()


@pytest.fixture
def query(tmp_path):
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write(article_graphs())

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["query", "--store", str(path), *args], catch_exceptions=False)

    return invoke


def test_library_query_prints_a_table(query):
    result = query("most_mentioned", "--param", "limit=2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["actor", "kind", "mentions", "articles"]
    assert lines[2].split() == ["Russia", "state", "9", "4"]
    assert lines[3].split() == ["Alexander", "Lukashenko", "person", "8", "3"]
    assert len(lines) == 4


def test_library_query_json_with_text_and_list_params(query):
    result = query("who_acts_on_whom", "-p", 'types=["ACCUSE"]', "-p", "since=2022-03-01", "-p", "until=2022-12-31",
                   "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"source": "Volodymyr Zelensky", "type": "ACCUSE", "target": "Russia",
                                          "relations": 1, "first": "2022-03-02", "last": "2022-03-02"}]


def test_inline_cypher_csv(query):
    result = query("MATCH (a:Actor {kind: $k}) RETURN a.name AS name, a.aliases AS aliases ORDER BY name",
                   "-p", "k=bloc", "--csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["name", "aliases"], ["European Union", "['Brussels', 'EU']"], ["NATO", "['the Alliance']"]]


def test_nodes_and_relationships_in_json_and_tables(query):
    text = "MATCH (a:Actor {name: 'Wagner Group'})-[r:THREATEN]->(b) RETURN a, r, b.name AS b"
    rows = json.loads(query(text, "--json").stdout)
    assert rows[0]["a"]["labels"] == ["Actor"] and rows[0]["a"]["properties"]["name"] == "Wagner Group"
    assert rows[0]["r"]["type"] == "THREATEN" and rows[0]["r"]["properties"]["date"] == "2023-07-23"
    table = query(text).stdout.splitlines()
    assert table[2].startswith("(:Actor {id: 'wagner', name: 'Wagner Group'")
    assert "[:THREATEN {id: " in table[2] and table[2].rstrip().endswith("Poland")


def test_list_shows_queries_and_parameters(query):
    result = query("--list")
    assert result.exit_code == 0
    assert "who_acts_on_whom: which actor does what to whom" in result.stdout
    assert "    $limit (default 50) at most this many rows" in result.stdout


@pytest.mark.parametrize("args, line", [
    (("nosuch",), "Error: no library query named 'nosuch' (known: actor_timeline, actors_by_kind, co_mentions, "
                  "dyads, most_mentioned, paths_between, relations_between, role_phrase, who_acts_on_whom)"),
    (("MATCH (a) RETURN a.name AS",), "Error: syntax error at line 1, column 27: expected a name after AS, "
                                      "found end of input"),
    (("MATCH (a) RETURN b",), "Error: variable `b` not defined (line 1, column 18)"),
    (("MATCH (a) SET a.x = 1", "--write"), "Error: SET (line 1, column 11): the embedded store answers read queries "
                                           "only; write through the loaders (polgraph load) or run the query on Neo4j"),
    (("CREATE (a:Actor)",), "Error: CREATE: the embedded store answers read queries only; write through the loaders "
                            "(polgraph load) or run the query on Neo4j (--store bolt://...)"),
    (("RETURN 1 / 0",), "Error: division by zero"),
    (("most_mentioned", "--param", "limit"), "Error: --param 'limit': expected NAME=VALUE"),
    (("actor_timeline", "--json", "--csv"), "Error: --json and --csv exclude each other"),
    ((), "Error: give a library query name (see polgraph query --list) or a Cypher query"),
])
def test_errors_are_one_line_and_exit_1(query, args, line):
    result = query(*args)
    assert result.exit_code == 1
    assert result.stderr.strip() == line
    assert result.stdout == ""
