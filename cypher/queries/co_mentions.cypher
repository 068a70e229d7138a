// co_mentions: the actors mentioned in the same articles as a given actor, most shared articles first.
// @param name = "Alexander Lukashenko"   the actor's canonical name
// @param limit = 20                      at most this many actors
MATCH (a:Actor {name: $name})-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Actor)
WHERE b <> a
RETURN b.name AS actor, b.kind AS kind, count(DISTINCT art) AS articles
ORDER BY articles DESC, actor
LIMIT $limit
