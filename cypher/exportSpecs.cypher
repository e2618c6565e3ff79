// One page of Spec records (reported device attributes) for export, in claim id order after $after.
MATCH (s:Spec)
WHERE s.id > $after
WITH s
ORDER BY s.id
LIMIT $pageSize
MATCH (d:Device)-[:HAS_SPEC]->(s)
RETURN s.id AS key, s {.*, device: d.id} AS fields
ORDER BY key
