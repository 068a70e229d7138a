"""``polgraph pull``'s file side: merge a graph in the shared layout into an embedded graph file.

Written like ``NetworkXStore`` writes (same lock file, temp file then ``os.replace``), so a
concurrent ``polgraph load`` never sees half a graph.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from polgraph.graph.stores.networkx_store import NetworkXStore

__all__ = ["merge_into_file"]


def merge_into_file(graph: nx.MultiDiGraph, path: Path, *, lock_timeout: float = 30.0) -> dict[str, int]:
    """Add ``graph``'s nodes and edges to the graph file (attributes of the incoming graph win).
    Returns the file's node and edge counts afterwards."""
    store = NetworkXStore(path, lock_timeout=lock_timeout)
    store.merge_graph(graph)
    merged = store.to_networkx()
    return {"nodes": merged.number_of_nodes(), "edges": merged.number_of_edges()}
