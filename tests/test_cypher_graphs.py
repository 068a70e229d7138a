"""A small political graph for the Cypher tests, built through the store's own write path
(apply_article_graph on hand-built ArticleGraphs), and the same graph loaded into LadybugDB."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.stores.networkx_store import apply_article_graph

__all__ = ["article_graphs", "build_networkx", "load_ladybug"]


def _actors() -> dict[str, Actor]:
    a = [
        Actor("russia", "Russia", "state", aliases=("Russian Federation", "Moscow")),
        Actor("belarus", "Belarus", "state", aliases=("Minsk",)),
        Actor("ukraine", "Ukraine", "state", aliases=("Kyiv",)),
        Actor("poland", "Poland", "state", aliases=("Warsaw",), member_of=("nato", "eu")),
        Actor("lithuania", "Lithuania", "state", aliases=("Vilnius",), member_of=("nato", "eu")),
        Actor("eu", "European Union", "bloc", aliases=("EU", "Brussels")),
        Actor("nato", "NATO", "bloc", aliases=("the Alliance",)),
        Actor("un", "United Nations", "organization", aliases=("UN",)),
        Actor("wagner", "Wagner Group", "group", aliases=("Wagner",), country="russia"),
        Actor("vladimir-putin", "Vladimir Putin", "person", aliases=("Putin", "Russian President"),
              roles=(Role("President", "russia", date(2012, 5, 7)),), country="russia"),
        Actor("alexander-lukashenko", "Alexander Lukashenko", "person",
              aliases=("Lukashenko", "Belarusian President", "Batka"),
              roles=(Role("President", "belarus", date(1994, 7, 20)),), country="belarus"),
        Actor("volodymyr-zelensky", "Volodymyr Zelensky", "person", aliases=("Zelensky", "Ukrainian President"),
              roles=(Role("President", "ukraine", date(2019, 5, 20)),), country="ukraine"),
        Actor("sviatlana-tsikhanouskaya", "Sviatlana Tsikhanouskaya", "person", aliases=("Tsikhanouskaya",),
              country="belarus"),
        Actor("andrzej-duda", "Andrzej Duda", "person", aliases=("Duda", "Polish President"),
              roles=(Role("President", "poland", date(2015, 8, 6), date(2025, 8, 6)),), country="poland"),
    ]
    return {x.id: x for x in a}


_TOPICS = {t.id: t for t in (Topic.named("peace talks"), Topic.named("sanctions"), Topic.named("grain deal"))}

# (article day, [(source, type, target, date or None, confidence, cameo, evidence)], {actor: mentions})
_ARTICLES: list[tuple[date | None, str, list[tuple[Any, ...]], dict[str, int]]] = [
    (date(2022, 2, 10), "Putin and Lukashenko meet in Sochi", [
        ("vladimir-putin", "MEET", "alexander-lukashenko", "2022-02-10", 0.95, "040", "Putin met Lukashenko in Sochi."),
        ("alexander-lukashenko", "SUPPORT", "vladimir-putin", "2022-02-10", 0.8, "051", "Lukashenko backed Putin."),
        ("russia", "SUPPORT", "belarus", "2022-02-10", 0.7, "070", "Russia will lend Belarus money."),
        ("poland", "ACCUSE", "belarus", "2022-02-11", 0.6, "112", "Poland accused Belarus of staging the crisis."),
    ], {"vladimir-putin": 4, "alexander-lukashenko": 5, "russia": 1, "belarus": 2, "poland": 1}),
    (date(2022, 3, 1), "Sanctions widen", [
        ("eu", "SANCTION", "russia", "2022-03-01", 0.99, "163", "The EU sanctioned Russia."),
        ("eu", "SANCTION", "belarus", "2022-03-01", 0.97, "163", "The EU also sanctioned Belarus."),
        ("lithuania", "SUPPORT", "ukraine", "2022-03-02", 0.9, "070", "Lithuania sent aid to Ukraine."),
        ("volodymyr-zelensky", "ACCUSE", "russia", "2022-03-02", 0.85, "112", "Zelensky accused Russia."),
        ("russia", "ACCUSE", "eu", None, 0.5, "112", "Moscow blamed Brussels."),
        ("eu", "DISCUSS", "topic:sanctions", "2022-03-01", 0.75, "010", "Ministers discussed sanctions."),
    ], {"eu": 3, "russia": 3, "belarus": 1, "lithuania": 1, "ukraine": 1, "volodymyr-zelensky": 2}),
    (date(2022, 3, 29), "Talks in Istanbul", [
        ("ukraine", "NEGOTIATE", "russia", "2022-03-29", 0.9, "046", "Ukraine and Russia held talks."),
        ("russia", "NEGOTIATE", "ukraine", "2022-03-29", 0.9, "046", "Russia and Ukraine held talks."),
        ("ukraine", "DISCUSS", "topic:peace-talks", "2022-03-29", 0.8, "010", "Kyiv discussed peace talks."),
        ("un", "SUPPORT", "topic:peace-talks", "2022-03-30", 0.6, "051", "The UN welcomed the talks."),
        ("vladimir-putin", "THREATEN", "ukraine", "2022-03-30", 0.7, "138", "Putin threatened Ukraine."),
        ("volodymyr-zelensky", "MEET", "andrzej-duda", "2022-04-05", 0.88, "040", "Zelensky met Duda."),
    ], {"ukraine": 4, "russia": 3, "un": 1, "vladimir-putin": 1, "volodymyr-zelensky": 1, "andrzej-duda": 1}),
    (None, "Undated commentary", [
        ("sviatlana-tsikhanouskaya", "ACCUSE", "alexander-lukashenko", None, 0.9, "112",
         "Tsikhanouskaya accused Lukashenko of repression."),
        ("sviatlana-tsikhanouskaya", "MEET", "andrzej-duda", None, 0.7, "040", "Tsikhanouskaya met Duda."),
        ("wagner", "THREATEN", "poland", "2023-07-23", 0.55, "138", "Wagner fighters threatened Poland."),
        ("alexander-lukashenko", "THREATEN", "lithuania", "2023-07-24", 0.65, "138", "Lukashenko warned Lithuania."),
    ], {"sviatlana-tsikhanouskaya": 2, "alexander-lukashenko": 2, "andrzej-duda": 1, "wagner": 1, "poland": 1,
        "lithuania": 1}),
    (date(2023, 7, 22), "Grain deal collapses", [
        ("russia", "REJECT", "topic:grain-deal", "2023-07-17", 0.9, "120", "Russia quit the grain deal."),
        ("un", "ACCUSE", "russia", "2023-07-18", 0.6, "112", "The UN criticised Russia."),
        ("ukraine", "ACCUSE", "russia", "2023-07-18", 0.8, "112", "Ukraine blamed Russia."),
        ("vladimir-putin", "MEET", "alexander-lukashenko", "2023-07-23", 0.9, "040", "Putin hosted Lukashenko."),
        ("poland", "SUPPORT", "ukraine", "2023-07-20", 0.75, "070", "Poland pledged support to Ukraine."),
    ], {"russia": 2, "un": 1, "ukraine": 2, "vladimir-putin": 1, "alexander-lukashenko": 1, "poland": 1}),
]


def article_graphs() -> list[ArticleGraph]:
    actors = _actors()
    out = []
    for n, (day, title, rels, mentions) in enumerate(_ARTICLES):
        art = Article.from_text(f"article {n}: {title}", published=day, title=title, source="test")
        used = {x for r in rels for x in (r[0], r[2])} | set(mentions)
        relations = [
            Relation(s, t, typ, art.id, i + 1, evidence, date.fromisoformat(d) if d else None, cameo, "", conf)
            for i, (s, typ, t, d, conf, cameo, evidence) in enumerate(rels)
        ]
        out.append(ArticleGraph(
            art,
            actors=[actors[x] for x in sorted(used) if x in actors],
            topics=[_TOPICS[x] for x in sorted(used) if x in _TOPICS],
            relations=relations,
            mentions=[Mention(a, art.id, c) for a, c in mentions.items()],
        ))
    # a last, empty article carrying every actor, so that all roles and memberships get written
    last = Article.from_text("registry", title="Registry", source="test")
    out.append(ArticleGraph(last, actors=list(actors.values())))
    out.append(ArticleGraph(Article.from_text("registry 2", title="Registry 2", source="test"),
                            actors=list(actors.values())))
    return out


def build_networkx() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for ag in article_graphs():
        apply_article_graph(g, ag)
    return g


_LB_TYPES = {str: "STRING", int: "INT64", float: "DOUBLE", bool: "BOOLEAN"}


def _lb_type(values: list[Any]) -> str:
    for v in values:
        if v is None:
            continue
        if isinstance(v, list):
            inner = next((type(x) for x in v), str)
            return _LB_TYPES[inner] + "[]"
        return _LB_TYPES[type(v)]
    return "STRING"


def load_ladybug(g: nx.MultiDiGraph) -> Any:
    """A LadybugDB connection holding ``g``: a node table per label, a rel table per type."""
    import ladybug

    conn = ladybug.Connection(ladybug.Database())
    node_props: dict[str, dict[str, list[Any]]] = {}
    for _, d in g.nodes(data=True):
        (label,) = d[LABELS]
        cols = node_props.setdefault(label, {})
        for k, v in d.items():
            if k != LABELS:
                cols.setdefault(k, []).append(v)
    for label, cols in node_props.items():
        spec = ", ".join(f"`{k}` {_lb_type(vs)}" for k, vs in cols.items())
        conn.execute(f"CREATE NODE TABLE {label}({spec}, PRIMARY KEY(id))")
    rel_props: dict[str, dict[str, list[Any]]] = {}
    rel_ends: dict[str, set[tuple[str, str]]] = {}
    for u, v, d in g.edges(data=True):
        cols = rel_props.setdefault(d[TYPE], {})
        rel_ends.setdefault(d[TYPE], set()).add((g.nodes[u][LABELS][0], g.nodes[v][LABELS][0]))
        for k, val in d.items():
            if k != TYPE:
                cols.setdefault(k, []).append(val)
    for typ, cols in rel_props.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(rel_ends[typ]))
        spec = ", ".join(f"`{k}` {_lb_type(vs)}" for k, vs in cols.items())
        conn.execute(f"CREATE REL TABLE {typ}({ends}, {spec})")
    for nid, d in g.nodes(data=True):
        props = {k: v for k, v in d.items() if k != LABELS}
        assign = ", ".join(f"`{k}`: ${k}" for k in props)
        conn.execute(f"CREATE (:{d[LABELS][0]} {{{assign}}})", props)
    for u, v, d in g.edges(data=True):
        props = {k: val for k, val in d.items() if k != TYPE}
        assign = ", ".join(f"`{k}`: $p_{k}" for k in props)
        params = {f"p_{k}": val for k, val in props.items()}
        params.update(src=u, dst=v)
        conn.execute(
            f"MATCH (a:{g.nodes[u][LABELS][0]} {{id: $src}}), (b:{g.nodes[v][LABELS][0]} {{id: $dst}}) "
            f"CREATE (a)-[:{d[TYPE]} {{{assign}}}]->(b)", params)
    return conn


def test_graph_is_built_through_the_store_write_path() -> None:
    g = build_networkx()
    labels = sorted(d[LABELS][0] for _, d in g.nodes(data=True))
    assert labels.count("Actor") == 14 and labels.count("Topic") == 3 and labels.count("Article") == 7
    types = {d[TYPE] for _, _, d in g.edges(data=True)}
    assert {"MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF", "ACCUSE", "MEET"} <= types
    again = build_networkx()
    assert sorted(g.edges(keys=True)) == sorted(again.edges(keys=True))  # deterministic ids


def test_ladybug_holds_the_same_graph() -> None:
    g = build_networkx()
    conn = load_ladybug(g)
    assert conn.execute("MATCH (n) RETURN count(*)").get_all() == [[g.number_of_nodes()]]
    assert conn.execute("MATCH ()-[r]->() RETURN count(*)").get_all() == [[g.number_of_edges()]]
