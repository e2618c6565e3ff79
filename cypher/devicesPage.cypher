// Devices matching the filters (each null: no filter), as known on $asOf (null: today).
// Filters: $brandId (maker), $chipId, $cameraBrandId, $status, $announcedFrom..$announcedTo (inclusive ISO days);
// relationship filters only count claims that are not denials.
// Order: $sortField NAME | ANNOUNCED_ON (unknown days last) | LEAK_COUNT, $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order, $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
// missingFilterId is a filter id no entity has, else null.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Device)
  WHERE ($asOf IS NULL OR node.firstReportedOn <= date($asOf))
    AND ($status IS NULL OR node.status = $status)
    AND ($announcedFrom IS NULL OR node.announcedOn >= date($announcedFrom))
    AND ($announcedTo IS NULL OR node.announcedOn <= date($announcedTo))
    AND ($brandId IS NULL OR EXISTS { (node)-[c:MADE_BY]->(:Brand {id: $brandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    AND ($chipId IS NULL OR EXISTS { (node)-[c:USES_CHIP]->(:Chip {id: $chipId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    AND ($cameraBrandId IS NULL OR EXISTS { (node)-[c:CAMERA_BY]->(:Brand {id: $cameraBrandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Device)
  WHERE ($asOf IS NULL OR node.firstReportedOn <= date($asOf))
    AND ($status IS NULL OR node.status = $status)
    AND ($announcedFrom IS NULL OR node.announcedOn >= date($announcedFrom))
    AND ($announcedTo IS NULL OR node.announcedOn <= date($announcedTo))
    AND ($brandId IS NULL OR EXISTS { (node)-[c:MADE_BY]->(:Brand {id: $brandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    AND ($chipId IS NULL OR EXISTS { (node)-[c:USES_CHIP]->(:Chip {id: $chipId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    AND ($cameraBrandId IS NULL OR EXISTS { (node)-[c:CAMERA_BY]->(:Brand {id: $cameraBrandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
  WITH node, CASE $sortField
    WHEN 'ANNOUNCED_ON' THEN coalesce(toString(node.announcedOn), CASE WHEN $descending THEN '0000-00-00' ELSE '9999-99-99' END)
    WHEN 'LEAK_COUNT' THEN COUNT { (node)<-[a:ABOUT]-(:Leak) WHERE $asOf IS NULL OR a.reportedOn <= date($asOf) }
    ELSE node.name
  END AS sortKey
  WHERE $afterId IS NULL
    OR (CASE WHEN $descending THEN sortKey < $afterKey ELSE sortKey > $afterKey END)
    OR (sortKey = $afterKey AND node.id > $afterId)
  WITH node, sortKey
  ORDER BY CASE WHEN $descending THEN sortKey END DESC, CASE WHEN $descending THEN null ELSE sortKey END, node.id
  LIMIT $limit
  RETURN collect({node: node {.*, __typename: 'Device'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows,
       [id IN [$brandId, $chipId, $cameraBrandId] WHERE id IS NOT NULL AND NOT EXISTS { MATCH (:Entity {id: id}) }][0] AS missingFilterId
