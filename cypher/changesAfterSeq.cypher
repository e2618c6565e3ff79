// The change log after sequence number $after, in commit order, at most $limit entries: what the change feed
// tails and a resuming subscriber replays. $until (or null) bounds a replay to what the feed has already passed.
MATCH (c:Change)
WHERE c.seq > $after AND ($until IS NULL OR c.seq <= $until)
WITH c ORDER BY c.seq
LIMIT $limit
RETURN c.seq AS seq, c.id AS id, toString(c.at) AS at, c.actor AS actor, c.role AS role, c.operation AS operation,
  c.entityId AS entityId, c.relatedIds AS relatedIds, c.before AS before, c.after AS after
