// Upsert MENTIONED_IN edges from actors to articles. Rows: {id, source, target, count}.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Article {id: row.target})
MERGE (s)-[r:MENTIONED_IN {id: row.id}]->(t)
SET r.count = row.count
RETURN count(r) AS written
