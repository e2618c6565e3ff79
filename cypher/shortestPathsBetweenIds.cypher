// The shortest paths between the entities $from and $to, at most $maxHops (1 to 6) long, over claim
// relationships that are not denials and were reported on or before $asOf (null: all). The first
// $first of them, most certain first (by their weakest claim), then by the ids along the way.
// fromExists / toExists say whether the endpoints are in the graph.
OPTIONAL MATCH (source:Entity {id: $from})
OPTIONAL MATCH (target:Entity {id: $to})
CALL (source, target) {
  WITH source, target
  WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = allShortestPaths((source)-[:MADE_BY|USES_CHIP|CAMERA_BY|COVERS|PARTY_TO|ABOUT*..6]-(target))
  WHERE length(path) <= $maxHops
    AND all(r IN relationships(path) WHERE r.confidence <> 'DENIED' AND ($asOf IS NULL OR r.reportedOn <= date($asOf)))
  WITH path, [r IN relationships(path) | CASE r.confidence WHEN 'CONFIRMED' THEN 4 WHEN 'DENIED' THEN 4 WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 END] AS ranks
  WITH path, reduce(weakest = 4, rank IN ranks | CASE WHEN rank < weakest THEN rank ELSE weakest END) AS certainty
  ORDER BY certainty DESC, [n IN nodes(path) | n.id]
  LIMIT $first
  RETURN collect({
    nodes: [n IN nodes(path) | n {
      .id,
      type: toUpper([label IN labels(n) WHERE label <> 'Entity'][0]),
      label: CASE
        WHEN n:Partnership THEN reduce(names = '', name IN COLLECT { MATCH (n)<-[:PARTY_TO]-(b:Brand) RETURN b.name ORDER BY b.name } |
          names + CASE WHEN names = '' THEN '' ELSE ' × ' END + name)
        ELSE coalesce(n.name, n.title, n.summary, n.id)
      END
    }],
    edges: [r IN relationships(path) | r {.id, type: type(r), source: startNode(r).id, target: endNode(r).id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}]
  }) AS paths
}
RETURN source IS NOT NULL AS fromExists, target IS NOT NULL AS toExists, paths
