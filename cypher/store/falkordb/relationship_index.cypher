// FalkorDB only: an index on the dedup key of one relationship type; __TYPE__ from the ontology.
CREATE INDEX FOR ()-[r:__TYPE__]-() ON (r.id)
