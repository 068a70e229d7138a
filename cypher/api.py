"""The entry points: run a Cypher query on a store, or on a NetworkX graph in the shared layout."""

from __future__ import annotations

import functools
from typing import Any

import networkx as nx

from polgraph.cypher import ast as A
from polgraph.cypher.executor import Result, execute
from polgraph.cypher.limits import QueryLimits, run_bounded
from polgraph.cypher.parser import parse
from polgraph.cypher.reach import Reach, reach_of
from polgraph.cypher.semantics import check
from polgraph.exceptions import CypherSemanticError, CypherSyntaxError, QueryError
from polgraph.graph.store import Store

__all__ = ["QueryLimits", "Result", "build_graph", "prepare", "query_reach", "run", "run_graph"]


@functools.lru_cache(maxsize=256)
def prepare(query: str, allow_create: bool = False) -> A.Query:
    """Parse and check ``query``: every syntax and semantic error is raised here, before running.
    Cached by text: the tree is never modified (parameters are bound when the query runs)."""
    try:
        tree = parse(query)
        check(tree, allow_create=allow_create)
    except RecursionError:
        raise CypherSyntaxError("the query nests too deeply to read", 1, 1) from None
    return tree


def query_reach(query: str, params: dict[str, Any] | None = None, limits: QueryLimits | None = None) -> Reach | None:
    """The part of a graph ``query`` can reach with ``params`` (see :mod:`polgraph.cypher.reach`);
    None: the whole graph. Syntax and semantic errors are raised here."""
    return run_bounded(lambda: reach_of(prepare(query), params or {}), limits)


def run_graph(graph: nx.MultiDiGraph, query: str, params: dict[str, Any] | None = None,
              limits: QueryLimits | None = None) -> Result:
    """Run a read query on ``graph`` (any MultiDiGraph in the shared layout) within ``limits``
    (default: :class:`QueryLimits`, 60 s); a runaway query raises QueryLimitExceeded or QueryTimeout."""
    return run_bounded(lambda: _execute(prepare(query), graph, params or {}), limits)


def build_graph(graph: nx.MultiDiGraph, query: str, params: dict[str, Any] | None = None,
                limits: QueryLimits | None = None) -> Result:
    """Run a query that may CREATE nodes and relationships in ``graph``: builds test graphs."""
    return run_bounded(lambda: _execute(prepare(query, allow_create=True), graph, params or {}), limits)


def run(store: Store, query: str, params: dict[str, Any] | None = None, write: bool = False,
        limits: QueryLimits | None = None) -> Result:
    """Run ``query`` on ``store``: every store runs Cypher (Neo4j on the server, whose own
    transaction timeout applies; the embedded stores with this engine, read queries only, within
    ``limits``)."""
    return store.run_cypher(query, dict(params or {}), write=write, limits=limits)


def _execute(tree: A.Query, graph: nx.MultiDiGraph, params: dict[str, Any]) -> Result:
    try:
        return execute(tree, graph, params)
    except QueryError:
        raise
    except RecursionError:
        raise CypherSemanticError("the query nests too deeply to evaluate") from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError) as exc:
        # a value of a type the operation cannot take: report it as the query's error
        raise CypherSemanticError(f"cannot evaluate the query: {type(exc).__name__}: {exc}") from exc
