"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.ontology import goldstein, quad_class


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
