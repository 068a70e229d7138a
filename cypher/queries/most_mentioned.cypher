// most_mentioned: the actors the articles mention most (MENTIONED_IN edges carry a count per
// article), with how many articles mention them.
// @param limit = 20   at most this many actors
MATCH (a:Actor)-[m:MENTIONED_IN]->(:Article)
RETURN a.name AS actor, a.kind AS kind, sum(m.count) AS mentions, count(*) AS articles
ORDER BY mentions DESC, actor
LIMIT $limit
