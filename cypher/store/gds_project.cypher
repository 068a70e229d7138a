// Project the weighted actor graph (as actor_edges.cypher) into GDS as $graph; $undirected is []
// (directed) or ['*'] (undirected, for eigenvector). Only sent when gds.version() answered.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE s <> t AND NOT type(r) IN $structural
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR (r.date IS NOT NULL AND r.date >= $since))
  AND ($until IS NULL OR (r.date IS NOT NULL AND r.date <= $until))
  AND ($actor IS NULL OR s.id = $actor OR t.id = $actor)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
WITH s, t, count(r) AS weight
WITH gds.graph.project($graph, s, t, {relationshipProperties: {weight: toFloat(weight)}}, {undirectedRelationshipTypes: $undirected}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
