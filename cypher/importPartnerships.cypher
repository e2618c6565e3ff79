// Upserts Partnership records and the brands party to them; the partnership's provenance applies to each link.
UNWIND $rows AS row
MERGE (p:Entity {id: row.id})
SET p:Partnership,
    p.kind = row.kind,
    p.summary = row.summary,
    p.announcedOn = date(row.announcedOn),
    p.announcedOnPrecision = row.announcedOnPrecision,
    p.startedOn = date(row.startedOn),
    p.startedOnPrecision = row.startedOnPrecision,
    p.endedOn = date(row.endedOn),
    p.endedOnPrecision = row.endedOnPrecision,
    p.confidence = row.confidence,
    p.reportedOn = date(row.reportedOn),
    p.reportedOnPrecision = row.reportedOnPrecision,
    p.sourceIds = row.sources
WITH p, row
CALL (p, row) {
  MATCH (b:Brand)-[stale:PARTY_TO]->(p)
  WHERE NOT b.id IN row.brands
  DELETE stale
}
WITH p, row
UNWIND row.brands AS brandId
MATCH (b:Brand {id: brandId})
// Merged on the pattern, not the id (see importLeaks): one PARTY_TO link per brand and partnership.
MERGE (b)-[r:PARTY_TO]->(p)
SET r.id = row.id + '|' + brandId,
    r.confidence = row.confidence,
    r.reportedOn = date(row.reportedOn),
    r.reportedOnPrecision = row.reportedOnPrecision,
    r.sourceIds = row.sources
