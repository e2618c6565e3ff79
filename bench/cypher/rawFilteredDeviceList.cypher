// Raw contestant, filtered and sorted list: devices made by $brandId (claims that are not denials) with
// status $status, announced on or after $announcedFrom, newest announcement first, then id.
MATCH (:Brand {id: $brandId})<-[c:MADE_BY]-(d:Device)
WHERE c.confidence <> 'DENIED' AND d.status = $status AND d.announcedOn >= date($announcedFrom)
WITH DISTINCT d
ORDER BY d.announcedOn DESC, d.id
LIMIT $first
RETURN d {.id, .name, .status, .announcedOn} AS device
