// Upserts reported device attributes (specs) by claim id.
UNWIND $rows AS row
MATCH (d:Device {id: row.device})
MERGE (s:Spec {id: row.claimId})
WITH row, d, s, CASE WHEN $audit THEN properties(s) END AS before
SET s.key = row.key,
    s.value = row.value,
    s.unit = row.unit,
    s.confidence = row.confidence,
    s.reportedOn = date(row.reportedOn),
    s.reportedOnPrecision = row.reportedOnPrecision,
    s.sourceIds = row.sourceIds
MERGE (d)-[:HAS_SPEC]->(s)
// Audited imports (see importAudit.ts) return each spec whose stored values this statement changed, with the device
// it describes; a node MERGE just created holds only its id, so it has no `before`.
WITH row, d, s, before
WHERE before IS NOT NULL AND before <> properties(s)
RETURN row.claimId AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, device: d.id} END AS before,
       s {.*, device: d.id} AS after
