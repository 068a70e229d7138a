"""The merge rules every store applies when it writes: one place, so every store ends with the same graph.

A write is a batch of ``ArticleGraph`` objects. :func:`plan_write` folds the batch into rows keyed
by id (each id once, already merged); a store reads what it holds of those ids, merges each with
:func:`merge_node` / :func:`merge_edge`, and writes what changed. Structural edges whose far end is
not stored yet wait as *pending links* (:func:`split_links`) and are made when that end arrives.

Every rule is commutative, associative and idempotent, so the final graph depends neither on the
order in which articles are loaded nor on how they are split into writes, and writing the same
thing twice changes nothing:

- **Article** (id: hash of the text): per field, a value beats none; between two values the
  earlier date, or the first text in code-point order.
- **Actor** (id: slug of the name): aliases are the union. ``country``, ``iso3`` and ``sector``:
  a value beats none, then the first in code-point order. ``kind``: the first in :data:`KIND_PRECEDENCE`
  (kinds the registry gives before the ones entity recognition guesses). ``name``: a name in
  mixed case before one in capitals or lower case only (coded event data names actors in
  capitals), then code-point order.
- **Topic**: the first name in code-point order.
- **Event relation** (id: hash of source, type, target, article and sentence): the reading with
  the higher confidence, then the one whose properties come first in their canonical JSON text.
- **MENTIONED_IN**: the larger count. **HOLDS_ROLE** and **MEMBER_OF**: as event relations.
- A structural edge (HOLDS_ROLE, MEMBER_OF) is made as soon as both of its ends are stored,
  whichever arrives last. An event relation or a mention must find both ends in the write or in
  the store (a dangling end is the caller's bug: :class:`StoreError`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from polgraph.exceptions import StoreError
from polgraph.graph import codec
from polgraph.graph.model import ACTOR_KINDS, Actor, ArticleGraph, Relation
from polgraph.graph.ontology import STRUCTURAL_TYPES

__all__ = [
    "KIND_PRECEDENCE",
    "Edge",
    "WritePlan",
    "first_value",
    "merge_edge",
    "merge_node",
    "plan_write",
    "relation_edge",
    "split_links",
]

Props = dict[str, Any]

# Which kind wins when two readings of one actor id disagree: kinds only the registry gives
# (states, blocs, places) before the ones entity recognition guesses (organisation, person, group).
KIND_PRECEDENCE: tuple[str, ...] = ("state", "bloc", "region", "city", "organization", "person", "group")
assert set(KIND_PRECEDENCE) == set(ACTOR_KINDS)
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_PRECEDENCE)}
_STRUCTURAL = frozenset(STRUCTURAL_TYPES)
_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")


@dataclass(frozen=True)
class Edge:
    """One relationship to write: its type, ends and properties in the shared layout (``props["id"]`` is its key)."""

    type: str
    source: str
    target: str
    props: Props

    @property
    def id(self) -> str:
        return self.props["id"]


@dataclass
class WritePlan:
    """What one write adds, each id once and already merged within the batch."""

    articles: dict[str, Props] = field(default_factory=dict)
    actors: dict[str, Props] = field(default_factory=dict)
    topics: dict[str, Props] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)  # event relations (to an actor or a topic) by id
    mentions: dict[str, Edge] = field(default_factory=dict)
    links: dict[str, Edge] = field(default_factory=dict)  # HOLDS_ROLE and MEMBER_OF, ends not checked yet
    article_count: int = 0  # graphs that carry an article (new or not): WriteSummary.skipped is the rest
    written_actors: set[str] = field(default_factory=set)  # actors left out: stored as they come (see plan_write)

    def check_ends(self, stored_actors: set[str], stored_topics: set[str], stored_articles: set[str]) -> None:
        """Raise ``StoreError`` for an event relation or a mention with an end neither written nor stored."""
        actors = stored_actors | set(self.actors) | self.written_actors
        targets = actors | stored_topics | set(self.topics)
        sources, ends = self._ends
        if not (sources <= actors and ends <= targets):  # the first relation at fault is named
            for rel in self.relations.values():
                if rel.source not in actors or rel.target not in targets:
                    missing = rel.source if rel.source not in actors else rel.target
                    raise StoreError(f"relation {rel.source} -[{rel.type}]-> {rel.target}: {missing!r} is not an actor or topic of the write or the store")
        articles = stored_articles | set(self.articles)
        for edge in self.mentions.values():
            if edge.source not in actors or edge.target not in articles:
                raise StoreError(f"mention {edge.id}: the actor or the article is neither in the write nor in the store")

    def relation_ends(self) -> set[str]:
        sources, targets = self._ends
        return sources | targets

    @functools.cached_property
    def _ends(self) -> tuple[set[str], set[str]]:
        """(the relations' sources, their targets), once a plan (a store asks twice; read after ``plan_write``)."""
        rels = self.relations.values()
        return set(map(_SOURCE, rels)), set(map(_TARGET, rels))

    def relation_edges(self) -> Iterator[Edge]:
        """The event relations as edges in the shared layout."""
        for rel in self.relations.values():
            yield relation_edge(rel)


def relation_edge(rel: Relation) -> Edge:
    return Edge(rel.type, rel.source, rel.target, codec.relation_props(rel))


def plan_write(graphs: Sequence[ArticleGraph], written: Mapping[str, Actor] | None = None) -> WritePlan:
    """Fold a batch of article graphs into the rows to merge (see the module docstring for the rules).

    ``written``: actors the store is known to hold already merged (a bulk load's earlier writes);
    they are left out of the plan (``plan.written_actors`` names them), their facts being stored."""
    plan = WritePlan()
    seen: dict[str, Actor] = dict(written or {})  # the same actor object comes with many graphs: fold it once
    for ag in graphs:
        if ag.article is not None:
            plan.article_count += 1
            _fold_node(plan.articles, "Article", codec.article_props(ag.article))
        for actor in ag.actors:
            known = seen.get(actor.id)
            if known is actor or known == actor:
                if written is not None and actor.id not in plan.actors and actor.id in written:
                    plan.written_actors.add(actor.id)
                continue
            seen[actor.id] = actor
            _fold_node(plan.actors, "Actor", codec.actor_props(actor))
            for role in actor.roles:
                if role.of:
                    props = codec.role_props(actor.id, role)
                    _fold_edge(plan.links, Edge("HOLDS_ROLE", actor.id, role.of, props))
            for group in actor.member_of:
                _fold_edge(plan.links, Edge("MEMBER_OF", actor.id, group, {"id": f"member:{actor.id}|{group}"}))
        for topic in ag.topics:
            _fold_node(plan.topics, "Topic", codec.topic_props(topic))
        for mention in ag.mentions:
            key = f"mention:{mention.actor}|{mention.article}"
            _fold_edge(plan.mentions, Edge("MENTIONED_IN", mention.actor, mention.article, {"id": key, "count": mention.count}))
        relations = plan.relations
        for rel in ag.relations:  # once per relation written: kept short
            if not rel.type or rel.type in _STRUCTURAL:
                raise StoreError(f"relation {rel.source} -> {rel.target}: {rel.type!r} is not an event type")
            rel_id = rel.id
            old = relations.setdefault(rel_id, rel)
            if old is not rel and old != rel:  # the same reading twice in one write, with different properties
                merged = merge_edge(rel.type, codec.relation_props(old), codec.relation_props(rel))
                relations[rel_id] = codec.edge_to_relation({**merged, codec.TYPE: rel.type}, rel.source, rel.target)
    return plan


def split_links(links: Iterable[Edge], known: set[str] | frozenset[str]) -> tuple[list[Edge], list[Edge]]:
    """(links whose target is a stored or written node, links still waiting for their target)."""
    ready: list[Edge] = []
    waiting: list[Edge] = []
    for edge in links:
        (ready if edge.target in known else waiting).append(edge)
    return ready, waiting


# -- merging ---------------------------------------------------------------------------------
def merge_node(label: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Props:
    """The properties of a node stored as ``old`` after ``new`` is written (either order: the same)."""
    if old == new:
        return dict(old)
    if label == "Actor":
        return _merge_actor(old, new)
    if label == "Article":
        merged = dict(old)
        for key in ("title", "source", "url", "published", "text"):
            merged[key] = first_value(old.get(key), new.get(key))
        return merged
    if label == "Topic":
        return {**old, "name": first_value(old.get("name"), new.get("name"))}
    raise ValueError(f"unknown label {label!r}")


def merge_edge(edge_type: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Props:
    """The properties of an edge stored as ``old`` after ``new`` is written (either order: the same)."""
    if old == new:
        return dict(old)
    if edge_type == "MENTIONED_IN":
        return {**old, "count": max(int(old.get("count") or 0), int(new.get("count") or 0))}
    return dict(min(old, new, key=_edge_rank))


def _merge_actor(old: Mapping[str, Any], new: Mapping[str, Any]) -> Props:
    return {
        "id": old["id"],
        "name": min(old["name"], new["name"], key=_name_rank),
        "kind": min(old["kind"], new["kind"], key=lambda kind: (_KIND_RANK.get(kind, len(_KIND_RANK)), kind)),
        "aliases": sorted(set(old.get("aliases") or ()) | set(new.get("aliases") or ())),
        "country": first_value(old.get("country"), new.get("country")),
        "iso3": first_value(old.get("iso3"), new.get("iso3")),
        "sector": first_value(old.get("sector"), new.get("sector")),
    }


def _name_rank(name: str) -> tuple[bool, str]:
    return (name == name.upper() or name == name.lower(), name)


def _edge_rank(props: Mapping[str, Any]) -> tuple[Any, ...]:
    confidence = props.get("confidence")
    return (-(confidence if isinstance(confidence, (int, float)) else 1.0), _canonical(props))


def _canonical(props: Mapping[str, Any]) -> str:
    return json.dumps(props, sort_keys=True, ensure_ascii=False, default=str)


def first_value(a: Any, b: Any) -> Any:
    """A value beats none (None or ""); between two values the smaller (earlier date, code-point order)."""
    a_empty, b_empty = a is None or a == "", b is None or b == ""
    if a_empty and b_empty:
        return "" if "" in (a, b) else None
    if a_empty or b_empty:
        return b if a_empty else a
    return min(a, b)


def _fold_node(rows: dict[str, Props], label: str, props: Props) -> None:
    old = rows.get(props["id"])
    if old is None:
        rows[props["id"]] = props
    elif old != props:  # the same actor in many articles of a batch: mostly equal
        rows[props["id"]] = merge_node(label, old, props)


def _fold_edge(rows: dict[str, Edge], edge: Edge) -> None:
    old = rows.get(edge.id)
    if old is None:
        rows[edge.id] = edge
    elif old.props != edge.props:
        rows[edge.id] = Edge(edge.type, edge.source, edge.target, merge_edge(edge.type, old.props, edge.props))
