// Each brand's partners: the other brands of its partnerships. Each edge carries the provenance of
// the partnership that links the two, so two partnerships with the same brand give two edges.
// One row per parent key that has any; edges ordered by claim id, paged by $after (a claim id) and $limit (null: all).
// Only claims reported on or before $asOf (null: all of them).
UNWIND $keys AS key
MATCH (:Brand {id: key})-[:PARTY_TO]->(partnership:Partnership)<-[:PARTY_TO]-(node:Brand)
WHERE $asOf IS NULL OR partnership.reportedOn <= date($asOf)
WITH key, node, partnership {
  id: partnership.id + '|' + node.id,
  .confidence, .reportedOn, .reportedOnPrecision, .sourceIds
} AS claim
ORDER BY claim.id
WITH key, collect({node: node {.*, __typename: 'Brand'}, claim: claim}) AS edges
WITH key, edges, [edge IN edges WHERE $after IS NULL OR edge.claim.id > $after] AS remaining
RETURN key,
       size(edges) AS totalCount,
       remaining[0..coalesce($limit, size(remaining))] AS edges,
       size(remaining) > coalesce($limit, size(remaining)) AS hasNextPage
