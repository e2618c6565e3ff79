// Plain import into an empty graph: a Partnership node per row and a PARTY_TO from each of its brands.
UNWIND $rows AS row
CREATE (p:Entity:Partnership {id: row.id, kind: row.kind, summary: row.summary, announcedOn: date(row.announcedOn),
                              startedOn: date(row.startedOn), endedOn: date(row.endedOn), confidence: row.confidence,
                              reportedOn: date(row.reportedOn), sourceIds: row.sources})
WITH p, row
UNWIND row.brands AS brandId
MATCH (b:Brand {id: brandId})
CREATE (b)-[:PARTY_TO {id: row.id + '|' + brandId, confidence: row.confidence, reportedOn: date(row.reportedOn), sourceIds: row.sources}]->(p)
