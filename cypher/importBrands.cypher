// Upserts Brand records by id.
UNWIND $rows AS row
MERGE (b:Entity {id: row.id})
WITH b, row, CASE WHEN $audit THEN properties(b) END AS before
SET b:Brand,
    b.name = row.name,
    b.aliases = row.aliases,
    b.roles = row.roles,
    b.country = row.country,
    b.lookupKeys = row.lookupKeys,
    b.allowMixedScripts = row.allowMixedScripts
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH b, before
WHERE before IS NOT NULL AND before <> properties(b)
RETURN b.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Brand'} END AS before,
       b {.*, __typename: 'Brand'} AS after
