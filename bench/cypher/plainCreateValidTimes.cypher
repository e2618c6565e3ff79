// Plain import into an empty graph: a ValidTime node per row, hung off its subject.
UNWIND $rows AS row
MATCH (subject:Entity {id: row.subject})
CREATE (subject)-[:HAS_VALID_TIME]->(:ValidTime {id: row.claimId, event: row.event, on: date(row.on), onPrecision: row.onPrecision,
                                                 confidence: row.confidence, reportedOn: date(row.reportedOn), sourceIds: row.sources})
