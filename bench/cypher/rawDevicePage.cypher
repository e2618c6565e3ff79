// Raw contestant, device page: the device named $name, its maker and chip by their best claim (newest,
// most certain; a node whose deciding claim is a denial is not believed), its specs by key, newest first,
// and its 10 newest leak claims with their sources.
MATCH (d:Device {name: $name})
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
RETURN d {.id, .name, .status, .announcedOn} AS device, brand, chip,
  COLLECT {
    MATCH (d)-[:HAS_SPEC]->(s:Spec)
    WITH s ORDER BY s.key, s.reportedOn DESC, s.id
    RETURN s {.key, .value, .unit, .confidence, .reportedOn}
  } AS specs,
  COLLECT {
    MATCH (d)<-[c:ABOUT]-(l:Leak)
    WITH l, c ORDER BY c.reportedOn DESC, c.id
    LIMIT 10
    RETURN {confidence: c.confidence, reportedOn: c.reportedOn, node: l {.id, .summary, .platform},
            sources: COLLECT { MATCH (s:Source) WHERE s.id IN c.sourceIds RETURN s {.id, .title} }}
  } AS leaks
