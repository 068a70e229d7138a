"""``polgraph eval``: score polgraph's reading against reference readings (shared/eval/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from polgraph.cli.options import echo_json, echo_table, handle_errors, json_option
from polgraph.exceptions import ConfigError

__all__ = ["COMMANDS", "eval_command"]


@click.command("eval")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--plover",
    "plover_file",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Score event typing on PLOVER gold sentences (JSON Lines: text, event, source, target).",
)
@click.option("--pipeline", metavar="NAME", help="spaCy pipeline package (default: as for `polgraph load`).")
@click.option(
    "--registry",
    "registry_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actor registry YAML (repeatable), on top of the shipped one.",
)
@click.option("--detail", is_flag=True, help="List every miss: actors, relations, wrong relations, extra nodes.")
@json_option
@handle_errors
def eval_command(
    paths: tuple[Path, ...],
    plover_file: Path | None,
    pipeline: str | None,
    registry_paths: tuple[Path, ...],
    detail: bool,
    as_json: bool,
) -> None:
    """Score articles against the .gold.yaml readings beside them.

    PATHS are article .txt files, .gold.yaml files or folders (every .txt with a NAME.gold.yaml
    beside it). Each article is loaded into a fresh in-memory store and scored: actor and relation
    precision, recall and F1, forbidden readings and duplicate nodes; the total sums the counts
    (micro-average). With --plover FILE, each sentence's extracted event is compared with its gold
    PLOVER category instead (coverage and accuracy).
    """
    # Imported here so that `polgraph --help` does not pay for spaCy.
    from polgraph.evaluation import report
    from polgraph.evaluation.plover import read_plover, summarize
    from polgraph.evaluation.runner import evaluate_articles, evaluate_plover, find_articles, read_readings
    from polgraph.evaluation.scoring import summed

    if not paths and plover_file is None:
        raise ConfigError("eval needs article files or folders, or --plover FILE")
    pairs = read_readings(find_articles(paths)) if paths else []
    records = read_plover(plover_file) if plover_file is not None else []

    from polgraph.loaders.pipeline import Loader
    from polgraph.loaders.registry import default_registry

    registry = default_registry().copy() if registry_paths else default_registry()
    for path in registry_paths:
        registry.add_file(path)
    loader = Loader(registry=registry, pipeline=pipeline)  # one spaCy pipeline for every article
    doc: dict[str, Any] = {}
    if pairs:
        scores = evaluate_articles(pairs, loader)
        total = summed(scores)
        if as_json:
            doc.update(report.scores_json(scores, total, detail))  # keys "articles" and "total"
        else:
            echo_table(report.score_rows(scores, total), report.SCORE_HEADERS)
            c = total
            click.echo(
                f"actors: {c.actors_found}/{c.actors_gold} recalled, {c.nodes_correct}/{c.nodes - c.nodes_optional} nodes right"
                f" ({c.nodes_optional} of optional actors not counted);"
                f" relations: {c.required_found}/{c.relations_required} required found,"
                f" {c.relations_correct}/{c.relations} produced right; {c.forbidden_hits} forbidden,"
                f" {c.duplicate_nodes} duplicate nodes, {c.extra_nodes} extra nodes"
            )
            if detail:
                for score in scores:
                    click.echo("")
                    for line in report.detail_lines(score):
                        click.echo(line)
    if records:
        outcomes = evaluate_plover(records, loader, registry)
        summary = summarize(outcomes)
        if as_json:
            doc["plover"] = report.plover_json(summary, outcomes, detail)
        else:
            if pairs:
                click.echo("")
            click.echo(f"PLOVER event typing, {plover_file}:")
            click.echo(report.plover_total_line(summary))
            echo_table(report.plover_rows(summary), report.PLOVER_HEADERS)
            if detail:
                click.echo("")
                for outcome in outcomes:
                    click.echo(report.plover_outcome_line(outcome))
    if as_json:
        echo_json(doc)


COMMANDS = [eval_command]
