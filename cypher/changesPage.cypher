// Audit entries at or after $since (null: all), optionally those about $entityId (as the changed entity or a
// related one), oldest first so new entries only ever append: keyset paging after ($afterKey, an ISO datetime,
// $afterId; $backward: the page before it, newest first, put back in order by the API), $limit of them.
// totalCount ignores the cursor; it is 0 unless $countTotal.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (c:Change)
  WHERE ($since IS NULL OR c.at >= datetime($since))
    AND ($entityId IS NULL OR c.entityId = $entityId OR $entityId IN c.relatedIds)
  RETURN count(c) AS totalCount
}
CALL () {
  MATCH (c:Change)
  WHERE ($since IS NULL OR c.at >= datetime($since))
    AND ($entityId IS NULL OR c.entityId = $entityId OR $entityId IN c.relatedIds)
    AND ($afterId IS NULL OR CASE WHEN $backward
      THEN c.at < datetime($afterKey) OR (c.at = datetime($afterKey) AND c.id < $afterId)
      ELSE c.at > datetime($afterKey) OR (c.at = datetime($afterKey) AND c.id > $afterId) END)
  WITH c
  ORDER BY CASE WHEN $backward THEN c.at END DESC, CASE WHEN $backward THEN c.id END DESC, c.at, c.id
  LIMIT $limit
  RETURN collect({node: c {.*}, sortKey: toString(c.at)}) AS rows
}
RETURN totalCount, rows
