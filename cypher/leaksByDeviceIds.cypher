// Leaks about each device, with the ABOUT claims.
// One row per parent key. Edges newest claim first (reportedOn, then claim id), only claims reported on or
// before $asOf (null: all), after the cursor ($afterKey: a day, $afterId: a claim id; null: from the start),
// $limit of them; one more is read to tell hasNextPage. totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
UNWIND $keys AS key
CALL (key) {
  WITH key WHERE $countTotal
  MATCH (:Device {id: key})<-[claim:ABOUT]-(node:Leak)
  WHERE $asOf IS NULL OR claim.reportedOn <= date($asOf)
  RETURN count(claim) AS totalCount
}
CALL (key) {
  MATCH (:Device {id: key})<-[claim:ABOUT]-(node:Leak)
  WHERE ($asOf IS NULL OR claim.reportedOn <= date($asOf))
    AND ($afterId IS NULL OR claim.reportedOn < date($afterKey) OR (claim.reportedOn = date($afterKey) AND claim.id > $afterId))
  WITH node, claim
  ORDER BY claim.reportedOn DESC, claim.id
  LIMIT $limit + 1
  RETURN collect({node: node {.*, __typename: 'Leak'}, claim: claim {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}}) AS window
}
RETURN key, totalCount, window[0..$limit] AS edges, size(window) > $limit AS hasNextPage
