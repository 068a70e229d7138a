"""The embedded store's bulk load into a store with no event yet: events appended while their ids
are checked in memory (``sqlite_ids``), the unique index of ids built at the end. It must end with
the store ordinary writes make, reload nothing twice, and keep every batch all or nothing.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

from polgraph.exceptions import StoreError
from polgraph.graph.model import ArticleGraph, Relation
from polgraph.graph.readwrite import write_json
from polgraph.graph.stores.sqlite_ids import WrittenIds
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.store_writer import batches

WRITER = Path(__file__).with_name("store_writer.py")
BATCHES = batches()


def _export(path: Path) -> bytes:
    out = BytesIO()
    with SQLiteStore(path) as store:
        write_json(store.to_networkx(), out)
    return out.getvalue()


def _has_id_index(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'unique_event_id'").fetchone()[0]
    conn.close()
    return bool(found)


@pytest.fixture(scope="module")
def ordinary(tmp_path_factory) -> tuple[bytes, int]:
    """The export of every batch written the ordinary way, and how many relations were new."""
    path = tmp_path_factory.mktemp("ordinary") / "g.db"
    with SQLiteStore(path, create=True) as store:
        new = sum(store.write(batch).relations for batch in BATCHES)
    return _export(path), new


def test_a_bulk_load_into_an_empty_store_ends_as_ordinary_writes(tmp_path, ordinary):
    want, new = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store, store.bulk():
        written = sum(store.write(batch).relations for batch in BATCHES)
        assert not _has_id_index(path)  # every batch was new: ids checked in memory all along
    assert _has_id_index(path)
    assert written == new
    assert _export(path) == want


def test_a_batch_naming_ids_written_before_turns_to_the_ordinary_path(tmp_path, ordinary):
    want, new = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store, store.bulk():
        first = sum(store.write(batch).relations for batch in BATCHES[:20])
        again = sum(store.write(batch).relations for batch in BATCHES[5:25])  # 5..19 twice
        assert _has_id_index(path)  # built when batch 5 came again
        rest = sum(store.write(batch).relations for batch in BATCHES[25:])
    assert first + again + rest == new
    assert _export(path) == want


def test_reloading_in_bulk_changes_nothing(tmp_path, ordinary):
    want, _ = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        with store.bulk():
            for batch in BATCHES:
                store.write(batch)
        with store.bulk():  # a store with events: the store checks the ids
            assert sum(store.write(batch).relations for batch in BATCHES) == 0
    assert _export(path) == want


def test_a_batch_that_fails_midway_leaves_the_store_and_the_written_ids_as_before(tmp_path):
    path, reference = tmp_path / "g.db", tmp_path / "ref.db"
    with SQLiteStore(reference, create=True) as store:
        for batch in BATCHES[:2]:
            store.write(batch)
    with SQLiteStore(path, create=True) as store, store.bulk():
        store.write(BATCHES[0])
        before = store.counts()
        conn = store._db.conn  # a full disk in the middle of the next batch (SQLite's own page limit)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        try:
            with pytest.raises(StoreError, match="disk is full"):
                store.write([graph for batch in BATCHES[1:] for graph in batch])
        finally:
            conn.execute("PRAGMA max_page_count = 1073741823")
        assert store.counts() == before
        summary = store.write(BATCHES[1])  # its ids were not taken as written: all new, still unchecked
        assert summary.relations == sum(len(g.relations) for g in BATCHES[1])
        assert not _has_id_index(path)
    assert _export(path) == _export(reference)


def test_a_dangling_relation_fails_the_batch_and_nothing_of_it_is_stored(tmp_path):
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store, store.bulk():
        store.write(BATCHES[0])
        before = store.counts()
        bad = ArticleGraph(None, [], [], [Relation("state-1", "nobody", "CONSULTS", "gdelt:1", 0)], [])
        with pytest.raises(StoreError, match="'nobody' is not an actor"):
            store.write([*BATCHES[1], bad])
        assert store.counts() == before
        assert store.write(BATCHES[1]).relations == sum(len(g.relations) for g in BATCHES[1])


def test_another_process_cannot_write_while_a_bulk_load_checks_ids_itself(tmp_path, ordinary):
    want, _ = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store, store.bulk():
        store.write(BATCHES[0])
        other = subprocess.run([sys.executable, str(WRITER), str(path), "--first", "0", "--count", "40"],
                               capture_output=True, timeout=60)
        assert other.returncode != 0
        assert "another polgraph process is loading in bulk; write when it ends" in other.stderr.decode()
        for batch in BATCHES[1:]:
            store.write(batch)
    after = subprocess.run([sys.executable, str(WRITER), str(path)], capture_output=True, timeout=60)
    assert after.returncode == 0, after.stderr.decode()
    assert _export(path) == want


def test_a_write_after_a_killed_bulk_load_builds_the_id_index_first(tmp_path, ordinary):
    want, _ = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write(BATCHES[0])
    with sqlite3.connect(path) as conn:  # what a bulk load killed in its middle leaves
        conn.execute("DROP INDEX unique_event_id")
        conn.execute("INSERT INTO meta VALUES ('bulk_load', ?)", (f"{socket.gethostname()}:999999999",))
    conn.close()
    with SQLiteStore(path) as store:  # not a creating open: the write itself repairs
        assert store.write(BATCHES[0]).relations == 0
        for batch in BATCHES[1:]:
            store.write(batch)
    assert _has_id_index(path)
    assert _export(path) == want


def test_written_ids_answer_across_their_runs():
    ids = WrittenIds()
    hexes = [f"{i * 7919:016x}" for i in range(1, 5001)]
    for start in range(0, 5000, 700):  # uneven batches: runs of different lengths, merged
        numbers = WrittenIds.encode(hexes[start : start + 700])
        assert numbers is not None and not ids.any_of(numbers)
        ids.add(numbers)
    assert all(ids.any_of(WrittenIds.encode([h])) for h in hexes[::97])
    assert not ids.any_of(WrittenIds.encode([f"{i * 7919 + 1:016x}" for i in range(1, 5001)]))
    assert WrittenIds.encode(["not-a-hex-id"]) is None and WrittenIds.encode(["abc"]) is None
    # 16 characters but not 16 hexadecimal digits (bytes.fromhex skips spaces; the count shows them)
    assert WrittenIds.encode(["0000000 0000000f"]) is None and WrittenIds.encode(["00000000000000ff", "０00000000000000f"]) is None
    assert WrittenIds.encode(["000000000000000f", "000000000000000"]) is None  # one short
    assert np.array_equal(WrittenIds.encode(["00000000000000ff"]), np.array([255], dtype=np.uint64))


def test_a_bulk_load_drops_the_date_index_older_stores_have_and_ends_as_ordinary_writes(tmp_path, ordinary):
    want, _ = ordinary
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write(BATCHES[0])
    with sqlite3.connect(path) as conn:  # as a store made before the index was retired
        conn.execute("CREATE INDEX event_date ON event (date)")
    conn.close()
    with SQLiteStore(path, create=True) as store, store.bulk():
        for batch in BATCHES[1:]:
            store.write(batch)
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event'")}
    conn.close()
    assert names == {"unique_event_id", "event_source", "event_target"}
    assert _export(path) == want
