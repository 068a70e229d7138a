"""Apply ``cypher/schema.cypher`` to a Bolt server, idempotently, telling what a server lacks.

On Neo4j every statement is sent as it is (``IF NOT EXISTS`` makes a second run a no-op). FalkorDB's
Bolt endpoint has no ``CREATE CONSTRAINT``, no Neo4j full-text syntax and no ``IF NOT EXISTS``: it
gets plain indexes on the same keys, created only when ``db.indexes()`` does not list them, and the
statements it cannot take are reported as unsupported instead of being sent.
"""

from __future__ import annotations

from neo4j import Driver
from neo4j import exceptions as neo4j_errors

from polgraph.graph.stores.neo4j_cypher import FALKORDB_INDEXES, REL_TYPES, render, schema_statements, statement
from polgraph.graph.stores.neo4j_server import ServerInfo

__all__ = ["APPLIED", "EXISTS", "UNSUPPORTED", "apply_schema"]

APPLIED = "applied"
EXISTS = "exists"
UNSUPPORTED = "unsupported"

_FALKORDB_LACKS = {
    "constraint": "FalkorDB has no CREATE CONSTRAINT; the id index below stands in for it",
    "fulltext": "FalkorDB's full-text indexes are procedures, not Neo4j's CREATE FULLTEXT INDEX",
}


def apply_schema(driver: Driver, database: str | None, server: ServerInfo) -> list[tuple[str, str, str]]:
    """(name, status, detail) per schema item; status APPLIED, EXISTS or UNSUPPORTED."""
    if server.is_neo4j:
        return _apply_neo4j(driver, database)
    return _apply_falkordb(driver, database)


def _apply_neo4j(driver: Driver, database: str | None) -> list[tuple[str, str, str]]:
    report = []
    with driver.session(database=database) as session:
        for item in schema_statements():
            try:
                # Schema commands run in their own auto-commit transaction (they cannot share one).
                counters = session.run(item.text).consume().counters
            except neo4j_errors.Neo4jError as exc:  # e.g. an edition or version without the feature
                detail = (exc.message or str(exc)).strip().splitlines()[0]
                report.append((item.name, UNSUPPORTED, detail))
                continue
            created = counters.indexes_added + counters.constraints_added
            report.append((item.name, APPLIED if created else EXISTS, item.kind))
    return report


def _apply_falkordb(driver: Driver, database: str | None) -> list[tuple[str, str, str]]:
    report = [
        (item.name, UNSUPPORTED, _FALKORDB_LACKS[item.kind])
        for item in schema_statements()
        if item.kind in _FALKORDB_LACKS
    ]
    with driver.session(database=database) as session:
        existing = {
            (label, prop)
            for label, properties, _entity in session.run(statement("falkordb/indexes")).values()
            for prop in properties or []
        }
        wanted = [(label, prop, "falkordb/node_index", {"LABEL": label, "PROPERTY": prop}) for label, prop in FALKORDB_INDEXES]
        wanted += [(rel_type, "id", "falkordb/relationship_index", {"TYPE": rel_type}) for rel_type in REL_TYPES]
        for label, prop, template, names in wanted:
            name = f"{label}.{prop}"
            if (label, prop) in existing:
                report.append((name, EXISTS, "index"))
                continue
            session.run(render(template, **names)).consume()
            report.append((name, APPLIED, "index"))
    return report
