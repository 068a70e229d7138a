"""The query library (cypher/queries/*.cypher), each query on a small graph built with
apply_article_graph from hand-built ArticleGraphs."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from polgraph.cypher import prepare, run_graph
from polgraph.cypher.library import QUERY_DIR, library, load_query, parse_param
from polgraph.exceptions import ConfigError
from polgraph.graph.stores.networkx_store import apply_article_graph
from test_cypher_graphs import article_graphs


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for ag in article_graphs():
        apply_article_graph(graph, ag)
    return graph


def ask(g: nx.MultiDiGraph, query_name: str, **params: Any) -> list[dict[str, Any]]:
    q = load_query(query_name)
    return run_graph(g, q.text, {**q.defaults, **params}).records()


def test_every_file_is_a_named_commented_query_with_declared_parameters() -> None:
    queries = library()
    assert {q.name for q in queries} >= {
        "who_acts_on_whom", "actor_timeline", "relations_between", "paths_between", "most_mentioned",
        "co_mentions", "actors_by_kind", "role_phrase"}
    for q in queries:
        assert q.description, q.name
        prepare(q.text)  # parses and checks
        used = set(__import__("re").findall(r"\$(\w+)", q.text.split("\n//")[-1]))
        assert used <= set(q.defaults), f"{q.name}: undeclared parameters {used - set(q.defaults)}"


def test_who_acts_on_whom(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "who_acts_on_whom")
    top = rows[0]
    assert (top["source"], top["type"], top["target"], top["relations"]) == \
        ("Vladimir Putin", "MEET", "Alexander Lukashenko", 2)
    assert (top["first"], top["last"]) == ("2022-02-10", "2023-07-23")
    assert not any(r["type"] in ("MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF") for r in rows)
    accuse = ask(g, "who_acts_on_whom", types=["ACCUSE"], since="2022-03-01", until="2022-12-31")
    assert [(r["source"], r["target"]) for r in accuse] == [("Volodymyr Zelensky", "Russia")]
    undated = ask(g, "who_acts_on_whom", types=["ACCUSE"])
    assert ("Russia", "European Union") in [(r["source"], r["target"]) for r in undated]


def test_actor_timeline(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "actor_timeline", name="Alexander Lukashenko")
    assert [(r["date"], r["direction"], r["type"], r["other"]) for r in rows] == [
        ("2022-02-10", "acted on by", "MEET", "Vladimir Putin"),
        ("2022-02-10", "acts on", "SUPPORT", "Vladimir Putin"),
        ("2023-07-23", "acted on by", "MEET", "Vladimir Putin"),
        ("2023-07-24", "acts on", "THREATEN", "Lithuania"),
        (None, "acted on by", "ACCUSE", "Sviatlana Tsikhanouskaya"),
    ]
    assert rows[0]["evidence"] == "Putin met Lukashenko in Sochi."
    assert ask(g, "actor_timeline", name="Nobody") == []


def test_relations_between(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "relations_between", a="Alexander Lukashenko", b="Vladimir Putin")
    assert [(r["source"], r["type"], r["date"]) for r in rows] == [
        ("Vladimir Putin", "MEET", "2022-02-10"), ("Alexander Lukashenko", "SUPPORT", "2022-02-10"),
        ("Vladimir Putin", "MEET", "2023-07-23")]
    assert rows[1]["evidence"] == "Lukashenko backed Putin." and rows[1]["sentence"] == 2
    roles = ask(g, "relations_between", a="Vladimir Putin", b="Russia")
    assert [(r["type"], r["target"]) for r in roles] == [("HOLDS_ROLE", "Russia")]


def test_paths_between(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "paths_between", a="Sviatlana Tsikhanouskaya", b="Volodymyr Zelensky", limit=3)
    assert rows == [{"actors": ["Sviatlana Tsikhanouskaya", "Andrzej Duda", "Volodymyr Zelensky"],
                     "types": ["MEET", "MEET"], "hops": 2}]
    # every shortest route, the two Putin-Lukashenko meetings being two routes
    rows = ask(g, "paths_between", a="Vladimir Putin", b="Lithuania")
    assert [(r["actors"][1], r["types"]) for r in rows] == [
        ("Alexander Lukashenko", ["MEET", "THREATEN"]), ("Alexander Lukashenko", ["MEET", "THREATEN"]),
        ("Alexander Lukashenko", ["SUPPORT", "THREATEN"]), ("Ukraine", ["THREATEN", "SUPPORT"])]
    # roles and memberships count; mentions do not (Putin and NATO share no article anyway)
    nato = ask(g, "paths_between", a="Vladimir Putin", b="NATO", limit=2)
    assert [r["hops"] for r in nato] == [3, 3] and nato[0]["types"][-1] == "MEMBER_OF"
    # Wagner and Lithuania are both mentioned in one article: a 2-hop route through it exists,
    # but it is not a route of events, and the 3-hop event routes are found instead
    far = ask(g, "paths_between", a="Wagner Group", b="Lithuania")
    assert far and all(r["hops"] == 3 and "MENTIONED_IN" not in r["types"] for r in far)
    assert far[0]["actors"][:2] == ["Wagner Group", "Poland"]
    assert ask(g, "paths_between", a="United Nations", b="Wagner Group") == []


def test_most_mentioned(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "most_mentioned", limit=3)
    assert [(r["actor"], r["mentions"], r["articles"]) for r in rows] == [
        ("Russia", 9, 4), ("Alexander Lukashenko", 8, 3), ("Ukraine", 7, 3)]


def test_co_mentions(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "co_mentions", name="Andrzej Duda")
    assert all(r["articles"] == 1 for r in rows)
    names = {r["actor"] for r in rows}
    assert "Andrzej Duda" not in names
    assert {"Sviatlana Tsikhanouskaya", "Volodymyr Zelensky", "Ukraine"} <= names


def test_actors_by_kind(g: nx.MultiDiGraph) -> None:
    assert [r["name"] for r in ask(g, "actors_by_kind", kind="bloc")] == ["European Union", "NATO"]
    group = ask(g, "actors_by_kind", kind="group")
    assert group == [{"id": "wagner", "name": "Wagner Group", "country": "russia", "aliases": ["Wagner"]}]


def test_role_phrase(g: nx.MultiDiGraph) -> None:
    rows = ask(g, "role_phrase", phrase="the Alliance")
    assert rows == [{"actor": "NATO", "kind": "bloc", "title": None, "of": None, "since": None, "until": None}]
    duda = ask(g, "role_phrase", phrase="polish president")  # aliases compare case-insensitively
    assert duda == [{"actor": "Andrzej Duda", "kind": "person", "title": "President", "of": "Poland",
                     "since": "2015-08-06", "until": "2025-08-06"}]
    assert ask(g, "role_phrase", phrase="nobody at all") == []


def test_parameters_and_unknown_names() -> None:
    assert parse_param("42") == 42 and parse_param('["A", "B"]') == ["A", "B"] and parse_param("null") is None
    assert parse_param("2022-01-01") == "2022-01-01" and parse_param("Vladimir Putin") == "Vladimir Putin"
    with pytest.raises(ConfigError, match="no library query named 'nope'"):
        load_query("nope")
    assert (QUERY_DIR / "who_acts_on_whom.cypher").is_file()


def test_who_acts_on_whom_by_attribution(g: nx.MultiDiGraph) -> None:
    claimed = g.copy()
    u, v, key = next((u, v, k) for u, v, k, d in claimed.edges(keys=True, data=True) if d.get("_type") == "ACCUSE")
    claimed.edges[u, v, key]["attribution"] = "alleged"
    everything = ask(claimed, "who_acts_on_whom")
    alleged = ask(claimed, "who_acts_on_whom", attributions=["alleged"])
    assert [(r["type"], r["relations"]) for r in alleged] == [("ACCUSE", 1)]
    asserted = ask(claimed, "who_acts_on_whom", attributions=["asserted", "predicted"])
    assert sum(r["relations"] for r in asserted) == sum(r["relations"] for r in everything) - 1
