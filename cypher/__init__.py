"""Cypher for polgraph: a read-query engine over the embedded NetworkX store, and the query library.

``run(store, query, params)`` answers a query on any store: Neo4j runs it itself, the embedded
store through this engine (see docs/cypher.md for what it covers).
"""

from polgraph.cypher.api import QueryLimits, Result, build_graph, prepare, run, run_graph

__all__ = ["QueryLimits", "Result", "build_graph", "prepare", "run", "run_graph"]
