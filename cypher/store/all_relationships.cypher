// The whole graph, relationship by relationship (to_networkx and pull).
MATCH (s)-[r]->(t)
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
