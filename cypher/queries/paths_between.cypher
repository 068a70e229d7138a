// paths_between: how two actors are connected: every shortest route between them of at most 3
// relations of any kind except mentions (events, roles and memberships count). The mention
// filter applies during the search (as in Neo4j), so a route through an article never hides a
// longer route through events.
// @param a = "Vladimir Putin"         name of one actor
// @param b = "Alexander Lukashenko"   name of the other
// @param limit = 20                   at most this many paths
MATCH (x:Actor {name: $a}), (y:Actor {name: $b})
MATCH p = allShortestPaths((x)-[*..3]-(y))
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS types, length(p) AS hops
ORDER BY hops, actors, types
LIMIT $limit
