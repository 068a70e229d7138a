"""Writing the graph to standard formats: ``write_json``, ``write_graphml``, ``write_gexf``; and the CSV
files of Neo4j's bulk import, ``write_neo4j_import`` (read back by ``read_neo4j_import``)."""

from polgraph.graph.readwrite.export import (
    FORMATS,
    analyst_graph,
    without_articles,
    write_gexf,
    write_graph,
    write_graphml,
    write_json,
)
from polgraph.graph.readwrite.neo4j_import import (
    ImportFiles,
    import_command,
    read_neo4j_import,
    write_neo4j_import,
    write_neo4j_import_rows,
)

__all__ = [
    "FORMATS",
    "ImportFiles",
    "analyst_graph",
    "import_command",
    "read_neo4j_import",
    "without_articles",
    "write_gexf",
    "write_graph",
    "write_graphml",
    "write_json",
    "write_neo4j_import",
    "write_neo4j_import_rows",
]
