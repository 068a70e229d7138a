"""The Neo4j store's connection: one driver per store (no global driver), credentials, the server
it talks to, and the batching of rows into requests the server takes.

Credentials come from ``NEO4J_USER``/``NEO4J_PASSWORD`` (or the URI's user info) and are never
printed: every message names the server by ``StoreSpec.shown``.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterator, Sequence
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j import exceptions as neo4j_errors

from polgraph.exceptions import StoreError, StoreUnavailable
from polgraph.graph.stores import falkordb
from polgraph.graph.stores.neo4j_server import ServerInfo, detect_server
from polgraph.graph.stores.uri import StoreSpec

__all__ = ["Neo4jConnection", "Unreachable", "fetch", "single_int", "store_auth"]

CONNECTION_TIMEOUT = 5.0  # seconds; an unreachable server should not hold a command for long


class Unreachable(StoreUnavailable):
    """The server did not answer; ``reason`` is the short cause ("Connection refused")."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"Neo4j at {shown} is unreachable ({reason})")
        self.reason = reason


def store_auth(spec: StoreSpec, env: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(user, password) from NEO4J_USER (or NEO4J_USERNAME) and NEO4J_PASSWORD, else from the
    URI's user info, else None (no authentication, as FalkorDB needs)."""
    env = os.environ if env is None else env
    user = env.get("NEO4J_USER") or env.get("NEO4J_USERNAME")
    password = env.get("NEO4J_PASSWORD")
    if user and password is not None:
        return (user, password)
    if spec.user and spec.password is not None:
        return (spec.user, spec.password)
    return None


class Neo4jConnection:
    """A driver to one server, checked at once; ``server`` says what the server is and can do."""

    def __init__(self, spec: StoreSpec, *, auth: tuple[str, str] | None | str = "env", database: str | None = None,
                 batch_size: int | None = None) -> None:
        self.spec = spec
        self.shown = spec.shown
        self.database = database
        credentials = store_auth(spec) if auth == "env" else auth
        try:
            self.driver: Driver = GraphDatabase.driver(
                spec.driver_uri, auth=credentials, connection_timeout=CONNECTION_TIMEOUT, max_transaction_retry_time=15.0
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"{self.shown}: not a usable Neo4j URI ({str(exc).splitlines()[0]})") from None
        # Close the driver at exit even if a caller forgets close(); close() runs it at once.
        self._finalizer = weakref.finalize(self, self.driver.close)
        self.server: ServerInfo | None = None
        plaintext = spec.scheme in ("bolt", "neo4j")  # a bare handshake can be answered
        try:
            self._verify(plaintext)
            self.server = detect_server(self.driver, database)
        except neo4j_errors.AuthError:
            self.close()
            raise StoreError(f"Neo4j at {self.shown} refused the credentials (NEO4J_USER / NEO4J_PASSWORD)") from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            self.close()
            raise Unreachable(self.shown, _reason(exc)) from None
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:  # e.g. FalkorDB given a password
            self.close()
            detail = (getattr(exc, "message", None) or str(exc)).strip().splitlines()[0]
            raise StoreError(f"Neo4j at {self.shown} refused the connection ({detail})") from None
        default = self.server.default_batch_size
        # On FalkorDB the default is also the ceiling: larger requests crash its Bolt endpoint.
        self.batch_size = max(1, batch_size or default) if self.server.is_neo4j else max(1, min(batch_size or default, default))

    def _verify(self, plaintext: bool, attempts: int = 3) -> None:
        """Check the connection. A FalkorDB that left a handshake pending is woken and asked again
        (only while something listens on the port: a closed port fails at once)."""
        for attempt in range(attempts):
            listening = falkordb.nudge(self.spec.address) if plaintext else False
            try:
                self.driver.verify_connectivity()
                return
            except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
                if not listening or attempt == attempts - 1:
                    raise

    @property
    def is_neo4j(self) -> bool:
        return self.server is not None and self.server.is_neo4j

    def session(self) -> Session:
        return self.driver.session(database=self.database)

    def params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Parameters as the server must receive them (escaped for FalkorDB)."""
        return params if self.is_neo4j else falkordb.escape(params)

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        """All rows of one read statement, in a READ transaction."""
        with self.session() as session:
            return session.execute_read(fetch, query, self.params(params or {}))

    def batches(self, query: str, rows: Sequence[Any]) -> Iterator[list[Any]]:
        """Rows (already escaped) in batches of ``batch_size``, and, on a server with a message limit, small enough."""
        assert self.server is not None
        limit = self.server.max_message_bytes
        if limit is None:
            for start in range(0, len(rows), self.batch_size):
                yield list(rows[start : start + self.batch_size])
            return
        budget = limit - len(query.encode("utf-8"))
        batch: list[Any] = []
        used = 0
        for row in rows:
            size = falkordb.encoded_size(row)
            if size > budget:
                raise StoreError(
                    f"{self.shown}: a value of {size} bytes is too large for this server's Bolt endpoint "
                    f"(FalkorDB takes requests of about {limit} bytes); use Neo4j"
                )
            if batch and (len(batch) >= self.batch_size or used + size > budget):
                yield batch
                batch, used = [], 0
            batch.append(row)
            used += size
        if batch:
            yield batch

    def run_rows(self, tx: ManagedTransaction, query: str, rows: Sequence[Any], key: str = "rows") -> list[list[Any]]:
        """Run ``query`` over ``rows`` (parameter ``$rows``, or ``key``) in batches inside ``tx``; every result row."""
        out: list[list[Any]] = []
        for batch in self.batches(query, self.params({key: list(rows)})[key]):
            out.extend(fetch(tx, query, {key: batch}))
        return out

    def read_rows(self, query: str, rows: Sequence[Any], key: str = "rows") -> list[list[Any]]:
        """``run_rows`` in a READ transaction of its own."""
        with self.session() as session:
            return session.execute_read(lambda tx: self.run_rows(tx, query, rows, key))

    def close(self) -> None:
        if not self._finalizer.alive:
            return
        self._finalizer()
        if self.server is not None and not self.server.is_neo4j:
            falkordb.nudge(self.spec.address)


def fetch(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[list[Any]]:
    return [list(record.values()) for record in tx.run(query, params)]


def single_int(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> int:
    record = tx.run(query, params).single()
    value = record[0] if record is not None and len(record) else None
    return int(value) if value is not None else 0


def _reason(exc: BaseException) -> str:
    """A short cause for the one-line message: 'Connection refused', not the driver's paragraph."""
    text = str(exc)
    found = re.findall(r"reason (?:\[Errno -?\d+\] )?([^)\n]+)\)", text)
    if found:
        return found[-1].strip()
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:120]
