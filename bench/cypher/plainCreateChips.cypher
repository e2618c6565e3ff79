// Plain import into an empty graph: one Chip node per row.
UNWIND $rows AS row
CREATE (:Entity:Chip {id: row.id, name: row.name, aliases: row.aliases, partNumber: row.partNumber})
