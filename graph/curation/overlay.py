"""The overlay file: the curation changes an analyst made, which every later load applies too.

One JSON Lines file, one change a line, in the order they were made::

    {"change": 1, "verb": "merge", "actor": "donald-trump", "other": "trump", "name": "Donald Trump", "kind": "person", "undo": {...}}
    {"change": 2, "verb": "drop-actor", "actor": "1-6", "name": "1.6%", "undo": {...}}

The change's fields come first; ``undo`` holds the rows the change removed or rewrote in the store
(``GraphEdit`` as JSON), so that ``polgraph curation undo`` restores them. A line written by hand
needs no ``undo`` (it cannot then be undone in place, only removed). The same changes give the
same bytes (no clock, no hash order); every write replaces the file atomically
(``polgraph.output.write_output``).

Loads apply the changes in order to every article's graph (:meth:`Overlay.apply`), after
resolution and before the store write, so the same input and overlay give the same graph
whatever the order of loads and changes.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polgraph.exceptions import CurationError
from polgraph.graph.curation.changes import (
    Alias,
    Change,
    DropRelation,
    actor_refs,
    change_from_record,
    graph_refs,
    relation_refs,
)
from polgraph.graph.model import Actor, ArticleGraph, Relation
from polgraph.graph.store import GraphEdit
from polgraph.graph.stores.uri import parse_store_spec
from polgraph.graph.upsert import Edge
from polgraph.output import write_output

__all__ = ["Entry", "Overlay", "default_overlay_path", "locked"]

NEO4J_OVERLAY = Path(".polgraph") / "neo4j.curation.jsonl"


def default_overlay_path(store_location: str) -> Path:
    """Where a store's overlay lives unless told: beside an embedded store (``graph.db`` ->
    ``graph.curation.jsonl``); for a Neo4j server, ``.polgraph/neo4j.curation.jsonl``."""
    spec = parse_store_spec(store_location)
    if spec.is_bolt or spec.path is None:
        return NEO4J_OVERLAY
    return spec.path.with_name(spec.path.stem + ".curation.jsonl")


@dataclass(frozen=True)
class Entry:
    """One recorded change: its number (1, 2, ... in the order made), the change, and how to undo it."""

    number: int
    change: Change
    undo: GraphEdit | None

    def line(self) -> str:
        record: dict[str, Any] = {"change": self.number, **self.change.record()}
        if self.undo is not None:
            record["undo"] = _edit_json(self.undo)
        return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


class Overlay:
    """The changes of one overlay file (``Overlay.read(path)``; a missing file has none)."""

    def __init__(self, path: Path, entries: Sequence[Entry] = ()) -> None:
        self.path = path
        self.entries = list(entries)

    @classmethod
    def read(cls, path: str | Path) -> "Overlay":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise CurationError(f"{path}: cannot read the overlay ({getattr(exc, 'strerror', None) or exc})") from None
        entries: list[Entry] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                change = change_from_record(record)
                undo = _edit_of(record["undo"]) if "undo" in record else None
                seq = record.get("change")
                if not isinstance(seq, int) or isinstance(seq, bool) or (entries and seq <= entries[-1].number):
                    raise ValueError("\"change\" must be a number above the previous line's")
            except (ValueError, KeyError, TypeError) as exc:
                raise CurationError(f"{path}:{number}: not a curation change ({exc})") from None
            entries.append(Entry(seq, change, undo))
        return cls(path, entries)

    def apply(self, graphs: Sequence[ArticleGraph]) -> list[ArticleGraph]:
        """Every change, in order, on each article's graph. A graph is cut into the pieces no
        change reaches across (``_pieces``), and a change is made only on the pieces that hold one
        of its keys: a load through many changes costs little more than one through none."""
        return [self._apply(graph) for graph in graphs] if self.entries else list(graphs)

    def _apply(self, graph: ArticleGraph) -> ArticleGraph:
        # name slugs only matter to aliases, relation ids only to dropped relations
        kinds = {type(e.change) for e in self.entries}
        names, relation_ids = Alias in kinds, DropRelation in kinds
        pieces = _Pieces(graph)
        holding: dict[str, set[int]] = {}
        if pieces.whole:
            holding = {key: {0} for key in graph_refs(graph, names=names, relation_ids=relation_ids)}
        of_actor: dict[int, set[str]] = {}  # by object: the same actor object comes with many relations
        for i, (actors, rel) in enumerate(pieces.parts if not pieces.whole else ()):
            keys = relation_refs(rel, relation_ids) if rel is not None else set()
            for actor in actors:
                if id(actor) not in of_actor:
                    of_actor[id(actor)] = actor_refs(actor, names)
                keys |= of_actor[id(actor)]
            for key in keys:
                holding.setdefault(key, set()).add(i)
        for entry in self.entries:
            for i in sorted(set().union(*(holding.get(key, ()) for key in entry.change.refs()))):
                piece = pieces.graph(i)
                changed = entry.change.apply(piece)
                if changed is not piece:
                    pieces.done[i] = changed
                    for key in graph_refs(changed, names=names, relation_ids=relation_ids):  # keys it lost stay: looked at again only
                        holding.setdefault(key, set()).add(i)
        return pieces.joined()

    def find(self, number: int) -> Entry:
        for entry in self.entries:
            if entry.number == number:
                return entry
        raise CurationError(f"{self.path}: no change {number} (see `polgraph curation list`)")

    def appended(self, change: Change, undo: GraphEdit, protect: Sequence[str] = ()) -> Entry:
        """Record ``change`` as the next one; the file is rewritten atomically."""
        entry = Entry((self.entries[-1].number + 1) if self.entries else 1, change, undo)
        self._write([*self.entries, entry], protect)
        self.entries.append(entry)
        return entry

    def without(self, entry: Entry, protect: Sequence[str] = ()) -> None:
        """Forget ``entry`` (the file is rewritten atomically)."""
        kept = [e for e in self.entries if e is not entry]
        self._write(kept, protect)
        self.entries = kept

    def restored(self, entries: Sequence[Entry], protect: Sequence[str] = ()) -> None:
        """Write ``entries`` back as they were (a store change that failed after the file was written)."""
        self._write(entries, protect)
        self.entries = list(entries)

    def _write(self, entries: Sequence[Entry], protect: Sequence[str]) -> None:
        text = "".join(e.line() + "\n" for e in entries)
        write_output(self.path, lambda fh: fh.write(text.encode("utf-8")), protect=protect)


@contextmanager
def locked(path: str | Path) -> Iterator[Overlay]:
    """The overlay at ``path``, read under an exclusive lock (``.NAME.lock`` beside it) held until
    the block ends: changes to one overlay are made one after the other, each on the file as the
    one before left it."""
    path = Path(path)
    lock = path.with_name(f".{path.name}.lock")
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise CurationError(f"{path}: cannot lock the overlay ({exc.strerror or exc})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield Overlay.read(path)
    finally:
        os.close(fd)  # and with it the lock


# -- cutting a graph where no change reaches across -------------------------------------------
class _Pieces:
    """A graph with mentions (an article's) stays whole: a merge adds up the mention counts of
    two actors, and an alias finds the actor of a mention by its name. A batch of coded events
    (no mentions) is cut into one piece a relation (with the actors at its ends) and one an actor
    in no relation: every change makes on such a batch what it makes on each piece, and pieces
    become graphs only when a change reaches them."""

    def __init__(self, graph: ArticleGraph) -> None:
        self.graph_ = graph
        self.whole = bool(graph.mentions or graph.topics or len(graph.relations) < 2)
        self.parts: list[tuple[list[Actor], Relation | None]] = []
        if self.whole:
            self.parts.append((graph.actors, None))
        else:
            by_id: dict[str, list[Actor]] = {}
            for actor in graph.actors:
                by_id.setdefault(actor.id, []).append(actor)
            ends: set[str] = set()
            for rel in graph.relations:
                ends.update((rel.source, rel.target))
                self.parts.append((by_id.get(rel.source, []) + (by_id.get(rel.target, []) if rel.target != rel.source else []), rel))
            self.parts += [([a], None) for a in graph.actors if a.id not in ends]
        self.done: dict[int, ArticleGraph] = {}  # the pieces a change reached, as they are now

    def graph(self, i: int) -> ArticleGraph:
        if i in self.done:
            return self.done[i]
        if self.whole:
            return self.graph_
        actors, rel = self.parts[i]
        return ArticleGraph(self.graph_.article, actors, [], [rel] if rel is not None else [], [])

    def joined(self) -> ArticleGraph:
        if not self.done:
            return self.graph_
        if self.whole:
            return self.done[0]
        pieces = [self.graph(i) for i in range(len(self.parts))]
        actors = list(dict.fromkeys(a for piece in pieces for a in piece.actors))  # the same actor from many pieces: once
        return ArticleGraph(self.graph_.article, actors, [], [r for piece in pieces for r in piece.relations], [])


# -- GraphEdit as JSON ---------------------------------------------------------------------
def _edit_json(edit: GraphEdit) -> dict[str, Any]:
    edges = lambda found: [[e.type, e.source, e.target, e.props] for e in found]  # noqa: E731
    return {"remove_edges": edges(edit.remove_edges), "remove_actors": list(edit.remove_actors),
            "put_actors": list(edit.put_actors), "put_edges": edges(edit.put_edges)}


def _edit_of(data: Any) -> GraphEdit:
    if not isinstance(data, dict):
        raise ValueError("\"undo\" must be a JSON object")

    def edges(key: str) -> tuple[Edge, ...]:
        found = []
        for item in data.get(key, []):
            edge_type, source, target, props = item
            if not all(isinstance(v, str) for v in (edge_type, source, target)) or not isinstance(props, dict) or "id" not in props:
                raise ValueError(f"undo: a bad edge in {key}")
            found.append(Edge(edge_type, source, target, props))
        return tuple(found)

    actors = data.get("put_actors", [])
    if not all(isinstance(a, dict) and isinstance(a.get("id"), str) for a in actors):
        raise ValueError("undo: a bad actor in put_actors")
    removed = data.get("remove_actors", [])
    if not all(isinstance(a, str) for a in removed):
        raise ValueError("undo: remove_actors must be actor ids")
    return GraphEdit(edges("remove_edges"), tuple(removed), tuple(actors), edges("put_edges"))
