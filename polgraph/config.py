"""Which store a command uses: ``--store`` / ``POLGRAPH_STORE`` / ``NEO4J_URI``, else the embedded default.

A spec is parsed once (``graph.stores.uri.parse_store_spec``): a Bolt URI opens the Neo4j store
(falling back to the embedded default store when the server is unreachable, unless Neo4j is
required), anything else is the path of an embedded store. A JSON store of polgraph 0.1 is
migrated when it is first opened (``graph.stores.migrate``).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from polgraph.exceptions import StoreUnavailable
from polgraph.graph.store import Store
from polgraph.graph.stores.migrate import embedded_path
from polgraph.graph.stores.sqlite_store import DEFAULT_PATH, SQLiteStore
from polgraph.graph.stores.uri import StoreSpec, parse_store_spec

__all__ = ["DEFAULT_PATH", "open_embedded", "open_store", "resolve_spec"]

Warn = Callable[[str], None]


def resolve_spec(spec: str | None) -> StoreSpec | None:
    """The parsed store spec (``spec``, else POLGRAPH_STORE, else NEO4J_URI), None for the default store."""
    text = spec if spec is not None else (os.environ.get("POLGRAPH_STORE") or os.environ.get("NEO4J_URI") or None)
    return None if text is None else parse_store_spec(text)


def open_store(spec: str | None = None, *, require_neo4j: bool = False, create: bool = False, warn: Warn | None = None) -> Store:
    """The store named by ``spec`` (a file path or a Bolt URI), else the environment's, else the default file.

    ``create``: a missing embedded store is made (writing commands); else it is a ``NoSuchStore``
    error. ``require_neo4j``: anything but a reachable Neo4j is a ``StoreUnavailable`` error.
    ``warn`` receives one line when Neo4j is unreachable and the embedded store is used instead,
    and when a store is migrated.
    """
    parsed = resolve_spec(spec)
    if parsed is not None and parsed.is_bolt:
        from polgraph.graph.stores.neo4j_store import Neo4jStore, Unreachable, batch_size_from_env  # optional part

        try:
            return Neo4jStore(parsed, database=os.environ.get("NEO4J_DATABASE") or None, batch_size=batch_size_from_env())
        except Unreachable as exc:
            if require_neo4j:
                raise StoreUnavailable(str(exc)) from None
            if warn is not None:
                warn(f"{exc}; using the embedded store {DEFAULT_PATH}")
            return open_embedded(None, create=create, warn=warn)
    if require_neo4j:
        where = parsed.shown if parsed is not None else f"the default store {DEFAULT_PATH}"
        raise StoreUnavailable(f"{where} is not a Neo4j URI")
    return open_embedded(parsed, create=create, warn=warn)


def open_embedded(spec: StoreSpec | None, *, create: bool = False, warn: Warn | None = None) -> SQLiteStore:
    """The embedded store at ``spec``'s path (None: the default), migrated first if it is a JSON store."""
    path = embedded_path(spec.path if spec is not None else None, warn)
    return SQLiteStore(path, create=create)
