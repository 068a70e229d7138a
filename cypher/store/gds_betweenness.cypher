// Unweighted, directed betweenness (normalised in Python as networkx does).
CALL gds.betweenness.stream($graph)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
