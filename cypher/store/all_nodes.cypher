// The whole graph, node by node (to_networkx and pull).
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
