// Devices, optionally of one maker (brand id) and status, by name.
// Keyset paging: rows after ($afterKey, $afterId) in the order below, $limit of them; totalCount ignores the cursor.
// missingFilterId is the filter's id when no entity has it, else null.
CALL () {
  MATCH (node:Device)
  WHERE ($status IS NULL OR node.status = $status) AND ($brandId IS NULL OR EXISTS { (node)-[:MADE_BY]->(:Brand {id: $brandId}) })
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Device)
  WHERE ($status IS NULL OR node.status = $status) AND ($brandId IS NULL OR EXISTS { (node)-[:MADE_BY]->(:Brand {id: $brandId}) })
    AND ($afterId IS NULL OR node.name > $afterKey OR (node.name = $afterKey AND node.id > $afterId))
  WITH node
  ORDER BY node.name, node.id
  LIMIT $limit
  RETURN collect(node {.*, __typename: 'Device'}) AS nodes
}
RETURN totalCount, nodes,
       CASE WHEN $brandId IS NULL OR EXISTS { MATCH (:Brand {id: $brandId}) } THEN null ELSE $brandId END AS missingFilterId
