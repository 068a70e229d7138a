"""Which reading mechanisms fire where: for each, the articles it produces a candidate in, and
how many of its candidates are kept and right. A mechanism that fires in one article only is a
rule written for that article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from polgraph.evaluation.runner import ReadArticle, label_candidates

__all__ = ["MECHANISM_HEADERS", "MechanismCount", "count_mechanisms", "mechanism_rows"]

MECHANISM_HEADERS = ("mechanism", "articles", "articles kept", "candidates", "kept", "kept right", "kept precision")


@dataclass
class MechanismCount:
    name: str
    articles: set[str] = field(default_factory=set)  # with a candidate of it
    articles_kept: set[str] = field(default_factory=set)  # with a kept candidate of it
    candidates: int = 0
    kept: int = 0
    kept_right: int = 0


def count_mechanisms(articles: Sequence[ReadArticle], loader: Any, threshold: float) -> list[MechanismCount]:
    counts: dict[str, MechanismCount] = {}
    for article in articles:
        labels = label_candidates(article, loader)
        for candidate, right in labels:
            for name in candidate.mechanisms:
                count = counts.setdefault(name, MechanismCount(name))
                count.articles.add(article.name)
                count.candidates += 1
                if candidate.confidence >= threshold:
                    count.articles_kept.add(article.name)
                    count.kept += 1
                    count.kept_right += int(right)
    return sorted(counts.values(), key=lambda c: (-len(c.articles), c.name))


def mechanism_rows(counts: Sequence[MechanismCount]) -> list[list[str]]:
    return [
        [c.name, str(len(c.articles)), str(len(c.articles_kept)), str(c.candidates), str(c.kept), str(c.kept_right),
         f"{c.kept_right / c.kept:.3f}" if c.kept else "n/a"]
        for c in counts
    ]
