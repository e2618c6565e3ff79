// Raw contestant, list page: the first $first devices by name (then id), each with its maker and chip
// by their best claim.
MATCH (d:Device) WHERE d.name IS NOT NULL
WITH d ORDER BY d.name, d.id
LIMIT $first
OPTIONAL CALL (d) {
  MATCH (d)-[c:MADE_BY]->(b:Brand)
  WITH b, c ORDER BY c.reportedOn DESC, CASE c.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, c.id
  WITH b, collect(c)[0] AS deciding
  WHERE deciding.confidence <> 'DENIED'
  WITH b, deciding ORDER BY deciding.reportedOn DESC, CASE deciding.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, deciding.id
  LIMIT 1
  RETURN b {.id, .name} AS brand
}
OPTIONAL CALL (d) {
  MATCH (d)-[c:USES_CHIP]->(chip:Chip)
  WITH chip, c ORDER BY c.reportedOn DESC, CASE c.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, c.id
  WITH chip, collect(c)[0] AS deciding
  WHERE deciding.confidence <> 'DENIED'
  WITH chip, deciding ORDER BY deciding.reportedOn DESC, CASE deciding.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, deciding.id
  LIMIT 1
  RETURN chip {.id, .name} AS chip
}
RETURN d {.id, .name, brand: brand, chip: chip} AS device
