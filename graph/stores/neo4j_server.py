"""What kind of Bolt server the store talks to, and what it can do.

Neo4j answers ``CALL dbms.components()``; FalkorDB's Bolt endpoint impersonates Neo4j in its agent
string (``Neo4j/5.13.0``) but fails that call, which is how the two are told apart. The Graph Data
Science library is looked for (``gds.version()``) on Neo4j only: FalkorDB is sent nothing it is
known not to answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver
from neo4j.exceptions import ClientError, DatabaseError

from polgraph.graph.stores.neo4j_cypher import statement

__all__ = ["FALKORDB", "NEO4J", "ServerInfo", "detect_server"]

NEO4J = "neo4j"
FALKORDB = "falkordb"


@dataclass(frozen=True)
class ServerInfo:
    kind: str  # NEO4J or FALKORDB
    version: str = ""
    edition: str = ""
    gds_version: str | None = None  # None: no Graph Data Science library

    @property
    def is_neo4j(self) -> bool:
        return self.kind == NEO4J

    @property
    def has_gds(self) -> bool:
        return self.gds_version is not None

    @property
    def default_batch_size(self) -> int:
        # FalkorDB's Bolt endpoint crashes on large requests (300 rows did, 100 passed).
        return 500 if self.is_neo4j else 50

    @property
    def max_message_bytes(self) -> int | None:
        """The largest request the server takes; FalkorDB's Bolt endpoint crashed on a request of
        about 4 KiB (measured: a 4000-character parameter passed, 4050 did not). None: no limit."""
        return None if self.is_neo4j else 3600

    def describe(self) -> str:
        if self.is_neo4j:
            gds = f", GDS {self.gds_version}" if self.has_gds else ", no GDS"
            return f"Neo4j {self.version} {self.edition}{gds}".replace("  ", " ")
        return "FalkorDB (Bolt endpoint, openCypher subset)"


def detect_server(driver: Driver, database: str | None) -> ServerInfo:
    with driver.session(database=database, default_access_mode="READ") as session:
        try:
            record = session.run(statement("server_components")).single()
        except (ClientError, DatabaseError):
            return ServerInfo(FALKORDB)
    versions = record["versions"] if record else []
    info = ServerInfo(NEO4J, version=versions[0] if versions else "", edition=(record["edition"] if record else "") or "")
    with driver.session(database=database, default_access_mode="READ") as session:
        try:
            gds = session.run(statement("gds_version")).single()
        except (ClientError, DatabaseError):  # unknown function: no GDS plugin
            return info
    return ServerInfo(info.kind, info.version, info.edition, gds_version=str(gds["version"]) if gds else None)
