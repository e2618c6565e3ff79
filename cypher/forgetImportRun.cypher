// Drops the checkpoint of an import run once its last transaction commits.
MATCH (run:ImportRun {id: $runId})
DELETE run
