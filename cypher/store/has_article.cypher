MATCH (a:Article {id: $id})
RETURN count(a) AS n
