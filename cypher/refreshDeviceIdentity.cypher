// Recomputes what each device derives from its claims:
// - the best identity.* claim copied onto the device (newest first, then most certain; DENIED claims
//   never become the value) and its lookup keys from every non-denied claim;
// - firstReportedOn, the earliest reportedOn of any claim about it (relationships, leaks, specs): the
//   day the graph first knew of the device, which decides whether it exists in an asOf view.
UNWIND $deviceIds AS deviceId
MATCH (d:Device {id: deviceId})
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_SPEC]->(s:Spec)
  WHERE s.key STARTS WITH 'identity.' AND s.confidence <> 'DENIED'
  WITH s
  ORDER BY s.reportedOn DESC,
    CASE s.confidence WHEN 'CONFIRMED' THEN 4 WHEN 'DENIED' THEN 4 WHEN 'REPORTED' THEN 3 WHEN 'RUMORED' THEN 2 WHEN 'SPECULATED' THEN 1 END DESC,
    // Claims tied on both keep one order (by claim id), not the storage order, so the same claims always
    // give the same lookupKeys list: an import, a resumed import and a re-import agree.
    s.id
  WITH collect(s) AS claims
  RETURN
    [c IN claims WHERE c.key = 'identity.modelNumber' | c.value][0] AS modelNumber,
    [c IN claims WHERE c.key = 'identity.shortModelNumber' | c.value][0] AS shortModelNumber,
    [c IN claims WHERE c.key = 'identity.codename' | c.value][0] AS codename,
    [c IN claims | toLower(c.value)] AS claimedKeys
}
CALL (d) {
  OPTIONAL MATCH (d)-[link:MADE_BY|USES_CHIP|CAMERA_BY|COVERS|ABOUT|HAS_SPEC]-(other)
  // A spec's provenance is on the Spec node; every other claim's is on the relationship.
  RETURN min(CASE type(link) WHEN 'HAS_SPEC' THEN other.reportedOn ELSE link.reportedOn END) AS firstReportedOn
}
SET d.modelNumber = modelNumber,
    d.shortModelNumber = shortModelNumber,
    d.codename = codename,
    d.firstReportedOn = firstReportedOn,
    d.lookupKeys = reduce(keys = [], key IN [toLower(d.name)] + [a IN d.aliases | toLower(a)] + claimedKeys |
      CASE WHEN key IN keys THEN keys ELSE keys + key END)
