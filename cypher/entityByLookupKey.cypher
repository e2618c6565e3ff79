// Entities of one type whose name, alias, model number, short model number, codename or part
// number equals $key (lower-cased). The keyword full-text index finds candidates; the WHERE makes
// the match exact. Up to 10 rows: more than one is an ambiguity the caller reports with the candidates.
CALL db.index.fulltext.queryNodes('entity_lookup_keys', $luceneQuery) YIELD node
WHERE $label IN labels(node) AND $key IN node.lookupKeys
RETURN node {.*, __typename: $label} AS node
ORDER BY CASE WHEN toLower(node.name) = $key THEN 0 ELSE 1 END, node.id
LIMIT 10
