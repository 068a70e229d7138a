// The weighted actor graph of graph/algorithms/centrality.py: one row per (source, target) pair
// of distinct actors, its weight the number of event relations the filter accepts.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE s <> t AND NOT type(r) IN $structural
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR (r.date IS NOT NULL AND r.date >= $since))
  AND ($until IS NULL OR (r.date IS NOT NULL AND r.date <= $until))
  AND ($actor IS NULL OR s.id = $actor OR t.id = $actor)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
RETURN s.id AS source, s.name AS source_name, s.kind AS source_kind,
       t.id AS target, t.name AS target_name, t.kind AS target_kind, count(r) AS weight
