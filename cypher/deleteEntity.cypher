// Deletes an entity with its claims (relationships) and, for a device, its specs.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[:HAS_SPEC]->(spec:Spec)
DETACH DELETE spec, n
