"""``polgraph centrality``: rank actors by degree, PageRank, betweenness, eigenvector (per period with ``--every``)."""

from __future__ import annotations

from dataclasses import asdict

import click

from polgraph.cli.options import echo_csv, echo_json, echo_table, handle_errors, open_store_from, output_format_options, store_options
from polgraph.cli.relations import make_filter, relation_filter_options
from polgraph.exceptions import ConfigError
from polgraph.graph.algorithms.centrality import DEFAULT_SOURCES, EXACT, MEASURES, ActorScore, Betweenness, centrality as rank_actors
from polgraph.graph.algorithms.periods import Every
from polgraph.graph.algorithms.temporal import RankingsOverTime, centrality_by_period
from polgraph.plots import rank_lines

__all__ = ["COMMANDS", "centrality", "every_option", "plot_option"]

_COLUMNS = ["id", "name", "kind", "in_degree", "out_degree", "degree", "pagerank", "betweenness", "eigenvector"]


def every_option(func):
    return click.option("--every", type=click.Choice([e.value for e in Every]),
                        help="One result per calendar period (undated events are left out and counted).")(func)


def plot_option(func):
    return click.option("--plot", "plot_path", metavar="FILE.png", type=click.Path(),
                        help="Also draw the series to a PNG file (needs the extra: pip install 'polgraph[plot]').")(func)


@click.command()
@click.option("--by", type=click.Choice(MEASURES), default="pagerank", show_default=True, help="Measure to rank by.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many actors to show (per period with --every).")
@every_option
@click.option("--exact", is_flag=True, help="Exact betweenness (one search per actor: minutes at a million events).")
@click.option("--sources", type=click.IntRange(min=2), metavar="K",
              help=f"Estimate betweenness from K sampled source actors  [default: {DEFAULT_SOURCES}]")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the betweenness sample.")
@relation_filter_options
@store_options
@plot_option
@handle_errors
@output_format_options
def centrality(by: str, top: int, every: str | None, exact: bool, sources: int | None, seed: int,
               types: tuple[str, ...], since, until, attributions: str | None, store_spec: str | None, require_neo4j: bool,
               fmt: str, plot_path: str | None) -> None:
    """Rank actors by centrality in the graph of event relations (filtered by type, time window and attribution).

    Betweenness is estimated from sampled source actors unless --exact (docs/scale.md gives the error).
    """
    if exact and sources is not None:
        raise ConfigError("--exact and --sources exclude each other")
    if plot_path and not every:
        raise ConfigError("--plot needs --every (one point per period)")
    sampling = EXACT if exact else Betweenness(sources or DEFAULT_SOURCES, seed)
    where = make_filter(types, since, until, attributions=attributions)
    with open_store_from(store_spec, require_neo4j) as store:
        if every:
            result = centrality_by_period(store, every, where, by=by, top=top, sampling=sampling)
        else:
            ranked = rank_actors(store, where, by=by, top=top, sampling=sampling)
    if not every:
        _print_ranking(ranked, fmt)
        return
    written = rank_lines(result, plot_path) if plot_path else None  # before printing: a failure prints nothing
    _print_periods(result, fmt)
    if result.undated and fmt != "json":
        click.echo(f"{result.undated} undated event(s) are in no period.", err=True)
    if written:
        click.echo(f"Plot written to {written}", err=True)


def _print_ranking(ranked: list[ActorScore], fmt: str) -> None:
    if fmt == "json":
        echo_json([asdict(s) for s in ranked])
    elif fmt == "csv":
        echo_csv((asdict(s) for s in ranked), _COLUMNS)
    else:
        echo_table(
            ([s.name, s.kind, s.in_degree, s.out_degree, f"{s.pagerank:.4f}", f"{s.betweenness:.4f}", f"{s.eigenvector:.4f}"]
             for s in ranked),
            ["actor", "kind", "in", "out", "pagerank", "betweenness", "eigenvector"],
        )


def _print_periods(result: RankingsOverTime, fmt: str) -> None:
    if fmt == "json":
        echo_json({
            "every": result.every.value, "by": result.by, "undated": result.undated,
            "periods": [
                {"period": p.period.label, "start": p.period.start.isoformat(), "end": p.period.end.isoformat(),
                 "events": p.events, "actors": p.actors, "ranking": [asdict(s) for s in p.ranking]}
                for p in result.periods
            ],
        })
    elif fmt == "csv":
        echo_csv(({"period": p.period.label, "rank": rank, **asdict(s)}
                  for p in result.periods for rank, s in enumerate(p.ranking, start=1)),
                 ["period", "rank", *_COLUMNS])
    else:
        echo_table(
            ([p.period.label, rank, s.name, s.kind, s.in_degree, s.out_degree, f"{s.pagerank:.4f}",
              f"{s.betweenness:.4f}", f"{s.eigenvector:.4f}"]
             for p in result.periods for rank, s in enumerate(p.ranking, start=1)),
            ["period", "rank", "actor", "kind", "in", "out", "pagerank", "betweenness", "eigenvector"],
        )


COMMANDS = [centrality]
