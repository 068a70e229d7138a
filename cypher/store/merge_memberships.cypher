// Upsert MEMBER_OF edges. Rows: {id, source, target}.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:MEMBER_OF {id: row.id}]->(t)
RETURN count(r) AS written
