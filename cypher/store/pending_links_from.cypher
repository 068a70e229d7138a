// Curation: structural edges waiting from these actors (for a far end not stored yet).
UNWIND $ids AS id
MATCH (p:PendingLink {source: id})
RETURN properties(p) AS props
