"""``polgraph train``: fit the candidate scorer on reference readings (needs the ``train`` extra)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from polgraph.cli.options import echo_json, handle_errors, json_option
from polgraph.exceptions import ConfigError

__all__ = ["COMMANDS", "train"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the scorer (default: the one polgraph ships, loaders/data/scorer.json).")
@click.option("--quiet", "quiet_ids", metavar="IDS.tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ids of articles of --corpus that report no political act: every candidate there is a wrong reading.")
@click.option("--corpus", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The JSON Lines corpus the --quiet ids name.")
@click.option("--quiet-budget", type=float, default=2.0, show_default=True, metavar="N",
              help="The threshold keeps the --quiet articles at N event relations an article at most.")
@click.option("--c", "c", type=float, default=None, metavar="C", help="Inverse regularisation strength (default 0.5).")
@click.option("--pipeline", metavar="NAME", help="spaCy pipeline package (default: as for `polgraph load`).")
@json_option
@handle_errors
def train(paths: tuple[Path, ...], output: Path | None, quiet_ids: Path | None, corpus: Path | None, quiet_budget: float,
          c: float | None, pipeline: str | None, as_json: bool) -> None:
    """Fit a logistic-regression scorer on the candidates of articles with .gold.yaml readings.

    PATHS are as for `polgraph eval`. Each candidate the reading allows is a positive example,
    every other one a negative; the threshold is the best relation F1 on the articles. Compare it
    with the hand weights first: `polgraph eval PATHS --folds K`.
    """
    from polgraph.evaluation.runner import find_articles, read_articles, read_readings
    from polgraph.evaluation.training import C, read_quiet, train_scorer
    from polgraph.loaders.pipeline import Loader
    from polgraph.loaders.relations import HandScorer, SCORER_FILE, write_scorer

    if (quiet_ids is None) != (corpus is None):
        raise ConfigError("--quiet and --corpus go together")
    readings = read_readings(find_articles(paths))
    loader = Loader(pipeline=pipeline, scorer=HandScorer())
    articles = read_articles(readings, loader)
    quiet = read_quiet(corpus, quiet_ids, loader) if quiet_ids and corpus else []
    scorer = train_scorer(articles, loader, C if c is None else c, quiet, quiet_budget if quiet else None)
    target = output or Path(str(resources.files("polgraph.loaders").joinpath(f"data/{SCORER_FILE}")))
    write_scorer(scorer, target)
    if as_json:
        echo_json({"output": str(target), "threshold": scorer.threshold, "features": len(scorer.weights), **scorer.about})
    else:
        click.echo(f"Wrote {target}: {len(scorer.weights)} feature weights, threshold {scorer.threshold:.2f} "
                   f"({scorer.about.get('candidates')} candidates of {len(articles)} articles).")


COMMANDS = [train]
