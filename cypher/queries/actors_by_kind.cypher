// actors_by_kind: the actors of one kind (person, organization, state, bloc, group), by name.
// @param kind = "state"   the kind
MATCH (a:Actor {kind: $kind})
RETURN a.id AS id, a.name AS name, a.country AS country, a.aliases AS aliases
ORDER BY name
