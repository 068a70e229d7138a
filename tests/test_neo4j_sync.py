"""``polgraph push`` / ``polgraph pull``: embedded store -> Bolt server -> embedded store loses nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.stores.neo4j_store import Neo4jStore
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import sample_graph
from tests.test_store_contract import second_article, snapshot


@pytest.fixture
def runner() -> CliRunner:
    app._register()
    return CliRunner()


def test_push_then_pull_round_trip(runner: CliRunner, bolt_store: Neo4jStore, tmp_path) -> None:
    source = tmp_path / "source.db"
    with SQLiteStore(source, create=True) as store:
        store.write([sample_graph(), second_article()])
    uri = bolt_store.location

    pushed = runner.invoke(app.cli, ["push", "--from", str(source), "--to", uri])
    assert pushed.exit_code == 0, pushed.output
    want = snapshot(SQLiteStore(source).to_networkx())
    assert pushed.stdout == f"pushed {len(want[0])} nodes and {len(want[1])} relationships from {source} to {uri}\n"
    assert snapshot(bolt_store.to_networkx()) == want

    again = runner.invoke(app.cli, ["push", "--from", str(source), "--to", uri, "--json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["counts"] == SQLiteStore(source).counts()  # idempotent

    target = tmp_path / "pulled.db"
    pulled = runner.invoke(app.cli, ["pull", "--from", uri, "--to", str(target)])
    assert pulled.exit_code == 0, pulled.output
    assert snapshot(SQLiteStore(target).to_networkx()) == want
    assert SQLiteStore(target).relations() == SQLiteStore(source).relations()
    assert SQLiteStore(target).articles() == SQLiteStore(source).articles()


def test_pull_merges_into_an_existing_file(runner: CliRunner, bolt_store: Neo4jStore, tmp_path) -> None:
    bolt_store.write([second_article()])
    target = tmp_path / "mine.db"
    with SQLiteStore(target, create=True) as store:
        store.write([sample_graph()])
    result = runner.invoke(app.cli, ["pull", "--from", bolt_store.location, "--to", str(target)])
    assert result.exit_code == 0, result.output
    both = NetworkXStore(None)
    both.write([sample_graph(), second_article()])
    merged = SQLiteStore(target)
    assert merged.counts() == both.counts()
    assert merged.relations() == both.relations()


def test_push_needs_a_graph_file_and_a_uri(runner: CliRunner, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    missing = runner.invoke(app.cli, ["push", "--from", str(tmp_path / "none.db"), "--to", "bolt://127.0.0.1:1"])
    assert missing.exit_code == 1
    assert missing.stderr == f"Error: {tmp_path / 'none.db'}: no such store (load articles into it first)\n"
    source = tmp_path / "g.db"
    with SQLiteStore(source, create=True) as store:
        store.write([sample_graph()])
    no_uri = runner.invoke(app.cli, ["push", "--from", str(source)])
    assert no_uri.exit_code == 1
    assert no_uri.stderr == "Error: a Neo4j URI is needed: --to/--from bolt://... or NEO4J_URI\n"


def test_sync_never_falls_back(runner: CliRunner, tmp_path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(app.cli, ["pull", "--from", f"bolt://127.0.0.1:{port}", "--to", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Neo4j at bolt://127.0.0.1:{port} is unreachable (Connection refused); --require-neo4j is set\n"
    )
    assert not (tmp_path / "x.db").exists()
