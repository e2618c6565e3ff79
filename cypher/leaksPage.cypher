// Leaks reported on or before $asOf (null: today), optionally with a confidence, a platform, a device
// and a reportedOn range ($reportedFrom..$reportedTo, inclusive ISO days).
// Order: $sortField REPORTED_ON, $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order ($backward: the reverse order, id descending too), $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
// missingFilterId is the filter's id when no entity has it, else null.
// Two plans, picked by the parameters: newest first without a device filter walks the leak_reported_on index
// backwards and stops after $limit rows; otherwise the leaks of the device, or all leaks, are sorted.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Leak)
  WHERE ($asOf IS NULL OR node.reportedOn <= date($asOf))
    AND ($confidence IS NULL OR node.confidence = $confidence)
    AND ($platform IS NULL OR toLower(node.platform) = toLower($platform))
    AND ($reportedFrom IS NULL OR node.reportedOn >= date($reportedFrom))
    AND ($reportedTo IS NULL OR node.reportedOn <= date($reportedTo))
    AND ($deviceId IS NULL OR EXISTS { (node)-[:ABOUT]->(:Device {id: $deviceId}) })
  RETURN count(node) AS totalCount
}
CALL () {
  CALL () {
    WITH $descending AND NOT $backward AND $deviceId IS NULL AS byDateIndex WHERE byDateIndex
    MATCH (node:Leak)
    WHERE node.reportedOn <= coalesce(date($afterKey), date('9999-12-31'))
      AND ($afterId IS NULL OR node.reportedOn < date($afterKey) OR node.id > $afterId)
      AND ($asOf IS NULL OR node.reportedOn <= date($asOf))
      AND ($confidence IS NULL OR node.confidence = $confidence)
      AND ($platform IS NULL OR toLower(node.platform) = toLower($platform))
      AND ($reportedFrom IS NULL OR node.reportedOn >= date($reportedFrom))
      AND ($reportedTo IS NULL OR node.reportedOn <= date($reportedTo))
    WITH node
    ORDER BY node.reportedOn DESC, node.id
    LIMIT $limit
    RETURN node, toString(node.reportedOn) AS sortKey
    UNION ALL
    WITH $descending AND NOT $backward AND $deviceId IS NULL AS byDateIndex WHERE NOT byDateIndex
    CALL () {
      WITH $deviceId AS deviceId WHERE deviceId IS NOT NULL
      MATCH (:Device {id: deviceId})<-[:ABOUT]-(node:Leak)
      RETURN node
      UNION
      WITH $deviceId AS deviceId WHERE deviceId IS NULL
      MATCH (node:Leak)
      RETURN node
    }
    WITH node
    WHERE ($asOf IS NULL OR node.reportedOn <= date($asOf))
      AND ($confidence IS NULL OR node.confidence = $confidence)
      AND ($platform IS NULL OR toLower(node.platform) = toLower($platform))
      AND ($reportedFrom IS NULL OR node.reportedOn >= date($reportedFrom))
      AND ($reportedTo IS NULL OR node.reportedOn <= date($reportedTo))
    WITH node, toString(node.reportedOn) AS sortKey
    WHERE $afterId IS NULL
      OR (CASE WHEN $descending THEN sortKey < $afterKey ELSE sortKey > $afterKey END)
      OR (sortKey = $afterKey AND (CASE WHEN $backward THEN node.id < $afterId ELSE node.id > $afterId END))
    WITH node, sortKey
    ORDER BY CASE WHEN $descending THEN sortKey END DESC, CASE WHEN $descending THEN null ELSE sortKey END,
    CASE WHEN $backward THEN node.id END DESC, CASE WHEN $backward THEN null ELSE node.id END
    LIMIT $limit
    RETURN node, sortKey
  }
  RETURN collect({node: node {.*, __typename: 'Leak'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows,
       CASE WHEN $deviceId IS NULL OR EXISTS { MATCH (:Device {id: $deviceId}) } THEN null ELSE $deviceId END AS missingFilterId
