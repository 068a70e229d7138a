"""Graph stores. Each implements :class:`polgraph.graph.store.Store`.

- ``SQLiteStore``: the embedded store, one SQLite file (the default, ``.polgraph/graph.db``).
- ``NetworkXStore``: in memory (the reference of the store contract suite, ``polgraph eval``).
- ``neo4j_store.Neo4jStore``: Neo4j (or FalkorDB) over Bolt.

Open a store from a path or a URI with ``polgraph.config.open_store``.
"""

from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore

__all__ = ["NetworkXStore", "SQLiteStore"]
