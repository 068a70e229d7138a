"""GDELT files -> event edges in a store, in batches: rows -> :class:`CodedEvent` -> actors ->
:class:`Relation` -> ``store.write([ArticleGraph(None, actors, [], relations, [])])``.

Each batch is one store transaction. A relation's id is a hash of (source, type, target,
``gdelt:<GLOBALEVENTID>``, 0), so loading a file again changes nothing.
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from polgraph.exceptions import InputError
from polgraph.graph.curation.overlay import Overlay
from polgraph.graph.model import Actor, ArticleGraph, Relation
from polgraph.graph.store import Store, WriteSummary
from polgraph.loaders.gdelt.actors import ActorResolver
from polgraph.loaders.gdelt.reader import CodedEvent, read_events
from polgraph.loaders.gdelt.source import open_streams
from polgraph.loaders.registry import Registry

__all__ = ["DEFAULT_BATCH_SIZE", "EventLoadReport", "GdeltLoader", "event_relation"]

# Rows per store transaction: large, so that a store's bulk path pays its per-transaction cost
# (an fsync, a file rewrite, the per-batch lookups) rarely. Measured on the embedded store, 1M coded
# events: 10,000 a batch cost 1.2-1.3x the CPU of 50,000, 20,000 1.1x (docs/scale.md).
DEFAULT_BATCH_SIZE = 50_000
KEPT_ERRORS = 1_000  # bad rows kept in the report; all are counted and passed to on_error


@dataclass
class EventLoadReport:
    files: int = 0  # files, archive members and stdin read
    rows: int = 0  # rows read, good or bad
    events: int = 0  # rows that became an event edge
    one_actor: int = 0  # rows naming one actor only: skipped (an edge needs two)
    no_actor: int = 0  # rows naming no actor: skipped
    bad_rows: int = 0  # rows that could not be read
    errors: list[InputError] = field(default_factory=list)  # unreadable files, the first bad rows
    written: WriteSummary = field(default_factory=WriteSummary)


def event_relation(event: CodedEvent, source: Actor, target: Actor) -> Relation:
    """The event edge of one GDELT row between its two resolved actors."""
    return Relation(
        source=source.id,
        target=target.id,
        type=event.type.name,
        article=f"gdelt:{event.event_id}",
        sentence=0,
        date=event.date,
        cameo=event.code,
        plover=event.type.plover,
        goldstein=event.goldstein,
        quad_class=event.quad_class,
        url=event.url,
        num_mentions=event.num_mentions,
        num_sources=event.num_sources,
        num_articles=event.num_articles,
        avg_tone=event.avg_tone,
    )


class GdeltLoader:
    """Loads GDELT 1.0 and 2.0 event files. One resolver (and its cache) per loader."""

    def __init__(self, registry: Registry | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 overlay: Overlay | None = None) -> None:
        """``overlay``: the analyst's curation changes, made on every batch before it is written."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.resolver = ActorResolver(registry)
        self.batch_size = batch_size
        self.overlay = overlay

    def graphs(self, events: Iterable[CodedEvent | InputError], report: EventLoadReport,
               on_error: Callable[[InputError], None] | None = None) -> Iterator[ArticleGraph]:
        """Batches of ``batch_size`` event edges (the last may be smaller), counting into ``report``."""
        resolve = self.resolver.resolve
        actors: dict[str, Actor] = {}
        relations: list[Relation] = []
        for event in events:
            report.rows += 1
            if isinstance(event, InputError):
                report.bad_rows += 1
                if len(report.errors) < KEPT_ERRORS:
                    report.errors.append(event)
                if on_error is not None:
                    on_error(event)
                continue
            if event.actor1 is None or event.actor2 is None:
                if event.actor1 is None and event.actor2 is None:
                    report.no_actor += 1
                else:
                    report.one_actor += 1
                continue
            source, target = resolve(event.actor1), resolve(event.actor2)
            actors[source.id] = source
            actors[target.id] = target
            relations.append(event_relation(event, source, target))
            report.events += 1
            if len(relations) >= self.batch_size:
                yield ArticleGraph(None, list(actors.values()), [], relations, [])
                actors, relations = {}, []
        if relations:
            yield ArticleGraph(None, list(actors.values()), [], relations, [])

    def load(
        self,
        store: Store,
        paths: Sequence[str | Path],
        *,
        stdin: BinaryIO | None = None,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[EventLoadReport], None] | None = None,
    ) -> EventLoadReport:
        """Load files, folders (their ``.csv`` and ``.zip`` files) and stdin (``-``). A bad row or an
        unreadable file is reported and skipped; the rest load."""
        report = EventLoadReport()

        def events() -> Iterator[CodedEvent | InputError]:  # batches run across files
            with contextlib.closing(open_streams(paths, stdin)) as streams:
                for item in streams:
                    if isinstance(item, InputError):
                        report.errors.append(item)
                        if on_error is not None:
                            on_error(item)
                        continue
                    name, stream = item
                    report.files += 1
                    try:
                        yield from read_events(stream, name)
                    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:  # a damaged archive
                        error = InputError(name, f"cannot read on ({exc}); the rows before were read")
                        report.errors.append(error)
                        if on_error is not None:
                            on_error(error)

        for batch in self.graphs(events(), report, on_error):
            _add(report.written, store.write(self.overlay.apply([batch]) if self.overlay is not None else [batch]))
            del batch  # so that the next batch is built without this one alive
            if on_progress is not None:
                on_progress(report)
        return report


def _add(total: WriteSummary, part: WriteSummary) -> None:
    total.articles += part.articles
    total.skipped += part.skipped
    total.actors += part.actors
    total.relations += part.relations
