// Forget waiting structural edges that have been made.
UNWIND $ids AS id
MATCH (p:PendingLink {id: id})
DELETE p
RETURN count(*) AS deleted
