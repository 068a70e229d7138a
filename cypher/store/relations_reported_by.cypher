// Curation: the event relations whose claim is credited to one of these actors (r.reported_by).
MATCH (s:Actor)-[r]->(t)
WHERE r.reported_by IN $ids AND NOT type(r) IN $structural
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
