// FalkorDB only: an index on one node property; __LABEL__ and __PROPERTY__ from polgraph's layout.
CREATE INDEX FOR (n:__LABEL__) ON (n.__PROPERTY__)
