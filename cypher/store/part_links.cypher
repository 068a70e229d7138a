// The structural and mention edges leaving these actors (to_networkx of a part keeps those whose
// far end is in the part).
UNWIND $ids AS id
MATCH (s:Actor {id: id})-[r:HOLDS_ROLE|MEMBER_OF|MENTIONED_IN]->(t)
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
