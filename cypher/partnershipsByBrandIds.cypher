// Partnerships each brand is party to, with the PARTY_TO claims.
// One row per parent key that has any; edges ordered by claim id, paged by $after (a claim id) and $limit (null: all).
// Only claims reported on or before $asOf (null: all of them).
UNWIND $keys AS key
MATCH (:Brand {id: key})-[claim:PARTY_TO]->(node:Partnership)
WHERE $asOf IS NULL OR claim.reportedOn <= date($asOf)
WITH key, node, claim
ORDER BY claim.id
WITH key, collect({node: node {.*, __typename: 'Partnership'}, claim: claim {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}}) AS edges
WITH key, edges, [edge IN edges WHERE $after IS NULL OR edge.claim.id > $after] AS remaining
RETURN key,
       size(edges) AS totalCount,
       remaining[0..coalesce($limit, size(remaining))] AS edges,
       size(remaining) > coalesce($limit, size(remaining)) AS hasNextPage
