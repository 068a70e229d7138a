// Upsert event relations of one type between actors; __TYPE__ is replaced by a relation type
// from the ontology's whitelist (a type cannot be a parameter). Returns how many were new.
// Rows: {id, source, target, props}.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
OPTIONAL MATCH (s)-[old:__TYPE__ {id: row.id}]->(t)
WITH s, t, row, old IS NULL AS created
MERGE (s)-[r:__TYPE__ {id: row.id}]->(t)
SET r += row.props
RETURN count(CASE WHEN created THEN 1 END) AS created
