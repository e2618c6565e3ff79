// Exact lookups seek a range index instead of the keyword full-text index: each entry of an entity's lookupKeys
// becomes a (:LookupKey {key})-[:KEY_OF]->(entity) of its own (model/entityKinds.ts, LOOKUP_KEY), since a range
// index cannot index a list's entries. The writes that set lookupKeys keep them in step from now on.
CREATE RANGE INDEX lookup_key IF NOT EXISTS FOR (k:LookupKey) ON (k.key);
MATCH (n:Brand|Device|Chip)
WHERE n.lookupKeys IS NOT NULL AND NOT EXISTS { (n)<-[:KEY_OF]-(:LookupKey) }
UNWIND n.lookupKeys AS key
CREATE (:LookupKey {key: key})-[:KEY_OF]->(n);
DROP INDEX entity_lookup_keys IF EXISTS;
