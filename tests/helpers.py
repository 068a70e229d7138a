"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

from datetime import date

from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic


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
