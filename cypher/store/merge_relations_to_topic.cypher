// Upsert event relations of one type from an actor to a topic; __TYPE__ as in
// merge_relations_to_actor.cypher. Returns how many were new. Rows: {id, source, target, props}.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Topic {id: row.target})
OPTIONAL MATCH (s)-[old:__TYPE__ {id: row.id}]->(t)
WITH s, t, row, old IS NULL AS created
MERGE (s)-[r:__TYPE__ {id: row.id}]->(t)
SET r += row.props
RETURN count(CASE WHEN created THEN 1 END) AS created
