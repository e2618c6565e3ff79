// How many records an earlier, interrupted run of the same import (same file contents) committed.
MATCH (run:ImportRun {id: $runId})
RETURN run.recordsDone AS recordsDone
