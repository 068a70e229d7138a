// Event relations (not the structural types), filtered like RelationFilter: $types empty means
// every type; dates are ISO strings, so they compare as text.
MATCH (s:Actor)-[r]->(t)
WHERE NOT type(r) IN $structural
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR (r.date IS NOT NULL AND r.date >= $since))
  AND ($until IS NULL OR (r.date IS NOT NULL AND r.date <= $until))
  AND ($actor IS NULL OR s.id = $actor OR t.id = $actor)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
