// The stored properties of the relationships of one type with these ids, found from their source
// actor (whose id is indexed); __TYPE__ from the ontology's whitelist. Rows: {id, source}.
UNWIND $rows AS row
MATCH (:Actor {id: row.source})-[r:__TYPE__ {id: row.id}]->()
RETURN r.id AS id, properties(r) AS props
