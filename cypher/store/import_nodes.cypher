// push: copy nodes of one label as they are; __LABEL__ is Actor, Article or Topic. Rows: {id, props}.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n += row.props
RETURN count(n) AS written
