"""The embedded store's rows: the tables' columns, model objects to rows and back, and the SQL
built around them (upserts, the filter of a ``RelationFilter``). Values are as ``graph.codec``
gives them; lists are JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

import networkx as nx

from polgraph.exceptions import StoreError
from polgraph.graph import codec, upsert
from polgraph.graph.codec import TYPE
from polgraph.graph.model import Actor, Relation
from polgraph.graph.store import RelationFilter

__all__ = [
    "ACTOR", "ARTICLE", "CHUNK", "EVENT", "EVENT_APPEND", "EVENT_INSERT", "EVENT_PROPS", "LINK", "LINK_PROPS",
    "MENTION_UPSERT", "NODE_TABLES", "TOPIC", "actor_of", "add_event", "add_link", "add_mention", "check_keys", "chunks",
    "event_rows", "filtered", "link_edge", "link_row", "marks", "mention_id", "node_props", "node_row",
    "relation_of", "upsert_sql",
]

CHUNK = 500  # ids per IN (...) list

ACTOR = ("id", "name", "kind", "aliases", "country", "iso3", "sector")
TOPIC = ("id", "name")
ARTICLE = ("id", "title", "published", "source", "url", "text")
EVENT_PROPS = tuple(codec.relation_props(Relation("", "", "", "", 0)))
EVENT = ("source", "target", "type", "to_topic", *EVENT_PROPS)
LINK = ("id", "type", "source", "target", "title", "start", "end")
# The columns of a row of ``event_rows``: the relation's own fields as one ``attrgetter`` gives
# them (in C: this runs once per relation written), then the three computed ones.
_EVENT_FIELDS = ("source", "target", "type", "cameo", "plover", "article", "sentence", "evidence", "confidence", "goldstein",
                 "quad_class", "attribution", "reported_by", "url", "num_mentions", "num_sources", "num_articles", "avg_tone")
_EVENT_ROW = (*_EVENT_FIELDS, "id", "to_topic", "date")
_event_fields = attrgetter(*_EVENT_FIELDS)
EVENT_APPEND = f"INSERT INTO event ({', '.join(_EVENT_ROW)}) VALUES ({', '.join('?' * len(_EVENT_ROW))})"
EVENT_INSERT = EVENT_APPEND + " ON CONFLICT (id) DO NOTHING"
MENTION_UPSERT = "INSERT INTO mention VALUES (?, ?, ?) ON CONFLICT (actor, article) DO UPDATE SET count = excluded.count"
NODE_TABLES = {"Actor": ("actor", ACTOR), "Topic": ("topic", TOPIC), "Article": ("article", ARTICLE)}
LINK_PROPS = {"HOLDS_ROLE": ("id", "title", "start", "end"), "MEMBER_OF": ("id",)}


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(ids)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(chunk: Sequence[Any]) -> str:
    return ", ".join("?" * len(chunk))


def upsert_sql(table: str, columns: Sequence[str]) -> str:
    quoted = [f'"{c}"' for c in columns]
    updates = ", ".join(f"{c} = excluded.{c}" for c in quoted if c != '"id"')
    return f"INSERT INTO {table} ({', '.join(quoted)}) VALUES ({marks(columns)}) ON CONFLICT (id) DO UPDATE SET {updates}"


def filtered(select: str, where: RelationFilter, *extra: str) -> tuple[str, list[Any]]:
    """``select`` restricted to what ``where`` accepts; an actor filter is two index lookups."""
    conds: list[str] = list(extra)
    params: list[Any] = []
    if where.types:
        conds.append(f"type IN ({marks(where.types)})")
        params.extend(where.types)
    if where.since:
        conds.append("date >= ?")
        params.append(where.since.isoformat())
    if where.until:
        conds.append("date <= ?")
        params.append(where.until.isoformat())
    if where.attributions:
        conds.append(f"coalesce(attribution, 'asserted') IN ({marks(where.attributions)})")
        params.extend(where.attributions)
    rest = "".join(f" AND {c}" for c in conds)
    if where.actor is None:
        return select + (f" WHERE {' AND '.join(conds)}" if conds else ""), params
    sql = f"SELECT * FROM ({select} WHERE source = ?{rest} UNION ALL {select} WHERE target = ? AND source <> ?{rest})"
    return sql, [where.actor, *params, where.actor, where.actor, *params]


def node_row(label: str, props: dict[str, Any]) -> tuple[Any, ...]:
    columns = NODE_TABLES[label][1]
    if label == "Actor":
        props = {**props, "aliases": json.dumps(sorted(props.get("aliases") or ()), ensure_ascii=False)}
    return tuple(props.get(c) for c in columns)


def node_props(label: str, row: Sequence[Any]) -> dict[str, Any]:
    props = dict(zip(NODE_TABLES[label][1], row))
    if label == "Actor":
        props["aliases"] = json.loads(props["aliases"])
    return props


def mention_id(actor: str, article: str) -> str:
    return f"mention:{actor}|{article}"


def event_rows(relations: Mapping[str, Relation], topics: Container[str]) -> list[tuple[Any, ...]]:
    """The rows ``EVENT_APPEND`` and ``EVENT_INSERT`` write (their columns, values as
    ``codec.relation_props``) of relations by id; a target in ``topics`` is a topic."""
    days: dict[date, str] = {}  # codec.iso, once per day: this runs once per relation written
    rows = []
    append = rows.append
    for rel_id, rel in relations.items():
        day = rel.date
        if day:
            iso = days.get(day)
            if iso is None:
                iso = days[day] = day.isoformat()
        else:
            iso = None
        append((*_event_fields(rel), rel_id, 1 if rel.target in topics else 0, iso))
    return rows


def actor_of(row: Sequence[Any]) -> Actor:
    return Actor(id=row[0], name=row[1], kind=row[2], aliases=tuple(json.loads(row[3])), country=row[4], iso3=row[5], sector=row[6])


def relation_of(row: Sequence[Any]) -> Relation:
    (source, target, rel_type, _to_topic, _id, cameo, plover, day, article, sentence, evidence, confidence, goldstein,
     quad_class, attribution, reported_by, url, num_mentions, num_sources, num_articles, avg_tone) = row
    return Relation(
        source=source, target=target, type=rel_type, article=article or "", sentence=int(sentence or 0),
        evidence=evidence or "", date=codec.parse_iso(day), cameo=cameo or "", plover=plover or "",
        confidence=1.0 if confidence is None else float(confidence), goldstein=goldstein, quad_class=quad_class,
        attribution=attribution or "asserted", reported_by=reported_by or "", url=url or "",
        num_mentions=num_mentions, num_sources=num_sources, num_articles=num_articles, avg_tone=avg_tone,
    )


def link_row(edge_type: str, source: str, target: str, props: dict[str, Any]) -> tuple[Any, ...]:
    return (props["id"], edge_type, source, target, props.get("title"), props.get("start"), props.get("end"))


def link_edge(row: Sequence[Any]) -> upsert.Edge:
    edge_id, edge_type, source, target, title, start, end = row
    props = {"id": edge_id, "title": title, "start": start, "end": end} if edge_type == "HOLDS_ROLE" else {"id": edge_id}
    return upsert.Edge(edge_type, source, target, props)


def add_event(graph: nx.MultiDiGraph, row: Sequence[Any]) -> None:
    """Add the edge of an ``event`` row (the columns of ``EVENT``)."""
    graph.add_edge(row[0], row[1], key=row[4], **{TYPE: row[2]}, **dict(zip(EVENT_PROPS, row[4:])))


def add_link(graph: nx.MultiDiGraph, row: Sequence[Any]) -> None:
    """Add the edge of a ``link`` row (the columns of ``LINK``)."""
    edge = link_edge(row)
    graph.add_edge(edge.source, edge.target, key=edge.id, **{TYPE: edge.type}, **edge.props)


def add_mention(graph: nx.MultiDiGraph, actor: str, article: str, count: int) -> None:
    key = mention_id(actor, article)
    graph.add_edge(actor, article, key=key, **{TYPE: "MENTIONED_IN"}, id=key, count=count)


def check_keys(what: str, props: dict[str, Any], allowed: Sequence[str]) -> None:
    extra = sorted(set(props) - set(allowed))
    if extra:
        raise StoreError(f"{what}: properties {', '.join(extra)} are not in polgraph's layout")
