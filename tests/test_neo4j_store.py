"""The Neo4j store beyond the contract: configuration, fallback, schema, Cypher, analytics, CLI.

Bolt tests run against FalkorDB from PyPI (fixture in tests/conftest_bolt.py); tests marked
``neo4j`` need a real Neo4j at NEO4J_URI.
"""

from __future__ import annotations

import socket

import networkx as nx
import pytest
from click.testing import CliRunner

from polgraph.cli import app
from polgraph.exceptions import QueryError, StoreError, StoreUnavailable
from polgraph.graph.algorithms.centrality import EXACT, rank
from polgraph.graph.algorithms.reference import actor_graph, networkx_centrality as centrality
from polgraph.graph.ontology import EVENT_TYPES, STRUCTURAL_TYPES
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.neo4j_cypher import schema_statements
from polgraph.config import open_store
from polgraph.graph.stores.neo4j_store import Neo4jStore, redact_uri, store_auth
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.graph.stores.uri import parse_store_spec
from tests.conftest_bolt import neo4j_store_or_skip
from tests.helpers import sample_graph


@pytest.fixture
def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def runner() -> CliRunner:
    app._register()
    return CliRunner()


# -- configuration ---------------------------------------------------------------------------
def test_uris_are_shown_without_credentials() -> None:
    assert redact_uri("neo4j+s://ann:s3cret@abc.databases.neo4j.io") == "neo4j+s://abc.databases.neo4j.io"
    assert redact_uri("bolt://u:p@localhost:7687/?x=1") == "bolt://localhost:7687/"
    assert redact_uri("bolt://localhost:7687") == "bolt://localhost:7687"


def test_auth_comes_from_the_environment_or_the_uri() -> None:
    local = parse_store_spec("bolt://localhost")
    assert store_auth(local, {"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "pw"}) == ("neo4j", "pw")
    assert store_auth(local, {"NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "pw"}) == ("neo4j", "pw")
    assert store_auth(parse_store_spec("bolt://ann:p%40ss@localhost"), {}) == ("ann", "p@ss")
    assert store_auth(parse_store_spec("bolt://ann:p@ss@localhost"), {}) == ("ann", "p@ss")
    assert store_auth(local, {}) is None


# -- fallback --------------------------------------------------------------------------------
def test_unreachable_neo4j_falls_back_to_the_embedded_store(closed_port: int, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    lines: list[str] = []
    with open_store(f"bolt://neo4j:hunter2@127.0.0.1:{closed_port}", create=True, warn=lines.append) as store:
        assert isinstance(store, SQLiteStore)
    assert lines == [
        f"Neo4j at bolt://127.0.0.1:{closed_port} is unreachable (Connection refused); "
        "using the embedded store .polgraph/graph.db"
    ]


def test_require_neo4j_raises_instead(closed_port: int) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        open_store(f"bolt://127.0.0.1:{closed_port}", require_neo4j=True, warn=pytest.fail)
    assert str(caught.value) == f"Neo4j at bolt://127.0.0.1:{closed_port} is unreachable (Connection refused)"


def test_cli_says_so_in_one_line_and_uses_the_embedded_store(runner: CliRunner, closed_port: int, tmp_path,
                                                            monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2")
    SQLiteStore(".polgraph/graph.db", create=True).close()
    result = runner.invoke(app.cli, ["actors", "--store", f"neo4j://neo4j:hunter2@127.0.0.1:{closed_port}"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Neo4j at neo4j://127.0.0.1:{closed_port} is unreachable (Unable to retrieve routing information); "
        "using the embedded store .polgraph/graph.db"
    ]
    assert "hunter2" not in result.output


def test_cli_with_require_neo4j_exits_1(runner: CliRunner, closed_port: int, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{closed_port}")
    monkeypatch.delenv("POLGRAPH_STORE", raising=False)
    result = runner.invoke(app.cli, ["actors", "--require-neo4j"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Neo4j at bolt://127.0.0.1:{closed_port} is unreachable (Connection refused); --require-neo4j is set\n"
    )


# -- schema ----------------------------------------------------------------------------------
def test_schema_file_has_what_the_issue_asks() -> None:
    items = {s.name: s for s in schema_statements()}
    assert items["actor_id"].kind == items["article_id"].kind == "constraint"
    assert "REQUIRE a.id IS UNIQUE" in items["actor_id"].text
    assert items["actor_name"].kind == "index"
    assert items["actor_names"].kind == "fulltext" and "a.aliases" in items["actor_names"].text
    for rel_type in [t.name for t in EVENT_TYPES] + list(STRUCTURAL_TYPES):
        assert items[f"rel_{rel_type.lower()}_id"].kind == "relationship index", rel_type
    assert all("IF NOT EXISTS" in s.text for s in items.values())


def test_init_on_falkordb_reports_what_it_lacks_and_is_idempotent(bolt_store: Neo4jStore) -> None:
    first = {name: status for name, status, _ in bolt_store.init_schema()}
    second = {name: status for name, status, _ in bolt_store.init_schema()}
    assert first["actor_id"] == first["actor_names"] == "unsupported"
    assert first["Actor.id"] in ("applied", "exists")  # indexes outlive delete_all on FalkorDB
    assert set(second.values()) == {"unsupported", "exists"}
    assert second["CRITICIZES.id"] == second["Actor.name"] == "exists"


def test_init_cli_on_falkordb(runner: CliRunner, falkordb_server) -> None:
    result = runner.invoke(app.cli, ["init", "--store", falkordb_server.uri, "--require-neo4j"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{falkordb_server.uri}: FalkorDB (Bolt endpoint, openCypher subset)"
    assert "  unsupported actor_id (FalkorDB has no CREATE CONSTRAINT; the id index below stands in for it)" in lines
    assert lines[-1].endswith("4 not supported by this server")


def test_init_on_the_embedded_store(runner: CliRunner, tmp_path) -> None:
    result = runner.invoke(app.cli, ["init", "--store", str(tmp_path / "g.db")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'g.db'}: embedded SQLite store (polgraph-sqlite/1, SQLite ")
    assert "  exists      event (table)" in lines and "  exists      event_source (index)" in lines
    assert lines[-1] == f"0 applied, {len(lines) - 2} already there, 0 not supported by this server"


# -- Cypher ----------------------------------------------------------------------------------
def test_run_cypher_returns_columns_and_plain_rows(bolt_store: Neo4jStore) -> None:
    bolt_store.write([sample_graph()])
    result = bolt_store.run_cypher("MATCH (a:Actor {kind: $kind}) RETURN a.id AS id, a ORDER BY id", {"kind": "state"})
    columns, rows = result.columns, result.rows
    assert columns == ["id", "a"]
    assert [row[0] for row in rows] == ["freedonia", "ruritania"]
    assert rows[1][1] == {"_labels": ["Actor"], "id": "ruritania", "name": "Ruritania", "kind": "state",
                          "aliases": ["Ruritanian Republic"]}
    result = bolt_store.run_cypher("CREATE (t:Topic {id: $id, name: $id}) RETURN t.id AS id",
                                   {"id": "topic:o'brien"}, write=True)
    assert result.rows == [["topic:o'brien"]]
    assert bolt_store.counts()["topics"] == 2


@pytest.mark.neo4j
def test_run_cypher_reads_in_a_read_transaction_on_neo4j() -> None:
    store = neo4j_store_or_skip()
    try:
        with pytest.raises(QueryError, match="--write"):
            store.run_cypher("CREATE (:Topic {id: 'x'})")
        store.run_cypher("CREATE (:Topic {id: 'x'})", write=True)
        assert store.counts()["topics"] == 1
    finally:
        store.delete_all()
        store.close()


# -- analytics -------------------------------------------------------------------------------
@pytest.mark.parametrize("where", [RelationFilter(), RelationFilter(types=("SANCTIONS",)),
                                   RelationFilter(actor="freedonia")])
def test_the_projected_actor_graph_is_the_networkx_one(bolt_store: Neo4jStore, where: RelationFilter) -> None:
    """GDS projects actor_edges.cypher's graph; it is the graph the NetworkX algorithms rank."""
    from tests.test_store_contract import second_article

    bolt_store.write([sample_graph(), second_article()])
    expected = actor_graph(bolt_store.to_networkx(), where)
    assert bolt_store.actor_edges(where) == {(u, v): d["weight"] for u, v, d in expected.edges(data=True)}


def test_without_gds_centrality_is_left_to_networkx(bolt_store: Neo4jStore) -> None:
    assert not bolt_store.server.has_gds
    assert bolt_store.centrality(RelationFilter(), EXACT) is None


@pytest.mark.neo4j
def test_gds_and_networkx_rank_alike() -> None:
    store = neo4j_store_or_skip()
    try:
        if not store.server.has_gds:
            pytest.skip("the Neo4j at NEO4J_URI has no Graph Data Science library")
        from tests.test_store_contract import second_article

        store.write([sample_graph(), second_article()])
        gds = store.centrality(RelationFilter(), EXACT)  # the sample: tests/test_neo4j_gds.py
        local = centrality(actor_graph(store.to_networkx()))
        for measure in ("degree", "in_degree", "out_degree", "pagerank", "betweenness", "eigenvector"):
            assert [s.id for s in rank(gds, measure)] == [s.id for s in rank(local, measure)], measure
    finally:
        store.delete_all()
        store.close()


# -- writes ----------------------------------------------------------------------------------
def test_unknown_relation_types_never_reach_cypher(bolt_store: Neo4jStore) -> None:
    graph = sample_graph()
    bad = graph.relations[0].__class__(**{**graph.relations[0].__dict__, "type": "KNOWS]->() DETACH DELETE n //"})
    graph.relations.append(bad)
    with pytest.raises(StoreError, match="unknown relation type"):
        bolt_store.write([graph])


def test_batch_size_is_a_setting_capped_on_falkordb(falkordb_server) -> None:
    store = Neo4jStore(falkordb_server.uri, auth=None, batch_size=10)
    try:
        assert store.batch_size == 10
    finally:
        store.close()
    store = Neo4jStore(falkordb_server.uri, auth=None, batch_size=1000)
    try:
        assert store.batch_size == 50  # larger requests crash FalkorDB's Bolt endpoint
    finally:
        store.close()


def test_to_networkx_feeds_the_shared_algorithms(bolt_store: Neo4jStore) -> None:
    bolt_store.write([sample_graph()])
    graph = bolt_store.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    scores = {s.id: s for s in centrality(actor_graph(graph))}
    assert scores["ruritania"].out_degree == 1 and scores["freedonia"].in_degree == 1


def test_a_refused_login_is_an_error_not_a_fallback(falkordb_server, monkeypatch) -> None:
    """FalkorDB takes no credentials: with a password, polgraph stops (exit 1), never printing it."""
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2")
    with pytest.raises(StoreError) as caught:
        open_store(falkordb_server.uri, warn=pytest.fail)
    assert str(caught.value) == f"Neo4j at {falkordb_server.uri} refused the connection (An unknown error occurred)"
    monkeypatch.delenv("NEO4J_PASSWORD")
    with open_store(falkordb_server.uri, warn=pytest.fail) as store:  # the server is fine afterwards
        assert store.counts()["actors"] >= 0


def test_falkordb_is_sent_only_queries_that_parse(bolt_store: Neo4jStore, falkordb_server) -> None:
    from polgraph.exceptions import CypherSemanticError, CypherSyntaxError

    with pytest.raises(CypherSyntaxError):
        bolt_store.run_cypher("MATCH (a:Actor RETURN a")
    with pytest.raises(CypherSemanticError):
        bolt_store.run_cypher("MATCH (a:Actor) RETURN b")
    with pytest.raises(QueryError, match="without --write"):
        bolt_store.run_cypher("CREATE (:Topic {id: 'x'})")
    assert bolt_store.counts()["topics"] == 0 and falkordb_server.alive()
