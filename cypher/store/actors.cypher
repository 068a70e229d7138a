// Every actor, or those of one kind ($kind null: all).
MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
RETURN properties(a) AS props
ORDER BY a.id
