// Deletes the claims of relationship type $relation from one entity to another: those with the given claim ids.
MATCH (from:Entity {id: $from})-[claim]->(to:Entity {id: $to})
WHERE type(claim) = $relation AND claim.id IN $claimIds
DELETE claim
