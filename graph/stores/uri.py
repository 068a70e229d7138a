"""Store specs: a file path or a Bolt URI, parsed once, by one function, with credentials kept out of sight.

``parse_store_spec`` recognises a scheme whatever its case and whatever spaces surround it
(``" BOLT://..."`` is a URI, not a file name), and takes the user info up to the *last* ``@`` so a
password may hold any character (``/``, ``?``, ``#``, ``@``, ``!``, ``:``). The password never
reaches a message: ``StoreSpec.shown`` is the URI without user info, query or fragment, and every
error about a spec is worded from ``shown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from polgraph.exceptions import ConfigError

__all__ = ["BOLT_SCHEMES", "StoreSpec", "parse_store_spec", "redact_uri"]

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[^:\[\]]*)(?::(.*))?")


@dataclass(frozen=True)
class StoreSpec:
    """A parsed ``--store`` value: an embedded store's ``path``, or a Bolt server's address."""

    path: Path | None = None
    scheme: str = ""  # lower case; "" for a file
    host: str = ""
    port: int | None = None
    tail: str = ""  # path, query and fragment of the URI, as given
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def is_bolt(self) -> bool:
        return self.path is None

    @property
    def address(self) -> tuple[str, int]:
        return (self.host.strip("[]") or "localhost", self.port or 7687)

    @property
    def driver_uri(self) -> str:
        """The URI as the driver takes it: no user info (credentials go in ``auth``)."""
        return f"{self.scheme}://{self._netloc}{self.tail}"

    @property
    def shown(self) -> str:
        """Safe to print: no user info, query or fragment."""
        if self.path is not None:
            return str(self.path)
        path = re.split(r"[?#]", self.tail, maxsplit=1)[0]
        return f"{self.scheme}://{self._netloc}{path}"

    @property
    def _netloc(self) -> str:
        return f"{self.host}:{self.port}" if self.port is not None else self.host


def parse_store_spec(text: str) -> StoreSpec:
    """A file path, or a Bolt URI (``bolt://``, ``neo4j://``, ``+s``/``+ssc`` variants, any case).

    Raises ``ConfigError`` (whose message never holds the password) for an empty spec, an unknown
    scheme, a URI without a host or with a port that is not a number."""
    spec = text.strip()
    if not spec:
        raise ConfigError("the store is empty: give a file path or a Neo4j URI")
    match = _SCHEME.match(spec)
    if match is None:
        return StoreSpec(path=Path(spec))
    scheme = match.group(1).lower()
    rest = spec[match.end():]
    userinfo = None
    if "@" in rest:
        userinfo, _, rest = rest.rpartition("@")
    cut = re.search(r"[/?#]", rest)
    hostport, tail = (rest[: cut.start()], rest[cut.start():]) if cut else (rest, "")
    parts = _HOST.fullmatch(hostport)
    host, port_text = (parts.group(1), parts.group(2)) if parts else (hostport, None)
    safe = StoreSpec(scheme=scheme, host=host, tail=tail)
    if scheme not in BOLT_SCHEMES:
        raise ConfigError(f"{scheme}://{host}: unknown store scheme {scheme!r} (a file path, or one of "
                          f"{', '.join(s + '://' for s in BOLT_SCHEMES)})")
    if not host:
        raise ConfigError(f"{safe.shown}: the URI names no host")
    port = None
    if port_text is not None:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ConfigError(f"{safe.shown}: the port {port_text!r} is not a port number")
        port = int(port_text)
    user = password = None
    if userinfo is not None:
        name, colon, secret = userinfo.partition(":")
        user, password = unquote(name), (unquote(secret) if colon else None)
    return StoreSpec(scheme=scheme, host=host, port=port, tail=tail, user=user, password=password)


def redact_uri(uri: str) -> str:
    """The URI without user info, query or fragment (safe to print), or a placeholder if it does not parse."""
    try:
        return parse_store_spec(uri).shown
    except ConfigError:
        return "<a store URI that does not parse>"
