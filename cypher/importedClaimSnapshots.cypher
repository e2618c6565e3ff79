// The relationship claims an import batch writes, as the audit trail records them (the shape of claimsBetween,
// with the relation and both ends), read before and after the batch's write. claim.relation is a Relation enum
// value, checked by the importer before any write. Absent claims return no row.
UNWIND $claims AS claim
MATCH (:Entity {id: claim.from})-[r:$(claim.relation) {id: claim.id}]->(:Entity {id: claim.to})
RETURN claim.id AS id, r {.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds, relation: claim.relation, from: claim.from, to: claim.to} AS snapshot
