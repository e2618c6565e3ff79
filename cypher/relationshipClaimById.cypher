// The relationship claim with id $id, shaped as a GraphEdge; no row when there is none. One branch per
// relationship type, so each is a seek on that type's claim id constraint.
CALL () {
  MATCH (a:Entity)-[r:MADE_BY {id: $id}]->(b:Entity) RETURN a, r, b
  UNION
  MATCH (a:Entity)-[r:USES_CHIP {id: $id}]->(b:Entity) RETURN a, r, b
  UNION
  MATCH (a:Entity)-[r:CAMERA_BY {id: $id}]->(b:Entity) RETURN a, r, b
  UNION
  MATCH (a:Entity)-[r:COVERS {id: $id}]->(b:Entity) RETURN a, r, b
  UNION
  MATCH (a:Entity)-[r:PARTY_TO {id: $id}]->(b:Entity) RETURN a, r, b
  UNION
  MATCH (a:Entity)-[r:ABOUT {id: $id}]->(b:Entity) RETURN a, r, b
}
RETURN r {.id, type: type(r), source: a.id, target: b.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds} AS claim
LIMIT 1
