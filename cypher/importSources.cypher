// Upserts Source records by id.
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
WITH s, row, CASE WHEN $audit THEN properties(s) END AS before
SET s:Source,
    s.title = row.title,
    s.publisher = row.publisher,
    s.author = row.author,
    s.url = row.url,
    s.publishedOn = date(row.publishedOn),
    s.publishedOnPrecision = row.publishedOnPrecision
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH s, before
WHERE before IS NOT NULL AND before <> properties(s)
RETURN s.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Source'} END AS before,
       s {.*, __typename: 'Source'} AS after
