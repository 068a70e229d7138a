"""``GraphRows`` of a NetworkX graph in the shared layout: its nodes and edges grouped and sorted in
memory (the graph is held anyway), or in the graph's own order. ``sqlite_graph_rows`` gives the
same rows from the tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.ontology import STRUCTURAL_TYPES
from polgraph.graph.store import EVENTS, EdgeGroup

__all__ = ["NetworkXGraphRows"]

_NodeRows = dict[str, list[tuple[str, list[str], dict[str, Any]]]]
_EdgeRows = dict[EdgeGroup, list[tuple[str, str, str, dict[str, Any]]]]


class NetworkXGraphRows:
    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self._graph = graph

    @cached_property
    def _grouped(self) -> tuple[_NodeRows, _EdgeRows]:
        nodes: _NodeRows = defaultdict(list)
        label_of: dict[Any, str] = {}
        for node, data in self._graph.nodes(data=True):
            labels = list(data.get(LABELS) or ())
            if not labels:
                raise ValueError(f"node {node!r} has no label (a relationship points to a node outside the graph)")
            label_of[node] = labels[0]
            nodes[labels[0]].append((str(node), labels, {k: v for k, v in data.items() if k != LABELS}))
        edges: _EdgeRows = defaultdict(list)
        for source, target, data in self._graph.edges(data=True):
            rel_type = data[TYPE]
            group = EdgeGroup(rel_type if rel_type in STRUCTURAL_TYPES else EVENTS, label_of[source], label_of[target])
            edges[group].append((str(source), str(target), rel_type, {k: v for k, v in data.items() if k != TYPE}))
        return ({label: sorted(rows, key=lambda row: row[0]) for label, rows in nodes.items()},
                {group: sorted(rows, key=lambda e: (e[0], e[1], e[2], str(e[3].get("id"))))
                 for group, rows in edges.items()})

    def labels(self) -> list[str]:
        return sorted(self._grouped[0])

    def nodes(self, label: str) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
        return iter(self._grouped[0].get(label, ()))

    def edge_groups(self) -> list[EdgeGroup]:
        return sorted(self._grouped[1])

    def edges(self, group: EdgeGroup) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        return iter(self._grouped[1].get(group, ()))

    def graph_nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return iter(self._graph.nodes(data=True))

    def graph_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        return iter(self._graph.edges(keys=True, data=True))
