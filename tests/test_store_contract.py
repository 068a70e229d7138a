"""The store contract: one suite, run on every store.

- ``sqlite``: the embedded store (a SQLite file), always.
- ``networkx``: the in-memory store, always (it is also every test's reference).
- ``falkordb``: the Neo4j store over Bolt against FalkorDB from PyPI, always (CI too).
- ``neo4j``: the Neo4j store against the server named by ``NEO4J_URI`` (marker ``neo4j``; the
  suite deletes everything in that database: use a throwaway one, see docs/neo4j.md).

Every test feeds the same writes to the store under test and to an in-memory embedded store (the
reference) and asserts the same return values and the same graph.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import networkx as nx
import pytest

from polgraph.graph.codec import LABELS
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic
from polgraph.graph.store import EdgeGroup, GraphRows, RelationFilter, Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import RandomShape, random_graphs, sample_graph



@pytest.fixture
def store(any_store: Store) -> Store:
    return any_store


def both(store: Store, graphs: list[ArticleGraph]) -> tuple[Any, Any]:
    """Write to the store under test and to a fresh reference; both summaries."""
    reference = getattr(store, "_contract_reference", None)
    if reference is None:
        reference = store._contract_reference = NetworkXStore()  # type: ignore[attr-defined]
    return store.write(graphs), reference.write(graphs)


def reference_of(store: Store) -> NetworkXStore:
    return store._contract_reference  # type: ignore[attr-defined]


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict[str, Any], dict[tuple[str, str, str], Any]]:
    nodes = {n: dict(d) for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


def assert_same_graph(store: Store) -> None:
    got_nodes, got_edges = snapshot(store.to_networkx())
    want_nodes, want_edges = snapshot(reference_of(store).to_networkx())
    assert got_nodes == want_nodes
    assert got_edges == want_edges


def second_article() -> ArticleGraph:
    """Knows Ruritania under another alias and adds a member-of edge and a new relation."""
    article = Article.from_text("Ruritania and Freedonia held talks in Strelsau.", published=date(2024, 6, 1),
                                title="talks", source="tests", url="https://example.org/talks")
    ruritania = Actor("ruritania", "Ruritania", "state", aliases=("Kingdom of Ruritania",), country=None)
    freedonia = Actor("freedonia", "Freedonia", "state", member_of=("league",))
    league = Actor("league", "League of Nations", "bloc", aliases=("LoN",))
    rels = [Relation("ruritania", "freedonia", "CONSULTS", article.id, 1, "held talks", date(2024, 6, 1), "04", "CONSULT")]
    return ArticleGraph(article, [ruritania, freedonia, league], [], rels, [Mention("ruritania", article.id, 1)])


# -- writes ----------------------------------------------------------------------------------
def test_write_returns_what_the_embedded_store_returns(store: Store) -> None:
    got, want = both(store, [sample_graph()])
    assert got == want
    assert (got.articles, got.skipped, got.actors, got.relations) == (1, 0, 3, 3)
    assert_same_graph(store)


def test_loading_the_same_article_twice_changes_nothing(store: Store) -> None:
    both(store, [sample_graph()])
    before = snapshot(store.to_networkx())
    counts = store.counts()
    got, want = both(store, [sample_graph()])
    assert got == want
    assert (got.articles, got.skipped, got.actors, got.relations) == (0, 1, 0, 0)
    assert snapshot(store.to_networkx()) == before
    assert store.counts() == counts


def test_a_later_article_adds_aliases_and_structural_edges(store: Store) -> None:
    both(store, [sample_graph()])
    got, want = both(store, [second_article()])
    assert got == want
    assert store.actor("ruritania").aliases == ("Kingdom of Ruritania", "Ruritanian Republic")
    assert_same_graph(store)


def test_one_write_with_repeats_and_forward_references(store: Store) -> None:
    """A role whose organisation only a later article adds is made when the organisation arrives;
    an article and a relation repeated in one write count once."""
    first = sample_graph()
    early = Article.from_text("Rassendyll chairs the League.")
    chair = Actor("rudolf-rassendyll", "Rudolf Rassendyll", "person", roles=(Role("Chair", "league"),), country="freedonia")
    forward = ArticleGraph(early, [chair], [], [], [])
    got, want = both(store, [forward, first, second_article(), first])
    assert got == want
    assert (got.articles, got.skipped) == (3, 1)
    assert_same_graph(store)


def test_many_rows_in_small_batches(store: Store) -> None:
    if hasattr(store, "batch_size"):
        store.batch_size = 7  # several batches per statement, and a last partial one
    article = Article.from_text("A long list of states.", published=date(2024, 1, 1))
    actors = [Actor(f"state-{i:03d}", f"State {i}", "state", aliases=(f"S{i}",)) for i in range(60)]
    rels = [
        Relation(f"state-{i:03d}", f"state-{(i * 7 + 1) % 60:03d}", ("SUPPORTS", "THREATENS", "AIDS")[i % 3],
                 article.id, i + 1, f"sentence {i}", date(2024, 1, 1 + i % 28))
        for i in range(60)
    ]
    got, want = both(store, [ArticleGraph(article, actors, [], rels, [Mention(a.id, article.id) for a in actors])])
    assert got == want
    assert store.counts() == reference_of(store).counts() == {
        "actors": 60, "articles": 1, "topics": 0, "relations": 60, "mentions": 60,
    }
    assert_same_graph(store)


def test_long_text_and_unicode_round_trip(store: Store) -> None:
    text = "Лукашенко встретился с Зеленским. " * 300  # about 17 KB of UTF-8
    article = Article.from_text(text, title="Встреча «в Минске»", published=date(2023, 3, 4))
    actor = Actor("aleksandr-lukashenko", "Александр Лукашенко", "person", aliases=("Lukashenka", "Лукашэнка"))
    got, want = both(store, [ArticleGraph(article, [actor], [], [], [Mention(actor.id, article.id, 3)])])
    assert got == want
    assert store.articles() == [article]
    assert store.actor(actor.id) == Actor(actor.id, actor.name, "person", aliases=("Lukashenka", "Лукашэнка"))
    assert_same_graph(store)


def test_user_values_are_parameters_not_cypher(store: Store) -> None:
    name = "x'}) DETACH DELETE n // \\b"
    article = Article.from_text("An article about `backticks` and $dollars.")
    actor = Actor("quote-actor", name, "group", aliases=('"double"', "back`tick"))
    both(store, [sample_graph(), ArticleGraph(article, [actor], [], [], [])])
    assert store.actor("quote-actor").name == name
    assert store.counts()["actors"] == 4
    assert_same_graph(store)


# -- reads -----------------------------------------------------------------------------------
def test_reads_answer_like_the_embedded_store(store: Store) -> None:
    both(store, [sample_graph(), second_article()])
    reference = reference_of(store)
    article_id = sample_graph().article.id
    assert store.has_article(article_id) and not store.has_article("nope")
    assert store.actor("rudolf-rassendyll") == reference.actor("rudolf-rassendyll")
    assert store.actor("nobody") is None
    assert store.actors() == reference.actors()
    assert [a.id for a in store.actors("state")] == ["freedonia", "ruritania"]
    assert store.articles() == reference.articles()
    assert store.counts() == reference.counts()
    filters = [
        RelationFilter(),
        RelationFilter(types=("CRITICIZES", "CONSULTS")),
        RelationFilter(since=date(2024, 5, 2)),
        RelationFilter(until=date(2024, 5, 1)),
        RelationFilter(actor="freedonia"),
        RelationFilter(actor="nobody"),
        RelationFilter(types=("PROPOSES",), actor="rudolf-rassendyll", since=date(2024, 1, 1), until=date(2024, 12, 31)),
        RelationFilter(attributions=("asserted",)),
        RelationFilter(attributions=("alleged", "denied")),
    ]
    for where in filters:
        assert store.relations(where) == reference.relations(where), where
        assert list(store.event_rows(where)) == list(reference.event_rows(where)), where
    assert len(store.relations()) == 4
    rows = [(r.source, r.target, r.type) for r in store.event_rows()]
    assert rows == [("freedonia", "ruritania", "CRITICIZES"), ("ruritania", "freedonia", "CONSULTS"),
                    ("ruritania", "freedonia", "SANCTIONS")]  # actor to actor only, in order


def test_relations_filtered_by_attribution(store: Store) -> None:
    """How the text presents an act (asserted, alleged, predicted, denied) filters reads and analytics."""
    graph = sample_graph()
    alleged = replace(graph.relations[0], attribution="alleged", reported_by="freedonia")
    predicted = replace(graph.relations[1], attribution="predicted")
    both(store, [replace(graph, relations=[alleged, predicted, graph.relations[2]])])
    assert store.relations(RelationFilter(attributions=("alleged",))) == [alleged]
    assert store.relations(RelationFilter(attributions=("asserted", "predicted"))) == sorted(
        [predicted, graph.relations[2]], key=lambda r: store.relations().index(r))
    assert [r.type for r in store.event_rows(RelationFilter(attributions=("alleged", "denied")))] == ["SANCTIONS"]
    assert store.relations(RelationFilter(attributions=("denied",))) == []
    for where in (RelationFilter(attributions=("asserted",)), RelationFilter(attributions=("alleged", "predicted"))):
        assert store.relations(where) == reference_of(store).relations(where)
        assert list(store.event_rows(where)) == list(reference_of(store).event_rows(where))


def test_coded_events_without_an_article_keep_their_scales(store: Store) -> None:
    """A GDELT row: no article node, the CAMEO code's Goldstein value and QuadClass, report counts."""
    ruritania = Actor("ruritania", "Ruritania", "state", sector="GOV")
    freedonia = Actor("freedonia", "Freedonia", "state")
    event = Relation("ruritania", "freedonia", "ASSAULTS", "gdelt:881990832", 0, "", date(2019, 10, 24), "190",
                     "FIGHT", goldstein=-10.0, quad_class=4, url="https://example.org/a", num_mentions=10,
                     num_sources=1, num_articles=10, avg_tone=-3.5)
    got, want = both(store, [ArticleGraph(None, [ruritania, freedonia], [], [event], [])])
    assert got == want and (got.articles, got.relations) == (0, 1)
    assert store.relations() == [event]
    assert store.actor("ruritania").sector == "GOV"
    [row] = store.event_rows()
    assert (row.goldstein, row.quad_class, row.date, row.attribution) == (-10.0, 4, "2019-10-24", "asserted")
    assert_same_graph(store)


def test_graph_rows_are_the_graph_s_rows_in_order(store: Store) -> None:
    """``graph_rows`` (what ``export --format neo4j-import`` writes; streamed from the embedded
    store's tables) gives the reference graph's nodes and edges, grouped and sorted, every pass alike."""
    from polgraph.graph.stores.networkx_rows import NetworkXGraphRows

    def everything(rows: GraphRows) -> tuple[dict[str, list[Any]], dict[EdgeGroup, list[Any]]]:
        return ({label: list(rows.nodes(label)) for label in rows.labels()},
                {group: list(rows.edges(group)) for group in rows.edge_groups()})

    ruritania = Actor("ruritania", "Ruritania", "state", sector="GOV")
    coded = Relation("ruritania", "freedonia", "ASSAULTS", "gdelt:881990832", 0, "", date(2019, 10, 24), "190", "FIGHT",
                     goldstein=-10.0, quad_class=4, num_mentions=10, num_sources=1, num_articles=10, avg_tone=-3.5)
    both(store, [sample_graph(), second_article(), ArticleGraph(None, [ruritania], [], [coded], [])])
    with store.graph_rows() as rows:
        got, again = everything(rows), everything(rows)
    assert got == again == everything(NetworkXGraphRows(reference_of(store).to_networkx()))
    assert {g.kind for g in got[1]} == {"events", "MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF"}


CONTRACT_SHAPE = RandomShape(types=("PROPOSES", "REJECTS", "CRITICIZES"), actors=(6, 12), name_share=0.7,
                             articles=(3, 5), relations=(2, 8), days=300, coded=10, goldstein=(None, -2.0, 3.4))


def test_graph_rows_stream_the_store_s_graph_in_its_order(store: Store) -> None:
    """``graph_nodes`` / ``graph_edges`` (what the JSON, GraphML and GEXF exports stream) are the
    store's own ``to_networkx()`` graph, node by node and edge by edge in its iteration order:
    several edges a pair, both directions, self-loops, topics, mentions, roles, memberships."""
    both(store, [sample_graph(), second_article(), *random_graphs(3, CONTRACT_SHAPE)])
    graph = store.to_networkx()
    with store.graph_rows() as rows:
        nodes, edges = list(rows.graph_nodes()), list(rows.graph_edges())
        assert list(rows.graph_edges()) == edges
    assert nodes == list(graph.nodes(data=True))
    assert edges == list(graph.edges(keys=True, data=True))
    assert len({(u, v) for u, v, _, _ in edges}) < len(edges) and any(u == v for u, v, _, _ in edges)


def test_to_networkx_uses_the_shared_layout(store: Store) -> None:
    both(store, [sample_graph()])
    graph = store.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["ruritania"][LABELS] == ["Actor"]
    assert graph.nodes[Topic.named("truce").id][LABELS] == ["Topic"]
    rel = sample_graph().relations[0]
    assert graph.edges["ruritania", "freedonia", rel.id]["_type"] == "SANCTIONS"
    assert graph.edges["ruritania", "freedonia", rel.id]["date"] == "2024-05-01"


# -- merge rules: the same graph whatever the order (graph/upsert.py) --------------------------
def _readings() -> list[ArticleGraph]:
    """Articles that disagree: an actor's name, kind, aliases and country; a relation read twice
    with different confidence; a role and a membership whose far end only another article adds."""
    one = Article.from_text("Ruritania sanctioned Freedonia.", published=date(2024, 5, 1), title="first")
    two = Article.from_text("Ruritania and Freedonia held talks.", published=date(2024, 6, 1), title="")
    again = Article.from_text("Ruritania sanctioned Freedonia.", title="a later title", url="https://example.org/x")
    rudolf = Actor("rudolf", "RUDOLF", "organization", aliases=("R.",), roles=(Role("Chair", "league", date(2020, 1, 1)),))
    rudolf2 = Actor("rudolf", "Rudolf", "person", aliases=("Rudi",), country="ruritania", member_of=("league",))
    league = Actor("league", "League", "bloc", aliases=("LoN",))
    ruritania, freedonia = Actor("ruritania", "Ruritania", "state"), Actor("freedonia", "Freedonia", "state", sector="GOV")
    sanction = Relation("ruritania", "freedonia", "SANCTIONS", one.id, 1, "Ruritania sanctioned Freedonia.", date(2024, 5, 1), "16")
    doubt = Relation(**{**sanction.__dict__, "confidence": 0.5, "evidence": "sanctioned"})
    talk = Relation("rudolf", "freedonia", "CONSULTS", two.id, 1, "held talks", date(2024, 6, 1), "04")
    return [
        ArticleGraph(one, [ruritania, freedonia, rudolf], [], [sanction], [Mention("rudolf", one.id, 1)]),
        ArticleGraph(two, [rudolf2, freedonia, league], [], [talk], [Mention("rudolf", two.id, 2)]),
        ArticleGraph(again, [ruritania, freedonia], [], [doubt], [Mention("ruritania", again.id, 3)]),
    ]


def _export(store: Store) -> bytes:
    from io import BytesIO

    from polgraph.graph.readwrite import write_json

    out = BytesIO()
    write_json(store.to_networkx(), out)
    return out.getvalue()


def _emptied(store: Store, tmp_path, name: str) -> Store:
    if isinstance(store, SQLiteStore):
        return SQLiteStore(tmp_path / f"{name}.db", create=True)
    if isinstance(store, NetworkXStore):
        return NetworkXStore()
    store.delete_all()  # type: ignore[attr-defined]
    return store


@pytest.mark.parametrize("batches", [[[0], [1], [2]], [[2], [1], [0]], [[1, 0], [2]], [[2, 1, 0]], [[1], [2, 0]]])
def test_the_graph_does_not_depend_on_the_order_of_writes(store: Store, tmp_path, batches: list[list[int]]) -> None:
    readings = _readings()
    first = _emptied(store, tmp_path, "first")
    for index in (0, 1, 2):
        first.write([readings[index]])
    want = snapshot(first.to_networkx()), _export(first) if not isinstance(first, NetworkXStore) else None
    other = _emptied(store, tmp_path, "other")
    for batch in batches:
        other.write([readings[i] for i in batch])
    assert (snapshot(other.to_networkx()), _export(other) if not isinstance(other, NetworkXStore) else None) == want
    rudolf = other.actor("rudolf")
    assert (rudolf.name, rudolf.kind, rudolf.aliases, rudolf.country) == ("Rudolf", "organization", ("R.", "Rudi"), "ruritania")
    edges = {(u, v, d["_type"]) for u, v, d in other.to_networkx().edges(data=True)}
    assert {("rudolf", "league", "HOLDS_ROLE"), ("rudolf", "league", "MEMBER_OF")} <= edges
    [sanction] = other.relations(RelationFilter(types=("SANCTIONS",)))
    assert (sanction.confidence, sanction.evidence) == (1.0, "Ruritania sanctioned Freedonia.")
    [article] = [a for a in other.articles() if a.text.startswith("Ruritania sanctioned")]
    assert (article.title, article.url, article.published) == ("a later title", "https://example.org/x", date(2024, 5, 1))
    assert other.counts() == {"actors": 4, "articles": 2, "topics": 0, "relations": 2, "mentions": 3}


def test_a_relation_to_an_unknown_actor_is_refused_and_nothing_written(store: Store) -> None:
    from polgraph.exceptions import StoreError

    both(store, [sample_graph()])
    before = snapshot(store.to_networkx())
    graph = second_article()
    graph.relations.append(Relation("ruritania", "nowhere", "CRITICIZES", graph.article.id, 2))
    with pytest.raises(StoreError, match="'nowhere' is not an actor or topic"):
        store.write([graph])
    assert snapshot(store.to_networkx()) == before


# -- parts of the graph ----------------------------------------------------------------------
@pytest.mark.parametrize("where", [
    RelationFilter(actor="freedonia"),
    RelationFilter(actor="rudolf-rassendyll", since=date(2024, 5, 2)),
    RelationFilter(types=("CONSULTS", "PROPOSES")),
    RelationFilter(until=date(2024, 5, 1)),
    RelationFilter(actor="nobody"),
    RelationFilter(actor="freedonia", attributions=("alleged", "denied")),
])
def test_to_networkx_of_a_part(store: Store, where: RelationFilter) -> None:
    both(store, [sample_graph(), second_article()])
    got = store.to_networkx(where)
    want = reference_of(store).to_networkx(where)
    assert snapshot(got) == snapshot(want)
    assert list(got.nodes) == list(want.nodes) and list(got.edges(keys=True)) == list(want.edges(keys=True))


def test_actors_by_id(store: Store) -> None:
    both(store, [sample_graph(), second_article()])
    assert [a.id for a in store.actors(ids={"league", "freedonia", "nobody"})] == ["freedonia", "league"]
    assert [a.id for a in store.actors("state", ids=["league", "freedonia"])] == ["freedonia"]
    assert store.actors(ids=[]) == []


def test_actors_are_found_by_name_alias_and_surname(store: Store) -> None:
    from polgraph.graph.names import name_key, stem_key, surname_key

    article = Article.from_text("keys", published=date(2020, 1, 1))
    sanders = Actor(id="bernie-sanders", name="Bernie Sanders", kind="person", aliases=("Senator Sanders",))
    senate = Actor(id="united-states-senate", name="United States Senate", kind="organization", aliases=("U.S. Senate",))
    both(store, [ArticleGraph(article, [sanders, senate], [], [], [])])
    for found in (store.actors_by_key, reference_of(store).actors_by_key):
        assert [a.id for a in found([surname_key("Sanders")])] == ["bernie-sanders"]
        assert [a.id for a in found([name_key("the US Senate")])] == ["united-states-senate"]
        assert [a.id for a in found([stem_key("Sandersz"), name_key("Bernie Sanders")])] == ["bernie-sanders"]
        assert found([surname_key("Senate"), name_key("Sanders")]) == []


def test_an_actors_state_code_and_sector_come_with_the_first_article_that_knows_them(store: Store) -> None:
    first = Article.from_text("first", published=date(2020, 1, 1))
    second = Article.from_text("second", published=date(2020, 1, 2))
    bare = Actor(id="belarus", name="Belarus", kind="state")
    coded = Actor(id="belarus", name="Belarus", kind="state", iso3="BLR", sector="GOV")
    both(store, [ArticleGraph(first, [bare], [], [], [])])
    both(store, [ArticleGraph(second, [coded], [], [], [])])
    for found in (store.actor("belarus"), reference_of(store).actor("belarus")):
        assert (found.iso3, found.sector) == ("BLR", "GOV")
