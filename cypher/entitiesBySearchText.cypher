// Entities whose names, aliases, codenames, model numbers, part numbers, summaries or titles match
// $luceneQuery, best score first, then id. Only labels in $labels (null: all), and only entities known
// on $asOf (null: today) by the same rule as asOf.ts: devices from their first claim, partnerships and
// leaks from their report, sources from their publication; brands and chips always.
CALL db.index.fulltext.queryNodes('entity_search', $luceneQuery) YIELD node, score
WHERE ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND ($asOf IS NULL OR CASE
    WHEN node:Device THEN node.firstReportedOn <= date($asOf)
    WHEN node:Partnership OR node:Leak THEN node.reportedOn <= date($asOf)
    WHEN node:Source THEN node.publishedOn IS NULL OR node.publishedOn <= date($asOf)
    ELSE true
  END)
WITH node, score
ORDER BY score DESC, node.id
LIMIT $first
RETURN node {.*, __typename: [label IN labels(node) WHERE label <> 'Entity'][0]} AS node, score
