// Curation: delete relationships of one type by id, found from their source actor; __TYPE__ from
// the ontology's whitelist. Rows: {id, source}.
UNWIND $rows AS row
MATCH (:Actor {id: row.source})-[r:__TYPE__ {id: row.id}]->()
DELETE r
RETURN count(*) AS deleted
