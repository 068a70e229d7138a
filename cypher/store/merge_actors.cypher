// Upsert actors: a new actor gets every property; a known one gains the new aliases and a
// country, ISO code and sector if it had none. Returns how many were new. Rows: {id, props, aliases,
// country, iso3, sector}.
UNWIND $rows AS row
OPTIONAL MATCH (old:Actor {id: row.id})
WITH row, old IS NULL AS created
MERGE (a:Actor {id: row.id})
ON CREATE SET a += row.props
ON MATCH SET
  a.aliases = coalesce(a.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])],
  a.country = coalesce(a.country, row.country),
  a.iso3 = coalesce(a.iso3, row.iso3),
  a.sector = coalesce(a.sector, row.sector)
RETURN count(CASE WHEN created THEN 1 END) AS created
