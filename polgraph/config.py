"""Which store a command uses: ``--store`` / ``NEO4J_URI``, with the embedded store as default."""

from __future__ import annotations

import os
from pathlib import Path

from polgraph.graph.store import Store
from polgraph.graph.stores.networkx_store import DEFAULT_PATH, NetworkXStore

__all__ = ["BOLT_SCHEMES", "is_bolt_uri", "open_store"]

BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_bolt_uri(spec: str | None) -> bool:
    return bool(spec) and spec.startswith(BOLT_SCHEMES)  # type: ignore[union-attr]


def open_store(spec: str | None = None, *, require_neo4j: bool = False, warn=None) -> Store:
    """The store named by ``spec`` (a file path or a Bolt URI), else ``NEO4J_URI``, else the default file.

    ``warn`` receives one line when a configured Neo4j is unreachable and the embedded store is
    used instead.
    """
    spec = spec or os.environ.get("POLGRAPH_STORE") or os.environ.get("NEO4J_URI")
    if is_bolt_uri(spec):
        from polgraph.graph.stores.neo4j_store import open_neo4j_store  # optional part

        return open_neo4j_store(spec, require=require_neo4j, warn=warn)
    return NetworkXStore(Path(spec) if spec else DEFAULT_PATH)
