// An entity as the audit trail records it: its properties, its type label as __typename, and the brands of a
// partnership or the devices of a leak. Also the devices linked to it, whose derived fields a change may move.
MATCH (n:Entity {id: $id})
RETURN n {
  .*,
  __typename: [label IN labels(n) WHERE label <> 'Entity'][0],
  brands: CASE WHEN n:Partnership THEN [(b:Brand)-[:PARTY_TO]->(n) | b.id] END,
  devices: CASE WHEN n:Leak THEN [(n)-[:ABOUT]->(d:Device) | d.id] END
} AS snapshot,
[(n)-[:MADE_BY|USES_CHIP|CAMERA_BY|COVERS|ABOUT]-(d:Device) | d.id] AS linkedDeviceIds
