// Project the actor graph (event relations, any direction counted as in NetworkX's MultiDiGraph)
// into GDS under the name $graph. Only sent when gds.version() answered.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE NOT type(r) IN $structural AND (size($types) = 0 OR type(r) IN $types)
WITH gds.graph.project($graph, s, t) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
