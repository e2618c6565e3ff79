// Chips, optionally of one vendor (brand id), as known on $asOf (null: today).
// Order: $sortField NAME | DEVICE_COUNT (devices claimed to use it, denials left out), $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order ($backward: the reverse order, id descending too), $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
// missingFilterId is the filter's id when no entity has it, else null.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Chip)
  WHERE $vendorId IS NULL OR EXISTS { (node)-[c:MADE_BY]->(:Brand {id: $vendorId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) }
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Chip)
  WHERE $vendorId IS NULL OR EXISTS { (node)-[c:MADE_BY]->(:Brand {id: $vendorId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) }
  WITH node, CASE $sortField
    WHEN 'DEVICE_COUNT' THEN COUNT {
      MATCH (node)<-[c:USES_CHIP]-(device:Device)
      WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf))
      RETURN DISTINCT device
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
  RETURN collect({node: node {.*, __typename: 'Chip'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows,
       CASE WHEN $vendorId IS NULL OR EXISTS { MATCH (:Brand {id: $vendorId}) } THEN null ELSE $vendorId END AS missingFilterId
