// push: copy relationships of one type between nodes of two labels as they are; __SOURCE__,
// __TARGET__ (labels) and __TYPE__ (ontology) are replaced from whitelists. Rows: {id, source, target, props}.
UNWIND $rows AS row
MATCH (s:__SOURCE__ {id: row.source})
MATCH (t:__TARGET__ {id: row.target})
MERGE (s)-[r:__TYPE__ {id: row.id}]->(t)
SET r += row.props
RETURN count(r) AS written
