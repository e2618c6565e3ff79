// Upserts Source records by id.
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
SET s:Source,
    s.title = row.title,
    s.publisher = row.publisher,
    s.author = row.author,
    s.url = row.url,
    s.publishedOn = date(row.publishedOn),
    s.publishedOnPrecision = row.publishedOnPrecision
