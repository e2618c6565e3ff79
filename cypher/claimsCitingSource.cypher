// How many claims (relationships, specs, partnerships, leaks) cite the source: a cited source cannot be deleted.
CALL () {
  MATCH ()-[claim]->()
  WHERE $sourceId IN claim.sourceIds
  RETURN count(claim) AS relationships
}
CALL () {
  MATCH (claim)
  WHERE (claim:Spec OR claim:Partnership OR claim:Leak) AND $sourceId IN claim.sourceIds
  RETURN count(claim) AS nodes
}
RETURN relationships + nodes AS citing
