// Sources published on or before $asOf (null: today; sources without a day are in every view),
// optionally of one publisher (case-insensitive).
// Order: $sortField TITLE | PUBLISHED_ON (unknown days last), $descending, then id.
// Keyset paging: rows after ($afterKey, $afterId) in that order ($backward: the reverse order, id descending too), $limit of them; totalCount ignores the cursor; it is 0
// unless $countTotal, so pages that do not show it skip the count.
// Two plans, picked by the parameters: title order, ascending, walks the source_title index and stops after
// $limit rows; the other orders sort every matching source.
CALL () {
  WITH $countTotal AS wanted WHERE wanted
  MATCH (node:Source)
  WHERE ($asOf IS NULL OR node.publishedOn IS NULL OR node.publishedOn <= date($asOf))
    AND ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
  RETURN count(node) AS totalCount
}
CALL () {
  CALL () {
    WITH $sortField = 'TITLE' AND NOT $descending AND NOT $backward AS byTitleIndex WHERE byTitleIndex
    MATCH (node:Source)
    WHERE node.title >= coalesce($afterKey, '')
      AND ($afterId IS NULL OR node.title > $afterKey OR node.id > $afterId)
      AND ($asOf IS NULL OR node.publishedOn IS NULL OR node.publishedOn <= date($asOf))
      AND ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
    WITH node
    ORDER BY node.title, node.id
    LIMIT $limit
    RETURN node, node.title AS sortKey
    UNION ALL
    WITH $sortField = 'TITLE' AND NOT $descending AND NOT $backward AS byTitleIndex WHERE NOT byTitleIndex
    MATCH (node:Source)
    WHERE ($asOf IS NULL OR node.publishedOn IS NULL OR node.publishedOn <= date($asOf))
      AND ($publisher IS NULL OR toLower(node.publisher) = toLower($publisher))
    WITH node, CASE $sortField
      WHEN 'PUBLISHED_ON' THEN coalesce(toString(node.publishedOn), CASE WHEN $descending THEN '0000-00-00' ELSE '9999-99-99' END)
      ELSE node.title
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
  RETURN collect({node: node {.*, __typename: 'Source'}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
