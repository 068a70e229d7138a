// PageRank as networkx.pagerank computes it: weighted, damping 0.85, run to convergence.
CALL gds.pageRank.stream($graph, {relationshipWeightProperty: 'weight', dampingFactor: 0.85, maxIterations: 100, tolerance: 0.0000001})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
