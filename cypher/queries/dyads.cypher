// dyads: cooperation and conflict per pair of actors and period, as `polgraph dyads` counts them.
// Per (source, target) and period: the events, the sum and mean of their Goldstein values (-10
// conflict .. +10 cooperation; the mean over the events that have one) and the events of each
// QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
// Periods are cut from the ISO date strings; with a period length, undated events are left out.
// @param every = null    "month", "quarter" or "year"; null: one row per pair over the whole window
// @param types = []      relation types to keep, e.g. ["CRITICIZES", "SANCTIONS"]; [] keeps every event type
// @param since = null    first day of the window (ISO date), null: open
// @param until = null    last day of the window (ISO date), null: open
// @param attributions = []   how the text presents the act, e.g. ["asserted", "alleged"]; [] keeps every one
// @param limit = 1000    at most this many rows
MATCH (a:Actor)-[r]->(b:Actor)
WHERE NOT type(r) IN ['MENTIONED_IN', 'HOLDS_ROLE', 'MEMBER_OF']
  AND a.id <> b.id
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($since IS NULL OR r.date >= $since)
  AND ($until IS NULL OR r.date <= $until)
  AND (size($attributions) = 0 OR coalesce(r.attribution, 'asserted') IN $attributions)
  AND ($every IS NULL OR r.date IS NOT NULL)
WITH a, b, r,
     CASE $every
       WHEN 'month' THEN substring(r.date, 0, 7)
       WHEN 'quarter' THEN substring(r.date, 0, 4) + '-Q' + toString((toInteger(substring(r.date, 5, 2)) + 2) / 3)
       WHEN 'year' THEN substring(r.date, 0, 4)
     END AS period
RETURN period, a.id AS source, b.id AS target, count(r) AS events,
       sum(r.goldstein) AS goldstein_sum, avg(r.goldstein) AS goldstein_mean,
       sum(CASE r.quad_class WHEN 1 THEN 1 ELSE 0 END) AS verbal_cooperation,
       sum(CASE r.quad_class WHEN 2 THEN 1 ELSE 0 END) AS material_cooperation,
       sum(CASE r.quad_class WHEN 3 THEN 1 ELSE 0 END) AS verbal_conflict,
       sum(CASE r.quad_class WHEN 4 THEN 1 ELSE 0 END) AS material_conflict
ORDER BY source, target, period
LIMIT $limit
