// paths_between: how two actors are connected, through up to 3 relations of any kind except
// mentions (roles and memberships count), shortest first.
// @param a = "Vladimir Putin"         name of one actor
// @param b = "Alexander Lukashenko"   name of the other
// @param limit = 20                   at most this many paths
MATCH (x:Actor {name: $a}), (y:Actor {name: $b})
MATCH p = (x)-[*1..3]-(y)
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS types, length(p) AS hops
ORDER BY hops, actors
LIMIT $limit
