// Marks one migration file as applied.
MERGE (m:SchemaMigration {name: $name})
ON CREATE SET m.appliedAt = datetime()
SET m.checksum = $checksum
