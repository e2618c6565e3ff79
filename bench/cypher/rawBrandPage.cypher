// Raw contestant, brand page: the brand named $name, its believed partners (the other brands of its
// partnerships whose newest, most certain partnership is not a denial), and its 20 newest maker claims'
// devices, each with its chip by its best claim.
MATCH (b:Brand {name: $name})
CALL (b) {
  OPTIONAL MATCH (b)-[:PARTY_TO]->(p:Partnership)<-[:PARTY_TO]-(partner:Brand)
  WITH partner, p ORDER BY p.reportedOn DESC, CASE p.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC
  WITH partner, collect(p)[0] AS deciding
  WHERE deciding.confidence <> 'DENIED'
  RETURN collect(partner {.id, .name}) AS partners
}
CALL (b) {
  OPTIONAL MATCH (b)<-[made:MADE_BY]-(d:Device)
  WITH d, made ORDER BY made.reportedOn DESC, made.id
  LIMIT 20
  OPTIONAL CALL (d) {
    MATCH (d)-[c:USES_CHIP]->(chip:Chip)
    WITH chip, c ORDER BY c.reportedOn DESC, CASE c.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, c.id
    WITH chip, collect(c)[0] AS deciding
    WHERE deciding.confidence <> 'DENIED'
    WITH chip, deciding ORDER BY deciding.reportedOn DESC, CASE deciding.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC, deciding.id
    LIMIT 1
    RETURN chip {.id, .name} AS chip
  }
  RETURN collect(d {.id, .name, chip: chip}) AS devices
}
RETURN b {.id, .name} AS brand, partners, devices
