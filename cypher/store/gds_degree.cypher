CALL gds.degree.stream($graph, {orientation: 'UNDIRECTED'})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
