// Curation: every relationship reaching these actors.
UNWIND $ids AS id
MATCH (s)-[r]->(a:Actor {id: id})
RETURN s.id AS source, a.id AS target, type(r) AS type, properties(r) AS props
