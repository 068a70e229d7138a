"""The GDELT half of ``polgraph load``: which inputs are GDELT files, loading them with progress on
a terminal, and the summary."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from polgraph.exceptions import InputError
from polgraph.graph.curation.overlay import Overlay
from polgraph.graph.store import Store
from polgraph.loaders.gdelt import DEFAULT_BATCH_SIZE, EventLoadReport, GdeltLoader, is_gdelt_name
from polgraph.loaders.gdelt.source import STDIN, gdelt_files, under_gdelt_folder
from polgraph.loaders.readers import iter_files
from polgraph.loaders.registry import Registry

__all__ = ["load_gdelt", "split_by_format", "summary_json", "summary_line"]

SHOWN_ERRORS = 50  # bad rows printed one a line; the rest are counted


def split_by_format(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(article inputs, GDELT inputs)`` when no ``--format`` is given: GDELT files by name
    (:func:`~polgraph.loaders.gdelt.is_gdelt_name`); a folder gives each kind of file it holds,
    and only GDELT files when it is inside a folder named gdelt (whose lookups are not articles)."""
    articles: list[str] = []
    events: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found_events = [str(p) for p in gdelt_files(path) if is_gdelt_name(p) or under_gdelt_folder(p.parent)]
            found_articles = [str(p) for p in iter_files([path]) if not under_gdelt_folder(p.parent)]
            events += found_events
            articles += found_articles if found_articles or found_events else [raw]  # the article loader reports it
        elif raw != STDIN and is_gdelt_name(path):
            events.append(raw)
        else:
            articles.append(raw)
    return articles, events


def load_gdelt(store: Store, paths: Sequence[str], registry: Registry, batch_size: int | None,
               overlay: Overlay | None = None) -> EventLoadReport:
    """Load GDELT inputs into ``store`` (through the curation ``overlay``), printing bad rows (the
    first ``SHOWN_ERRORS``) and, on a terminal, progress."""
    loader = GdeltLoader(registry=registry, batch_size=batch_size or DEFAULT_BATCH_SIZE, overlay=overlay)
    shown = 0
    progress = _Progress(sys.stderr.isatty())

    def on_error(error: InputError) -> None:
        nonlocal shown
        shown += 1
        if shown <= SHOWN_ERRORS:
            progress.break_line()
            click.echo(f"Error: {error}", err=True)

    stdin = sys.stdin.buffer if STDIN in paths else None
    try:
        with store.bulk():  # coded events come by the million: the store may put off index upkeep
            report = loader.load(store, paths, stdin=stdin, on_error=on_error, on_progress=progress)
    finally:
        progress.break_line()
    if shown > SHOWN_ERRORS:
        click.echo(f"Error: {shown - SHOWN_ERRORS:,} more bad row(s) not shown", err=True)
    return report


def summary_line(report: EventLoadReport, location: str) -> str:
    skipped = report.one_actor + report.no_actor
    return (
        f"Loaded {report.rows:,} GDELT row(s) from {report.files} file(s) into {location}: "
        f"{report.written.relations:,} new relation(s), {report.written.actors:,} new actor(s); "
        f"{skipped:,} skipped (one actor or none); {report.bad_rows:,} bad row(s)."
    )


def summary_json(report: EventLoadReport) -> dict[str, Any]:
    return {
        "files": report.files, "rows": report.rows, "events": report.events,
        "one_actor": report.one_actor, "no_actor": report.no_actor, "bad_rows": report.bad_rows,
        "new_actors": report.written.actors, "new_relations": report.written.relations,
        "errors": [str(e) for e in report.errors],
    }


class _Progress:
    """One status line on stderr, rewritten in place: rows read and their rate."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, report: EventLoadReport) -> None:
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        click.echo(f"\rLoading GDELT: {report.rows:,} rows, {report.rows / elapsed:,.0f} rows/s", err=True, nl=False)
        self.shown = True

    def break_line(self) -> None:
        """End the status line, so that what is printed next starts a line of its own."""
        if self.shown:
            click.echo("", err=True)
            self.shown = False
