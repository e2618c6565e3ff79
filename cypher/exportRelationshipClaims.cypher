// One page of relationship claims for export, in claim id order after $after. One index-ordered branch per
// relation type (a dynamic type would scan every relationship); claim ids start with the type, so the merged
// order is the order of the ids.
CALL () {
  MATCH ()-[r:CAMERA_BY]->() WHERE r.id > $after RETURN r ORDER BY r.id LIMIT $pageSize
  UNION ALL
  MATCH ()-[r:COVERS]->() WHERE r.id > $after RETURN r ORDER BY r.id LIMIT $pageSize
  UNION ALL
  MATCH ()-[r:MADE_BY]->() WHERE r.id > $after RETURN r ORDER BY r.id LIMIT $pageSize
  UNION ALL
  MATCH ()-[r:USES_CHIP]->() WHERE r.id > $after RETURN r ORDER BY r.id LIMIT $pageSize
}
WITH r
ORDER BY r.id
LIMIT $pageSize
RETURN r.id AS key, r {.*, relation: type(r), from: startNode(r).id, to: endNode(r).id} AS fields
ORDER BY key
