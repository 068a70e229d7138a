"""The Neo4j store: the ``Store`` protocol over the official ``neo4j`` driver (Bolt).

Split by concern: ``neo4j_connection`` (URI, credentials, driver, batching), ``neo4j_write``
(the merge rules of ``graph.upsert`` as batched MERGEs), ``neo4j_read`` (the protocol's reads and
user Cypher), ``falkordb`` (what the FalkorDB test server needs), ``neo4j_schema`` and
``neo4j_gds`` (``init`` and server-side centrality). This module puts them together.

The same writes give the same return values and the same graph as the embedded stores; the store
contract suite (tests/test_store_contract.py) runs on all of them. Works on Neo4j 5 and on
FalkorDB's Bolt endpoint, told apart by ``dbms.components()``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import networkx as nx

from polgraph.cypher.executor import Result
from polgraph.cypher.limits import QueryLimits
from polgraph.exceptions import StoreError
from polgraph.graph.algorithms.centrality import ActorScore, Betweenness
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.store import EventRow, GraphEdit, GraphRows, RelationFilter, SchemaItem, WriteSummary
from polgraph.graph.stores import neo4j_edit, neo4j_read, neo4j_write
from polgraph.graph.stores.neo4j_connection import Neo4jConnection, Unreachable, single_int, store_auth
from polgraph.graph.stores.neo4j_cypher import statement
from polgraph.graph.stores.neo4j_gds import filter_params
from polgraph.graph.stores.neo4j_server import ServerInfo
from polgraph.graph.stores.uri import StoreSpec, parse_store_spec, redact_uri
from polgraph.graph.upsert import Edge

__all__ = ["Neo4jStore", "Unreachable", "batch_size_from_env", "redact_uri", "store_auth"]


class Neo4jStore:
    """``Neo4jStore("bolt://localhost:7687")``: connects, checks the connection, detects the server.

    Raises ``Unreachable`` when nothing answers, ``StoreError`` when the server refuses."""

    def __init__(
        self,
        uri: str | StoreSpec,
        *,
        auth: tuple[str, str] | None | str = "env",
        database: str | None = None,
        batch_size: int | None = None,
    ) -> None:
        spec = uri if isinstance(uri, StoreSpec) else parse_store_spec(uri)
        if not spec.is_bolt:
            raise StoreError(f"{spec.shown}: not a Neo4j URI (bolt://, neo4j://, neo4j+s://, ...)")
        self.location = spec.shown
        self._conn = Neo4jConnection(spec, auth=auth, database=database, batch_size=batch_size)

    @property
    def server(self) -> ServerInfo:
        assert self._conn.server is not None
        return self._conn.server

    @property
    def batch_size(self) -> int:
        return self._conn.batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        self._conn.batch_size = value

    def __repr__(self) -> str:
        return f"Neo4jStore({self.location!r}, {self.server.describe()})"

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        return neo4j_write.write_graphs(self._conn, graphs)

    def bulk(self) -> AbstractContextManager["Neo4jStore"]:
        return nullcontext(self)  # nothing to put off

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        return neo4j_write.import_graph(self._conn, graph)

    # -- curation ----------------------------------------------------------------------------
    def edit(self, change: GraphEdit) -> None:
        neo4j_edit.edit(self._conn, change)

    def edges_at(self, actor_ids: Iterable[str]) -> list[Edge]:
        return neo4j_edit.edges_at(self._conn, actor_ids)

    def event_edges(self, ids: Iterable[str]) -> list[Edge]:
        return neo4j_edit.event_edges(self._conn, ids)

    def delete_all(self) -> None:
        """Delete every node and relationship of the database (tests and benchmarks)."""
        with self._conn.session() as session:
            session.execute_write(single_int, statement("delete_all"), {})

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return neo4j_read.has_article(self._conn, article_id)

    def actor(self, actor_id: str) -> Actor | None:
        return neo4j_read.actor(self._conn, actor_id)

    def actors(self, kind: str | None = None, *, ids: Iterable[str] | None = None) -> list[Actor]:
        return neo4j_read.actors(self._conn, kind, ids)

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        return neo4j_read.actors_by_key(self._conn, keys)

    def articles(self) -> list[Article]:
        return neo4j_read.articles(self._conn)

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        return neo4j_read.relations(self._conn, where)

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        return neo4j_read.event_rows(self._conn, where)

    def counts(self) -> dict[str, int]:
        return neo4j_read.counts(self._conn)

    def to_networkx(self, where: RelationFilter | None = None) -> nx.MultiDiGraph:
        return neo4j_read.to_networkx(self._conn, where)

    def graph_rows(self) -> AbstractContextManager[GraphRows]:
        from polgraph.graph.stores.networkx_rows import NetworkXGraphRows

        return nullcontext(NetworkXGraphRows(self.to_networkx()))

    # -- capabilities ------------------------------------------------------------------------
    def run_cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
                   limits: QueryLimits | None = None) -> Result:
        """On the server: its own transaction timeout applies, not ``limits``."""
        return neo4j_read.run_cypher(self._conn, query, params, write)

    def init_schema(self) -> list[SchemaItem]:
        """Apply cypher/schema.cypher (idempotent); status ``applied``, ``exists`` or ``unsupported``
        per statement: nothing is crashed on."""
        from polgraph.graph.stores.neo4j_schema import apply_schema

        return [SchemaItem(*item) for item in apply_schema(self._conn.driver, self._conn.database, self.server)]

    def centrality(self, where: RelationFilter, sampling: Betweenness) -> list[ActorScore] | None:
        """Actor scores from the Graph Data Science library, or None when the server has no GDS."""
        if not self.server.has_gds:
            return None
        from polgraph.graph.stores.neo4j_gds import gds_centrality

        return gds_centrality(self._conn.read, where, sampling)

    def actor_edges(self, where: RelationFilter = RelationFilter()) -> dict[tuple[str, str], int]:
        """The weighted actor graph GDS projects: {(source, target): number of accepted relations}."""
        rows = self._conn.read(statement("actor_edges"), filter_params(where))
        return {(row[0], row[3]): int(row[6]) for row in rows}

    def describe(self) -> str:
        return self.server.describe()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def batch_size_from_env(env: dict[str, str] | None = None) -> int | None:
    """``POLGRAPH_BATCH_SIZE``: rows per Bolt request, if set."""
    env = os.environ if env is None else env
    text = env.get("POLGRAPH_BATCH_SIZE")
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise StoreError(f"POLGRAPH_BATCH_SIZE must be a whole number, not {text!r}") from None

