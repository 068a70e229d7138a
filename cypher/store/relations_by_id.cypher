// Curation: the event relations with these ids (`polgraph relations drop`).
MATCH (s:Actor)-[r]->(t)
WHERE r.id IN $ids AND NOT type(r) IN $structural
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
