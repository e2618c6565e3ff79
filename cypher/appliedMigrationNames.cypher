// Names of the schema migrations already applied to this database.
MATCH (m:SchemaMigration)
RETURN m.name AS name
