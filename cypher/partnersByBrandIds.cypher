// Each brand's partners: the other brands of its partnerships. Each edge carries the provenance of
// the partnership that links the two, so two partnerships with the same brand give two edges.
// One row per parent key. Edges newest claim first (reportedOn, then the claim id "partnership id|partner id"),
// only claims reported on or before $asOf (null: all), after the cursor ($afterKey: a day, $afterId: a claim id; null: from the start),
// $limit of them; one more is read to tell hasNextPage. totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
UNWIND $keys AS key
CALL (key) {
  WITH key WHERE $countTotal
  MATCH (:Brand {id: key})-[:PARTY_TO]->(partnership:Partnership)<-[:PARTY_TO]-(node:Brand)
  WHERE $asOf IS NULL OR partnership.reportedOn <= date($asOf)
  RETURN count(node) AS totalCount
}
CALL (key) {
  MATCH (:Brand {id: key})-[:PARTY_TO]->(partnership:Partnership)<-[:PARTY_TO]-(node:Brand)
  WITH node, partnership, partnership.id + '|' + node.id AS claimId
  WHERE ($asOf IS NULL OR partnership.reportedOn <= date($asOf))
    AND ($afterId IS NULL OR partnership.reportedOn < date($afterKey) OR (partnership.reportedOn = date($afterKey) AND claimId > $afterId))
  WITH node, partnership, claimId
  ORDER BY partnership.reportedOn DESC, claimId
  LIMIT $limit + 1
  RETURN collect({
    node: node {.*, __typename: 'Brand'},
    claim: partnership {id: claimId, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}
  }) AS window
}
RETURN key, totalCount, window[0..$limit] AS edges, size(window) > $limit AS hasNextPage
