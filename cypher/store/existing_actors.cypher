// Which of these actor ids are stored (structural edges only link actors that exist).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id
