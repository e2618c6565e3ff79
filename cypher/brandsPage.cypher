// Brands, optionally with a role and a country, as known on $asOf (null: today).
// Order: $sortField NAME | PARTNER_COUNT (distinct partner brands of partnerships that are not denials), $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order ($backward: the reverse order, id descending too), $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Brand)
  WHERE ($role IS NULL OR $role IN node.roles) AND ($country IS NULL OR node.country = $country)
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Brand)
  WHERE ($role IS NULL OR $role IN node.roles) AND ($country IS NULL OR node.country = $country)
  WITH node, CASE $sortField
    WHEN 'PARTNER_COUNT' THEN COUNT {
      MATCH (node)-[:PARTY_TO]->(p:Partnership)<-[:PARTY_TO]-(partner:Brand)
      WHERE p.confidence <> 'DENIED' AND ($asOf IS NULL OR p.reportedOn <= date($asOf))
      RETURN DISTINCT partner
    }
    ELSE node.name
  END AS sortKey
  WHERE $afterId IS NULL
    OR (CASE WHEN $descending THEN sortKey < $afterKey ELSE sortKey > $afterKey END)
    OR (sortKey = $afterKey AND (CASE WHEN $backward THEN node.id < $afterId ELSE node.id > $afterId END))
  WITH node, sortKey
  ORDER BY CASE WHEN $descending THEN sortKey END DESC, CASE WHEN $descending THEN null ELSE sortKey END,
    CASE WHEN $backward THEN node.id END DESC, CASE WHEN $backward THEN null ELSE node.id END
  LIMIT $limit
  RETURN collect({node: node {.*, __typename: 'Brand'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
