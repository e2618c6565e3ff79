// Plain import into an empty graph: one Source node per row, no validation, no upsert.
UNWIND $rows AS row
CREATE (:Entity:Source {id: row.id, title: row.title, publisher: row.publisher, author: row.author, url: row.url,
                        publishedOn: date(row.publishedOn)})
