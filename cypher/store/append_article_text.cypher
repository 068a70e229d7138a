// Append a piece of a long article text (for servers that take only small messages).
MATCH (a:Article {id: $id})
SET a.text = coalesce(a.text, '') + $piece
RETURN count(a) AS updated
