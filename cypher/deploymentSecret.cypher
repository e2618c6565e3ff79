// The deployment's secret of this name: the first replica to start stores its candidate, every later one reads it.
// No label the API reads (Entity, Change, ...) is on it, so no GraphQL field can reach it.
MERGE (s:DeploymentSecret {name: $name})
  ON CREATE SET s.value = $candidate, s.createdAt = datetime()
RETURN s.value AS value
