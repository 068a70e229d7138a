"""Analyses of the actor graph; each works on any store's ``to_networkx()``."""

from polgraph.graph.algorithms.centrality import MEASURES, ActorScore, actor_graph, centrality

__all__ = ["MEASURES", "ActorScore", "actor_graph", "centrality"]
