// How many committed audit entries written more than $olderThanMs ago still wait for their number: left behind by a
// process that stopped between a mutation's commit and its numbering (cypher/sequenceChanges.cypher).
MATCH (pending:PendingChange)
WHERE pending.writtenAt < datetime.realtime() - duration({milliseconds: $olderThanMs})
RETURN count(pending) AS pending
