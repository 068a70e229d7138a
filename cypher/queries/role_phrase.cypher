// role_phrase: what a role phrase ("the Belarusian president") resolved to: the actors having it
// as an alias (compared case-insensitively), with the offices they hold (HOLDS_ROLE edges:
// title, of whom, since and until when; until null: still in office).
// @param phrase = "Belarusian President"   the phrase as written in an article
MATCH (a:Actor)
WHERE any(alias IN a.aliases WHERE toLower(alias) = toLower($phrase))
OPTIONAL MATCH (a)-[h:HOLDS_ROLE]->(office)
RETURN a.name AS actor, a.kind AS kind, h.title AS title, office.name AS of, h.start AS since, h.end AS until
ORDER BY actor, since, title
