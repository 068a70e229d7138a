"""Precision, recall and F1 as the confidence threshold moves, and the threshold that does best."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from polgraph.evaluation.runner import ReadArticle, score_read
from polgraph.evaluation.scoring import Counts, summed
from polgraph.output import write_output

__all__ = ["DEFAULT_THRESHOLDS", "GRID", "best_threshold", "plot_sweep", "quiet_rate", "sweep"]

DEFAULT_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))  # where a threshold is chosen


def sweep(articles: Sequence[ReadArticle], loader: Any, thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> list[tuple[float, Counts]]:
    """The summed counts over ``articles`` at each threshold."""
    return [(t, summed(score_read(a, loader, t) for a in articles)) for t in thresholds]


def best_threshold(articles: Sequence[ReadArticle], loader: Any, grid: Sequence[float] = GRID,
                   quiet: Sequence[Any] = (), budget: float | None = None) -> float:
    """The threshold of the grid with the best relation F1 over ``articles`` (the higher one on a
    tie) among those that leave ``quiet`` articles (news of no political act) at most ``budget``
    event relations an article."""
    scored = sweep(articles, loader, grid)
    if quiet and budget is not None:
        allowed = [(t, c) for t, c in scored if quiet_rate(quiet, loader, t) <= budget]
        scored = allowed or scored[-1:]
    return max(scored, key=lambda pair: (pair[1].relation_f1 or 0.0, pair[0]))[0]


def quiet_rate(readings: Sequence[Any], loader: Any, threshold: float) -> float:
    """Event relations an article kept at ``threshold`` in articles read up to their candidates."""
    if not readings:
        return 0.0
    return sum(len(loader.graph_from(r, threshold).relations) for r in readings) / len(readings)


def plot_sweep(rows: Sequence[tuple[float, Counts]], path: str, chosen: float | None = None, title: str = "") -> None:
    """Precision, recall and F1 against the threshold, as an image (needs matplotlib)."""
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # an optional extra
        from polgraph.exceptions import ConfigError

        raise ConfigError("plotting needs matplotlib: pip install 'polgraph[plot]'") from exc
    xs = [t for t, _ in rows]
    fig = Figure(figsize=(6, 4), dpi=100, layout="tight")
    ax = fig.add_subplot()
    for label, values in (
        ("precision", [c.relation_precision for _, c in rows]),
        ("recall", [c.relation_recall for _, c in rows]),
        ("F1", [c.relation_f1 for _, c in rows]),
    ):
        ax.plot(xs, [v if v is not None else float("nan") for v in values], marker="o", label=label)
    if chosen is not None:
        ax.axvline(chosen, color="grey", linestyle="--", label=f"threshold {chosen:.2f}")
    ax.set_xlabel("minimum confidence")
    ax.set_ylabel("relations")
    ax.set_ylim(0, 1)
    ax.set_title(title or "polgraph eval: relations by confidence threshold")
    ax.legend()
    write_output(path, lambda fh: fig.savefig(fh, format="png"))
