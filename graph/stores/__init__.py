"""Graph stores. Each implements :class:`polgraph.graph.store.Store`."""

from polgraph.graph.stores.networkx_store import NetworkXStore

__all__ = ["NetworkXStore"]
