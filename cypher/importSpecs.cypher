// Upserts reported device attributes (specs) by claim id.
UNWIND $rows AS row
MATCH (d:Device {id: row.device})
MERGE (s:Spec {id: row.claimId})
SET s.key = row.key,
    s.value = row.value,
    s.unit = row.unit,
    s.confidence = row.confidence,
    s.reportedOn = date(row.reportedOn),
    s.reportedOnPrecision = row.reportedOnPrecision,
    s.sourceIds = row.sources
MERGE (d)-[:HAS_SPEC]->(s)
