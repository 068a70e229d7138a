// Unweighted, directed betweenness (normalised in Python as networkx does), from $samplingSize
// source actors GDS draws with $samplingSeed; a sampling size of at least the projection's node
// count runs exact (one search from every actor).
CALL gds.betweenness.stream($graph, {samplingSize: $samplingSize, samplingSeed: $samplingSeed})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
