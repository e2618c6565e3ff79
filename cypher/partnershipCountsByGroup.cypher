// Partnerships that are not denials, reported on or before $asOf (null: all), counted per $groupBy:
// YEAR (of the start day, else announcement day, else report day), KIND, or PARTNER (each brand party
// to them). Largest groups first for KIND and PARTNER, chronological for YEAR.
MATCH (partnership:Partnership)
WHERE partnership.confidence <> 'DENIED' AND ($asOf IS NULL OR partnership.reportedOn <= date($asOf))
CALL (partnership) {
  WITH partnership WHERE $groupBy = 'PARTNER'
  MATCH (brand:Brand)-[:PARTY_TO]->(partnership)
  RETURN brand.id AS key, brand.name AS label
  UNION
  WITH partnership WHERE $groupBy = 'KIND'
  RETURN partnership.kind AS key, partnership.kind AS label
  UNION
  WITH partnership WHERE $groupBy = 'YEAR'
  WITH toString(coalesce(partnership.startedOn, partnership.announcedOn, partnership.reportedOn).year) AS year
  RETURN year AS key, year AS label
}
WITH key, label, count(partnership) AS count
ORDER BY CASE WHEN $groupBy = 'YEAR' THEN key END, count DESC, key
RETURN key, label, count
