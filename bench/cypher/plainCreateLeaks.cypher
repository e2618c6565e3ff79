// Plain import into an empty graph: a Leak node per row and an ABOUT to each of its devices.
UNWIND $rows AS row
CREATE (l:Entity:Leak {id: row.id, summary: row.summary, platform: row.platform, tipster: row.tipster,
                       confidence: row.confidence, reportedOn: date(row.reportedOn), sourceIds: row.sources})
WITH l, row
UNWIND row.devices AS deviceId
MATCH (d:Device {id: deviceId})
CREATE (l)-[:ABOUT {id: row.id + '|' + deviceId, confidence: row.confidence, reportedOn: date(row.reportedOn), sourceIds: row.sources}]->(d)
