"""Curation changes: what an analyst decides about the graph, as small records.

Every change is defined twice, and both definitions give the same graph (tests/test_curation.py):

- :meth:`plan` turns it into rows of the store as it is now (a :class:`GraphEdit`, applied in place
  by ``Store.edit`` in one transaction) and the edit that takes it back (undo);
- :meth:`apply` makes it on an ``ArticleGraph`` that a later load writes (``graph.curation.overlay``
  applies every recorded change in order, after resolution and before the store write).

The rules, one place for both:

- **merge** (``other`` goes into ``actor``): every relation, mention, role and membership of
  ``other`` moves to ``actor`` (under the ids the move gives it), a claim credited to ``other`` is
  credited to ``actor``, and ``other``'s name and aliases become ``actor``'s aliases. ``actor``
  keeps its name and kind; country and sector merge as loads merge them (a value beats none). A
  relation between the two becomes a relation of an actor with itself and is dropped; an actor
  whose country was ``other`` has ``actor`` for its country. Where a
  moved edge meets one ``actor`` already has (the same sentence read twice), they merge as loads
  merge them; mention counts add up (the article names one actor that many times).
- **rename**: the actor keeps its id; the new name replaces the name, the old one becomes an alias.
- **alias**: one more alias; an actor a later article names by it (its id or name is the alias's
  slug) is this actor, as if merged into it. An actor already stored under that name is merged,
  not aliased (the change refuses).
- **drop actor**: the actor, its relations, mentions, roles and memberships go; a claim credited
  to it is credited to no one, an actor whose country it was has no country.
- **drop relation**: one event relation goes (by its id).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set as AbstractSet
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, ClassVar

from polgraph.exceptions import CurationError
from polgraph.graph import codec, upsert
from polgraph.graph.model import Actor, ArticleGraph, Mention, Relation, Role, relation_id, slugify
from polgraph.graph.store import GraphEdit, Store
from polgraph.graph.upsert import Edge

__all__ = ["CHANGES", "Alias", "Change", "DropActor", "DropRelation", "Merge", "Rename", "actor_refs", "change_from_record", "graph_refs",
           "relation_refs"]


def _planned(edit: GraphEdit, actors: Mapping[str, dict[str, Any] | None], edges: Mapping[str, Edge]) -> tuple[GraphEdit, GraphEdit]:
    """``edit`` and its inverse, from the rows it touches as they were (``actors``: None for one
    that did not exist; ``edges``: every edge the edit removes or rewrites, by id)."""
    touched_actors = [*edit.remove_actors, *(p["id"] for p in edit.put_actors)]
    inverse = GraphEdit(
        remove_edges=tuple(e for e in edit.put_edges if e.id not in edges),
        remove_actors=tuple(a for a in touched_actors if actors.get(a) is None),
        put_actors=tuple(actors[a] for a in dict.fromkeys(touched_actors) if actors.get(a) is not None),
        put_edges=tuple(edges[i] for i in dict.fromkeys(e.id for e in (*edit.remove_edges, *edit.put_edges)) if i in edges),
    )
    return edit, inverse


def _actor_props(store: Store, actor_id: str) -> dict[str, Any]:
    actor = store.actor(actor_id)
    if actor is None:
        raise CurationError(f"no actor {actor_id!r} in {store.location}")
    return codec.actor_props(actor)


# -- moving edges from one actor to another --------------------------------------------------
def _moved(edge: Edge, redirect: Mapping[str, str]) -> Edge | None:
    """``edge`` with its ends (and the actor it credits) redirected, under the id that gives it;
    None when it becomes an edge from an actor to itself."""
    source, target = redirect.get(edge.source, edge.source), redirect.get(edge.target, edge.target)
    if source == target and edge.source != edge.target:
        return None
    props = dict(edge.props)
    if props.get("reported_by") in redirect:
        props["reported_by"] = redirect[props["reported_by"]]
    if edge.type == "MENTIONED_IN":
        props["id"] = f"mention:{source}|{target}"
    elif edge.type == "HOLDS_ROLE":
        role = Role(title=props.get("title") or "", of=target, start=codec.parse_iso(props.get("start")))
        props["id"] = codec.role_props(source, role)["id"]
    elif edge.type == "MEMBER_OF":
        props["id"] = f"member:{source}|{target}"
    else:
        props["id"] = relation_id(source, edge.type, target, props.get("article") or "", int(props.get("sentence") or 0))
    return Edge(edge.type, source, target, props)


def _joined(old: Edge, new: Edge) -> Edge:
    """Two edges under one id: mention counts add up, anything else merges as a load merges it."""
    if new.type == "MENTIONED_IN":
        return Edge(new.type, new.source, new.target, {**new.props, "count": int(old.props["count"]) + int(new.props["count"])})
    return Edge(new.type, new.source, new.target, upsert.merge_edge(new.type, old.props, new.props))


def _moved_mentions(mentions: Iterable[Mention], redirect: Mapping[str, str], dropped: AbstractSet[str] = frozenset()) -> list[Mention]:
    counts: dict[str, int] = {}
    article = {}
    for m in mentions:
        actor = redirect.get(m.actor, m.actor)
        if actor in dropped:
            continue
        counts[actor] = counts.get(actor, 0) + m.count
        article[actor] = m.article
    return [Mention(actor, article[actor], count) for actor, count in counts.items()]


def _citizens(store: Store, state: str) -> list[dict[str, Any]]:
    """The properties of the actors whose ``country`` is ``state``."""
    return [codec.actor_props(a) for a in store.actors() if a.country == state and a.id != state]


def actor_refs(actor: Actor, names: bool = True) -> set[str]:
    """The ids an actor refers to (its own, its country's, its roles' and memberships'), and with
    ``names`` the slug of its name: what ``graph_refs`` takes of it."""
    keys = {actor.id, *actor.member_of, *(r.of for r in actor.roles if r.of)}
    if actor.country:
        keys.add(actor.country)
    if names:
        keys.add(slugify(actor.name))
    return keys


def relation_refs(rel: Relation, relation_ids: bool = True) -> set[str]:
    """The ids a relation refers to (its ends, whom it credits), and with ``relation_ids`` its own."""
    keys = {rel.source, rel.target}
    if rel.reported_by:
        keys.add(rel.reported_by)
    if relation_ids:
        keys.add(rel.id)
    return keys


def graph_refs(graph: ArticleGraph, *, names: bool = True, relation_ids: bool = True) -> set[str]:
    """Every id an article's graph refers to (its actors', relations' and mentions'): a change
    none of whose keys are among them leaves the graph as it is."""
    keys: set[str] = set()
    for actor in graph.actors:
        keys |= actor_refs(actor, names)
    for rel in graph.relations:
        keys |= relation_refs(rel, relation_ids)
    keys.update(m.actor for m in graph.mentions)
    return keys


def _names(graph: ArticleGraph, actor_id: str) -> bool:
    """Whether an article's graph refers to an actor anywhere (an actor, its country, an end, a claim, a link)."""
    return (any(a.id == actor_id or a.country == actor_id or actor_id in a.member_of or any(r.of == actor_id for r in a.roles)
                for a in graph.actors)
            or any(actor_id in (r.source, r.target, r.reported_by) for r in graph.relations)
            or any(m.actor == actor_id for m in graph.mentions))


def _actor_links(actor: Actor, redirect: Mapping[str, str], dropped: AbstractSet[str] = frozenset()) -> Actor:
    """An actor's roles and memberships with their far ends redirected (or dropped)."""
    if not any(r.of in redirect or r.of in dropped for r in actor.roles) and not any(g in redirect or g in dropped for g in actor.member_of):
        return actor
    roles = tuple(replace(r, of=redirect.get(r.of, r.of)) for r in actor.roles if r.of not in dropped)
    groups = tuple(dict.fromkeys(redirect.get(g, g) for g in actor.member_of if g not in dropped))
    return replace(actor, roles=tuple(r for r in roles if r.of != actor.id), member_of=tuple(g for g in groups if g != actor.id))


# -- the changes -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """A curation change: ``verb`` names it in the overlay file; the fields are its record."""

    verb: ClassVar[str] = ""

    def describe(self) -> str:
        raise NotImplementedError

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        """(the edit that makes the change on ``store`` as it is, the edit that takes it back);
        an empty edit when there is nothing to change."""
        raise NotImplementedError

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        """The change made on one article's graph, before it is written."""
        raise NotImplementedError

    def refs(self) -> frozenset[str]:
        """The ids (and name slugs) a graph must hold (see :func:`graph_refs`) for ``apply`` to change it."""
        raise NotImplementedError

    def record(self) -> dict[str, Any]:
        return {"verb": self.verb, **asdict(self)}


@dataclass(frozen=True)
class Merge(Change):
    verb: ClassVar[str] = "merge"
    actor: str  # the id that stays
    other: str  # the id merged into it
    name: str  # the name and kind of ``actor`` when merged: what ``other``'s later mentions get
    kind: str

    def describe(self) -> str:
        return f"merge {self.other} into {self.actor} ({self.name})"

    def refs(self) -> frozenset[str]:
        return frozenset((self.other,))

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        if self.actor == self.other:
            return GraphEdit(), GraphEdit()
        kept, gone = _actor_props(store, self.actor), _actor_props(store, self.other)
        merged = dict(kept)
        merged["aliases"] = sorted({*kept["aliases"], *gone["aliases"], gone["name"]})
        for key in kept.keys() - {"id", "name", "kind", "aliases"}:
            merged[key] = upsert.first_value(kept[key], gone.get(key))
        edges = store.edges_at([self.actor, self.other])
        before = {e.id: e for e in edges}
        redirect = {self.other: self.actor}
        moving = [e for e in edges if self.other in (e.source, e.target, e.props.get("reported_by"))]
        put: dict[str, Edge] = {}
        for edge in moving:
            new = _moved(edge, redirect)
            if new is None:
                continue
            old = put.get(new.id) or (before.get(new.id) if before.get(new.id) not in moving else None)
            put[new.id] = new if old is None else _joined(old, new)
        citizens = [c for c in _citizens(store, self.other) if c["id"] != self.actor]
        moved_citizens = tuple({**c, "country": self.actor} for c in citizens)
        edit = GraphEdit(tuple(moving), (self.other,), (merged, *moved_citizens), tuple(put[k] for k in sorted(put)))
        return _planned(edit, {self.actor: kept, self.other: gone, **{c["id"]: c for c in citizens}}, before)

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        if not _names(graph, self.other):
            return graph
        redirect = {self.other: self.actor}
        actors = []
        for actor in graph.actors:
            if actor.id == self.other:
                actor = replace(actor, id=self.actor, name=self.name, kind=self.kind, aliases=tuple(sorted({*actor.aliases, actor.name})))
            if actor.country == self.other and actor.id != self.actor:
                actor = replace(actor, country=self.actor)
            actors.append(_actor_links(actor, redirect))
        relations = []
        for rel in graph.relations:
            if self.other not in (rel.source, rel.target, rel.reported_by):
                relations.append(rel)
                continue
            source, target = redirect.get(rel.source, rel.source), redirect.get(rel.target, rel.target)
            if source == target and rel.source != rel.target:
                continue
            relations.append(replace(rel, source=source, target=target, reported_by=redirect.get(rel.reported_by, rel.reported_by)))
        return replace(graph, actors=actors, relations=relations, mentions=_moved_mentions(graph.mentions, redirect))


@dataclass(frozen=True)
class Rename(Change):
    verb: ClassVar[str] = "rename"
    actor: str
    name: str  # the new name
    old: str  # the name it had (for the list; later loads keep theirs as aliases)

    def describe(self) -> str:
        return f"rename {self.actor} from {self.old!r} to {self.name!r}"

    def refs(self) -> frozenset[str]:
        return frozenset((self.actor,))

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        props = _actor_props(store, self.actor)
        if props["name"] == self.name:
            return GraphEdit(), GraphEdit()
        renamed = {**props, "name": self.name, "aliases": sorted({*props["aliases"], props["name"]})}
        return _planned(GraphEdit(put_actors=(renamed,)), {self.actor: props}, {})

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        if not any(a.id == self.actor for a in graph.actors):
            return graph
        actors = [a if a.id != self.actor or a.name == self.name else
                  replace(a, name=self.name, aliases=tuple(sorted({*a.aliases, a.name}))) for a in graph.actors]
        return replace(graph, actors=actors)


@dataclass(frozen=True)
class Alias(Change):
    verb: ClassVar[str] = "alias"
    actor: str
    alias: str
    name: str  # the name and kind of ``actor`` when aliased: what a later actor of that name gets
    kind: str

    def describe(self) -> str:
        return f"alias {self.alias!r} for {self.actor}"

    def refs(self) -> frozenset[str]:
        return frozenset((self.actor, slugify(self.alias)))

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        props = _actor_props(store, self.actor)
        if self.alias in props["aliases"]:
            return GraphEdit(), GraphEdit()
        key = slugify(self.alias)
        named = [a for a in store.actors() if a.id != self.actor and key in (a.id, slugify(a.name))]
        if named:
            other = named[0]
            raise CurationError(f"{self.alias!r} is the name of another actor, {other.id} ({other.name}): merge it into {self.actor} instead")
        aliased = {**props, "aliases": sorted({*props["aliases"], self.alias})}
        return _planned(GraphEdit(put_actors=(aliased,)), {self.actor: props}, {})

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        key = slugify(self.alias)
        for actor_id in sorted({a.id for a in graph.actors if a.id != self.actor and key in (a.id, slugify(a.name))}):
            graph = Merge(self.actor, actor_id, self.name, self.kind).apply(graph)  # a later actor of that name is this one
        if not any(a.id == self.actor and self.alias not in a.aliases for a in graph.actors):
            return graph
        actors = [a if a.id != self.actor else replace(a, aliases=tuple(sorted({*a.aliases, self.alias}))) for a in graph.actors]
        return replace(graph, actors=actors)


@dataclass(frozen=True)
class DropActor(Change):
    verb: ClassVar[str] = "drop-actor"
    actor: str
    name: str  # its name when dropped (for the list)

    def describe(self) -> str:
        return f"drop actor {self.actor} ({self.name})"

    def refs(self) -> frozenset[str]:
        return frozenset((self.actor,))

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        props = _actor_props(store, self.actor)
        edges = store.edges_at([self.actor])
        at = tuple(e for e in edges if self.actor in (e.source, e.target))
        credited = tuple(Edge(e.type, e.source, e.target, {**e.props, "reported_by": ""})
                         for e in edges if e not in at)  # a claim credited to it, made by others
        citizens = _citizens(store, self.actor)
        edit = GraphEdit(remove_edges=at, remove_actors=(self.actor,), put_actors=tuple({**c, "country": None} for c in citizens),
                         put_edges=credited)
        return _planned(edit, {self.actor: props, **{c["id"]: c for c in citizens}}, {e.id: e for e in edges})

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        gone = {self.actor}
        if not _names(graph, self.actor):
            return graph
        relations = [rel if rel.reported_by != self.actor else replace(rel, reported_by="")
                     for rel in graph.relations if rel.source not in gone and rel.target not in gone]
        return replace(
            graph,
            actors=[_actor_links(a if a.country not in gone else replace(a, country=None), {}, gone)
                    for a in graph.actors if a.id not in gone],
            relations=relations,
            mentions=_moved_mentions(graph.mentions, {}, gone),
        )


@dataclass(frozen=True)
class DropRelation(Change):
    verb: ClassVar[str] = "drop-relation"
    id: str
    source: str  # what it was (for the list)
    type: str
    target: str

    def describe(self) -> str:
        return f"drop relation {self.id} ({self.source} {self.type} {self.target})"

    def refs(self) -> frozenset[str]:
        return frozenset((self.id,))

    def plan(self, store: Store) -> tuple[GraphEdit, GraphEdit]:
        edges = store.event_edges([self.id])
        return _planned(GraphEdit(remove_edges=tuple(edges)), {}, {e.id: e for e in edges})

    def apply(self, graph: ArticleGraph) -> ArticleGraph:
        if not any(rel.id == self.id for rel in graph.relations):
            return graph
        return replace(graph, relations=[rel for rel in graph.relations if rel.id != self.id])


CHANGES: dict[str, type[Change]] = {c.verb: c for c in (Merge, Rename, Alias, DropActor, DropRelation)}


def change_from_record(record: Mapping[str, Any]) -> Change:
    """The change a record of the overlay file holds; ``ValueError`` saying what is wrong."""
    cls = CHANGES.get(record.get("verb"))  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"unknown verb {record.get('verb')!r} (one of {', '.join(CHANGES)})")
    names = [f.name for f in fields(cls)]
    missing = [n for n in names if not isinstance(record.get(n), str)]
    if missing:
        raise ValueError(f"{cls.verb}: {', '.join(missing)} missing or not text")
    return cls(**{n: record[n] for n in names})

