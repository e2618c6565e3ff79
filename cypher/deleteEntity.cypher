// Deletes an entity with its claims (relationships), its valid-time claims and, for a device, its specs.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[:HAS_SPEC]->(spec:Spec)
OPTIONAL MATCH (n)-[:HAS_VALID_TIME]->(validTime:ValidTime)
DETACH DELETE spec, validTime, n
