// The brand that makes each chip, with the MADE_BY claims.
// One row per parent key that has any; edges ordered by claim id, paged by $after (a claim id) and $limit (null: all).
// Only claims reported on or before $asOf (null: all of them).
UNWIND $keys AS key
MATCH (:Chip {id: key})-[claim:MADE_BY]->(node:Brand)
WHERE $asOf IS NULL OR claim.reportedOn <= date($asOf)
WITH key, node, claim
ORDER BY claim.id
WITH key, collect({node: node {.*, __typename: 'Brand'}, claim: claim {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}}) AS edges
WITH key, edges, [edge IN edges WHERE $after IS NULL OR edge.claim.id > $after] AS remaining
RETURN key,
       size(edges) AS totalCount,
       remaining[0..coalesce($limit, size(remaining))] AS edges,
       size(remaining) > coalesce($limit, size(remaining)) AS hasNextPage
