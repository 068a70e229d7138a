"""The graph as two pandas DataFrames, for a notebook: ``to_frames(store) -> (actors, events)``.

``actors``: one row per actor (id, name, kind, aliases, country, sector).
``events``: one row per event relation the filter accepts, with both ends' names and kinds (a
topic's kind is ``topic``), the date as a pandas datetime (NaT when undated), the Goldstein value,
QuadClass, attribution and provenance. pandas is the optional extra ``pandas``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from polgraph.graph.selection import topic_name
from polgraph.graph.store import RelationFilter, Store

if TYPE_CHECKING:
    import pandas

__all__ = ["ACTOR_COLUMNS", "EVENT_COLUMNS", "to_frames"]

ACTOR_COLUMNS = ("id", "name", "kind", "aliases", "country", "sector")
EVENT_COLUMNS = (
    "id", "date", "source", "source_name", "source_kind", "type", "target", "target_name", "target_kind",
    "goldstein", "quad_class", "attribution", "cameo", "plover", "confidence", "article", "sentence", "evidence",
    "reported_by", "url", "num_mentions", "num_sources", "num_articles", "avg_tone",
)


def to_frames(store: Store, where: RelationFilter = RelationFilter()) -> tuple[pandas.DataFrame, pandas.DataFrame]:
    """(actors, events) DataFrames of ``store``; ``where`` filters the events."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("polgraph.to_frames needs pandas: pip install 'polgraph[pandas]'") from None
    actors = store.actors()
    by_id = {a.id: a for a in actors}
    actor_frame = pd.DataFrame(
        [(a.id, a.name, a.kind, list(a.aliases), a.country, a.sector) for a in actors], columns=list(ACTOR_COLUMNS)
    )

    def name_kind(node: str) -> tuple[str, str]:
        actor = by_id.get(node)
        return (actor.name, actor.kind) if actor else (topic_name(node), "topic")

    rows = []
    for r in store.relations(where):
        source_name, source_kind = name_kind(r.source)
        target_name, target_kind = name_kind(r.target)
        rows.append((
            r.id, r.date, r.source, source_name, source_kind, r.type, r.target, target_name, target_kind,
            r.goldstein, r.quad_class, r.attribution, r.cameo, r.plover, r.confidence, r.article, r.sentence,
            r.evidence, r.reported_by, r.url, r.num_mentions, r.num_sources, r.num_articles, r.avg_tone,
        ))
    events = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    events["date"] = pd.to_datetime(events["date"])
    for column in ("quad_class", "num_mentions", "num_sources", "num_articles"):
        events[column] = events[column].astype("Int64")  # nullable: coded fields are missing on read events
    for column in ("goldstein", "confidence", "avg_tone"):
        events[column] = events[column].astype("float64")
    return actor_frame, events
