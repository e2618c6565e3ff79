// Upserts Partnership records and the brands party to them; the partnership's provenance applies to each link.
UNWIND $rows AS row
MERGE (p:Entity {id: row.id})
WITH p, row, CASE WHEN $audit THEN p {.*, brands: [(b:Brand)-[:PARTY_TO]->(p) | b.id]} END AS before
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
    p.sourceIds = row.sourceIds
WITH p, row, before
CALL (p, row) {
  MATCH (b:Brand)-[stale:PARTY_TO]->(p)
  WHERE NOT b.id IN row.brands
  DELETE stale
}
CALL (p, row) {
  UNWIND row.brands AS brandId
  MATCH (b:Brand {id: brandId})
  // Merged on the pattern, not the id (see importLeaks): one PARTY_TO link per brand and partnership.
  MERGE (b)-[r:PARTY_TO]->(p)
  SET r.id = row.id + '|' + brandId,
      r.confidence = row.confidence,
      r.reportedOn = date(row.reportedOn),
      r.reportedOnPrecision = row.reportedOnPrecision,
      r.sourceIds = row.sourceIds
}
// Audited imports (see importAudit.ts) return each record whose stored values or brands this statement changed
// (the brands compared as sets); a node MERGE just created holds only its id, so it has no `before`.
WITH p, before
WHERE before IS NOT NULL
WITH p, before, p {.*, brands: [(b:Brand)-[:PARTY_TO]->(p) | b.id]} AS after
WHERE before <> after {.*, brands: before.brands}
   OR size(before.brands) <> size(after.brands)
   OR any(id IN after.brands WHERE NOT id IN before.brands)
RETURN p.id AS id,
       CASE WHEN size(keys(before)) > 2 THEN before {.*, __typename: 'Partnership'} END AS before,
       after {.*, __typename: 'Partnership'} AS after
