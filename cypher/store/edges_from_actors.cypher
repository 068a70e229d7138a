// Curation: every relationship leaving these actors (graph/curation.py rewrites what a change touches).
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]->(t)
RETURN a.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
