// The whole graph, node by node (to_networkx and pull); waiting structural edges are not part of it.
MATCH (n)
WHERE n:Actor OR n:Article OR n:Topic
RETURN labels(n) AS labels, properties(n) AS props
