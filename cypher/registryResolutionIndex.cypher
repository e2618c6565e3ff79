// What a registry import resolves its rows against (src/store/imports/androidDeviceList.ts): every brand
// with its names, and every device that has a model number claim, with its makers and the codenames that
// sources other than the registry's ($sourceId) claim, so a conflict with them can be reported.
MATCH (b:Brand)
RETURN 'brand' AS kind, b.id AS id, b.name AS name, coalesce(b.aliases, []) AS keys, [] AS makers, [] AS codenames
UNION ALL
MATCH (d:Device)-[:HAS_SPEC]->(m:Spec {key: 'identity.modelNumber'})
WHERE m.confidence <> 'DENIED'
WITH d, collect(DISTINCT m.value) AS modelNumbers
RETURN 'device' AS kind, d.id AS id, d.name AS name, modelNumbers AS keys,
       [(d)-[:MADE_BY]->(maker:Brand) | maker.id] AS makers,
       [(d)-[:HAS_SPEC]->(c:Spec {key: 'identity.codename'}) WHERE c.confidence <> 'DENIED' AND NOT $sourceId IN c.sourceIds | c.value] AS codenames
