// Curation: delete actors with every relationship left at them.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
RETURN count(*) AS deleted
