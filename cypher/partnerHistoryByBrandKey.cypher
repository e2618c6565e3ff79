// The partnerships of the brand whose name or alias is $key (lower-cased; $luceneQuery finds candidates
// in the keyword index), oldest first: by start day, else announcement day, else report day.
// Only partnerships reported on or before $asOf (null: all). No row when no brand has that name.
CALL db.index.fulltext.queryNodes('entity_lookup_keys', $luceneQuery) YIELD node AS brand
WHERE brand:Brand AND $key IN brand.lookupKeys
WITH brand
ORDER BY CASE WHEN toLower(brand.name) = $key THEN 0 ELSE 1 END, brand.id
LIMIT 1
CALL (brand) {
  OPTIONAL MATCH (brand)-[:PARTY_TO]->(partnership:Partnership)
  WHERE $asOf IS NULL OR partnership.reportedOn <= date($asOf)
  WITH partnership
  ORDER BY coalesce(partnership.startedOn, partnership.announcedOn, partnership.reportedOn), partnership.id
  RETURN collect(partnership {.*, __typename: 'Partnership'}) AS partnerships
}
RETURN brand.id AS brandId, partnerships
