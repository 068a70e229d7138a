// Is the Graph Data Science library installed? Fails when it is not (only sent to Neo4j).
RETURN gds.version() AS version
