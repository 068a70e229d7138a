"""Writing the graph to standard formats: node-link JSON, GraphML and GEXF (``write_graph`` from a
graph, ``write_graph_rows`` streamed from a store's rows; one module a format); and the CSV files
of Neo4j's bulk import, ``write_neo4j_import`` (read back by ``read_neo4j_import``)."""

from polgraph.graph.readwrite.export import FORMATS, Exported, analyst_graph, without_articles
from polgraph.graph.readwrite.gexf import write_gexf, write_gexf_rows
from polgraph.graph.readwrite.graphml import write_graphml, write_graphml_rows
from polgraph.graph.readwrite.neo4j_import import (
    ImportFiles,
    import_command,
    read_neo4j_import,
    write_neo4j_import,
    write_neo4j_import_rows,
)
from polgraph.graph.readwrite.node_link import write_json, write_json_rows
from polgraph.graph.readwrite.writers import write_graph, write_graph_rows

__all__ = [
    "FORMATS",
    "Exported",
    "ImportFiles",
    "analyst_graph",
    "import_command",
    "read_neo4j_import",
    "without_articles",
    "write_gexf",
    "write_gexf_rows",
    "write_graph",
    "write_graph_rows",
    "write_graphml",
    "write_graphml_rows",
    "write_json",
    "write_json_rows",
    "write_neo4j_import",
    "write_neo4j_import_rows",
]
