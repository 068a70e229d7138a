// who_acts_on_whom: which actor does what to whom, counted, optionally by type and time window.
// Event relations only (not mentions, roles or memberships). Dates are ISO strings, so the
// window compares strings: "2022-01-01" <= r.date <= "2022-12-31".
// @param types = []      relation types to keep, e.g. ["CRITICIZES", "SANCTIONS"]; [] keeps every event type
// @param since = null    first day of the window (ISO date), null: open
// @param until = null    last day of the window (ISO date), null: open
// @param attributions = []   how the text presents the act, e.g. ["asserted", "alleged"]; [] keeps every one
// @param limit = 50      at most this many rows
MATCH (a:Actor)-[r]->(b)
WHERE NOT type(r) IN ['MENTIONED_IN', 'HOLDS_ROLE', 'MEMBER_OF']
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR r.date >= $since)
  AND ($until IS NULL OR r.date <= $until)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
RETURN a.name AS source, type(r) AS type, b.name AS target, count(*) AS relations,
       min(r.date) AS first, max(r.date) AS last
ORDER BY relations DESC, source, type, target
LIMIT $limit
