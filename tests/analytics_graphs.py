"""Event graphs with known answers for the analytics tests (plain builders, not fixtures)."""

from __future__ import annotations

import random
from datetime import date

from polgraph.graph.model import Actor, ArticleGraph, Relation

__all__ = ["STATES", "coded_events", "random_events"]

STATES = {"aland": "Aland", "borduria": "Borduria", "carpathia": "Carpathia", "dalmatia": "Dalmatia"}


def coded_events(events: list[tuple[str, str, str, str | None, float | None, int | None]]) -> ArticleGraph:
    """Coded events without an article (as GDELT rows load): (source, target, type, ISO date or
    None, Goldstein value, QuadClass), numbered in order."""
    actors = [Actor(key, name, "state") for key, name in sorted(STATES.items())]
    relations = [
        Relation(source, target, type_, f"gdelt:{number}", 0, "", date.fromisoformat(day) if day else None,
                 goldstein=goldstein, quad_class=quad)
        for number, (source, target, type_, day, goldstein, quad) in enumerate(events, start=1)
    ]
    return ArticleGraph(None, actors, [], relations, [])


def random_events(count: int, actors: int, seed: int) -> ArticleGraph:
    """``count`` seeded random events among ``actors`` states over two years."""
    rng = random.Random(seed)
    names = [f"state-{i:03d}" for i in range(actors)]
    relations = []
    for number in range(count):
        source, target = rng.sample(names[: rng.randint(2, actors)], 2)  # early ids busier: skewed degrees
        day = date.fromordinal(date(2023, 1, 1).toordinal() + rng.randrange(730))
        relations.append(Relation(source, target, rng.choice(["CONSULTS", "CRITICIZES", "AIDS", "THREATENS"]),
                                  f"gdelt:{number}", 0, "", day, goldstein=rng.choice([-4.0, 1.0, 3.4, 7.0]),
                                  quad_class=rng.randint(1, 4)))
    return ArticleGraph(None, [Actor(n, n.replace("-", " ").title(), "state") for n in names], [], relations, [])
