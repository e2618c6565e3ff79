// Deletes an entity with its claims (relationships), its valid-time claims, its lookup-key nodes and, for a
// device, its specs.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[:HAS_SPEC]->(spec:Spec)
OPTIONAL MATCH (n)-[:HAS_VALID_TIME]->(validTime:ValidTime)
OPTIONAL MATCH (n)<-[:KEY_OF]-(key:LookupKey)
DETACH DELETE spec, validTime, key, n
