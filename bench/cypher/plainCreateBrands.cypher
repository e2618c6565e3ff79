// Plain import into an empty graph: one Brand node per row.
UNWIND $rows AS row
CREATE (:Entity:Brand {id: row.id, name: row.name, aliases: row.aliases, roles: row.roles, country: row.country})
