// Upserts Brand records by id.
UNWIND $rows AS row
MERGE (b:Entity {id: row.id})
SET b:Brand,
    b.name = row.name,
    b.aliases = row.aliases,
    b.roles = row.roles,
    b.country = row.country,
    b.lookupKeys = row.lookupKeys,
    b.allowMixedScripts = row.allowMixedScripts
