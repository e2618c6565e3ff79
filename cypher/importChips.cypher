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
WITH c, before
// The lookup-key nodes exact lookups seek (migration 0009) follow lookupKeys.
CALL (c) {
  WITH c, [(c)<-[:KEY_OF]-(held:LookupKey) | {node: held, key: held.key}] AS held
  FOREACH (stale IN [key IN held WHERE NOT key.key IN c.lookupKeys | key.node] | DETACH DELETE stale)
  WITH c, [key IN held | key.key] AS heldKeys
  UNWIND [key IN c.lookupKeys WHERE NOT key IN heldKeys] AS missing
  CREATE (:LookupKey {key: missing})-[:KEY_OF]->(c)
}
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH c, before
WHERE before IS NOT NULL AND before <> properties(c)
RETURN c.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Chip'} END AS before,
       c {.*, __typename: 'Chip'} AS after
