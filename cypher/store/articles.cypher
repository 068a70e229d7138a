MATCH (a:Article)
RETURN properties(a) AS props
ORDER BY a.id
