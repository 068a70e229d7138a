// Upsert articles. An article already stored is left as it is (like the embedded store).
// Returns how many were new. Rows: {id, props}.
UNWIND $rows AS row
OPTIONAL MATCH (old:Article {id: row.id})
WITH row, old IS NULL AS created
MERGE (a:Article {id: row.id})
ON CREATE SET a += row.props
RETURN count(CASE WHEN created THEN 1 END) AS created
