// Plain import into an empty graph: a Spec node per row, hung off its device.
UNWIND $rows AS row
MATCH (d:Device {id: row.device})
CREATE (d)-[:HAS_SPEC]->(:Spec {id: row.claimId, key: row.key, value: row.value, unit: row.unit, confidence: row.confidence,
                                reportedOn: date(row.reportedOn), sourceIds: row.sources})
