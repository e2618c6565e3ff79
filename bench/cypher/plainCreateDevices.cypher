// Plain import into an empty graph: one Device node per row.
UNWIND $rows AS row
CREATE (:Entity:Device {id: row.id, name: row.name, aliases: row.aliases, status: row.status, announcedOn: date(row.announcedOn)})
