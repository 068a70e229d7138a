"""What only the embedded SQLite store does: its file, transactions, locks, bulk loads, foreign files.

(The behaviour every store shares is in the store contract suite; faults and processes in
tests/test_sqlite_faults.py.)
"""

from __future__ import annotations

import json
import socket
import sqlite3

import pytest

from polgraph.exceptions import StoreError
from polgraph.graph.stores import sqlite_store
from polgraph.graph.stores.sqlite_store import NoSuchStore, SQLiteStore
from tests.helpers import sample_graph
from tests.test_store_contract import second_article, snapshot


def test_persists_and_reloads(tmp_path):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write([sample_graph()])
    with SQLiteStore(path) as again:
        assert again.counts() == {"actors": 3, "articles": 1, "topics": 1, "relations": 3, "mentions": 3}
        assert [a.name for a in again.actors("state")] == ["Freedonia", "Ruritania"]


def test_writing_what_is_stored_changes_no_byte(tmp_path):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        first = store.write([sample_graph()])
    before = path.read_bytes()
    with SQLiteStore(path, create=True) as store:
        second = store.write([sample_graph()])
    assert (first.articles, first.actors, first.relations) == (1, 3, 3)
    assert (second.articles, second.actors, second.relations, second.skipped) == (0, 0, 0, 1)
    assert path.read_bytes() == before


def test_a_failed_write_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write([sample_graph()])
        before = snapshot(store.to_networkx())

        def boom(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(SQLiteStore, "_merge_mentions", boom)  # after the nodes and events of the write
        with pytest.raises(StoreError, match="the disk is full"):
            store.write([second_article()])
        assert snapshot(store.to_networkx()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.db"]


def test_a_second_writer_waits_for_the_first(tmp_path):
    path = tmp_path / "g.db"
    SQLiteStore(path, create=True).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        with SQLiteStore(path, lock_timeout=0.2) as store:
            with pytest.raises(StoreError, match=f"^{path}: another polgraph process is writing \\(lock held\\)$"):
                store.write([sample_graph()])
            assert store.counts()["articles"] == 0  # readers are not blocked by a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_store_objects_lose_nothing(tmp_path):
    path = tmp_path / "g.db"
    one, two = SQLiteStore(path, create=True), SQLiteStore(path, create=True)
    one.counts(), two.counts()
    one.write([sample_graph("First article.")])
    two.write([sample_graph("Second article.")])
    assert SQLiteStore(path).counts()["articles"] == 2


def test_a_missing_store_is_not_created_by_reading(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(NoSuchStore, match=f"^{path}: no such store \\(load articles into it first\\)$"):
        SQLiteStore(path)
    assert not path.exists()


@pytest.mark.parametrize("content,problem", [
    (b"not a store", "not a polgraph store (neither a SQLite database nor polgraph's JSON)"),
    (b"", "an empty file, not a polgraph store"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "not a polgraph store, or a damaged one"),
])
def test_a_foreign_or_damaged_file_is_refused_and_left_alone(tmp_path, content, problem):
    path = tmp_path / "g.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(path)
    assert str(caught.value).startswith(f"{path}: {problem}")
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
        other.execute("INSERT INTO accounts (owner) VALUES ('ann')")
    other.close()
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError, match="not a polgraph store \\(a SQLite database of another program\\)"):
            SQLiteStore(path, create=create)
    assert path.read_bytes() == before


def test_a_directory_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="not a polgraph store"):
        SQLiteStore(tmp_path, create=True)


def test_a_json_store_is_named_for_migration(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"format": "polgraph-networkx/1", "nodes": [], "edges": []}))
    with pytest.raises(sqlite_store.LegacyJSONStore, match="polgraph migrate"):
        SQLiteStore(path, create=True)


def test_a_newer_store_version_is_refused(tmp_path):
    path = tmp_path / "g.db"
    SQLiteStore(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="written by a newer polgraph"):
        SQLiteStore(path)


# -- bulk loads ------------------------------------------------------------------------------
def _indexes(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'event_%'")}
    conn.close()
    return found


def test_a_bulk_load_builds_the_event_indexes_at_its_end(tmp_path):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        with store.bulk():
            store.write([sample_graph()])
            assert _indexes(path) == set()  # dropped while loading; reads still answer
            assert len(store.relations()) == 3
            store.write([second_article()])
        assert _indexes(path) == {"event_source", "event_target"}
        assert store.counts()["relations"] == 4


def test_indexes_a_killed_bulk_load_dropped_come_back_on_the_next_write(tmp_path):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write([sample_graph()])
    with sqlite3.connect(path) as conn:  # what a bulk load killed in its middle leaves
        conn.execute("DROP INDEX event_source")
        conn.execute("INSERT INTO meta VALUES ('bulk_load', 'this-host-is-gone:1')")
    conn.close()
    SQLiteStore(path).close()  # a reading command leaves the store as it is
    assert "event_source" not in _indexes(path)
    SQLiteStore(path, create=True).close()  # the owner is unknown on this machine: taken as alive
    assert "event_source" not in _indexes(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'bulk_load'", (f"{socket.gethostname()}:999999999",))
    conn.close()
    SQLiteStore(path, create=True).close()  # a dead process of this machine: rebuilt
    assert _indexes(path) == {"event_source", "event_target"}


def test_relations_written_before_their_article_merge_when_it_comes(tmp_path):
    """A write without the article node, then the article with the same relations (re-read): one
    relation each, merged, counted once."""
    from polgraph.graph.model import ArticleGraph

    graph = sample_graph()
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        first = store.write([ArticleGraph(None, graph.actors, graph.topics, graph.relations, [])])
        second = store.write([graph])
        assert (first.relations, second.relations, second.articles) == (3, 0, 1)
        assert store.counts() == {"actors": 3, "articles": 1, "topics": 1, "relations": 3, "mentions": 3}


def test_a_json_store_with_state_codes_migrates_with_its_name_keys(tmp_path):
    """A JSON store as the last JSON polgraph wrote it (iso3, sector, attribution): every field
    comes over, and the actors are found by their name keys in the migrated store."""
    from polgraph.graph.names import name_key, surname_key
    from polgraph.graph.store import RelationFilter
    from polgraph.graph.stores.migrate import migrate_json_store

    actor = {"_labels": ["Actor"], "aliases": ["Lukashenko"], "country": "belarus", "iso3": "BLR", "sector": "GOV"}
    doc = {"format": "polgraph-networkx/1", "nodes": [
        {"key": "alexander-lukashenko", **actor, "id": "alexander-lukashenko", "name": "Alexander Lukashenko", "kind": "person"},
        {"key": "belarus", "_labels": ["Actor"], "id": "belarus", "name": "Belarus", "kind": "state", "aliases": [],
         "country": None, "iso3": "BLR", "sector": None},
    ], "edges": [
        {"source": "alexander-lukashenko", "target": "belarus", "key": "r1", "_type": "CRITICIZES", "id": "r1",
         "date": "2023-03-31", "attribution": "alleged", "confidence": 0.8},
    ]}
    source = tmp_path / "g.json"
    source.write_text(json.dumps(doc))
    migrate_json_store(source, tmp_path / "g.db")
    with SQLiteStore(tmp_path / "g.db") as store:
        person = store.actor("alexander-lukashenko")
        assert (person.country, person.iso3, person.sector) == ("belarus", "BLR", "GOV")
        assert [a.id for a in store.actors_by_key([surname_key("Lukashenko")])] == ["alexander-lukashenko"]
        assert [a.id for a in store.actors_by_key([name_key("Lukashenko"), name_key("belarus")])] == ["alexander-lukashenko", "belarus"]
        assert [(r.source, r.attribution, r.confidence) for r in store.relations(RelationFilter(attributions=("alleged",)))] == [
            ("alexander-lukashenko", "alleged", 0.8)]
        assert store.relations(RelationFilter(attributions=("asserted",))) == []
