// Reported attributes of each device, ordered by key, newest claim first.
UNWIND $keys AS key
MATCH (:Device {id: key})-[:HAS_SPEC]->(spec:Spec)
WITH key, spec
ORDER BY spec.key, spec.reportedOn DESC, spec.id
RETURN key, collect(spec {.*, __typename: 'Spec'}) AS specs
