// Upserts Device records by id. Model numbers, codenames and firstReportedOn come from the device's
// claims (see refreshDeviceIdentity), so re-importing a device leaves them alone.
UNWIND $rows AS row
MERGE (d:Entity {id: row.id})
WITH d, row, CASE WHEN $audit THEN properties(d) END AS before
SET d:Device,
    d.name = row.name,
    d.aliases = row.aliases,
    d.status = row.status,
    d.announcedOn = date(row.announcedOn),
    d.announcedOnPrecision = row.announcedOnPrecision,
    d.allowMixedScripts = row.allowMixedScripts
// Audited imports (see importAudit.ts) return each record whose stored values this statement changed; a node
// MERGE just created holds only its id, so it has no `before`.
WITH d, before
WHERE before IS NOT NULL AND before <> properties(d)
RETURN d.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: 'Device'} END AS before,
       d {.*, __typename: 'Device'} AS after
