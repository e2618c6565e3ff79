// Entities of any type by id; __typename is the type label.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, __typename: [label IN labels(n) WHERE label <> 'Entity'][0]} AS node
