"""``polgraph pull``'s file side: merge a graph in the shared layout into an embedded graph file.

Written like ``NetworkXStore`` writes (same lock file, temp file then ``os.replace``), so a
concurrent ``polgraph load`` never sees half a graph.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from filelock import FileLock, Timeout

from polgraph.exceptions import StoreError
from polgraph.graph.stores.networkx_store import NetworkXStore

__all__ = ["merge_into_file"]


def merge_into_file(graph: nx.MultiDiGraph, path: Path, *, lock_timeout: float = 30.0) -> dict[str, int]:
    """Add ``graph``'s nodes and edges to the graph file (attributes of the incoming graph win).
    Returns the file's node and edge counts afterwards."""
    store = NetworkXStore(path, lock_timeout=lock_timeout)
    try:
        with FileLock(str(path) + ".lock", timeout=lock_timeout):
            # NetworkXStore has no public "save this graph"; its reader and atomic writer are reused
            # so that the file format and the crash safety stay the embedded store's own.
            current = store._read()
            for node, data in graph.nodes(data=True):
                current.add_node(node, **data)
            for u, v, key, data in graph.edges(keys=True, data=True):
                current.add_edge(u, v, key=key, **data)
            store._save(current)
    except Timeout as exc:
        raise StoreError(f"{path}: another polgraph process is writing (lock held)") from exc
    return {"nodes": current.number_of_nodes(), "edges": current.number_of_edges()}
