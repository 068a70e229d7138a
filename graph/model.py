"""The graph model: plain dataclasses, no store or parser logic.

Ids are deterministic so that every write is an upsert:

- ``Article.id``: ``sha256`` of the article text (first 16 hex digits).
- ``Actor.id``: slug of the canonical name (``alexander-lukashenko``).
- ``Topic.id``: ``topic:`` + slug of the topic's head phrase.
- ``Relation.id``: hash of (source, type, target, article, sentence), so the same reading of the
  same sentence is one edge, and the same relation reported by two articles is two edges, each
  with its own provenance. A coded event that comes without text (a GDELT row) has
  ``article = "gdelt:<GLOBALEVENTID>"`` and ``sentence = 0``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from anyascii import anyascii

__all__ = [
    "ACTOR_KINDS",
    "Actor",
    "Article",
    "ArticleGraph",
    "Mention",
    "Relation",
    "Role",
    "Topic",
    "article_id",
    "relation_id",
    "slugify",
]

# city and region: places that are not sovereign polities (a city, a province, a US state),
# linked to their state by ``country``.
ACTOR_KINDS = ("person", "organization", "state", "bloc", "group", "city", "region")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug: ``"Lukashenko, Alexander"`` -> ``lukashenko-alexander``.

    Names in any script are transliterated (``"Владимир Путин"`` -> ``vladimir-putin``, anyascii);
    a text with no letter or digit left gets a stable hash of itself (``"x-1f0c..."``), so no two
    names share a placeholder id."""
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def relation_id(source: str, type_: str, target: str, article: str, sentence: int) -> str:
    key = "\x1f".join((source, type_, target, article, str(sentence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: date | None = None
    title: str = ""
    source: str = ""
    url: str = ""

    @classmethod
    def from_text(cls, text: str, **fields: object) -> "Article":
        return cls(id=article_id(text), text=text, **fields)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Role:
    """An office an actor holds: ``President`` of ``belarus`` from 1994-07-20, open-ended."""

    title: str
    of: str | None = None  # actor id of the state or organisation
    start: date | None = None
    end: date | None = None

    def active_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None  # actor id of the state a person or organisation belongs to
    iso3: str | None = None  # ISO 3166-1 alpha-3 code of that state (a state's own code)
    member_of: tuple[str, ...] = ()  # actor ids of blocs and organisations
    sector: str | None = None  # CAMEO actor type code: GOV, MIL, OPP, MED, ... (cameoType.txt)

    def __post_init__(self) -> None:
        if self.kind not in ACTOR_KINDS:
            raise ValueError(f"actor {self.name!r}: unknown kind {self.kind!r}")


@dataclass(frozen=True)
class Topic:
    """A target that is not an actor: a truce, peace talks, a decree."""

    id: str
    name: str

    @classmethod
    def named(cls, name: str) -> "Topic":
        return cls(id="topic:" + slugify(name), name=name)


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    type: str
    article: str
    sentence: int  # 1-based, in article order
    evidence: str = ""
    date: date | None = None
    cameo: str = ""  # CAMEO event code (a root code such as "11" when only the type is known)
    plover: str = ""
    confidence: float = 1.0
    goldstein: float | None = None  # -10 (conflict) .. +10 (cooperation), from the CAMEO code
    quad_class: int | None = None  # ontology.QuadClass: 1..4
    attribution: str = "asserted"  # ontology.Attribution value: asserted, alleged, predicted, denied
    reported_by: str = ""  # actor id of whoever the text credits with the claim, if not the source
    # Coded event data (GDELT): the report counts and tone of the event, and one source URL.
    url: str = ""
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    avg_tone: float | None = None

    @property
    def id(self) -> str:
        return relation_id(self.source, self.type, self.target, self.article, self.sentence)


@dataclass(frozen=True)
class Mention:
    """Where an actor is mentioned: the MENTIONED_IN edge from actor to article."""

    actor: str
    article: str
    count: int = 1


@dataclass
class ArticleGraph:
    """Everything one article adds to the graph; a store writes it in one transaction.

    ``article`` is None for coded events that come without a text (GDELT rows): then only the
    actors, topics and relations are written."""

    article: Article | None
    actors: list[Actor] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
