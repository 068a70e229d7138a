// relations_between: every relation between two actors, either direction, with its evidence
// (the sentence it was read from, the article and the sentence number).
// @param a = "Vladimir Putin"         name of one actor
// @param b = "Alexander Lukashenko"   name of the other
MATCH (x:Actor {name: $a})-[r]-(y {name: $b})
WHERE type(r) <> 'MENTIONED_IN'
RETURN startNode(r).name AS source, type(r) AS type, endNode(r).name AS target, r.date AS date,
       r.evidence AS evidence, r.article AS article, r.sentence AS sentence
ORDER BY date, article, sentence, type
