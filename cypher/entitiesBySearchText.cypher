// Entities whose names, aliases, codenames, model numbers, part numbers, summaries or titles match
// $luceneQuery (every word), and partnerships whose parties' names or aliases match every word of
// $wordQueries (one query per word: "Leica Xiaomi" names both brands of partnership:leica-xiaomi). Only
// for two words or more: one name asks for that brand, not for each of its partnerships.
// A partnership found both ways scores the sum: a query naming all its parties asks for it above
// any text that happens to mention them. Best score first, then id. Only labels in $labels (null: all),
// and only entities known on $asOf (null: today) by the same rule as asOf.ts: devices from their first
// claim, partnerships and leaks from their report, sources from their publication; brands and chips always.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $luceneQuery) YIELD node, score
  RETURN node, score
  UNION ALL
  UNWIND CASE WHEN size($wordQueries) >= 2 THEN range(0, size($wordQueries) - 1) ELSE [] END AS word
  CALL db.index.fulltext.queryNodes('entity_search', $wordQueries[word]) YIELD node AS party, score
  WHERE party:Brand
  MATCH (party)-[:PARTY_TO]->(node:Partnership)
  WITH node, word, max(score) AS wordScore
  WITH node, count(word) AS words, sum(wordScore) AS score
  WHERE words = size($wordQueries)
  RETURN node, score
}
WITH node, sum(score) AS score
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
