// Plain import into an empty graph: one relationship per row. row.relation is one of the Relation
// enum's values: the script drops any other row before it gets here.
UNWIND $rows AS row
MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
CREATE (from)-[:$(row.relation) {id: row.claimId, confidence: row.confidence, reportedOn: date(row.reportedOn), sourceIds: row.sources}]->(to)
