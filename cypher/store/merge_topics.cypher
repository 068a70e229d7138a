// Upsert topics (a topic already stored keeps its name). Rows: {id, props}.
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
ON CREATE SET t += row.props
RETURN count(t) AS written
