"""Curation on every store: each change made in place equals the same input loaded through the
overlay, undo restores the store as it was, and making or applying a change twice changes nothing.

Run on the embedded store (SQLite), the in-memory store and the Neo4j store over Bolt (FalkorDB,
and a real Neo4j with ``-m neo4j`` when NEO4J_URI is set).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from polgraph.exceptions import CurationError
from polgraph.graph import curation
from polgraph.graph.curation import Alias, DropActor, DropRelation, Merge, Overlay, Rename
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role
from polgraph.graph.names import name_key
from polgraph.graph.store import Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from tests.helpers import sample_graph



@pytest.fixture
def store(any_store: Store) -> Store:
    return any_store


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict[str, Any], dict[tuple[str, str, str], Any]]:
    nodes = {n: dict(d) for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


def trump_articles() -> list[ArticleGraph]:
    """Two articles that split one person in two ("Trump" read as an organisation) and meet every
    kind of edge a merge moves: relations from and to both, one between them, the same sentence
    read for both, a claim credited to one, a membership, a role held in one and mentions."""
    first = Article.from_text("Trump rejected Donald Trump's plan. Trump criticised Biden.", published=date(2019, 10, 2))
    donald = Actor("donald-trump", "Donald Trump", "person", aliases=("Donald J. Trump",), country="united-states")
    trump = Actor("trump", "Trump", "organization", member_of=("gop",))
    biden = Actor("joe-biden", "Joe Biden", "person", roles=(Role("Candidate", "trump", date(2019, 1, 1)),))
    gop = Actor("gop", "Republican Party", "organization")
    rels = [
        Relation("trump", "donald-trump", "REJECTS", first.id, 1, "Trump rejected Donald Trump's plan.", date(2019, 10, 2), "12"),
        Relation("trump", "joe-biden", "CRITICIZES", first.id, 2, "Trump criticised Biden.", date(2019, 10, 2), "11", confidence=0.7),
        Relation("donald-trump", "joe-biden", "CRITICIZES", first.id, 2, "Trump criticised Biden.", date(2019, 10, 2), "11", confidence=0.9),
        Relation("joe-biden", "gop", "CRITICIZES", first.id, 2, "Biden criticised the party.", date(2019, 10, 2), "11", reported_by="trump"),
    ]
    mentions = [Mention("trump", first.id, 2), Mention("donald-trump", first.id, 1), Mention("joe-biden", first.id, 1),
                Mention("gop", first.id, 1)]
    second = Article.from_text("Biden accused Trump.", published=date(2019, 10, 5))
    rels2 = [Relation("joe-biden", "trump", "CRITICIZES", second.id, 1, "Biden accused Trump.", date(2019, 10, 5), "112")]
    owner = replace(trump, roles=(Role("Owner", "trump-org"),))  # waits for an organisation no article has named yet
    resort = Actor("mar-a-lago", "Mar-a-Lago", "organization", country="trump")
    return [
        ArticleGraph(first, [donald, trump, biden, gop], [], rels, mentions),
        ArticleGraph(second, [biden, owner, resort], [], rels2,
                     [Mention("joe-biden", second.id, 1), Mention("trump", second.id, 3), Mention("mar-a-lago", second.id, 1)]),
    ]


def organisation_article() -> ArticleGraph:
    """A later article naming the organisation a role of "Trump" waits for."""
    article = Article.from_text("The Trump Organization said nothing.", published=date(2019, 11, 1))
    return ArticleGraph(article, [Actor("trump-org", "Trump Organization", "organization")], [], [],
                        [Mention("trump-org", article.id, 1)])


def merge_trump() -> Merge:
    return Merge("donald-trump", "trump", "Donald Trump", "person")


CHANGES = [
    merge_trump(),
    Rename("trump", "Donald Trump (org)", "Trump"),
    Alias("joe-biden", "Sleepy Joe", "Joe Biden", "person"),
    DropActor("trump", "Trump"),
    DropRelation(Relation("joe-biden", "trump", "CRITICIZES", trump_articles()[1].article.id, 1).id, "joe-biden", "CRITICIZES", "trump"),
]


def loaded_through(overlay: Overlay, graphs: list[ArticleGraph]) -> NetworkXStore:
    fresh = NetworkXStore()
    for graph in graphs:
        fresh.write(overlay.apply([graph]))
    return fresh


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.verb)
def test_a_change_in_place_is_the_graph_loaded_through_the_overlay(store: Store, tmp_path: Path, change) -> None:
    graphs = trump_articles()
    store.write(graphs)
    overlay = Overlay(tmp_path / "curation.jsonl")
    assert curation.make(store, overlay, change) is not None
    assert snapshot(store.to_networkx()) == snapshot(loaded_through(Overlay.read(overlay.path), graphs).to_networkx())


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.verb)
def test_what_waits_for_a_later_article_is_changed_too(store: Store, tmp_path: Path, change) -> None:
    """A role waiting for its organisation: made on the merged actor, not made for a dropped one,
    once the organisation comes; the same as loading everything through the overlay."""
    graphs = trump_articles()
    store.write(graphs)
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, change)
    store.write(overlay.apply([organisation_article()]))
    everything = [*graphs, organisation_article()]
    assert snapshot(store.to_networkx()) == snapshot(loaded_through(overlay, everything).to_networkx())
    roles = {(u, v) for u, v, d in store.to_networkx().edges(data=True) if d["_type"] == "HOLDS_ROLE" and v == "trump-org"}
    assert roles == {"merge": {("donald-trump", "trump-org")}, "drop-actor": set()}.get(change.verb, {("trump", "trump-org")})


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.verb)
def test_undo_restores_the_store(store: Store, tmp_path: Path, change) -> None:
    store.write(trump_articles())
    before = snapshot(store.to_networkx())
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, change)
    assert snapshot(store.to_networkx()) != before
    undone = curation.undo(store, Overlay.read(overlay.path))
    assert [e.change for e in undone] == [change]
    assert snapshot(store.to_networkx()) == before
    assert overlay.path.read_text() == ""


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.verb)
def test_making_a_change_twice_changes_nothing(store: Store, tmp_path: Path, change) -> None:
    graphs = trump_articles()
    store.write(graphs)
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, change)
    after, recorded = snapshot(store.to_networkx()), overlay.path.read_bytes()
    if isinstance(change, (Merge, DropActor)):  # the actor is gone: the change names nothing now
        with pytest.raises(CurationError, match="no actor 'trump'"):
            curation.make(store, overlay, change)
    else:
        assert curation.make(store, overlay, change) is None
    assert snapshot(store.to_networkx()) == after
    assert overlay.path.read_bytes() == recorded
    once = overlay.apply(graphs)
    assert overlay.apply(once) == once


def test_merge_moves_everything_and_drops_the_relation_between_the_two(store: Store, tmp_path: Path) -> None:
    graphs = trump_articles()
    store.write(graphs)
    curation.make(store, Overlay(tmp_path / "curation.jsonl"), merge_trump())
    assert store.actor("trump") is None
    merged = store.actor("donald-trump")
    assert (merged.name, merged.kind, merged.country) == ("Donald Trump", "person", "united-states")
    assert merged.aliases == ("Donald J. Trump", "Trump")
    rels = {(r.source, r.type, r.target): r for r in store.relations()}
    assert set(rels) == {("donald-trump", "CRITICIZES", "joe-biden"), ("joe-biden", "CRITICIZES", "gop"),
                         ("joe-biden", "CRITICIZES", "donald-trump")}
    assert rels[("donald-trump", "CRITICIZES", "joe-biden")].confidence == 0.9  # the same sentence read twice: one edge
    assert rels[("joe-biden", "CRITICIZES", "gop")].reported_by == "donald-trump"
    graph = store.to_networkx()
    first = graphs[0].article.id
    assert graph.edges["donald-trump", first, f"mention:donald-trump|{first}"]["count"] == 3
    assert graph.has_edge("donald-trump", "gop", key="member:donald-trump|gop")
    assert store.actor("mar-a-lago").country == "donald-trump"
    # a loader looking up "Trump" among the stored actors finds the one it went into, and only it
    assert [a.id for a in store.actors_by_key({name_key("Trump")})] == ["donald-trump"]
    assert [k for _, _, k, d in graph.in_edges("donald-trump", keys=True, data=True) if d["_type"] == "HOLDS_ROLE"] == \
        ["role:joe-biden|Candidate|donald-trump|2019-01-01"]


def test_a_later_load_puts_the_merged_actor_on_the_one_it_went_into(store: Store, tmp_path: Path) -> None:
    """Merge after the first article, then load the second through the overlay: the same graph as
    both articles loaded first and merged after."""
    first, second = trump_articles()
    store.write([first])
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, merge_trump())
    store.write(overlay.apply([second]))
    both = NetworkXStore()
    both.write([first, second])
    curation.make(both, Overlay(tmp_path / "other.jsonl"), merge_trump())
    assert snapshot(store.to_networkx()) == snapshot(both.to_networkx())
    assert store.actor("trump") is None


def test_changes_last_through_later_loads(store: Store, tmp_path: Path) -> None:
    first, second = trump_articles()
    store.write([first])
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, Rename("joe-biden", "Joseph R. Biden", "Joe Biden"))
    curation.make(store, overlay, DropActor("gop", "Republican Party"))
    accuses = Relation("joe-biden", "trump", "CRITICIZES", second.article.id, 1)
    store.write(overlay.apply([second]))
    curation.make(store, overlay, DropRelation(accuses.id, "joe-biden", "CRITICIZES", "trump"))
    store.write(overlay.apply([first, second]))  # loaded again: the changes stay made
    assert store.actor("joe-biden").name == "Joseph R. Biden"
    assert "Joe Biden" in store.actor("joe-biden").aliases
    assert store.actor("gop") is None
    assert accuses.id not in {r.id for r in store.relations()}
    assert snapshot(store.to_networkx()) == snapshot(loaded_through(Overlay.read(overlay.path), [first, second]).to_networkx())


def test_an_actor_a_later_article_names_by_an_alias_is_the_aliased_actor(store: Store, tmp_path: Path) -> None:
    first, second = trump_articles()
    store.write([first])
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, Alias("joe-biden", "Uncle Joe", "Joe Biden", "person"))
    later = Article.from_text("Uncle Joe criticised Trump.", published=date(2019, 12, 1))
    uncle = Actor("uncle-joe", "Uncle Joe", "organization")
    graph = ArticleGraph(later, [uncle, Actor("trump", "Trump", "organization")], [],
                         [Relation("uncle-joe", "trump", "CRITICIZES", later.id, 1, "Uncle Joe criticised Trump.")],
                         [Mention("uncle-joe", later.id, 1), Mention("trump", later.id, 1)])
    store.write(overlay.apply([graph]))
    assert store.actor("uncle-joe") is None
    assert (store.actor("joe-biden").name, store.actor("joe-biden").kind) == ("Joe Biden", "person")
    assert ("joe-biden", "CRITICIZES", "trump", later.id) in {(r.source, r.type, r.target, r.article) for r in store.relations()}


def test_an_alias_that_names_another_stored_actor_is_refused(store: Store, tmp_path: Path) -> None:
    store.write(trump_articles())
    with pytest.raises(CurationError) as caught:
        curation.make(store, Overlay(tmp_path / "curation.jsonl"), Alias("donald-trump", "Trump", "Donald Trump", "person"))
    assert str(caught.value) == "'Trump' is the name of another actor, trump (Trump): merge it into donald-trump instead"
    assert "Trump" not in store.actor("donald-trump").aliases


def test_undo_of_an_earlier_change_undoes_the_later_ones_first(store: Store, tmp_path: Path) -> None:
    store.write(trump_articles())
    before = snapshot(store.to_networkx())
    overlay = Overlay(tmp_path / "curation.jsonl")
    curation.make(store, overlay, Alias("joe-biden", "Sleepy Joe", "Joe Biden", "person"))
    curation.make(store, overlay, merge_trump())
    curation.make(store, overlay, DropActor("donald-trump", "Donald Trump"))
    undone = curation.undo(store, overlay, 1)
    assert [e.number for e in undone] == [3, 2, 1]
    assert snapshot(store.to_networkx()) == before
    assert overlay.entries == [] and Overlay.read(overlay.path).entries == []


def test_the_overlay_file_is_the_same_bytes_for_the_same_changes(tmp_path: Path) -> None:
    texts = []
    for name in ("a", "b"):
        store = NetworkXStore()
        store.write(trump_articles())
        overlay = Overlay(tmp_path / f"{name}.jsonl")
        for change in (merge_trump(), Alias("joe-biden", "Sleepy Joe", "Joe Biden", "person")):
            curation.make(store, overlay, change)
        texts.append(overlay.path.read_bytes())
    assert texts[0] == texts[1]
    lines = texts[0].decode().splitlines()
    assert lines[0].startswith('{"change": 1, "verb": "merge", "actor": "donald-trump", "other": "trump", '
                               '"name": "Donald Trump", "kind": "person", "undo": ')
    assert lines[1].startswith('{"change": 2, "verb": "alias", "actor": "joe-biden", "alias": "Sleepy Joe", "name": "Joe Biden", '
                               '"kind": "person", "undo": ')


def test_a_bad_overlay_line_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "curation.jsonl"
    path.write_text('{"change": 1, "verb": "alias", "actor": "a", "alias": "b", "name": "A", "kind": "person"}\n'
                    '{"change": 2, "verb": "explode"}\n')
    with pytest.raises(CurationError) as caught:
        Overlay.read(path)
    assert str(caught.value) == (f"{path}:2: not a curation change (unknown verb 'explode' "
                                 "(one of merge, rename, alias, drop-actor, drop-relation))")


def test_a_hand_written_change_applies_to_loads_but_cannot_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "curation.jsonl"
    path.write_text('{"change": 1, "verb": "alias", "actor": "joe-biden", "alias": "Uncle Joe", "name": "Joe Biden", "kind": "person"}\n')
    overlay = Overlay.read(path)
    store = NetworkXStore()
    store.write(overlay.apply(trump_articles()))
    assert "Uncle Joe" in store.actor("joe-biden").aliases
    with pytest.raises(CurationError, match="change 1 has no undo record"):
        curation.undo(store, overlay)


def test_the_sample_graph_loads_unchanged_through_an_overlay_that_names_none_of_it(tmp_path: Path) -> None:
    overlay = Overlay(tmp_path / "x.jsonl", [])
    for change in CHANGES:
        overlay.entries.append(curation.Entry(len(overlay.entries) + 1, change, None))
    assert overlay.apply([sample_graph()]) == [sample_graph()]


def test_changes_to_one_overlay_wait_for_each_other(tmp_path: Path) -> None:
    """Two curation commands at once: the second reads the overlay only once the first has
    written it, so neither change is lost."""
    import threading

    from polgraph.graph.curation.overlay import locked

    path = tmp_path / "curation.jsonl"
    store = NetworkXStore()
    store.write(trump_articles())
    entered = threading.Event()
    seen: list[int] = []

    def second() -> None:
        with locked(path) as overlay:
            entered.set()
            seen.append(len(overlay.entries))

    with locked(path) as overlay:
        waiting = threading.Thread(target=second)
        waiting.start()
        assert not entered.wait(0.5)  # held: the second waits
        curation.make(store, overlay, Alias("joe-biden", "Sleepy Joe", "Joe Biden", "person"))
    waiting.join(10)
    assert seen == [1]


def test_a_batch_of_coded_events_cut_in_pieces_gets_what_the_whole_batch_gets(tmp_path: Path) -> None:
    """``Overlay.apply`` makes each change only on the relations it reaches: the same store as
    every change made, in order, on the whole batch."""
    import random

    from benchmarks.overlay_bench import batch, overlay

    rng = random.Random(5)
    graph = batch(400, 60, rng)
    curated = overlay(60, 60, graph, rng)
    whole = graph
    for entry in curated.entries:
        whole = entry.change.apply(whole)
    by_pieces, by_whole = NetworkXStore(), NetworkXStore()
    by_pieces.write(curated.apply([graph]))
    by_whole.write([whole])
    assert snapshot(by_pieces.to_networkx()) == snapshot(by_whole.to_networkx())
    assert by_pieces.counts()["relations"] < 400  # the changes did something (drops)
