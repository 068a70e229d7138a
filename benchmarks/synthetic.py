"""A synthetic graph shaped like polgraph's own, as model objects, for benchmarks (seeded, deterministic).

For ``n`` event relations: ``0.15 n`` actors whose activity follows a Zipf law (a few states and
leaders act in most events), the 18 event types of the ontology with a skewed mix, dates spread
over five years (2019-2023), half of the events read from articles (``0.05 n`` articles of ten
relations and twelve mentions each, some relations to topics) and half coded events without an
article (GDELT rows, with their counts and tone; ``coded_share`` changes the mix), states in blocs
and people holding offices.
At n = 1M: 150k actors, 50k articles, 600k mentions, 1M events; past 2M events the actors stay at
300k (``MAX_ACTORS``: the actors of a month of GDELT are of that order, not a share of its events).

    from synthetic import SyntheticGraph
    for batch in SyntheticGraph(100_000).batches():   # lists of ArticleGraph, about 5,000 relations each
        store.write(batch)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.ontology import EVENT_TYPES, goldstein, quad_class

__all__ = ["SyntheticGraph"]

START = date(2019, 1, 1)
# A month of GDELT names about 10^5 distinct actors; past 2M events, the actor count stops growing.
MAX_ACTORS = 300_000
DAYS = 5 * 365
# How often each event type occurs (COMMENTS_ON and CONSULTS dominate news, as in GDELT).
_TYPE_WEIGHTS = [30, 6, 6, 4, 14, 6, 4, 3, 2, 2, 8, 3, 3, 3, 1, 2, 2, 4]
_SECTORS = ("GOV", "MIL", "OPP", "MED", "BUS", "CVL", None, None)


@dataclass
class SyntheticGraph:
    relations: int
    seed: int = 13
    batch_relations: int = 5_000
    zipf: float = 1.07
    coded_share: float = 0.5  # the share of coded events (no article); 1.0: a GDELT load

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.seed)
        self.n_actors = max(200, min(int(self.relations * 0.15), MAX_ACTORS))
        self.n_states = min(200, self.n_actors // 5)
        self.actors = [self._actor(i, rng) for i in range(self.n_actors)]
        weights = 1.0 / np.arange(1, self.n_actors + 1) ** self.zipf
        self._popularity = weights / weights.sum()
        types = np.array(_TYPE_WEIGHTS, dtype=float)
        self._type_p = types / types.sum()
        self.topics = [Topic.named(f"issue {i}") for i in range(500)]

    def _actor(self, i: int, rng: np.random.Generator) -> Actor:
        if i < self.n_states:
            blocs = tuple(f"bloc-{b:02d}" for b in range(20) if (i + b) % 7 == 0)
            return Actor(f"state-{i:03d}", f"State {i}", "state", aliases=(f"S{i}",), member_of=blocs,
                         sector="GOV")
        if i < self.n_states + 20:
            return Actor(f"bloc-{i - self.n_states:02d}", f"Bloc {i - self.n_states}", "bloc")
        kind = ("person", "person", "person", "organization", "group")[i % 5]
        country = f"state-{int(rng.integers(0, self.n_states)):03d}"
        roles = (Role("Minister", country, START - timedelta(days=i % 900)),) if kind == "person" and i % 10 == 0 else ()
        return Actor(f"actor-{i:07d}", f"Actor {i}", kind, aliases=(f"A{i}",), roles=roles, country=country,
                     sector=_SECTORS[i % len(_SECTORS)])

    def actor_id(self, rank: int) -> str:
        """The id of the ``rank``-th most active actor (0: the busiest)."""
        return self.actors[rank].id

    @staticmethod
    def rank_id(rank: int) -> str:
        """``actor_id(rank)`` for a rank among the states (under 40), whatever the size, without
        making the graph."""
        assert rank < 40
        return f"state-{rank:03d}"

    def batches(self, start: int = 0) -> Iterator[list[ArticleGraph]]:
        """Lists of ArticleGraph of about ``batch_relations`` relations each; ``start`` shifts the
        ids (another ``SyntheticGraph(...).batches(start=n)`` adds new relations to a store)."""
        rng = np.random.default_rng([self.seed, start])
        made = 0
        serial = start
        while made < self.relations:
            size = min(self.batch_relations, self.relations - made)
            batch = []
            articles = int(size * (1.0 - self.coded_share)) // 10  # articles of ten relations
            for _ in range(articles):
                batch.append(self._article(serial, rng))
                serial += 1
            coded = size - 10 * articles
            for offset in range(0, coded, 1000):
                batch.append(self._coded(serial, min(1000, coded - offset), rng))
                serial += 1
            made += size
            yield batch

    def _pairs(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        sources = rng.choice(self.n_actors, size=n, p=self._popularity)
        targets = rng.choice(self.n_actors, size=n, p=self._popularity)
        same = sources == targets
        targets[same] = (targets[same] + 1) % self.n_actors
        return sources, targets

    def _events(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        sources, targets = self._pairs(n, rng)
        kinds = rng.choice(len(EVENT_TYPES), size=n, p=self._type_p)
        days = rng.integers(0, DAYS, size=n)
        return sources, targets, kinds, days

    def _article(self, serial: int, rng: np.random.Generator) -> ArticleGraph:
        sources, targets, kinds, days = self._events(10, rng)
        day = START + timedelta(days=int(days.max()))
        lines = []
        relations = []
        topic_targets = rng.random(10) < 0.05
        for k in range(10):
            source = self.actors[sources[k]]
            rel_type = EVENT_TYPES[kinds[k]]
            target_id = self.topics[int(rng.integers(0, len(self.topics)))].id if topic_targets[k] else self.actors[targets[k]].id
            cameo = rel_type.cameo[0]
            evidence = f"{source.name} {rel_type.name.lower().replace('_', ' ')} {target_id} in report {serial}."
            lines.append(evidence)
            relations.append(Relation(
                source.id, target_id, rel_type.name, "", k + 1, evidence, START + timedelta(days=int(days[k])), cameo,
                rel_type.plover, confidence=round(0.5 + 0.5 * float(rng.random()), 3), goldstein=goldstein(cameo),
                quad_class=int(quad_class(cameo)),
            ))
        article = Article.from_text(" ".join(lines), published=day, title=f"Report {serial}", source="synthetic",
                                    url=f"https://example.org/{serial}")
        relations = [Relation(**{**r.__dict__, "article": article.id}) for r in relations]
        mentioned = sorted({int(i) for i in (*sources, *targets)} | {int(i) for i in self._pairs(2, rng)[0]})[:12]
        actors = [self.actors[i] for i in sorted(set(mentioned) | {int(i) for i in sources} | {int(i) for i in targets})]
        topics = [t for t in self.topics if t.id in {r.target for r in relations}]
        mentions = [Mention(self.actors[i].id, article.id, 1 + i % 3) for i in mentioned]
        return ArticleGraph(article, actors, topics, relations, mentions)

    def _coded(self, serial: int, n: int, rng: np.random.Generator) -> ArticleGraph:
        sources, targets, kinds, days = self._events(n, rng)
        counts = rng.integers(1, 40, size=(n, 3))
        tones = rng.normal(-1.0, 4.0, size=n)
        relations = []
        for k in range(n):
            rel_type = EVENT_TYPES[kinds[k]]
            cameo = rel_type.cameo[0] + "0"
            event_id = serial * 1000 + k
            relations.append(Relation(
                self.actors[sources[k]].id, self.actors[targets[k]].id, rel_type.name, f"gdelt:{event_id}", 0, "",
                START + timedelta(days=int(days[k])), cameo, rel_type.plover, goldstein=goldstein(cameo),
                quad_class=int(quad_class(cameo)), url=f"https://example.org/gdelt/{event_id}",
                num_mentions=int(counts[k, 0]), num_sources=int(counts[k, 1]), num_articles=int(counts[k, 2]),
                avg_tone=round(float(tones[k]), 3),
            ))
        actors = [self.actors[i] for i in sorted({int(i) for i in (*sources, *targets)})]
        return ArticleGraph(None, actors, [], relations, [])
