// Which of the given ids already exist as entities.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
