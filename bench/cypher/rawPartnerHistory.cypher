// Raw contestant, partnerHistory: the partnerships of the brand named $name, oldest first (start day,
// else announcement day, else report day, then id), each with its brands, its believed covered devices
// and its sources.
MATCH (:Brand {name: $name})-[:PARTY_TO]->(p:Partnership)
WITH p ORDER BY coalesce(p.startedOn, p.announcedOn, p.reportedOn), p.id
CALL (p) {
  OPTIONAL MATCH (p)-[c:COVERS]->(d:Device)
  WITH d, c ORDER BY c.reportedOn DESC, CASE c.confidence WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 ELSE 4 END DESC
  WITH d, collect(c)[0] AS deciding
  WHERE deciding.confidence <> 'DENIED'
  RETURN collect(d {.id, .name}) AS devices
}
RETURN p {.id, .kind, .confidence, .startedOn, .announcedOn, devices: devices,
  brands: COLLECT { MATCH (p)<-[:PARTY_TO]-(b:Brand) RETURN b {.id, .name} },
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN p.sourceIds RETURN s {.id, .title} }
} AS partnership
