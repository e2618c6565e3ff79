// Upserts Device records by id. Model numbers, codenames and firstReportedOn come from the device's
// claims (see refreshDeviceIdentity), so re-importing a device leaves them alone.
UNWIND $rows AS row
MERGE (d:Entity {id: row.id})
SET d:Device,
    d.name = row.name,
    d.aliases = row.aliases,
    d.status = row.status,
    d.announcedOn = date(row.announcedOn),
    d.announcedOnPrecision = row.announcedOnPrecision,
    d.allowMixedScripts = row.allowMixedScripts
