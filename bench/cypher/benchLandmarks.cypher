// The entities the bench's operations are about, picked from the loaded data: devices by number of leaks
// and brands by number of devices (most first, then id), and the brand with the most distinct partners.
CALL () {
  MATCH (d:Device)
  WITH d, COUNT { (d)<-[:ABOUT]-(:Leak) } AS leaks
  ORDER BY leaks DESC, d.id
  RETURN collect(d {.id, .name, .codename, .modelNumber}) AS devicesByLeaks
}
CALL () {
  MATCH (b:Brand)
  WITH b, COUNT { (b)<-[:MADE_BY]-(:Device) } AS devices
  ORDER BY devices DESC, b.id
  RETURN collect(b {.id, .name}) AS brandsByDevices
}
CALL () {
  MATCH (b:Brand)
  WITH b, COUNT { MATCH (b)-[:PARTY_TO]->(:Partnership)<-[:PARTY_TO]-(partner:Brand) RETURN DISTINCT partner } AS partners
  ORDER BY partners DESC, b.id
  LIMIT 1
  RETURN b {.id, .name} AS mostPartnered
}
CALL () {
  MATCH (c:Chip)
  WITH c ORDER BY c.id
  LIMIT 1
  RETURN c {.id, .name, .partNumber} AS firstChip
}
RETURN devicesByLeaks, brandsByDevices, mostPartnered, firstChip
