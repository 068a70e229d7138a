"""PNG charts of analyses over time (matplotlib, the optional extra ``plot``).

- ``rank_lines``: each top actor's rank per period (rank 1 at the top), from ``centrality_by_period``.
- ``goldstein_series``: each dyad's Goldstein sum per period, with a zero line, from ``dyads``.

Drawn on a ``matplotlib.figure.Figure`` (no pyplot, no global backend state).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from polgraph.exceptions import ConfigError
from polgraph.output import write_output
from polgraph.graph.algorithms.dyads import DyadTable
from polgraph.graph.algorithms.temporal import RankingsOverTime

__all__ = ["MAX_LINES", "goldstein_series", "rank_lines"]

MAX_LINES = 10  # more lines than this are unreadable in one chart


def rank_lines(result: RankingsOverTime, path: str | Path) -> Path:
    """One line per actor through its rank in each period where it is in the top (at most
    ``MAX_LINES`` actors: those in the most periods' tops, then the best ranked)."""
    ranks: dict[str, dict[int, int]] = defaultdict(dict)  # actor -> {period index: rank}
    names: dict[str, str] = {}
    for index, period in enumerate(result.periods):
        for position, score in enumerate(period.ranking, start=1):
            ranks[score.id][index] = position
            names[score.id] = score.name
    chosen = sorted(ranks, key=lambda a: (-len(ranks[a]), min(ranks[a].values()), a))[:MAX_LINES]
    figure, axes = _figure([p.period.label for p in result.periods])
    for actor in chosen:
        points = sorted(ranks[actor].items())
        axes.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=names[actor])
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.invert_yaxis()  # rank 1 on top
    axes.set_ylabel(f"rank by {result.by}")
    axes.set_title(f"Top actors by {result.by}, per {result.every.value}")
    return _save(figure, axes, path)


def goldstein_series(table: DyadTable, path: str | Path) -> Path:
    """One line per dyad (the first ``MAX_LINES`` of the table) through its Goldstein sum per period."""
    series: dict[tuple[str, str], list[tuple[str, float]]] = {}
    labels: dict[tuple[str, str], str] = {}
    arrow = "–" if table.undirected else "→"
    for dyad in table.dyads:
        if dyad.period is None:
            raise ValueError("a Goldstein series needs dyads per period")
        pair = (dyad.source, dyad.target)
        if pair not in series and len(series) == MAX_LINES:
            continue
        series.setdefault(pair, []).append((dyad.period.label, dyad.goldstein_sum))
        labels[pair] = f"{dyad.source_name} {arrow} {dyad.target_name}"
    periods = sorted({(d.period.start, d.period.label) for d in table.dyads if d.period is not None})
    position = {label: index for index, (_, label) in enumerate(periods)}
    figure, axes = _figure([label for _, label in periods])
    for pair, points in series.items():
        axes.plot([position[p[0]] for p in points], [p[1] for p in points], marker="o", label=labels[pair])
    axes.axhline(0.0, color="grey", linewidth=0.8)
    axes.set_ylabel("Goldstein sum (cooperation > 0 > conflict)")
    every = table.every.value if table.every else "period"
    axes.set_title(f"Cooperation and conflict per {every}")
    return _save(figure, axes, path)


def _figure(periods: list[str]) -> tuple[Any, Any]:
    """A figure whose x axis has one tick per period label (thinned out past 24)."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ConfigError("plotting needs matplotlib: pip install 'polgraph[plot]'") from None
    figure = Figure(figsize=(10, 5.5), layout="constrained")
    axes = figure.add_subplot()
    step = max(1, -(-len(periods) // 24))
    axes.set_xticks(range(0, len(periods), step), periods[::step], rotation=45 if len(periods) > 8 else 0)
    axes.set_xlim(-0.5, max(len(periods) - 0.5, 0.5))
    return figure, axes


def _save(figure: Any, axes: Any, path: str | Path) -> Path:
    path = Path(path)
    if axes.lines:
        axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small")
    axes.grid(True, alpha=0.3)
    return write_output(path, lambda fh: figure.savefig(fh, format="png", dpi=100))
