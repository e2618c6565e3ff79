// Upserts valid-time claims (model/validTime.ts) by claim id, each below the partnership, device or chip it dates.
UNWIND $rows AS row
MATCH (subject:Entity {id: row.subject})
MERGE (v:ValidTime {id: row.claimId})
WITH row, subject, v, CASE WHEN $audit THEN properties(v) END AS before
SET v.event = row.event,
    v.on = date(row.on),
    v.onPrecision = row.onPrecision,
    v.deviceId = row.device,
    v.summary = row.summary,
    v.confidence = row.confidence,
    v.reportedOn = date(row.reportedOn),
    v.reportedOnPrecision = row.reportedOnPrecision,
    v.sourceIds = row.sourceIds
MERGE (subject)-[:HAS_VALID_TIME]->(v)
// Audited imports (see importAudit.ts) return each claim whose stored values this statement changed, with its
// subject; a node MERGE just created holds only its id, so it has no `before`.
WITH row, subject, v, before
WHERE before IS NOT NULL AND before <> properties(v)
RETURN row.claimId AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, subject: subject.id} END AS before,
       v {.*, subject: subject.id} AS after
