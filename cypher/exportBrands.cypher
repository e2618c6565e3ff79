// One page of Brand records for export: the next $pageSize after id $after, in id order (keyset paging on the id index).
MATCH (n:Brand)
WHERE n.id > $after
RETURN n.id AS key, properties(n) AS fields
ORDER BY n.id
LIMIT $pageSize
