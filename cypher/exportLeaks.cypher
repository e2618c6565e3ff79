// One page of Leak records for export, in id order after $after, with the ids of the devices they are about.
MATCH (l:Leak)
WHERE l.id > $after
WITH l
ORDER BY l.id
LIMIT $pageSize
RETURN l.id AS key, l {.*, devices: COLLECT { MATCH (l)-[:ABOUT]->(d:Device) RETURN d.id ORDER BY d.id }} AS fields
ORDER BY key
