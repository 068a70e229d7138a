"""Opening stores from the command line: store specs and credentials (issue 14 item 2), missing
stores (issue 12 item 5), JSON stores of polgraph 0.1 migrated (issue 13), load order (issue 14 item 7).

Each case asserts the exit code, the exact one-line message, that no password appears in any
output and that no file is created where none should be."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.stores.migrate import read_json_store
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.conftest import SEED
from tests.helpers import sample_graph

_register()
FIXTURE = Path(__file__).parent / "data" / "graph-0.1.json"  # written by polgraph 0.1 (commit 1389ee1)


@pytest.fixture
def runner(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- missing stores --------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["actors"], ["relations"], ["centrality"], ["export"],
                                     ["query", "MATCH (a:Actor) RETURN count(a) AS n"], ["push", "--to", "bolt://127.0.0.1:1"]])
def test_reading_a_store_that_does_not_exist_is_an_error(runner, tmp_path, command):
    option = "--from" if command[0] == "push" else "--store"
    result = runner.invoke(cli, [*command, option, ".polgraph/typo.db"])
    assert result.exit_code == 1, result.output
    assert result.output == "Error: .polgraph/typo.db: no such store (load articles into it first)\n"
    assert _files(tmp_path) == []


def test_the_default_store_missing_is_an_error_too(runner, tmp_path):
    result = runner.invoke(cli, ["actors"])
    assert result.exit_code == 1
    assert result.output == "Error: .polgraph/graph.db: no such store (load articles into it first)\n"
    assert _files(tmp_path) == []


def test_writing_commands_create_the_store(runner, tmp_path):
    result = runner.invoke(cli, ["migrate", "--store", "new/graph.db"])
    assert result.exit_code == 0, result.output
    assert result.output == "new/graph.db: no store there; created an empty one (polgraph-sqlite/1)\n"
    listed = runner.invoke(cli, ["actors", "--store", "new/graph.db", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.output) == []


# -- store specs and credentials -------------------------------------------------------------
def _no_secret(result, tmp_path: Path, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in result.output
        assert not any(secret in name for name in _files(tmp_path)), _files(tmp_path)


@pytest.mark.parametrize("userinfo,secret", [("neo4j:2024/Summer!", "Summer"), ("neo4j:p4ss/w0rd", "p4ss"),
                                             ("neo4j:a@b#c?d", "a@b"), ("neo4j:hunter2", "hunter2")])
def test_a_password_never_reaches_any_output(runner, tmp_path, closed_port, userinfo, secret):
    uri = f"bolt://{userinfo}@127.0.0.1:{closed_port}"
    result = runner.invoke(cli, ["actors", "--store", uri, "--require-neo4j"])
    assert result.exit_code == 1, result.output
    assert result.output == (f"Error: Neo4j at bolt://127.0.0.1:{closed_port} is unreachable (Connection refused); "
                             "--require-neo4j is set\n")
    _no_secret(result, tmp_path, secret)
    fallback = runner.invoke(cli, ["actors", "--store", uri])  # without --require-neo4j: the embedded default
    assert fallback.exit_code == 1
    assert fallback.output.splitlines() == [
        f"Neo4j at bolt://127.0.0.1:{closed_port} is unreachable (Connection refused); using the embedded store .polgraph/graph.db",
        "Error: .polgraph/graph.db: no such store (load articles into it first)",
    ]
    _no_secret(fallback, tmp_path, secret)


@pytest.mark.parametrize("spec", ["bolt://neo4j:p4ss/w0rd@127.0.0.1:x9", "bolt://neo4j:p4ss@127.0.0.1:99999"])
def test_a_port_that_is_not_a_number_is_one_line_without_the_password(runner, tmp_path, spec):
    result = runner.invoke(cli, ["actors", "--store", spec])
    assert result.exit_code == 1
    port = spec.rsplit(":", 1)[1]
    assert result.output == f"Error: bolt://127.0.0.1: the port {port!r} is not a port number\n"
    _no_secret(result, tmp_path, "p4ss")


@pytest.mark.parametrize("spec", ["BOLT://user:secret@127.0.0.1:{port}", " bolt://user:secret@127.0.0.1:{port} ",
                                  "Neo4j://user:secret@127.0.0.1:{port}"])
def test_schemes_are_recognised_whatever_their_case_and_spaces(runner, tmp_path, closed_port, spec):
    result = runner.invoke(cli, ["actors", "--store", spec.format(port=closed_port), "--require-neo4j"])
    assert result.exit_code == 1, result.output
    scheme = spec.strip().split(":", 1)[0].lower()
    assert result.output.startswith(f"Error: Neo4j at {scheme}://127.0.0.1:{closed_port} is unreachable (")
    assert result.output.endswith("; --require-neo4j is set\n") and result.output.count("\n") == 1
    _no_secret(result, tmp_path, "secret")
    assert _files(tmp_path) == []


def test_require_neo4j_is_honoured_with_a_file_store(runner, tmp_path):
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        store.write([sample_graph()])
    result = runner.invoke(cli, ["actors", "--store", "g.db", "--require-neo4j"])
    assert result.exit_code == 1
    assert result.output == "Error: g.db is not a Neo4j URI; --require-neo4j is set\n"


def test_an_unknown_scheme_is_refused_not_taken_for_a_file(runner, tmp_path):
    result = runner.invoke(cli, ["load", "--store", "https://user:secret@example.org/graph", str(SEED)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: https://example.org: unknown store scheme 'https' (a file path, or one of bolt://")
    assert result.output.count("\n") == 1
    _no_secret(result, tmp_path, "secret")
    assert _files(tmp_path) == []


# -- migration of a JSON store of polgraph 0.1 -----------------------------------------------
def _same(json_graph: nx.MultiDiGraph, store: SQLiteStore) -> None:
    """Every node, edge and property of the JSON store, in the migrated store (a property added
    since 0.1, such as an actor's iso3, reads back as None)."""
    got = store.to_networkx()
    assert sorted(got.nodes) == sorted(json_graph.nodes)
    assert sorted(got.edges(keys=True)) == sorted(json_graph.edges(keys=True))
    for node, data in json_graph.nodes(data=True):
        added = {k: v for k, v in got.nodes[node].items() if k not in data}
        assert {k: v for k, v in got.nodes[node].items() if k in data} == data and set(added.values()) <= {None}, node
        assert set(added) <= {"iso3"}, node
    for u, v, key, data in json_graph.edges(keys=True, data=True):
        assert got.edges[u, v, key] == data, key


def test_polgraph_migrate_converts_a_json_store_nothing_lost(runner, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "old.json")
    (tmp_path / "old.json").chmod(0o640)
    result = runner.invoke(cli, ["migrate", "--store", "old.json"])
    assert result.exit_code == 0, result.output
    assert result.output == ("Migrated the JSON store old.json to old.db (13 nodes, 30 edges); the old file is kept as "
                             "old.json.bak; the store is now old.db\n")
    assert _files(tmp_path) == ["old.db", "old.json.bak", "old.json.lock"]
    assert (tmp_path / "old.db").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "old.json.bak").read_bytes() == FIXTURE.read_bytes()
    with SQLiteStore(tmp_path / "old.db") as store:
        _same(read_json_store(FIXTURE), store)
        event = next(r for r in store.relations() if r.article == "gdelt:881990832")
        assert (event.goldstein, event.quad_class, event.num_mentions, event.avg_tone) == (1.9, 1, 10, -1.25)
        assert store.actor("belarus-government").sector == "GOV"
    again = runner.invoke(cli, ["migrate", "--store", "old.db"])
    assert again.output == "old.db: already a SQLite store (polgraph-sqlite/1); nothing to migrate\n"
    named = runner.invoke(cli, ["actors", "--store", "old.json", "--json"])  # the old name still finds it
    assert named.exit_code == 0
    assert named.stderr == "old.json was migrated to old.db; using old.db\n"
    assert len(json.loads(named.stdout)) == 11


def test_the_default_json_store_is_migrated_on_first_open(runner, tmp_path):
    (tmp_path / ".polgraph").mkdir()
    shutil.copy(FIXTURE, tmp_path / ".polgraph" / "graph.json")
    result = runner.invoke(cli, ["relations", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ("Migrated the JSON store .polgraph/graph.json to .polgraph/graph.db (13 nodes, 30 edges); "
                             "the old file is kept as .polgraph/graph.json.bak\n")
    assert len(json.loads(result.stdout)) == 12
    quiet = runner.invoke(cli, ["relations", "--json"])
    assert quiet.stderr == "" and quiet.stdout == result.stdout
    with SQLiteStore(tmp_path / ".polgraph" / "graph.db") as store:
        _same(read_json_store(FIXTURE), store)


@pytest.mark.parametrize("content,problem", [
    ('{"format": "polgraph-networkx/1", "nodes": {}, "edges": []}', "a polgraph-networkx/1 file of the wrong shape (no lists of nodes and edges)"),
    ('{"format": "polgraph-networkx/1", "nodes": [{"key": 1}], "edges": []}', "node 1 is not a polgraph node (key, _labels)"),
    ('{"format": "something-else"}', "not a polgraph store (JSON, but not polgraph's polgraph-networkx/1)"),
    ('{"format": "polgraph-networkx/1", "nodes": [{"key": "a", "_labels": ["Spaceship"]}], "edges": []}',
     "node 'a': labels ['Spaceship'] are not polgraph's (Actor, Topic, Article)"),
])
def test_a_json_store_of_the_wrong_shape_is_one_line_and_left_alone(runner, tmp_path, content, problem):
    (tmp_path / "g.json").write_text(content)
    result = runner.invoke(cli, ["actors", "--store", "g.json"])
    assert result.exit_code == 1, result.output
    prefix = "g.json: " if "node 'a'" not in problem else ""
    assert result.output == f"Error: {prefix}{problem}\n"
    assert (tmp_path / "g.json").read_text() == content
    assert _files(tmp_path) == ["g.json", "g.json.lock"]


# -- the same graph whatever the load order --------------------------------------------------
@pytest.mark.slow
def test_articles_loaded_in_two_orders_give_the_same_export(runner, tmp_path):
    texts = [
        "date 2024-02-01\nGermany banned Mahan Air on Monday. Iran condemned Germany.",
        "date 2024-02-03\nThe European Union criticised Iran. Germany and France held talks with Iran.",
        SEED.read_text(encoding="utf-8"),
    ]
    files = []
    for i, text in enumerate(texts):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    exports = []
    for name, order in (("forward", files), ("backward", files[::-1])):
        for path in order:  # one load per article: each a write of its own
            assert runner.invoke(cli, ["load", "--store", f"{name}.db", str(path)]).exit_code == 0
        exports.append(runner.invoke(cli, ["export", "--store", f"{name}.db"]).stdout_bytes)
    assert exports[0] == exports[1]
    assert b'"MEMBER_OF"' in exports[0]
