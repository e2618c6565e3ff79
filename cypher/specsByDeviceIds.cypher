// Reported attributes of each device, ordered by key, newest claim first; only claims reported on or
// before $asOf (null: all of them).
UNWIND $keys AS key
MATCH (:Device {id: key})-[:HAS_SPEC]->(spec:Spec)
WHERE $asOf IS NULL OR spec.reportedOn <= date($asOf)
WITH key, spec
ORDER BY spec.key, spec.reportedOn DESC, spec.id
RETURN key, collect(spec {.*, __typename: 'Spec'}) AS specs
