// One page of ValidTime records (valid-time claims) for export, in claim id order after $after.
MATCH (v:ValidTime)
WHERE v.id > $after
WITH v
ORDER BY v.id
LIMIT $pageSize
MATCH (subject:Entity)-[:HAS_VALID_TIME]->(v)
RETURN v.id AS key, v {.*, subject: subject.id, device: v.deviceId} AS fields
ORDER BY key
