// Structural edges waiting for these actors (their far end): graph/upsert.py makes them now.
UNWIND $ids AS id
MATCH (p:PendingLink {target: id})
RETURN properties(p) AS props
