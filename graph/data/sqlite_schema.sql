-- The embedded store's tables (graph/stores/sqlite_store.py). One table per kind of node and of
-- edge, the model's properties as columns; ids are the model's deterministic keys.
-- Dates are ISO strings (they compare as text); lists are JSON text.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE actor (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,  -- JSON list, sorted
    country TEXT,
    iso3 TEXT,
    sector TEXT
) WITHOUT ROWID;
CREATE INDEX actor_name ON actor (name);
CREATE INDEX actor_kind ON actor (kind);

-- The name keys of each actor (graph/names.py: normalised name and aliases, a person's surname
-- and its stem), how Store.actors_by_key finds the actor a name means. Rewritten with the actor.
CREATE TABLE actor_key (
    key TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (key, actor)
) WITHOUT ROWID;
CREATE INDEX actor_key_actor ON actor_key (actor);

CREATE TABLE topic (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE article (
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    text TEXT
);

-- Event relations (the ontology's types), from an actor to an actor or a topic.
CREATE TABLE event (
    id TEXT NOT NULL,  -- unique: unique_event_id (an index of its own, so a bulk load can build it at its end)
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    type TEXT NOT NULL,
    to_topic INTEGER NOT NULL,  -- 1: the target is a Topic
    date TEXT,
    cameo TEXT,
    plover TEXT,
    article TEXT,
    sentence INTEGER,
    evidence TEXT,
    confidence REAL,
    goldstein REAL,
    quad_class INTEGER,
    attribution TEXT,
    reported_by TEXT,
    url TEXT,
    num_mentions INTEGER,
    num_sources INTEGER,
    num_articles INTEGER,
    avg_tone REAL
);
CREATE UNIQUE INDEX unique_event_id ON event (id);
-- An actor's events as source; it also holds every column of Store.event_rows, in the order
-- analytics stream them, so that stream is one pass over this index (no table lookups, no sort).
CREATE INDEX event_source ON event (source, target, type, date, article, sentence, to_topic, goldstein, quad_class,
                                    confidence, attribution);
CREATE INDEX event_target ON event (target, date);
-- No index on the date alone: a window with no actor reads event_source whole (a query that
-- aggregates) or the table (docs/scale.md, "The load path, third round"); it cost a quarter of a bulk load's index builds.

-- MENTIONED_IN: actor -> article (its id, "mention:<actor>|<article>", follows from the key).
CREATE TABLE mention (
    actor TEXT NOT NULL,
    article TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (actor, article)
) WITHOUT ROWID;
CREATE INDEX mention_article ON mention (article);

-- HOLDS_ROLE (title, start, end) and MEMBER_OF: actor -> actor.
CREATE TABLE link (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    title TEXT,
    start TEXT,
    "end" TEXT
) WITHOUT ROWID;
CREATE INDEX link_source ON link (source);
CREATE INDEX link_target ON link (target);

-- Structural edges whose far end is not stored yet; moved to `link` when it arrives (graph/upsert.py).
CREATE TABLE pending_link (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    title TEXT,
    start TEXT,
    "end" TEXT
) WITHOUT ROWID;
CREATE INDEX pending_link_target ON pending_link (target);
