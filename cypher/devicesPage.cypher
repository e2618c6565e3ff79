// Devices matching the filters (each null: no filter), as known on $asOf (null: today).
// Filters: $brandId (maker), $chipId, $cameraBrandId, $status, $announcedFrom..$announcedTo (inclusive ISO days);
// relationship filters only count claims that are not denials.
// Order: $sortField NAME | ANNOUNCED_ON (unknown days last) | LEAK_COUNT, $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order ($backward: the reverse order, id descending too), $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
// missingFilterId is a filter id no entity has, else null.
// Two plans, picked by the parameters: the default order (name, ascending) without a maker filter walks the
// device_name index in order and stops after $limit rows; everything else starts from the maker's devices when
// $brandId is given, else from every device, and sorts.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  CALL () {
    WITH $brandId AS brandId WHERE brandId IS NOT NULL
    MATCH (:Brand {id: brandId})<-[c:MADE_BY]-(node:Device)
    WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf))
    RETURN DISTINCT node
    UNION
    WITH $brandId AS brandId WHERE brandId IS NULL
    MATCH (node:Device)
    RETURN node
  }
  WITH node
  WHERE ($asOf IS NULL OR node.firstReportedOn <= date($asOf))
    AND ($status IS NULL OR node.status = $status)
    AND ($announcedFrom IS NULL OR node.announcedOn >= date($announcedFrom))
    AND ($announcedTo IS NULL OR node.announcedOn <= date($announcedTo))
    AND ($chipId IS NULL OR EXISTS { (node)-[c:USES_CHIP]->(:Chip {id: $chipId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    AND ($cameraBrandId IS NULL OR EXISTS { (node)-[c:CAMERA_BY]->(:Brand {id: $cameraBrandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
  RETURN count(node) AS totalCount
}
CALL () {
  CALL () {
    WITH $sortField = 'NAME' AND NOT $descending AND NOT $backward AND $brandId IS NULL AS byNameIndex WHERE byNameIndex
    MATCH (node:Device)
    WHERE node.name >= coalesce($afterKey, '')
      AND ($afterId IS NULL OR node.name > $afterKey OR node.id > $afterId)
      AND ($asOf IS NULL OR node.firstReportedOn <= date($asOf))
      AND ($status IS NULL OR node.status = $status)
      AND ($announcedFrom IS NULL OR node.announcedOn >= date($announcedFrom))
      AND ($announcedTo IS NULL OR node.announcedOn <= date($announcedTo))
      AND ($chipId IS NULL OR EXISTS { (node)-[c:USES_CHIP]->(:Chip {id: $chipId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
      AND ($cameraBrandId IS NULL OR EXISTS { (node)-[c:CAMERA_BY]->(:Brand {id: $cameraBrandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    WITH node
    ORDER BY node.name, node.id
    LIMIT $limit
    RETURN node, node.name AS sortKey
    UNION ALL
    WITH $sortField = 'NAME' AND NOT $descending AND NOT $backward AND $brandId IS NULL AS byNameIndex WHERE NOT byNameIndex
    CALL () {
      WITH $brandId AS brandId WHERE brandId IS NOT NULL
      MATCH (:Brand {id: brandId})<-[c:MADE_BY]-(node:Device)
      WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf))
      RETURN DISTINCT node
      UNION
      WITH $brandId AS brandId WHERE brandId IS NULL
      MATCH (node:Device)
      RETURN node
    }
    WITH node
    WHERE ($asOf IS NULL OR node.firstReportedOn <= date($asOf))
      AND ($status IS NULL OR node.status = $status)
      AND ($announcedFrom IS NULL OR node.announcedOn >= date($announcedFrom))
      AND ($announcedTo IS NULL OR node.announcedOn <= date($announcedTo))
      AND ($chipId IS NULL OR EXISTS { (node)-[c:USES_CHIP]->(:Chip {id: $chipId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
      AND ($cameraBrandId IS NULL OR EXISTS { (node)-[c:CAMERA_BY]->(:Brand {id: $cameraBrandId}) WHERE c.confidence <> 'DENIED' AND ($asOf IS NULL OR c.reportedOn <= date($asOf)) })
    WITH node, CASE $sortField
      WHEN 'ANNOUNCED_ON' THEN coalesce(toString(node.announcedOn), CASE WHEN $descending THEN '0000-00-00' ELSE '9999-99-99' END)
      WHEN 'LEAK_COUNT' THEN COUNT { (node)<-[a:ABOUT]-(:Leak) WHERE $asOf IS NULL OR a.reportedOn <= date($asOf) }
      ELSE node.name
    END AS sortKey
    WHERE $afterId IS NULL
      OR (CASE WHEN $descending THEN sortKey < $afterKey ELSE sortKey > $afterKey END)
      OR (sortKey = $afterKey AND (CASE WHEN $backward THEN node.id < $afterId ELSE node.id > $afterId END))
    WITH node, sortKey
    ORDER BY CASE WHEN $descending THEN sortKey END DESC, CASE WHEN $descending THEN null ELSE sortKey END,
    CASE WHEN $backward THEN node.id END DESC, CASE WHEN $backward THEN null ELSE node.id END
    LIMIT $limit
    RETURN node, sortKey
  }
  RETURN collect({node: node {.*, __typename: 'Device'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows,
       [id IN [$brandId, $chipId, $cameraBrandId] WHERE id IS NOT NULL AND NOT EXISTS { MATCH (:Entity {id: id}) }][0] AS missingFilterId
