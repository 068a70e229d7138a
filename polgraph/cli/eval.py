"""``polgraph eval``: score polgraph's reading against reference readings (shared/eval/README.md)."""

from __future__ import annotations

from dataclasses import asdict

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
    help="Score event typing on PLOVER gold sentences (JSON Lines: text, event, source, target, source_codes).",
)
@click.option("--pipeline", metavar="NAME", help="spaCy pipeline package (default: as for `polgraph load`).")
@click.option(
    "--registry",
    "registry_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actor registry YAML (repeatable), on top of the shipped one.",
)
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="X",
              help="Keep relations of confidence X or more (default: the shipped scorer's threshold).")
@click.option("--plot", "plot_path", metavar="FILE.png", type=click.Path(path_type=Path),
              help="Draw relation precision, recall and F1 against the threshold (needs matplotlib).")
@click.option("--folds", type=int, default=None, metavar="K",
              help="Cross-validate by K article folds: the scorer and threshold fitted on the other folds, scored on each; "
                   "with --plover, the PLOVER figures of K sentence folds too.")
@click.option("--quiet", "quiet_ids", metavar="IDS.tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With --folds: ids of articles of --corpus that report no political act; each fold's threshold "
                   "keeps them at --quiet-budget event relations an article at most.")
@click.option("--corpus", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The JSON Lines corpus the --quiet ids name.")
@click.option("--quiet-budget", type=float, default=2.0, show_default=True, metavar="N",
              help="Event relations an article allowed in the --quiet articles.")
@click.option("--mechanisms", "show_mechanisms", is_flag=True,
              help="For each reading mechanism, the articles it fires in and how many of its relations are right.")
@click.option("--ceiling", "show_ceiling", is_flag=True,
              help="What became of each required relation: found, below the threshold, or missed at any threshold "
                   "(no node for an actor, a candidate of another type or the other way round, no candidate); "
                   "by fold with --folds.")
@click.option("--detail", is_flag=True, help="List every miss: actors, relations, wrong relations, extra nodes.")
@json_option
@handle_errors
def eval_command(
    paths: tuple[Path, ...],
    plover_file: Path | None,
    pipeline: str | None,
    registry_paths: tuple[Path, ...],
    min_confidence: float | None,
    plot_path: Path | None,
    folds: int | None,
    quiet_ids: Path | None,
    corpus: Path | None,
    quiet_budget: float,
    show_mechanisms: bool,
    show_ceiling: bool,
    detail: bool,
    as_json: bool,
) -> None:
    """Score articles against the .gold.yaml readings beside them.

    PATHS are article .txt files, .gold.yaml files or folders (every .txt with a NAME.gold.yaml
    beside it). Each article is read into a fresh in-memory store and scored: actor and relation
    precision, recall and F1, forbidden readings and duplicate nodes; the total sums the counts
    (micro-average). Relation scores at other confidence thresholds follow. With --plover FILE,
    each sentence's extracted event is compared with its gold PLOVER category (coverage, accuracy,
    and event+dyad accuracy: category and source actor right).
    """
    # Imported here so that `polgraph --help` does not pay for spaCy.
    from polgraph.evaluation import report
    from polgraph.evaluation.plover import read_plover, summarize
    from polgraph.evaluation.runner import evaluate_plover, find_articles, read_articles, read_readings, score_read
    from polgraph.evaluation.scoring import summed

    if not paths and plover_file is None:
        raise ConfigError("eval needs article files or folders, or --plover FILE")
    if not paths and (plot_path or show_mechanisms or show_ceiling or (folds is not None and plover_file is None)):
        raise ConfigError("--plot, --folds, --mechanisms and --ceiling need article files or folders")
    pairs = read_readings(find_articles(paths)) if paths else []
    records = read_plover(plover_file) if plover_file is not None else []
    if folds is not None:
        from polgraph.evaluation.training import check_folds

        if pairs:
            check_folds(folds, len(pairs))
        if records and not 2 <= folds <= len(records):
            raise ConfigError(f"PLOVER folds need 2 to {len(records)} folds for {len(records)} sentences, not {folds}")

    from polgraph.loaders.pipeline import Loader
    from polgraph.loaders.registry import default_registry

    registry = default_registry().copy() if registry_paths else default_registry()
    for path in registry_paths:
        registry.add_file(path)
    loader = Loader(registry=registry, pipeline=pipeline, min_confidence=min_confidence)  # one spaCy pipeline for every article
    doc: dict[str, Any] = {}
    if pairs:
        articles = read_articles(pairs, loader)
        scores = [score_read(a, loader) for a in articles]
        total = summed(scores)
        _thresholds(articles, loader, plot_path, doc, as_json)
        if as_json:
            doc.update(report.scores_json(scores, total, detail))  # keys "articles" and "total"
            doc["threshold"] = loader.min_confidence
        else:
            echo_table(report.score_rows(scores, total), report.SCORE_HEADERS)
            c = total
            click.echo(
                f"actors: {c.actors_found}/{c.actors_gold} recalled, {c.nodes_correct}/{c.nodes - c.nodes_optional} nodes right"
                f" ({c.nodes_optional} of optional actors not counted);"
                f" relations: {c.required_found}/{c.relations_required} required found,"
                f" {c.relations_correct}/{c.relations} produced right; {c.forbidden_hits} forbidden,"
                f" {c.duplicate_nodes} duplicate nodes, {c.extra_nodes} extra nodes"
                f" (relations of confidence {loader.min_confidence:.2f} or more)"
            )
            click.echo("")
            echo_table(doc.pop("_threshold_rows"), report.THRESHOLD_HEADERS)
            if detail:
                for score in scores:
                    click.echo("")
                    for line in report.detail_lines(score):
                        click.echo(line)
        if folds:
            if (quiet_ids is None) != (corpus is None):
                raise ConfigError("--quiet and --corpus go together")
            from polgraph.evaluation.training import read_quiet

            quiet = read_quiet(corpus, quiet_ids, loader) if quiet_ids and corpus else []
            _folds(articles, loader, folds, quiet, quiet_budget if quiet else None, doc, as_json)
        if show_mechanisms:
            _mechanisms(articles, loader, doc, as_json)
        if show_ceiling:
            _ceiling(articles, loader, folds, doc, as_json)
    if records:
        outcomes = evaluate_plover(records, loader, registry)
        summary = summarize(outcomes)
        by_fold = _plover_folds(records, outcomes, folds) if folds else []
        if as_json:
            doc["plover"] = report.plover_json(summary, outcomes, detail)
            if by_fold:
                doc["plover"]["folds"] = [{"fold": i, **s.total.as_dict()} for i, s in enumerate(by_fold)]
        else:
            if pairs:
                click.echo("")
            click.echo(f"PLOVER event typing, {plover_file}:")
            click.echo(report.plover_total_line(summary))
            echo_table(report.plover_rows(summary), report.PLOVER_HEADERS)
            if by_fold:
                click.echo(f"PLOVER folds (a stable hash of each sentence, {folds} folds):")
                echo_table(report.plover_fold_rows(by_fold), report.PLOVER_FOLD_HEADERS)
            if detail:
                click.echo("")
                for outcome in outcomes:
                    click.echo(report.plover_outcome_line(outcome))
    if as_json:
        echo_json(doc)


def _plover_folds(records: list, outcomes: list, k: int) -> list:
    from polgraph.evaluation.plover import plover_folds, summarize

    outcome_of = {id(r): o for r, o in zip(records, outcomes)}
    return [summarize(outcome_of[id(r)] for r in fold) for fold in plover_folds(records, k)]


def _thresholds(articles: list, loader: Any, plot_path: Path | None, doc: dict[str, Any], as_json: bool) -> None:
    from polgraph.evaluation import report
    from polgraph.evaluation.thresholds import DEFAULT_THRESHOLDS, plot_sweep, sweep

    grid = sorted({*DEFAULT_THRESHOLDS, round(loader.min_confidence, 2)})
    rows = sweep(articles, loader, grid)
    if plot_path is not None:
        plot_sweep(rows, str(plot_path), chosen=loader.min_confidence)
    if as_json:
        doc["thresholds"] = [{"threshold": t, **c.as_dict()} for t, c in rows]
    else:
        doc["_threshold_rows"] = report.threshold_rows(rows, loader.min_confidence)


def _folds(articles: list, loader: Any, k: int, quiet: list, budget: float | None, doc: dict[str, Any], as_json: bool) -> None:
    from polgraph.evaluation import report
    from polgraph.evaluation.scoring import Counts
    from polgraph.evaluation.training import calibration, cross_validate, fit_hand, fit_logistic

    hand = cross_validate(articles, loader, k, fit_hand(loader, quiet, budget))
    learned = cross_validate(articles, loader, k, fit_logistic(loader, quiet=quiet, budget=budget))
    calibrated = calibration(articles, loader, k)
    if as_json:
        doc["folds"] = report.folds_json(hand, learned)
        doc["folds"]["calibration"] = asdict(calibrated)
        return
    click.echo("")
    click.echo(f"Cross-validation by {k} article folds (scorer and threshold fitted on the other folds, scored on each):")
    echo_table(report.fold_rows(hand, learned), report.FOLD_HEADERS)
    for name, results in (("hand weights", hand), ("learned scorer", learned)):
        c = sum((r.counts for r in results), Counts())
        click.echo(f"{name}, cross-validated: relation P/R/F1 {report.fmt(c.relation_precision)} / "
                   f"{report.fmt(c.relation_recall)} / {report.fmt(c.relation_f1)}")
    click.echo("")
    click.echo(f"Calibration on held-out folds ({calibrated.candidates} candidates, {calibrated.right} right): "
               "Brier score of the confidence, lower is better")
    echo_table(calibrated.rows(), ["confidence", "Brier"])


def _mechanisms(articles: list, loader: Any, doc: dict[str, Any], as_json: bool) -> None:
    from polgraph.evaluation.mechanisms import MECHANISM_HEADERS, count_mechanisms, mechanism_rows

    counts = count_mechanisms(articles, loader, loader.min_confidence)
    if as_json:
        doc["mechanisms"] = [dict(zip(MECHANISM_HEADERS, row)) for row in mechanism_rows(counts)]
        return
    click.echo("")
    click.echo(f"Reading mechanisms over {len(articles)} articles (kept: confidence {loader.min_confidence:.2f} or more):")
    echo_table(mechanism_rows(counts), MECHANISM_HEADERS)


def _ceiling(articles: list, loader: Any, k: int | None, doc: dict[str, Any], as_json: bool) -> None:
    from polgraph.evaluation.ceiling import CEILING_HEADERS, ceiling_of, ceiling_rows
    from polgraph.evaluation.training import folds_of

    groups = [(f"fold {i}", fold) for i, fold in enumerate(folds_of(articles, k))] if k else []
    ceilings = [ceiling_of(fold, loader, loader.min_confidence, label) for label, fold in groups]
    ceilings.append(ceiling_of(articles, loader, loader.min_confidence, "all"))
    if as_json:
        doc["ceiling"] = [dict(zip(CEILING_HEADERS, row)) for row in ceiling_rows(ceilings)]
        return
    click.echo("")
    click.echo(f"Required relations by outcome (threshold {loader.min_confidence:.2f}; misses read at threshold 0):")
    echo_table(ceiling_rows(ceilings), CEILING_HEADERS)


COMMANDS = [eval_command]
