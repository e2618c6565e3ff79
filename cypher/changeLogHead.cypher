// The sequence number of the last committed change; 0 before the first.
OPTIONAL MATCH (s:ChangeSequence {name: 'change'})
RETURN coalesce(s.last, 0) AS last
