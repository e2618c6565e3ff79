// The claims of relationship type $relation (a Relation enum value) from one entity to another, oldest first.
MATCH (from:Entity {id: $from})-[claim]->(to:Entity {id: $to})
WHERE type(claim) = $relation
RETURN claim {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds} AS claim
ORDER BY claim.reportedOn, claim.id
