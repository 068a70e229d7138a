MATCH (a:Actor {id: $id})
RETURN properties(a) AS props
