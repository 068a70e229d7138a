"""Faults the embedded store survives, with real processes, files and file systems (issue 14):
a load killed at random points, two loads at once, a full disk, a read-only folder, a symlink.

The writer is tests/store_writer.py (40 transactions of articles and coded events). The full-disk
and read-only tests mount a small tmpfs where the machine lets them (root in a container), else
they use what an ordinary user has: a write limit inside SQLite (the same SQLITE_FULL error) and
a folder without write permission.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.exceptions import StoreError
from polgraph.graph.readwrite import write_json
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import sample_graph
from tests.test_store_contract import second_article, snapshot

WRITER = Path(__file__).with_name("store_writer.py")
_register()


def _write(path: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(WRITER), str(path), *args], cwd=path.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _export(path: Path) -> bytes:
    out = BytesIO()
    with SQLiteStore(path) as store:
        write_json(store.to_networkx(), out)
    return out.getvalue()


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[bytes, float]:
    """The export of a load that ran to its end, and how long that load took."""
    path = tmp_path_factory.mktemp("reference") / "g.db"
    started = time.monotonic()
    process = _write(path)
    assert process.wait(timeout=60) == 0, process.stderr.read().decode()
    return _export(path), time.monotonic() - started


def _whole_batches(path: Path) -> None:
    """Every transaction is all or nothing: each stored article has its three relations and four
    mentions, and coded events come in blocks of twenty with their batch's five articles."""
    with SQLiteStore(path, create=True) as store:
        counts = store.counts()
        per_article = Counter(r.article for r in store.relations())
    batches = counts["articles"] // 5
    assert counts["articles"] == 5 * batches
    assert counts["mentions"] == 4 * counts["articles"]
    assert counts["relations"] == 35 * batches
    assert all(n == 3 for a, n in per_article.items() if not a.startswith("gdelt:")), per_article
    coded = Counter(int(a.removeprefix("gdelt:")) // 100 for a in per_article if a.startswith("gdelt:"))
    assert len(coded) == batches and set(coded.values()) <= {20}, coded


@pytest.mark.slow
def test_a_load_killed_at_random_points_leaves_a_store_a_rerun_completes(tmp_path, uninterrupted):
    want, duration = uninterrupted
    rng = random.Random(2024)
    for trial in range(10):
        path = tmp_path / f"trial-{trial}" / "g.db"
        path.parent.mkdir()
        bulk = ["--bulk"] if trial % 3 == 2 else []
        process = _write(path, *bulk)
        time.sleep(rng.uniform(0.0, duration * 1.2))
        process.kill()  # SIGKILL: no cleanup of any kind
        process.wait()
        if path.exists():
            _whole_batches(path)
        rerun = _write(path, *bulk)
        assert rerun.wait(timeout=60) == 0, rerun.stderr.read().decode()
        assert _export(path) == want, f"trial {trial}"
        assert sorted(p.name for p in path.parent.iterdir()) == ["g.db"]  # no journal or temp file left


def test_two_loads_at_once_lose_nothing(tmp_path, uninterrupted):
    want, _ = uninterrupted
    path = tmp_path / "g.db"
    first = _write(path, "--first", "0", "--count", "30")
    second = _write(path, "--first", "10", "--count", "30")  # overlapping: batches 10..29 twice
    assert first.wait(timeout=60) == 0, first.stderr.read().decode()
    assert second.wait(timeout=60) == 0, second.stderr.read().decode()
    assert _export(path) == want


# -- a full disk -----------------------------------------------------------------------------
@contextmanager
def _small_disk(folder: Path, kilobytes: int):
    """A tmpfs of ``kilobytes`` at ``folder``; None where mounting is not allowed."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0 if shutil.which("mount") else False
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(store: SQLiteStore, start: int) -> None:
    """Write ever more articles until the store cannot grow."""
    for i in range(start, start + 10_000):
        store.write([sample_graph(f"Filler article {i}. " + "x" * 4000)])


def test_a_full_disk_is_a_user_error_and_the_store_stays_whole(tmp_path):
    with _small_disk(tmp_path / "disk", 1024) as mounted:
        path = tmp_path / "disk" / "g.db"
        with SQLiteStore(path, create=True) as store:
            store.write([sample_graph(), second_article()])
            if not mounted:  # no tmpfs here: SQLite's own page limit raises the same SQLITE_FULL
                pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
                store._conn.execute(f"PRAGMA max_page_count = {pages + 40}")
            with pytest.raises(StoreError, match=f"^{path}: cannot write: the disk is full \\(nothing was changed\\)$"):
                _fill(store, 0)
            before = snapshot(store.to_networkx())
            with pytest.raises(StoreError, match="the disk is full"):
                store.write([sample_graph("One more article that does not fit. " + "y" * 20000)])
            assert snapshot(store.to_networkx()) == before
        with SQLiteStore(path) as again:  # the file is whole: every committed article is there
            assert snapshot(again.to_networkx()) == before
            assert again.counts()["relations"] == 3 * again.counts()["articles"] - 2


def test_a_full_disk_through_the_cli_exits_1_with_the_cause(tmp_path):
    with _small_disk(tmp_path / "disk", 512) as mounted:
        if not mounted:
            pytest.skip("mounting a small tmpfs is not allowed here (the store test above covers SQLITE_FULL)")
        path = tmp_path / "disk" / "g.db"
        with SQLiteStore(path, create=True) as store:
            store.write([sample_graph()])
        ballast = tmp_path / "disk" / "ballast"
        free = shutil.disk_usage(path.parent).free
        ballast.write_bytes(b"\0" * max(0, free - 4096))
        before = _export(path)
        text = tmp_path / "a.txt"
        text.write_text("date 2024-02-01\nGermany banned Mahan Air on Monday. " + "Russia condemned Ukraine. " * 200)
        result = CliRunner().invoke(cli, ["load", "--store", str(path), str(text)])
        assert result.exit_code == 1, result.output
        assert result.stderr == f"Error: {path}: cannot write: the disk is full (nothing was changed)\n"
        ballast.unlink()
        assert _export(path) == before


# -- a read-only folder ----------------------------------------------------------------------
@contextmanager
def _read_only_folder(folder: Path):
    """``folder`` made read-only for this process: a read-only remount of a tmpfs as root (root
    ignores permission bits), else the permission bits."""
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("running as root without a way to make a folder read-only")
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=False)
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(mode)


def test_a_read_only_folder_reads_and_refuses_writes_in_one_line(tmp_path):
    with _small_disk(tmp_path / "ro", 4096) as mounted:
        if not mounted and os.geteuid() == 0:
            pytest.skip("root without tmpfs: cannot make a read-only folder")
        path = tmp_path / "ro" / "g.db"
        with SQLiteStore(path, create=True) as store:
            store.write([sample_graph()])
        before = _export(path)
        with _read_only_folder(path.parent):
            runner = CliRunner()
            listed = runner.invoke(cli, ["actors", "--store", str(path), "--json"])
            assert listed.exit_code == 0, listed.output
            assert [a["id"] for a in json.loads(listed.stdout)] == ["freedonia", "rudolf-rassendyll", "ruritania"]
            text = tmp_path / "a.txt"
            text.write_text("date 2024-02-01\nGermany banned Mahan Air on Monday.")
            result = runner.invoke(cli, ["load", "--store", str(path), str(text)])
            assert result.exit_code == 1, result.output
            assert result.stderr == f"Error: {path}: cannot write: the store's file or folder is read-only\n"
            new = runner.invoke(cli, ["load", "--store", str(path.parent / "new.db"), str(text)])
            assert new.exit_code == 1
            assert new.stderr.startswith(f"Error: {path.parent / 'new.db'}: ")
            assert new.stderr.count("\n") == 1 and "Internal error" not in new.stderr
        assert _export(path) == before


# -- a symlinked store -----------------------------------------------------------------------
def test_a_symlinked_store_is_written_through_and_keeps_its_mode(tmp_path):
    real = tmp_path / "data" / "real.db"
    real.parent.mkdir()
    with SQLiteStore(real, create=True) as store:
        store.write([sample_graph()])
    real.chmod(0o640)
    link = tmp_path / "graph.db"
    link.symlink_to(real)
    with SQLiteStore(link, create=True) as store:
        store.write([second_article()])
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real.stat().st_mode & 0o777) == 0o640
    with SQLiteStore(real) as store:
        assert store.counts()["articles"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "graph.db"]  # no journal beside the link


def test_sqlite_recovers_a_hot_journal_left_by_a_killed_writer(tmp_path):
    """The store's own recovery, without the CLI: a connection killed inside a transaction."""
    path = tmp_path / "g.db"
    with SQLiteStore(path, create=True) as store:
        store.write([sample_graph()])
    script = (
        "import sqlite3, os, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE');"
        "c.execute(\"INSERT INTO topic VALUES ('topic:half', 'half written')\"); os._exit(9)"
    )
    assert subprocess.run([sys.executable, "-c", script, str(path)]).returncode == 9
    with SQLiteStore(path) as store:
        assert store.counts()["topics"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
