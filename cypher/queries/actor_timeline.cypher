// actor_timeline: everything an actor did or had done to it, in date order, with the evidence.
// The actor is looked up by name through the (Actor, name) index.
// @param name = "Alexander Lukashenko"   the actor's canonical name
MATCH (a:Actor {name: $name})-[r]-(other)
WHERE NOT type(r) IN ['MENTIONED_IN', 'HOLDS_ROLE', 'MEMBER_OF']
RETURN r.date AS date,
       CASE WHEN startNode(r) = a THEN 'acts on' ELSE 'acted on by' END AS direction,
       type(r) AS type, other.name AS other, r.evidence AS evidence
ORDER BY date, r.article, r.sentence
