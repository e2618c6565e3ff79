// Sources published on or before $asOf (null: today; sources without a day are in every view),
// optionally of one publisher (case-insensitive).
// Order: $sortField TITLE | PUBLISHED_ON (unknown days last), $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order, $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Source)
  WHERE ($asOf IS NULL OR node.publishedOn IS NULL OR node.publishedOn <= date($asOf))
    AND ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
  RETURN count(node) AS totalCount
}
CALL () {
  MATCH (node:Source)
  WHERE ($asOf IS NULL OR node.publishedOn IS NULL OR node.publishedOn <= date($asOf))
    AND ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
  WITH node, CASE $sortField
    WHEN 'PUBLISHED_ON' THEN coalesce(toString(node.publishedOn), CASE WHEN $descending THEN '0000-00-00' ELSE '9999-99-99' END)
    ELSE node.title
  END AS sortKey
  WHERE $afterId IS NULL
    OR (CASE WHEN $descending THEN sortKey < $afterKey ELSE sortKey > $afterKey END)
    OR (sortKey = $afterKey AND node.id > $afterId)
  WITH node, sortKey
  ORDER BY CASE WHEN $descending THEN sortKey END DESC, CASE WHEN $descending THEN null ELSE sortKey END, node.id
  LIMIT $limit
  RETURN collect({node: node {.*, __typename: 'Source'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
