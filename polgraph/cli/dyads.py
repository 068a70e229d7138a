"""``polgraph dyads``: cooperation and conflict per pair of actors, over the window or per period."""

from __future__ import annotations

from dataclasses import replace

import click

from polgraph.cli.centrality import every_option, plot_option
from polgraph.cli.options import echo_csv, echo_json, echo_table, handle_errors, open_store_from, output_format_options, store_options
from polgraph.cli.relations import make_filter, relation_filter_options
from polgraph.exceptions import ConfigError
from polgraph.graph.algorithms.dyads import Dyad, DyadTable, dyads as dyad_table
from polgraph.lookup import find_actor
from polgraph.plots import goldstein_series

__all__ = ["COMMANDS", "dyads"]

_COLUMNS = ["period", "start", "end", "source", "source_name", "target", "target_name", "events", "goldstein_sum",
            "goldstein_mean", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


@click.command()
@click.option("--actor", metavar="NAME", help="Only dyads of this actor (id, name or alias).")
@every_option
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many dyads to show (the busiest over the window; all their periods with --every).")
@click.option("--undirected", is_flag=True, help="Count both directions of a pair as one dyad.")
@relation_filter_options
@store_options
@plot_option
@handle_errors
@output_format_options
def dyads(actor: str | None, every: str | None, top: int, undirected: bool, types: tuple[str, ...], since, until,
          attributions: str | None, store_spec: str | None, require_neo4j: bool, fmt: str, plot_path: str | None) -> None:
    """Per pair of actors (and period): events, Goldstein sum and mean, QuadClass counts.

    Goldstein values run from -10 (conflict) to +10 (cooperation); the QuadClasses are verbal and
    material cooperation, verbal and material conflict.
    """
    if plot_path and not every:
        raise ConfigError("--plot needs --every (one point per period)")
    where = make_filter(types, since, until, attributions=attributions)
    with open_store_from(store_spec, require_neo4j) as store:
        actor_id = find_actor(store, actor).id if actor else None
        table = dyad_table(store, replace(where, actor=actor_id), every=every, top=top, undirected=undirected)
    written = goldstein_series(table, plot_path) if plot_path else None  # before printing: a failure prints nothing
    if fmt == "json":
        echo_json({"every": every, "undirected": undirected, "undated": table.undated,
                   "dyads": [dict(zip(_COLUMNS, _values(d))) for d in table.dyads]})
    elif fmt == "csv":
        echo_csv((dict(zip(_COLUMNS, _values(d))) for d in table.dyads), _COLUMNS)
    else:
        _print_table(table)
    if table.undated and fmt != "json":
        click.echo(f"{table.undated} undated event(s) are in no period.", err=True)
    if written:
        click.echo(f"Plot written to {written}", err=True)


def _values(d: Dyad) -> list[object]:
    period = d.period
    return [period.label if period else None, period.start.isoformat() if period else None,
            period.end.isoformat() if period else None, d.source, d.source_name, d.target, d.target_name, d.events,
            d.goldstein_sum, d.goldstein_mean, d.verbal_cooperation, d.material_cooperation, d.verbal_conflict,
            d.material_conflict]


def _print_table(table: DyadTable) -> None:
    def mean(d: Dyad) -> str:
        return "" if d.goldstein_mean is None else f"{d.goldstein_mean:+.2f}"

    period = [] if table.every is None else ["period"]
    echo_table(
        ([*([d.period.label] if d.period else []), d.source_name, d.target_name, d.events, f"{d.goldstein_sum:+.1f}",
          mean(d), d.verbal_cooperation, d.material_cooperation, d.verbal_conflict, d.material_conflict]
         for d in table.dyads),
        [*period, "source", "target", "events", "goldstein", "mean", "verb.coop", "mat.coop", "verb.conf", "mat.conf"],
    )


COMMANDS = [dyads]
