"""What only the embedded store does: its file, atomic saves and the writer lock.

(The behaviour every store shares is in the store contract suite.)
"""

from __future__ import annotations

import json
import os

import pytest
from filelock import FileLock

from polgraph.exceptions import StoreError
from polgraph.graph.stores.networkx_store import NetworkXStore
from tests.helpers import sample_graph


def test_persists_and_reloads(tmp_path):
    path = tmp_path / "g.json"
    NetworkXStore(path).write([sample_graph()])
    again = NetworkXStore(path)
    assert again.counts() == {"actors": 3, "articles": 1, "topics": 1, "relations": 3, "mentions": 3}
    assert [a.name for a in again.actors("state")] == ["Freedonia", "Ruritania"]


def test_second_write_of_same_article_changes_nothing(tmp_path):
    path = tmp_path / "g.json"
    store = NetworkXStore(path)
    first = store.write([sample_graph()])
    before = path.read_bytes()
    mtime = os.stat(path).st_mtime_ns
    second = store.write([sample_graph()])
    assert (first.articles, first.actors, first.relations) == (1, 3, 3)
    assert (second.articles, second.actors, second.relations, second.skipped) == (0, 0, 0, 1)
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == mtime


def test_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "g.json"
    store = NetworkXStore(path)
    store.write([sample_graph()])
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("polgraph.graph.stores.networkx_store.os.replace", boom)
    with pytest.raises(OSError):
        NetworkXStore(path).write([sample_graph("Another article entirely.")])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_a_second_writer_waits_for_the_lock(tmp_path):
    path = tmp_path / "g.json"
    with FileLock(str(path) + ".lock"):
        with pytest.raises(StoreError, match="another polgraph process is writing"):
            NetworkXStore(path, lock_timeout=0.2).write([sample_graph()])
    assert not path.exists()


def test_writer_rereads_the_file_so_no_write_is_lost(tmp_path):
    path = tmp_path / "g.json"
    one, two = NetworkXStore(path), NetworkXStore(path)
    one.counts()  # both have read the (empty) graph
    two.counts()
    one.write([sample_graph("First article.")])
    two.write([sample_graph("Second article.")])
    assert NetworkXStore(path).counts()["articles"] == 2


@pytest.mark.parametrize("content", ["not json", json.dumps({"format": "other"})])
def test_a_foreign_file_is_refused_not_overwritten(tmp_path, content):
    path = tmp_path / "g.json"
    path.write_text(content)
    with pytest.raises(StoreError, match=f"{path}: "):
        NetworkXStore(path).write([sample_graph()])
    assert path.read_text() == content
