// Structural edges waiting under these ids.
UNWIND $ids AS id
MATCH (p:PendingLink {id: id})
RETURN properties(p) AS props
