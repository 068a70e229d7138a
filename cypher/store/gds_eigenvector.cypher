// Weighted eigenvector centrality on the undirected projection (networkx: on graph.to_undirected()).
CALL gds.eigenvector.stream($graph, {relationshipWeightProperty: 'weight', maxIterations: 1000, tolerance: 0.00000001})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
