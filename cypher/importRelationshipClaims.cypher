// Upserts relationship claims by claim id. row.relation is one of the Relation enum's values,
// checked by the importer before any write.
UNWIND $rows AS row
MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
MERGE (from)-[r:$(row.relation) {id: row.claimId}]->(to)
SET r.confidence = row.confidence,
    r.reportedOn = date(row.reportedOn),
    r.reportedOnPrecision = row.reportedOnPrecision,
    r.sourceIds = row.sources
