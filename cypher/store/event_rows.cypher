// Event relations between two actors for analytics, filtered like RelationFilter (see
// relations.cypher), without the provenance text; ordered so that every store streams alike.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE NOT type(r) IN $structural
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR (r.date IS NOT NULL AND r.date >= $since))
  AND ($until IS NULL OR (r.date IS NOT NULL AND r.date <= $until))
  AND ($actor IS NULL OR s.id = $actor OR t.id = $actor)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
RETURN s.id AS source, t.id AS target, type(r) AS type, r.date AS date, r.goldstein AS goldstein,
       r.quad_class AS quad_class, r.confidence AS confidence, r.attribution AS attribution,
       r.article AS article, r.sentence AS sentence
ORDER BY source, target, type, coalesce(date, ''), article, sentence
