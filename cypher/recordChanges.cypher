// Appends one mutation's audit entries, as the last statement of its transaction, as (:PendingChange) nodes:
// committed with the mutation, but not yet in the log. The change sequencer (cypher/sequenceChanges.cypher) numbers
// them right after the commit and makes them (:Change). Numbering here, under the sequence's lock, would hold that
// lock across the round trip to the client and the commit, and serialise every writer behind it (docs/reliability.md).
// `at` is when the transaction began, which is not commit order; `writtenAt`, the time of this statement, is as
// near to its commit as a statement can know, and orders the entries the sequencer finds together. The key itself
// is never stored, only its name and role. `before` and `after` are JSON (null for a creation or a deletion).
UNWIND $changes AS change
CREATE (c:PendingChange {
  id: change.id,
  at: datetime.truncate('millisecond', datetime.transaction()),
  writtenAt: datetime.realtime(),
  actor: $actor,
  role: $role,
  operation: $operation,
  entityId: change.entityId,
  relatedIds: change.relatedIds,
  before: change.before,
  after: change.after
})
