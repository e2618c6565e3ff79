// Locks the entity with this id until the transaction ends and tells whether it is new. A missing entity gets a
// bare placeholder that the transaction's write fills in, or its rollback removes, so concurrent writers of one id
// queue here (the unique constraint on :Entity(id) guards the MERGE) instead of both seeing a new entity.
MERGE (n:Entity {id: $id})
ON CREATE SET n.placeholder = true
// Setting a property takes the node's write lock even when the value stays the same.
ON MATCH SET n.id = n.id
WITH n, n.placeholder IS NOT NULL AS created
REMOVE n.placeholder
RETURN created
