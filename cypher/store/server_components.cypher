// Which server is this? Neo4j answers; FalkorDB's Bolt endpoint has no dbms.components (it fails).
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
