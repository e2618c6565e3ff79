// The change log's sequence (cypher/recordChanges.cypher): a commit-ordered number on every (:Change), which the
// change feed tails and subscribers resume from.
CREATE CONSTRAINT change_sequence_name_unique IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT change_seq_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
// Entries written before the sequence existed are numbered in the order `changes` lists them: by time, then id.
MERGE (s:ChangeSequence {name: 'change'})
ON CREATE SET s.last = 0
ON MATCH SET s.name = s.name
WITH s, s.last AS base
CALL () {
  MATCH (c:Change) WHERE c.seq IS NULL
  WITH c ORDER BY c.at, c.id
  RETURN collect(c) AS unnumbered
}
SET s.last = base + size(unnumbered)
WITH base, unnumbered
UNWIND range(0, size(unnumbered) - 1) AS index
WITH unnumbered[index] AS c, base + index + 1 AS seq
SET c.seq = seq
