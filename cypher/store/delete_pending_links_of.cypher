// Curation: forget the structural edges waiting from or for actors a change removes (they would
// otherwise be made from an actor that is gone).
UNWIND $ids AS id
MATCH (p:PendingLink)
WHERE p.source = id OR p.target = id
DELETE p
RETURN count(*) AS deleted
