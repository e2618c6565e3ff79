// Sources, optionally of one publisher, by title.
// Keyset paging: rows after ($afterKey, $afterId) in the order below, $limit of them; totalCount ignores the cursor.
CALL () {
  MATCH (node:Source)
  WHERE ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Source)
  WHERE ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
    AND ($afterId IS NULL OR node.title > $afterKey OR (node.title = $afterKey AND node.id > $afterId))
  WITH node
  ORDER BY node.title, node.id
  LIMIT $limit
  RETURN collect(node {.*, __typename: 'Source'}) AS nodes
}
RETURN totalCount, nodes
