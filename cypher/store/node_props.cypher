// The stored properties of the nodes with these ids (a write merges them with what it adds);
// __LABEL__ is Actor, Article or Topic.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, properties(n) AS props
