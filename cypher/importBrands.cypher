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
WITH b, before
// The lookup-key nodes exact lookups seek (migration 0009) follow lookupKeys.
CALL (b) {
  WITH b, [(b)<-[:KEY_OF]-(held:LookupKey) | {node: held, key: held.key}] AS held
  FOREACH (stale IN [key IN held WHERE NOT key.key IN b.lookupKeys | key.node] | DETACH DELETE stale)
  WITH b, [key IN held | key.key] AS heldKeys
  UNWIND [key IN b.lookupKeys WHERE NOT key IN heldKeys] AS missing
  CREATE (:LookupKey {key: missing})-[:KEY_OF]->(b)
}
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH b, before
WHERE before IS NOT NULL AND before <> properties(b)
RETURN b.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Brand'} END AS before,
       b {.*, __typename: 'Brand'} AS after
