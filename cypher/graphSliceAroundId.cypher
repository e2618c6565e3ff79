// The neighbourhood of the entity $id, breadth first, up to $depth hops (1 to 3), over relationships
// whose type is in $relationshipTypes and confidence in $confidences, reported on or before $asOf (null: all).
// At most $limit nodes, the root included; truncated says more were reachable. Edges are every such
// relationship between the nodes returned, each once. No row when no entity has the id.
MATCH (root:Entity {id: $id})
CALL (root) {
  MATCH (root)-[r]-(n:Entity)
  WHERE type(r) IN $relationshipTypes AND r.confidence IN $confidences AND ($asOf IS NULL OR r.reportedOn <= date($asOf))
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop1
}
CALL (root, hop1) {
  UNWIND CASE WHEN $depth >= 2 THEN hop1 ELSE [] END AS a
  MATCH (a)-[r]-(n:Entity)
  WHERE type(r) IN $relationshipTypes AND r.confidence IN $confidences AND ($asOf IS NULL OR r.reportedOn <= date($asOf))
    AND n <> root AND NOT n IN hop1
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop2
}
CALL (root, hop1, hop2) {
  UNWIND CASE WHEN $depth >= 3 THEN hop2 ELSE [] END AS a
  MATCH (a)-[r]-(n:Entity)
  WHERE type(r) IN $relationshipTypes AND r.confidence IN $confidences AND ($asOf IS NULL OR r.reportedOn <= date($asOf))
    AND n <> root AND NOT n IN hop1 AND NOT n IN hop2
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop3
}
WITH root, [root] + hop1 + hop2 + hop3 AS reached
WITH root, reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $relationshipTypes AND r.confidence IN $confidences AND ($asOf IS NULL OR r.reportedOn <= date($asOf))
    AND b IN nodes
  RETURN collect(r {.id, type: type(r), source: a.id, target: b.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}) AS edges
}
RETURN root {.*, __typename: [label IN labels(root) WHERE label <> 'Entity'][0]} AS root,
       [n IN nodes | n {
         .id,
         type: toUpper([label IN labels(n) WHERE label <> 'Entity'][0]),
         label: CASE
           WHEN n:Partnership THEN reduce(names = '', name IN COLLECT { MATCH (n)<-[:PARTY_TO]-(b:Brand) RETURN b.name ORDER BY b.name } |
             names + CASE WHEN names = '' THEN '' ELSE ' × ' END + name)
           ELSE coalesce(n.name, n.title, n.summary, n.id)
         END
       }] AS nodes,
       edges,
       truncated
