// One page of Partnership records for export, in id order after $after, with the ids of their brands.
MATCH (p:Partnership)
WHERE p.id > $after
WITH p
ORDER BY p.id
LIMIT $pageSize
RETURN p.id AS key, p {.*, brands: COLLECT { MATCH (b:Brand)-[:PARTY_TO]->(p) RETURN b.id ORDER BY b.id }} AS fields
ORDER BY key
