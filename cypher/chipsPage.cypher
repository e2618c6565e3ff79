// Chips, optionally of one vendor (brand id), by name.
// Keyset paging: rows after ($afterKey, $afterId) in the order below, $limit of them; totalCount ignores the cursor.
// missingFilterId is the filter's id when no entity has it, else null.
CALL () {
  MATCH (node:Chip)
  WHERE ($vendorId IS NULL OR EXISTS { (node)-[:MADE_BY]->(:Brand {id: $vendorId}) })
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Chip)
  WHERE ($vendorId IS NULL OR EXISTS { (node)-[:MADE_BY]->(:Brand {id: $vendorId}) })
    AND ($afterId IS NULL OR node.name > $afterKey OR (node.name = $afterKey AND node.id > $afterId))
  WITH node
  ORDER BY node.name, node.id
  LIMIT $limit
  RETURN collect(node {.*, __typename: 'Chip'}) AS nodes
}
RETURN totalCount, nodes,
       CASE WHEN $vendorId IS NULL OR EXISTS { MATCH (:Brand {id: $vendorId}) } THEN null ELSE $vendorId END AS missingFilterId
