// Numbers committed (:PendingChange) entries from the change log's sequence and makes them (:Change), at most $limit
// of them, the earliest written first. ON MATCH SET takes the sequence node's write lock before the pending entries
// are read, so a second sequencer (another replica's) reads only what the first left, and numbers after it. Entries
// are numbered once they have committed, so `seq` order is commit order: a transaction that began earlier but
// committed later gets the higher number. Run as an auto-commit statement, the lock is held only while Neo4j runs
// and commits it. Numbers have no gaps: each run takes a consecutive range, and a rollback hands it back.
MERGE (s:ChangeSequence {name: 'change'})
ON CREATE SET s.last = 0
ON MATCH SET s.name = s.name
WITH s
CALL (s) {
  MATCH (pending:PendingChange)
  WITH pending ORDER BY pending.writtenAt, pending.id
  LIMIT $limit
  RETURN collect(pending) AS batch
}
WITH s, s.last AS base, batch
SET s.last = base + size(batch)
WITH base, batch
UNWIND range(0, size(batch) - 1) AS index
WITH batch[index] AS c, base + index + 1 AS seq
SET c:Change, c.seq = seq
REMOVE c:PendingChange, c.writtenAt
RETURN count(c) AS sequenced
