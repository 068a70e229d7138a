// Keep structural edges whose far end is not stored yet, as (:PendingLink) nodes outside the
// graph's layout. Rows: {id, props} with props {id, type, source, target, title, start, end}.
UNWIND $rows AS row
MERGE (p:PendingLink {id: row.id})
SET p += row.props
RETURN count(p) AS written
