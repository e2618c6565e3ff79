// Upserts Chip records by id.
UNWIND $rows AS row
MERGE (c:Entity {id: row.id})
SET c:Chip,
    c.name = row.name,
    c.aliases = row.aliases,
    c.partNumber = row.partNumber,
    c.lookupKeys = row.lookupKeys,
    c.allowMixedScripts = row.allowMixedScripts
