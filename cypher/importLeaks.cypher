// Upserts Leak records and the devices they are about; the leak's provenance applies to each link.
UNWIND $rows AS row
MERGE (l:Entity {id: row.id})
SET l:Leak,
    l.summary = row.summary,
    l.platform = row.platform,
    l.tipster = row.tipster,
    l.confidence = row.confidence,
    l.reportedOn = date(row.reportedOn),
    l.reportedOnPrecision = row.reportedOnPrecision,
    l.sourceIds = row.sources
WITH l, row
CALL (l, row) {
  MATCH (l)-[stale:ABOUT]->(d:Device)
  WHERE NOT d.id IN row.devices
  DELETE stale
}
WITH l, row
UNWIND row.devices AS deviceId
MATCH (d:Device {id: deviceId})
// Merged on the pattern, not the id: an id lookup in a relationship index also scans the relationships this
// transaction created, which made batches quadratic; a leak has one ABOUT link per device, so it is the same.
MERGE (l)-[r:ABOUT]->(d)
SET r.id = row.id + '|' + deviceId,
    r.confidence = row.confidence,
    r.reportedOn = date(row.reportedOn),
    r.reportedOnPrecision = row.reportedOnPrecision,
    r.sourceIds = row.sources
