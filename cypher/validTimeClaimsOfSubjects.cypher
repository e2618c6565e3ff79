// The valid-time claims about each of $ids (partnerships, devices, chips), every one whatever its report day:
// the belief rule (model/validTime.ts) picks the span as of a day from them.
UNWIND $ids AS subjectId
MATCH (subject:Entity {id: subjectId})-[:HAS_VALID_TIME]->(v:ValidTime)
RETURN subjectId, collect(v {.*, subjectId: subjectId}) AS claims
