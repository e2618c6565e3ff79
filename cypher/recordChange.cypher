// One audit entry, written in the transaction of the change it records. `before` and `after` are JSON
// (null for a creation or a deletion); the key itself is never stored, only its name and role.
CREATE (c:Change {
  id: $id,
  at: datetime.truncate('millisecond', datetime.transaction()),
  actor: $actor,
  role: $role,
  operation: $operation,
  entityId: $entityId,
  relatedIds: $relatedIds,
  before: $before,
  after: $after
})
