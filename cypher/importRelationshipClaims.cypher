// Upserts relationship claims by claim id. row.relation is one of the Relation enum's values,
// checked by the importer before any write.
UNWIND $rows AS row
MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
MERGE (from)-[r:$(row.relation) {id: row.claimId}]->(to)
WITH row, r, CASE WHEN $audit THEN properties(r) END AS before
SET r.confidence = row.confidence,
    r.reportedOn = date(row.reportedOn),
    r.reportedOnPrecision = row.reportedOnPrecision,
    r.sourceIds = row.sourceIds
// Audited imports (see importAudit.ts) return each claim whose stored values this statement changed, in the shape
// of claimsBetween with the relation and both ends; a relationship MERGE just created holds only its id, so it has
// no `before`.
WITH row, r, before
WHERE before IS NOT NULL AND before <> properties(r)
WITH row, before, r {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds, relation: row.relation, from: row.from, to: row.to} AS after
RETURN row.claimId AS id,
       CASE WHEN size(keys(before)) > 1 THEN after {.*, confidence: before.confidence, reportedOn: before.reportedOn, reportedOnPrecision: before.reportedOnPrecision, sourceIds: before.sourceIds} END AS before,
       after
