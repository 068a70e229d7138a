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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import networkx as nx

from polgraph.graph.model import Actor, Article, ArticleGraph, Relation

if TYPE_CHECKING:
    from polgraph.graph.algorithms.centrality import ActorScore

__all__ = ["EventRow", "RelationFilter", "Store", "WriteSummary"]


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


@dataclass
class WriteSummary:
    articles: int = 0  # new articles
    skipped: int = 0  # articles already stored
    actors: int = 0  # new actors
    relations: int = 0  # new relations


@runtime_checkable
class Store(Protocol):
    """A graph store. Writes are idempotent upserts; one ``write`` call is one transaction."""

    location: str

    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary: ...

    def has_article(self, article_id: str) -> bool: ...

    def actor(self, actor_id: str) -> Actor | None: ...

    def actors(self, kind: str | None = None) -> list[Actor]: ...

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        """The actors having any of ``keys`` among their name keys (``graph.names.actor_keys``:
        normalised name and aliases, a person's surname), in id order: how a loader finds the
        actor a name means among those already stored."""
        ...

    def articles(self) -> list[Article]: ...

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]: ...

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        """The event relations between two actors (not topics) that ``where`` accepts, streamed in
        a deterministic order (source, target, type, date, article, sentence)."""
        ...

    def centrality(self, where: RelationFilter = RelationFilter()) -> "list[ActorScore] | None":
        """Every active actor's scores when the store computes them itself (Neo4j with GDS), else
        None: ``polgraph.graph.algorithms.centrality`` then computes them from ``event_rows``."""
        ...

    def counts(self) -> dict[str, int]: ...

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph in the shared layout (node attr ``_labels`` + properties, edge attr ``_type`` + properties)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc_info: object) -> None: ...
