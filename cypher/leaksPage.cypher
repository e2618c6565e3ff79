// Leaks, optionally with a confidence and a platform, newest first.
// Keyset paging: rows after ($afterKey, $afterId) in the order below, $limit of them; totalCount ignores the cursor.
CALL () {
  MATCH (node:Leak)
  WHERE ($confidence IS NULL OR node.confidence = $confidence) AND ($platform IS NULL OR toLower(node.platform) = toLower($platform))
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Leak)
  WHERE ($confidence IS NULL OR node.confidence = $confidence) AND ($platform IS NULL OR toLower(node.platform) = toLower($platform))
    AND ($afterId IS NULL OR node.reportedOn < date($afterKey) OR (node.reportedOn = date($afterKey) AND node.id > $afterId))
  WITH node
  ORDER BY node.reportedOn DESC, node.id
  LIMIT $limit
  RETURN collect(node {.*, __typename: 'Leak'}) AS nodes
}
RETURN totalCount, nodes
