// FalkorDB only: the indexes it has (its Bolt endpoint has no IF NOT EXISTS).
CALL db.indexes() YIELD label, properties, entitytype
RETURN label, properties, entitytype
