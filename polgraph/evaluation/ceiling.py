"""The candidate ceiling: what becomes of each required item of a reading.

A required item is *found* at the threshold, or *below* it (a candidate matches it but its
confidence is under the threshold), or missed whatever the threshold, for the first of the
reasons :class:`~polgraph.evaluation.scoring.MissCause` lists, read at threshold 0: no node for
one of its actors, a candidate between its actors of another type, one the other way round, or no
candidate at all. Recall at threshold 0 is the most any scorer could find among these candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from polgraph.evaluation.runner import ReadArticle, score_read
from polgraph.evaluation.scoring import MissCause, ratio

__all__ = ["CEILING_HEADERS", "Ceiling", "FOUND", "BELOW", "ceiling_of", "ceiling_rows"]

FOUND = "found"
BELOW = "below threshold"
_COLUMNS = (FOUND, BELOW, *(str(c) for c in MissCause))
CEILING_HEADERS = ("set", "articles", "required", *_COLUMNS, "recall", "recall at 0")


@dataclass
class Ceiling:
    """What became of the required items of some articles, counted by outcome."""

    label: str
    articles: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def required(self) -> int:
        return sum(self.outcomes.values())

    @property
    def recall(self) -> float | None:
        return ratio(self.outcomes[FOUND], self.required)

    @property
    def recall_at_zero(self) -> float | None:
        return ratio(self.outcomes[FOUND] + self.outcomes[BELOW], self.required)

    def __add__(self, other: "Ceiling") -> "Ceiling":
        return Ceiling(self.label, self.articles + other.articles, self.outcomes + other.outcomes)


def ceiling_of(articles: Sequence[ReadArticle], loader: Any, threshold: float, label: str = "all") -> Ceiling:
    """The outcome of every required item of ``articles`` at ``threshold``."""
    out = Ceiling(label, len(articles))
    for article in articles:
        kept = {id(m.item) for m in score_read(article, loader, threshold).missing_relations}
        everything = {id(m.item): m.cause for m in score_read(article, loader, 0.0).missing_relations}
        for item in article.gold.required:
            if id(item) not in kept:
                out.outcomes[FOUND] += 1
            elif id(item) not in everything:
                out.outcomes[BELOW] += 1
            else:
                out.outcomes[str(everything[id(item)])] += 1
    return out


def ceiling_rows(ceilings: Sequence[Ceiling]) -> list[list[str]]:
    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    return [[c.label, str(c.articles), str(c.required), *(str(c.outcomes[k]) for k in _COLUMNS), fmt(c.recall),
             fmt(c.recall_at_zero)] for c in ceilings]
