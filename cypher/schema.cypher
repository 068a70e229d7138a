// polgraph's schema for Neo4j 5, applied by `polgraph init` (every statement is idempotent).
// Statements are separated by ";" at the end of a line. A server that lacks a feature (FalkorDB
// has no CREATE CONSTRAINT and no Neo4j full-text syntax) is told about it, not crashed on.

// Uniqueness of the ids every write MERGEs on (each also gives a range index on the id).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;

// Structural edges waiting for their far end (graph/upsert.py), looked up by id and by that end.
CREATE INDEX pending_link_id IF NOT EXISTS FOR (p:PendingLink) ON (p.id);
CREATE INDEX pending_link_target IF NOT EXISTS FOR (p:PendingLink) ON (p.target);

// Lookups by name and kind.
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);

// Full-text search over actor names and aliases (aliases is a LIST<STRING>: Neo4j 5.12 or later).
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases];

// The relation dedup key: MERGE (s)-[r:TYPE {id: ...}]->(t) looks it up. Relationship indexes are
// per type in Neo4j, so one per type of graph/ontology.py (a test checks the list is complete).
CREATE INDEX rel_comments_on_id IF NOT EXISTS FOR ()-[r:COMMENTS_ON]-() ON (r.id);
CREATE INDEX rel_calls_for_id IF NOT EXISTS FOR ()-[r:CALLS_FOR]-() ON (r.id);
CREATE INDEX rel_proposes_id IF NOT EXISTS FOR ()-[r:PROPOSES]-() ON (r.id);
CREATE INDEX rel_agrees_id IF NOT EXISTS FOR ()-[r:AGREES]-() ON (r.id);
CREATE INDEX rel_consults_id IF NOT EXISTS FOR ()-[r:CONSULTS]-() ON (r.id);
CREATE INDEX rel_supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX rel_cooperates_id IF NOT EXISTS FOR ()-[r:COOPERATES]-() ON (r.id);
CREATE INDEX rel_aids_id IF NOT EXISTS FOR ()-[r:AIDS]-() ON (r.id);
CREATE INDEX rel_yields_id IF NOT EXISTS FOR ()-[r:YIELDS]-() ON (r.id);
CREATE INDEX rel_investigates_id IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.id);
CREATE INDEX rel_criticizes_id IF NOT EXISTS FOR ()-[r:CRITICIZES]-() ON (r.id);
CREATE INDEX rel_rejects_id IF NOT EXISTS FOR ()-[r:REJECTS]-() ON (r.id);
CREATE INDEX rel_threatens_id IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.id);
CREATE INDEX rel_protests_id IF NOT EXISTS FOR ()-[r:PROTESTS]-() ON (r.id);
CREATE INDEX rel_mobilizes_id IF NOT EXISTS FOR ()-[r:MOBILIZES]-() ON (r.id);
CREATE INDEX rel_sanctions_id IF NOT EXISTS FOR ()-[r:SANCTIONS]-() ON (r.id);
CREATE INDEX rel_coerces_id IF NOT EXISTS FOR ()-[r:COERCES]-() ON (r.id);
CREATE INDEX rel_assaults_id IF NOT EXISTS FOR ()-[r:ASSAULTS]-() ON (r.id);
CREATE INDEX rel_holds_role_id IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.id);
CREATE INDEX rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX rel_mentioned_in_id IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() ON (r.id);
