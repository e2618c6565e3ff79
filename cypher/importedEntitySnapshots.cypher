// The entities an import batch writes, as the audit trail records them (the shape of entitySnapshotById), read
// before and after the batch's write so that only what changed gets an entry. Absent ids return no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, n {
  .*,
  __typename: [label IN labels(n) WHERE label <> 'Entity'][0],
  brands: CASE WHEN n:Partnership THEN [(b:Brand)-[:PARTY_TO]->(n) | b.id] END,
  devices: CASE WHEN n:Leak THEN [(n)-[:ABOUT]->(d:Device) | d.id] END
} AS snapshot
