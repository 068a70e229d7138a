"""The ``Store`` protocol every graph store implements, and the layout they share.

Layout (the same on every store, so one Cypher query answers the same everywhere):

- ``(:Actor {id, name, kind, aliases, country, iso3, sector})``
- ``(:Article {id, title, published, source, url, text})``
- ``(:Topic {id, name})``
- ``(:Actor)-[:<EVENT TYPE> {id, cameo, plover, date, article, sentence, evidence, confidence,
  goldstein, quad_class, attribution, reported_by, url, num_mentions, num_sources, num_articles,
  avg_tone}]->(:Actor|:Topic)``
- ``(:Actor)-[:MENTIONED_IN {id, count}]->(:Article)``
- ``(:Actor)-[:HOLDS_ROLE {id, title, start, end}]->(:Actor)`` and ``(:Actor)-[:MEMBER_OF {id}]->(:Actor)``

Dates are ISO strings (``"2022-10-04"``) so that they compare and serialise alike everywhere.
Every store merges what it writes by the rules of ``graph.upsert``.

What a caller can ask of any store is declared here: a capability a store lacks is a method that
answers "no" (``centrality`` returns None, ``init_schema`` an empty list), never a missing
attribute to probe for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

import networkx as nx

from polgraph.graph.model import Actor, Article, ArticleGraph, Relation
from polgraph.graph.upsert import Edge

if TYPE_CHECKING:
    from polgraph.cypher.executor import Result
    from polgraph.cypher.limits import QueryLimits
    from polgraph.graph.algorithms.centrality import ActorScore, Betweenness

__all__ = [
    "EVENTS", "EdgeGroup", "EventRow", "GraphEdit", "GraphRows", "RelationFilter", "SchemaItem", "Store", "WriteSummary",
    "edge_target_label", "relation_order",
]

EVENTS = "events"
"""The ``EdgeGroup`` kind of every event relation, whatever its type."""


@dataclass(frozen=True)
class RelationFilter:
    """Which event relations a read or an analysis looks at."""

    types: tuple[str, ...] = ()  # empty: every event type
    since: date | None = None
    until: date | None = None
    actor: str | None = None  # actor id: relations from or to it
    attributions: tuple[str, ...] = ()  # Attribution values (asserted, alleged, predicted, denied); empty: every one

    def accepts(self, rel: Relation) -> bool:
        if self.types and rel.type not in self.types:
            return False
        if self.since and (rel.date is None or rel.date < self.since):
            return False
        if self.until and (rel.date is None or rel.date > self.until):
            return False
        if self.actor and self.actor not in (rel.source, rel.target):
            return False
        if self.attributions and (rel.attribution or "asserted") not in self.attributions:
            return False
        return True


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event relation (one report) between two actors, as analytics need it: no provenance
    text, but its article and sentence, which tell reports of one event apart
    (``algorithms.events``)."""

    source: str
    target: str
    type: str
    date: str | None  # ISO
    goldstein: float | None
    quad_class: int | None
    confidence: float
    attribution: str
    article: str = ""
    sentence: int = 0


class SchemaItem(NamedTuple):
    """One constraint or index ``init_schema`` looked at."""

    name: str
    status: str  # "applied", "exists" or "unsupported"
    detail: str


def relation_order(rel: Relation) -> tuple[Any, ...]:
    """The order ``Store.relations`` returns relations in."""
    return (rel.date.isoformat() if rel.date else "", rel.article, rel.sentence, rel.source, rel.type, rel.target)


@dataclass(frozen=True)
class GraphEdit:
    """A curation change as rows (``graph.curation``): edges and actors to remove, then actors and
    edges to put as they are (their properties replace the stored ones). ``Store.edit`` applies
    it in one transaction; an edit and its inverse restore the store."""

    remove_edges: tuple[Edge, ...] = ()
    remove_actors: tuple[str, ...] = ()
    put_actors: tuple[dict[str, Any], ...] = ()  # actor properties in the shared layout
    put_edges: tuple[Edge, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.remove_edges or self.remove_actors or self.put_actors or self.put_edges)


def edge_target_label(edge: Edge) -> str:
    """The label of an edge's far end: an article for a mention, an actor for a structural edge,
    a topic for an event relation whose target is a topic id (``topic:...``), else an actor."""
    if edge.type == "MENTIONED_IN":
        return "Article"
    if edge.type in ("HOLDS_ROLE", "MEMBER_OF"):
        return "Actor"
    return "Topic" if edge.target.startswith("topic:") else "Actor"


@dataclass
class WriteSummary:
    articles: int = 0  # new articles
    skipped: int = 0  # articles already stored
    actors: int = 0  # new actors
    relations: int = 0  # new relations


class EdgeGroup(NamedTuple):
    """The edges of one kind from one node label to another: ``kind`` is ``EVENTS`` (every event
    type) or one structural type (MENTIONED_IN, HOLDS_ROLE, MEMBER_OF)."""

    kind: str
    start: str
    end: str


class GraphRows(Protocol):
    """The whole graph as rows in one fixed order (``Store.graph_rows``), to write it out without
    holding it: every method may be called again, and gives the same rows."""

    def labels(self) -> list[str]:
        """The labels that have nodes, sorted."""
        ...

    def nodes(self, label: str) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
        """(id, labels, properties) of the nodes whose first label is ``label``, in id order."""
        ...

    def edge_groups(self) -> list[EdgeGroup]:
        """The groups that have edges, sorted."""
        ...

    def edges(self, group: EdgeGroup) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, type, properties with ``id``) of the group's edges, by (source, target, type, id)."""
        ...

    def graph_nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, attributes in the shared layout) of every node, in the order of the store's
        ``to_networkx()`` graph (``graph.nodes(data=True)``): the JSON, GraphML and GEXF exports
        stream these and write the bytes the graph would give."""
        ...

    def graph_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, key, attributes in the shared layout) of every edge, in the order of the
        store's ``to_networkx()`` graph (``graph.edges(keys=True, data=True)``)."""
        ...


@runtime_checkable
class Store(Protocol):
    """A graph store. Writes are idempotent upserts; one ``write`` call is one transaction."""

    location: str

    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary: ...

    def bulk(self) -> AbstractContextManager["Store"]:
        """``with store.bulk():`` around many writes (a load of coded events): the store may put
        off index upkeep until the end. Writes inside are the same writes."""
        ...

    def edit(self, change: GraphEdit) -> None:
        """Apply one curation change in one transaction (``graph.curation`` computes it): remove
        its edges and actors (with every edge left at them, and the structural edges waiting
        from or for them), then put its actors and edges. A structural edge whose far end is not
        stored waits for it, as in ``write``."""
        ...

    def edges_at(self, actor_ids: Iterable[str]) -> list[Edge]:
        """Every edge from or to these actors (event relations, mentions, roles, memberships, and
        the structural edges waiting from them for a far end) and every event relation whose
        ``reported_by`` is one of them, in id order."""
        ...

    def event_edges(self, ids: Iterable[str]) -> list[Edge]:
        """The event relations with these ids, as edges, in id order."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def actor(self, actor_id: str) -> Actor | None: ...

    def actors(self, kind: str | None = None, *, ids: Iterable[str] | None = None) -> list[Actor]:
        """The actors (of one ``kind``; with ``ids``, only those), in id order."""
        ...

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        """The actors having any of ``keys`` among their name keys (``graph.names.actor_keys``:
        normalised name and aliases, a person's surname), in id order: how a loader finds the
        actor a name means among those already stored."""
        ...

    def articles(self) -> list[Article]: ...

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        """The event relations ``where`` accepts, in ``relation_order``."""
        ...

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        """The event relations between two actors (not topics) that ``where`` accepts, streamed in
        a deterministic order (source, target, type, date, article, sentence)."""
        ...

    def counts(self) -> dict[str, int]: ...

    def to_networkx(self, where: RelationFilter | None = None) -> nx.MultiDiGraph:
        """The graph in the shared layout (node attr ``_labels`` + properties, edge attr ``_type`` +
        properties): the whole graph, or with ``where`` only the part around the event relations it
        accepts (see ``networkx_store.part_of``), read without loading the rest."""
        ...

    def graph_rows(self) -> AbstractContextManager[GraphRows]:
        """``with store.graph_rows() as rows:`` the whole graph as sorted rows, one state of the
        store throughout; streamed from the embedded store's tables, sorted from ``to_networkx()``
        elsewhere."""
        ...

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Copy a graph in the shared layout as it is (``polgraph push`` and ``pull``): nodes and
        edges by id, their properties win. Returns how many nodes and edges were copied."""
        ...

    def run_cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
                   limits: "QueryLimits | None" = None) -> "Result":
        """Run one Cypher statement: on the server (its own transaction timeout applies), or with
        polgraph's engine (read queries only, within ``limits``)."""
        ...

    def centrality(self, where: RelationFilter, sampling: "Betweenness") -> "list[ActorScore] | None":
        """Every active actor's scores when the store computes them itself (Neo4j with GDS), betweenness
        from ``sampling`` (k seeded sources, or exact), else None: ``polgraph.graph.algorithms.centrality``
        then computes them from ``event_rows``."""
        ...

    def init_schema(self) -> list[SchemaItem]:
        """Create the constraints and indexes the store needs (idempotent); what was done, per item."""
        ...

    def describe(self) -> str:
        """What the store is, in a few words (``polgraph init`` prints it)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc_info: object) -> None: ...
