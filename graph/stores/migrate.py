"""Migrating a JSON store of polgraph 0.1 (``"format": "polgraph-networkx/1"``) to the SQLite store.

What happens to the files (docs/scale.md, "Migration"):

- ``NAME.json`` becomes ``NAME.db`` beside it, and the JSON file is kept as ``NAME.json.bak``
  (renamed, so an old polgraph cannot keep writing to a store that has moved on). A JSON store
  whose name does not end in ``.json`` is migrated to ``NAME.db`` likewise; a JSON file named
  ``*.db`` is converted in place (the JSON kept as ``NAME.db.bak``).
- The default store: ``.polgraph/graph.json`` existing and ``.polgraph/graph.db`` not is migrated
  the first time any command opens the default store.
- Later, ``--store NAME.json`` naming a store that was migrated opens ``NAME.db`` (with one line
  saying so).

The migration is atomic: the new store is built in a temporary file beside the target, read back
and compared with the JSON graph (every node, edge and property), and only then moved into place;
the old store's lock file keeps an old polgraph from writing meanwhile. Nothing is ever deleted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from filelock import FileLock, Timeout

from polgraph.exceptions import StoreError
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.stores.sqlite_store import DEFAULT_PATH, SQLiteStore, sniff

__all__ = ["JSON_FORMAT", "LEGACY_DEFAULT_PATH", "Migration", "embedded_path", "migrate_json_store", "read_json_store"]

JSON_FORMAT = "polgraph-networkx/1"
LEGACY_DEFAULT_PATH = DEFAULT_PATH.with_suffix(".json")


@dataclass(frozen=True)
class Migration:
    source: Path
    target: Path
    backup: Path
    nodes: int
    edges: int

    def describe(self) -> str:
        return (f"Migrated the JSON store {self.source} to {self.target} ({self.nodes} nodes, {self.edges} edges); "
                f"the old file is kept as {self.backup}")


def read_json_store(path: Path) -> nx.MultiDiGraph:
    """The graph of a JSON store of polgraph 0.1; ``StoreError`` for anything else."""
    try:
        with path.open(encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError, RecursionError) as exc:
        raise StoreError(f"{path}: cannot read the JSON store ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise StoreError(f"{path}: not a polgraph store (JSON, but not polgraph's {JSON_FORMAT})")
    nodes, edges = doc.get("nodes"), doc.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise StoreError(f"{path}: a {JSON_FORMAT} file of the wrong shape (no lists of nodes and edges)")
    graph = nx.MultiDiGraph()
    for index, node in enumerate(nodes):
        if not isinstance(node, dict) or not isinstance(node.get("key"), str) or not isinstance(node.get(LABELS), list):
            raise StoreError(f"{path}: node {index + 1} is not a polgraph node (key, _labels)")
        attrs = dict(node)
        graph.add_node(attrs.pop("key"), **attrs)
    for index, edge in enumerate(edges):
        ends = [edge.get(k) for k in ("source", "target", "key")] if isinstance(edge, dict) else [None]
        if not all(isinstance(v, str) for v in ends) or not isinstance(edge.get(TYPE), str):
            raise StoreError(f"{path}: edge {index + 1} is not a polgraph edge (source, target, key, _type)")
        if edge["source"] not in graph or edge["target"] not in graph:
            raise StoreError(f"{path}: edge {index + 1} ({edge['key']}) has an end that is not a node")
        attrs = dict(edge)
        graph.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs.pop("key"), **attrs)
    return graph


def migrate_json_store(source: Path, target: Path, *, lock_timeout: float = 30.0) -> Migration | None:
    """Convert the JSON store ``source`` into the SQLite store ``target`` (see the module
    docstring); None if another process migrated it meanwhile."""
    backup = source.with_name(source.name + ".bak")
    lock = FileLock(str(source) + ".lock", timeout=lock_timeout)  # the lock polgraph 0.1 wrote under
    try:
        with lock:
            if sniff(source) != "json":
                return None
            in_place = target == source
            if not in_place and sniff(target) != "missing":
                raise StoreError(f"{source}: a JSON store to migrate, but {target} exists already; move one of them away")
            if sniff(backup) != "missing":
                raise StoreError(f"{source}: a JSON store to migrate, but {backup} exists already; move it away")
            graph = read_json_store(source)
            building = target.with_name(target.name + ".migrating")
            _remove_database(building)  # left by a migration that was killed
            for stale in source.parent.glob(source.name + ".*.tmp"):  # left by a killed save of polgraph 0.1
                stale.unlink(missing_ok=True)
            try:
                with SQLiteStore(building, create=True) as store:
                    store.import_graph(graph)
                    _check_same(graph, store.to_networkx(), source)
                os.chmod(building, os.stat(source).st_mode & 0o7777)
                if in_place:
                    os.link(source, backup)
                    os.replace(building, target)
                else:
                    os.replace(building, target)
                    os.replace(source, backup)
            except OSError as exc:
                raise StoreError(f"{source}: cannot migrate the store ({exc.strerror or exc}); nothing was changed") from None
            finally:
                _remove_database(building)
    except Timeout:
        raise StoreError(f"{source}: another polgraph process is writing (lock held)") from None
    return Migration(source, target, backup, graph.number_of_nodes(), graph.number_of_edges())


def embedded_path(path: Path | None, notify: Callable[[str], None] | None = None) -> Path:
    """The SQLite store a command opens for ``path`` (None: the default), migrating a JSON store
    of polgraph 0.1 first; ``notify`` gets one line when a store is migrated or renamed."""
    say = notify or (lambda line: None)
    if path is None:
        if sniff(DEFAULT_PATH) == "missing" and sniff(LEGACY_DEFAULT_PATH) == "json":
            done = migrate_json_store(LEGACY_DEFAULT_PATH, DEFAULT_PATH)
            if done:
                say(done.describe())
        return DEFAULT_PATH
    kind = sniff(path)
    target = path if path.suffix == ".db" else path.with_suffix(".db")
    if kind == "json":
        done = migrate_json_store(path, target)
        if done:
            say(done.describe() + (f"; the store is now {target}" if target != path else ""))
        return target
    if kind == "missing" and target != path and sniff(path.with_name(path.name + ".bak")) == "json" and sniff(target) == "sqlite":
        say(f"{path} was migrated to {target}; using {target}")
        return target
    return path


def _check_same(want: nx.MultiDiGraph, got: nx.MultiDiGraph, source: Path) -> None:
    """Every node, edge and property of the JSON graph is in the migrated one (a property the JSON
    store never wrote reads back as None)."""

    def same(old: dict[str, Any], new: dict[str, Any]) -> bool:
        return all(new.get(k) == v for k, v in old.items()) and all(v is None for k, v in new.items() if k not in old)

    if want.number_of_nodes() != got.number_of_nodes() or want.number_of_edges() != got.number_of_edges():
        raise StoreError(f"{source}: migration check failed (node or edge counts differ); nothing was changed")
    for node, data in want.nodes(data=True):
        if node not in got or not same(data, got.nodes[node]):
            raise StoreError(f"{source}: migration check failed at node {node!r}; nothing was changed")
    for u, v, key, data in want.edges(keys=True, data=True):
        if not got.has_edge(u, v, key) or not same(data, got.edges[u, v, key]):
            raise StoreError(f"{source}: migration check failed at edge {key!r}; nothing was changed")


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
