// The specs an import batch writes, with the device they describe, read before and after the batch's write.
// Absent specs return no row.
UNWIND $ids AS id
MATCH (d:Device)-[:HAS_SPEC]->(s:Spec {id: id})
RETURN id, s {.*, device: d.id} AS snapshot
