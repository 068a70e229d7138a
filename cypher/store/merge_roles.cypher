// Upsert HOLDS_ROLE edges (an office held in a state or organisation). Rows: {id, source, target, props}.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:HOLDS_ROLE {id: row.id}]->(t)
SET r += row.props
RETURN count(r) AS written
