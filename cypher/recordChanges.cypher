// Appends one mutation's audit entries, as the last statement of its transaction, numbered from the change log's
// sequence. ON MATCH SET takes the sequence node's write lock, held until this transaction ends, so a writer
// numbers its entries only once every writer that numbered before it has committed or rolled back: `seq` order is
// commit order, and has no gaps, since a rollback hands its numbers back. `at` is when the transaction began,
// which is not commit order: a transaction that began earlier can commit later. The key itself is never stored,
// only its name and role. `before` and `after` are JSON (null for a creation or a deletion).
MERGE (s:ChangeSequence {name: 'change'})
ON CREATE SET s.last = 0
ON MATCH SET s.name = s.name
WITH s, s.last AS base
SET s.last = base + size($changes)
WITH base
UNWIND range(0, size($changes) - 1) AS index
WITH base + index + 1 AS seq, $changes[index] AS change
CREATE (c:Change {
  id: change.id,
  seq: seq,
  at: datetime.truncate('millisecond', datetime.transaction()),
  actor: $actor,
  role: $role,
  operation: $operation,
  entityId: change.entityId,
  relatedIds: change.relatedIds,
  before: change.before,
  after: change.after
})
