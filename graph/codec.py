"""Model objects to and from the property maps every store keeps (see ``store`` for the layout)."""

from __future__ import annotations

from datetime import date
from typing import Any

from polgraph.graph.model import Actor, Article, Relation, Role, Topic
from polgraph.graph.ontology import STRUCTURAL_TYPES

__all__ = [
    "LABELS",
    "TYPE",
    "actor_props",
    "article_props",
    "edge_to_relation",
    "props_to_actor",
    "props_to_article",
    "relation_props",
    "role_props",
    "topic_props",
]

LABELS = "_labels"  # node attribute holding the node's labels
TYPE = "_type"  # edge attribute holding the relationship type


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def actor_props(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": sorted(set(actor.aliases)),
        "country": actor.country,
        "iso3": actor.iso3,
        "sector": actor.sector,
    }


def props_to_actor(props: dict[str, Any]) -> Actor:
    return Actor(
        id=props["id"],
        name=props["name"],
        kind=props["kind"],
        aliases=tuple(props.get("aliases") or ()),
        country=props.get("country"),
        iso3=props.get("iso3"),
        sector=props.get("sector"),
    )


def article_props(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "published": iso(article.published),
        "source": article.source,
        "url": article.url,
        "text": article.text,
    }


def props_to_article(props: dict[str, Any]) -> Article:
    return Article(
        id=props["id"],
        text=props.get("text") or "",
        published=parse_iso(props.get("published")),
        title=props.get("title") or "",
        source=props.get("source") or "",
        url=props.get("url") or "",
    )


def topic_props(topic: Topic) -> dict[str, Any]:
    return {"id": topic.id, "name": topic.name}


def relation_props(rel: Relation) -> dict[str, Any]:
    return {
        "id": rel.id,
        "cameo": rel.cameo,
        "plover": rel.plover,
        "date": iso(rel.date),
        "article": rel.article,
        "sentence": rel.sentence,
        "evidence": rel.evidence,
        "confidence": rel.confidence,
        "goldstein": rel.goldstein,
        "quad_class": rel.quad_class,
        "attribution": rel.attribution,
        "reported_by": rel.reported_by,
        "url": rel.url,
        "num_mentions": rel.num_mentions,
        "num_sources": rel.num_sources,
        "num_articles": rel.num_articles,
        "avg_tone": rel.avg_tone,
    }


def role_props(actor_id: str, role: Role) -> dict[str, Any]:
    key = f"{actor_id}|{role.title}|{role.of}|{iso(role.start)}"
    return {"id": "role:" + key, "title": role.title, "start": iso(role.start), "end": iso(role.end)}


def edge_to_relation(data: dict[str, Any], source: str | None = None, target: str | None = None) -> Relation | None:
    """An event relation from an edge's attributes, or None for a structural edge."""
    rel_type = data.get(TYPE)
    if rel_type is None or rel_type in STRUCTURAL_TYPES:
        return None
    return Relation(
        source=source if source is not None else data.get("source", ""),
        target=target if target is not None else data.get("target", ""),
        type=rel_type,
        article=data.get("article", ""),
        sentence=int(data.get("sentence") or 0),
        evidence=data.get("evidence") or "",
        date=parse_iso(data.get("date")),
        cameo=data.get("cameo") or "",
        plover=data.get("plover") or "",
        confidence=float(data.get("confidence", 1.0)),
        goldstein=_float_or_none(data.get("goldstein")),
        quad_class=_int_or_none(data.get("quad_class")),
        attribution=data.get("attribution") or "asserted",
        reported_by=data.get("reported_by") or "",
        url=data.get("url") or "",
        num_mentions=_int_or_none(data.get("num_mentions")),
        num_sources=_int_or_none(data.get("num_sources")),
        num_articles=_int_or_none(data.get("num_articles")),
        avg_tone=_float_or_none(data.get("avg_tone")),
    )


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
