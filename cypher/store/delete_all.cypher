// Empty the database (tests and benchmarks only: Neo4jStore.delete_all).
MATCH (n)
DETACH DELETE n
RETURN count(*) AS deleted
