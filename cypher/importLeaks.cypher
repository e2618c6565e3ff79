// Upserts Leak records and the devices they are about; the leak's provenance applies to each link.
UNWIND $rows AS row
MERGE (l:Entity {id: row.id})
WITH l, row, CASE WHEN $audit THEN l {.*, devices: [(l)-[:ABOUT]->(d:Device) | d.id]} END AS before
SET l:Leak,
    l.summary = row.summary,
    l.platform = row.platform,
    l.tipster = row.tipster,
    l.confidence = row.confidence,
    l.reportedOn = date(row.reportedOn),
    l.reportedOnPrecision = row.reportedOnPrecision,
    l.sourceIds = row.sourceIds
WITH l, row, before
CALL (l, row) {
  MATCH (l)-[stale:ABOUT]->(d:Device)
  WHERE NOT d.id IN row.devices
  DELETE stale
}
CALL (l, row) {
  UNWIND row.devices AS deviceId
  MATCH (d:Device {id: deviceId})
  // Merged on the pattern, not the id: an id lookup in a relationship index also scans the relationships this
  // transaction created, which made batches quadratic; a leak has one ABOUT link per device, so it is the same.
  MERGE (l)-[r:ABOUT]->(d)
  SET r.id = row.id + '|' + deviceId,
      r.confidence = row.confidence,
      r.reportedOn = date(row.reportedOn),
      r.reportedOnPrecision = row.reportedOnPrecision,
      r.sourceIds = row.sourceIds
}
// Audited imports (see importAudit.ts) return each record whose stored values or devices this statement changed
// (the devices compared as sets); a node MERGE just created holds only its id, so it has no `before`.
WITH l, before
WHERE before IS NOT NULL
WITH l, before, l {.*, devices: [(l)-[:ABOUT]->(d:Device) | d.id]} AS after
WHERE before <> after {.*, devices: before.devices}
   OR size(before.devices) <> size(after.devices)
   OR any(id IN after.devices WHERE NOT id IN before.devices)
RETURN l.id AS id,
       CASE WHEN size(keys(before)) > 2 THEN before {.*, __typename: 'Leak'} END AS before,
       after {.*, __typename: 'Leak'} AS after
