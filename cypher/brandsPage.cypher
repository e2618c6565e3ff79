// Brands, optionally with a role and a country, by name.
// Keyset paging: rows after ($afterKey, $afterId) in the order below, $limit of them; totalCount ignores the cursor.
CALL () {
  MATCH (node:Brand)
  WHERE ($role IS NULL OR $role IN node.roles) AND ($country IS NULL OR node.country = $country)
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Brand)
  WHERE ($role IS NULL OR $role IN node.roles) AND ($country IS NULL OR node.country = $country)
    AND ($afterId IS NULL OR node.name > $afterKey OR (node.name = $afterKey AND node.id > $afterId))
  WITH node
  ORDER BY node.name, node.id
  LIMIT $limit
  RETURN collect(node {.*, __typename: 'Brand'}) AS nodes
}
RETURN totalCount, nodes
