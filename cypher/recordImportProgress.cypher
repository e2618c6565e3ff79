// The checkpoint of an import run, written in the transaction of the batch it counts, so a run that
// stops for any reason resumes right after its last committed batch.
MERGE (run:ImportRun {id: $runId})
ON CREATE SET run.startedAt = datetime()
SET run.recordsDone = $recordsDone,
    run.records = $records,
    run.files = $files,
    run.updatedAt = datetime()
