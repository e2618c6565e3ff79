// Free-text search over names, aliases, codenames, model numbers and summaries (typo- and prefix-tolerant queries).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Brand|Device|Chip|Partnership|Leak|Source)
  ON EACH [n.name, n.aliases, n.codename, n.modelNumber, n.shortModelNumber, n.partNumber, n.summary, n.title];
