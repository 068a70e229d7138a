// Write nodes whose properties graph/upsert.py has already merged with the stored ones; __LABEL__
// is Actor, Article or Topic. A null property is removed. Rows: {id, props}.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n += row.props
RETURN count(n) AS written
