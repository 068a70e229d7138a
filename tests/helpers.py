"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.ontology import goldstein, quad_class

Triple = tuple[str, str, str]  # (source name, relation type, target name)

# The date built sentences are published on: their relative dates ("on Monday") resolve before it.
BUILT_TEXT_DATE = date(2021, 6, 15)


def read_relations(loader: Any, text: str, published: date | None = BUILT_TEXT_DATE,
                   topic_prefix: str = "") -> tuple[dict[Triple, Relation], ArticleGraph]:
    """A built text read by ``loader`` (a ``loaders.pipeline.Loader``): its relations by (source
    name, type, target name), topics' names after ``topic_prefix``, and the article graph."""
    graph = loader.read(Article.from_text(text, published=published))
    names = {a.id: a.name for a in graph.actors} | {t.id: topic_prefix + t.name for t in graph.topics}
    return {(names[r.source], r.type, names[r.target]): r for r in graph.relations}, graph


def sample_graph(text: str = "Ruritania sanctioned Freedonia. Freedonia criticised Ruritania.") -> ArticleGraph:
    """A hand-built article graph: two states, a person with a role, a topic, three relations."""
    article = Article.from_text(text, published=date(2024, 5, 2), title="sample", source="tests")
    ruritania = Actor("ruritania", "Ruritania", "state", aliases=("Ruritanian Republic",))
    freedonia = Actor("freedonia", "Freedonia", "state")
    rudolf = Actor("rudolf-rassendyll", "Rudolf Rassendyll", "person", aliases=("Rassendyll",),
                   roles=(Role("President", "ruritania", date(2020, 1, 1)),), country="ruritania")
    truce = Topic.named("truce")
    rels = [
        Relation("ruritania", "freedonia", "SANCTIONS", article.id, 1, "Ruritania sanctioned Freedonia.",
                 date(2024, 5, 1), "16", "SANCTION"),
        Relation("freedonia", "ruritania", "CRITICIZES", article.id, 2, "Freedonia criticised Ruritania.",
                 date(2024, 5, 2), "11", "ACCUSE"),
        Relation("rudolf-rassendyll", truce.id, "PROPOSES", article.id, 2, "Rassendyll proposed a truce.",
                 date(2024, 5, 2), "03", "AGREE", 0.8),
    ]
    actors = [ruritania, freedonia, rudolf]
    return ArticleGraph(article, actors, [truce], rels, [Mention(a.id, article.id, 2) for a in actors])


def coded(graph: ArticleGraph) -> ArticleGraph:
    """``graph`` with the Goldstein value and QuadClass of each relation's CAMEO code."""
    return replace(graph, relations=[replace(r, goldstein=goldstein(r.cameo), quad_class=int(quad_class(r.cameo)))
                                     for r in graph.relations])


def later_graph() -> ArticleGraph:
    """A second article, a year on: an attack and an aid pledge."""
    article = Article.from_text("Freedonia shelled Ruritania. Sylvania pledged aid to Ruritania.",
                                published=date(2025, 3, 1), title="later", source="tests")
    sylvania = Actor("sylvania", "Sylvania", "state")
    ruritania = Actor("ruritania", "Ruritania", "state")
    freedonia = Actor("freedonia", "Freedonia", "state")
    rels = [
        Relation("freedonia", "ruritania", "ASSAULTS", article.id, 1, "Freedonia shelled Ruritania.",
                 date(2025, 2, 28), "19", "ASSAULT", goldstein=-10.0, quad_class=4),
        Relation("sylvania", "ruritania", "AIDS", article.id, 2, "Sylvania pledged aid to Ruritania.",
                 date(2025, 3, 1), "07", "AID", goldstein=7.0, quad_class=2, attribution="predicted"),
    ]
    actors = [sylvania, ruritania, freedonia]
    return ArticleGraph(article, actors, [], rels, [Mention(a.id, article.id) for a in actors])


@dataclass(frozen=True)
class RandomShape:
    """How :func:`random_graphs` draws a store: sizes and the values its relations take. The
    relation properties beyond Goldstein (QuadClass, attribution; Goldstein and QuadClass on coded
    events) are drawn only when their choices are given, so each shape keeps its own random
    sequence."""

    types: tuple[str, ...]
    actors: tuple[int, int]
    name_share: float
    articles: tuple[int, int]
    relations: tuple[int, int]
    days: int
    coded: int
    goldstein: tuple[float | None, ...]
    titles: int | None = None  # article k is titled "T{k % titles}" (None: "T{k}")
    quad_classes: tuple[int | None, ...] = ()
    attributions: tuple[str, ...] = ()
    coded_quad_classes: tuple[int, ...] = ()


ACTOR_KINDS = ("person", "person", "organization", "state", "bloc", "group")


def random_graphs(seed: int, shape: RandomShape) -> list[ArticleGraph]:
    """Seeded random article graphs and a batch of coded events: repeated names, several edges per
    pair, self-loops, topics, mentions, offices and memberships (some to actors written only later,
    some never), undated relations."""
    rng = random.Random(seed)
    n = rng.randint(*shape.actors)
    names = [f"Name {i}" for i in range(max(3, int(n * shape.name_share)))]
    actors = []
    for i in range(n):
        roles = tuple(Role(rng.choice(["Minister", "President"]), f"a{rng.randrange(n + 2):02d}",
                           date(2020, 1, 1) + timedelta(days=rng.randrange(300)))
                      for _ in range(rng.random() < 0.3))
        member_of = tuple(sorted({f"a{rng.randrange(n + 2):02d}" for _ in range(rng.randrange(3))} - {f"a{i:02d}"}))
        actors.append(Actor(f"a{i:02d}", rng.choice(names), rng.choice(ACTOR_KINDS), aliases=(f"alias {i % 4}",),
                            roles=roles, member_of=member_of, country=f"a{rng.randrange(n):02d}" if rng.random() < 0.5 else None))
    topics = [Topic.named(f"issue {i}") for i in range(3)]
    graphs = []
    for k in range(rng.randint(*shape.articles)):
        title = f"T{k % shape.titles}" if shape.titles else f"T{k}"
        article = Article.from_text(f"article {seed} {k}", published=date(2021, 1, 1) + timedelta(days=k), title=title)
        chosen = rng.sample(actors, min(len(actors), rng.randint(2, 6)))
        rels = []
        for s in range(rng.randint(*shape.relations)):
            source = rng.choice(chosen)
            target = rng.choice(topics).id if rng.random() < 0.1 else rng.choice(chosen).id
            day = None if rng.random() < 0.1 else date(2021, 1, 1) + timedelta(days=rng.randrange(shape.days))
            kind = rng.choice(shape.types)
            extra: dict[str, Any] = {"goldstein": rng.choice(shape.goldstein)}
            if shape.quad_classes:
                extra["quad_class"] = rng.choice(shape.quad_classes)
            if shape.attributions:
                extra["attribution"] = rng.choice(shape.attributions)
            rels.append(Relation(source.id, target, kind, article.id, s + 1, f"sentence {s}", day, **extra))
        mentions = [Mention(a.id, article.id, rng.randint(1, 3)) for a in chosen]
        used_topics = [t for t in topics if t.id in {r.target for r in rels}]
        graphs.append(ArticleGraph(article, chosen, used_topics, rels, mentions))
    coded = []
    for k in range(rng.randint(0, shape.coded)):
        ends = (rng.choice(actors).id, rng.choice(actors).id, rng.choice(shape.types))
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(30))
        extra = {}
        if shape.coded_quad_classes:
            extra = {"goldstein": rng.choice(shape.goldstein), "quad_class": rng.choice(shape.coded_quad_classes)}
        coded.append(Relation(*ends, f"gdelt:{seed}-{k}", 0, date=day, **extra))
    graphs.append(ArticleGraph(None, actors, [], coded, []))
    return graphs
