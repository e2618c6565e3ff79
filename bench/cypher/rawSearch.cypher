// Raw contestant, search: the $first best full-text hits for $luceneQuery (the query our API builds
// from the same words), best score first, then id.
CALL db.index.fulltext.queryNodes('entity_search', $luceneQuery) YIELD node, score
WITH node, score ORDER BY score DESC, node.id
LIMIT $first
RETURN node {.id, name: coalesce(node.name, node.title, node.summary)} AS node, score
