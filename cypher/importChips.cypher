// Upserts Chip records by id.
UNWIND $rows AS row
MERGE (c:Entity {id: row.id})
WITH c, row, CASE WHEN $audit THEN properties(c) END AS before
SET c:Chip,
    c.name = row.name,
    c.aliases = row.aliases,
    c.partNumber = row.partNumber,
    c.lookupKeys = row.lookupKeys,
    c.allowMixedScripts = row.allowMixedScripts
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH c, before
WHERE before IS NOT NULL AND before <> properties(c)
RETURN c.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Chip'} END AS before,
       c {.*, __typename: 'Chip'} AS after
