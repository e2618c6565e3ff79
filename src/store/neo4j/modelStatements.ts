import { certaintyRankCypher } from '../../model/claim.js';
import { ANY_ENTITY_LABEL, CLAIM_ENTITY_LABELS, kindLabelCypher, LOOKUP_KEY } from '../../model/entityKinds.js';
import { WRITE_ORDER } from '../../model/records.js';
import {
  CLAIM_RELATIONSHIP_TYPES,
  RELATIONSHIPS,
  SPEC_RELATIONSHIP_TYPE,
  claimTypesTouching,
  type ClaimRelationshipType,
  type RelationshipDeclaration,
} from '../../model/relationships.js';

/**
 * The statements that list the model's relationship types or labels, or rank claims, composed from the model
 * instead of written out in cypher/: a new relationship type or record type reaches them without an edit.
 * The library serves them by name beside the .cypher files, so callers, metrics and logs see no difference.
 */

const CLAIM_TYPES = Object.keys(CLAIM_RELATIONSHIP_TYPES) as ClaimRelationshipType[];
const LINKABLE_TYPES = CLAIM_TYPES.filter((type) => CLAIM_RELATIONSHIP_TYPES[type].linkable);
/** Every claim type a device can be at either end of: the claims whose change may move its derived fields. */
const DEVICE_CLAIM_TYPES = claimTypesTouching('Device');

const anyOf = (types: readonly string[]) => types.join('|');

/** One branch per claim type, joined by UNION ALL (or UNION): each branch seeks that type's own indexes. */
const perClaimType = (union: 'UNION' | 'UNION ALL', branch: (type: ClaimRelationshipType) => string) => CLAIM_TYPES.map(branch).join(`\n  ${union}\n  `);

/** A relationship claim `r` from `source` to `target` as a GraphEdge: the graph slice's, the path finder's and claim(id:)'s shape. */
const graphEdge = (r: string, source: string, target: string) =>
  `${r} {.id, type: type(${r}), source: ${source}.id, target: ${target}.id, .confidence, .reportedOn, .reportedOnPrecision, .sourceIds}`;

/** An entity `n` as a GraphNode: its kind as an EntityType value, and a label (a partnership's is its brands' names). */
const graphNode = (n: string) => `${n} {
    .id,
    type: toUpper(${kindLabelCypher(n)}),
    label: CASE
      WHEN ${n}:Partnership THEN reduce(names = '', name IN COLLECT { MATCH (${n})<-[:PARTY_TO]-(b:Brand) RETURN b.name ORDER BY b.name } |
        names + CASE WHEN names = '' THEN '' ELSE ' × ' END + name)
      ELSE coalesce(${n}.name, ${n}.title, ${n}.summary, ${n}.id)
    END
  }`;

/** Whether relationship `r` is one the graph slice follows: its type, its confidence and, with $asOf, its day. */
const sliceClaim = (r: string) => `type(${r}) IN $relationshipTypes AND ${r}.confidence IN $confidences AND ($asOf IS NULL OR ${r}.reportedOn <= date($asOf))`;

/** The pattern from `node` along a declared claim relationship to `other`, as the declaration's owner sees it. */
function alongDeclaration(declaration: RelationshipDeclaration, node: string, other: string): string {
  if (declaration.shape.kind !== 'claim') throw new Error(`${declaration.name} is not one claim relationship`);
  const end = `(${other}:${declaration.target})`;
  return declaration.shape.direction === 'OUT' ? `(${node})-[:${declaration.shape.type}]->${end}` : `${end}-[:${declaration.shape.type}]->(${node})`;
}

/** The declarations an entity that is a claim writes with itself: a partnership's brands, a leak's devices. */
const WRITTEN_WITH_CLAIM_ENTITY = (RELATIONSHIPS as readonly RelationshipDeclaration[]).filter(
  (declaration) =>
    CLAIM_ENTITY_LABELS.has(declaration.owner) && declaration.shape.kind === 'claim' && !CLAIM_RELATIONSHIP_TYPES[declaration.shape.type].linkable,
);

/**
 * Keeps the lookup-key nodes that exact lookups seek (LOOKUP_KEY, migration 0009) in step with the `lookupKeys` of
 * the entity bound to `entity`: drops the keys it no longer has, creates the ones it gained. Every write that sets
 * lookupKeys ends with it.
 */
const syncLookupKeys = (entity: string) => `// The lookup-key nodes exact lookups seek follow lookupKeys.
CALL (${entity}) {
  WITH ${entity}, [(${entity})<-[:${LOOKUP_KEY.type}]-(held:${LOOKUP_KEY.label}) | {node: held, key: held.key}] AS held
  FOREACH (stale IN [key IN held WHERE NOT key.key IN ${entity}.lookupKeys | key.node] | DETACH DELETE stale)
  WITH ${entity}, [key IN held | key.key] AS heldKeys
  UNWIND [key IN ${entity}.lookupKeys WHERE NOT key IN heldKeys] AS missing
  CREATE (:${LOOKUP_KEY.label} {key: missing})-[:${LOOKUP_KEY.type}]->(${entity})
}`;

/**
 * Upserts records of a named kind by id (`importBrands`, `importChips`): sets `label` and `properties` from each row,
 * then the lookup-key nodes. Audited imports (see importAudit.ts) get back each record whose stored values the
 * statement changed; a node MERGE just created holds only its id, so it has no `before`.
 */
const upsertNamedEntities = (entity: string, label: 'Brand' | 'Chip', properties: readonly string[]) => `UNWIND $rows AS row
MERGE (${entity}:${ANY_ENTITY_LABEL} {id: row.id})
WITH ${entity}, row, CASE WHEN $audit THEN properties(${entity}) END AS before
SET ${entity}:${label},
    ${properties.map((property) => `${entity}.${property} = row.${property}`).join(',\n    ')}
WITH ${entity}, before
${syncLookupKeys(entity)}
WITH ${entity}, before
WHERE before IS NOT NULL AND before <> properties(${entity})
RETURN ${entity}.id AS id,
       CASE WHEN size(keys(before)) > 1 THEN before {.*, __typename: '${label}'} END AS before,
       ${entity} {.*, __typename: '${label}'} AS after`;

export const MODEL_STATEMENTS = {
  importBrands: upsertNamedEntities('b', 'Brand', ['name', 'aliases', 'roles', 'country', 'lookupKeys', 'allowMixedScripts']),
  importChips: upsertNamedEntities('c', 'Chip', ['name', 'aliases', 'partNumber', 'lookupKeys', 'allowMixedScripts']),

  /**
   * An entity as the audit trail records it: its properties, its kind as __typename, and the brands of a
   * partnership or the devices of a leak. Also the devices linked to it, whose derived fields a change may move.
   */
  entitySnapshotById: `MATCH (n:${ANY_ENTITY_LABEL} {id: $id})
RETURN n {
  .*,
  __typename: ${kindLabelCypher('n')},
  ${WRITTEN_WITH_CLAIM_ENTITY.map((d) => `${d.field}: CASE WHEN n:${d.owner} THEN [${alongDeclaration(d, 'n', 'x')} | x.id] END`).join(',\n  ')}
} AS snapshot,
[(n)-[:${anyOf(DEVICE_CLAIM_TYPES)}]-(d:Device) | d.id] AS linkedDeviceIds`,

  /**
   * One page of relationship claims for export, in claim id order after $after. One index-ordered branch per
   * type (a dynamic type would scan every relationship); claim ids start with the type, so the merged order is
   * the order of the ids.
   */
  exportRelationshipClaims: `CALL () {
  ${LINKABLE_TYPES.map((type) => `MATCH ()-[r:${type}]->() WHERE r.id > $after RETURN r ORDER BY r.id LIMIT $pageSize`).join('\n  UNION ALL\n  ')}
}
WITH r
ORDER BY r.id
LIMIT $pageSize
RETURN r.id AS key, r {.*, relation: type(r), from: startNode(r).id, to: endNode(r).id} AS fields
ORDER BY key`,

  /** How many export records of each type the graph holds (answered from Neo4j's count store). */
  recordCountsByType: `RETURN ${WRITE_ORDER.map((type) =>
    type === 'Relationship' ? `COUNT { ()-[:${anyOf(LINKABLE_TYPES)}]->() } AS ${type}` : `COUNT { (:${type}) } AS ${type}`,
  ).join(',\n  ')}`,

  /**
   * The neighbourhood of the entity $id, breadth first, up to $depth hops (1 to 3), over relationships whose
   * type is in $relationshipTypes and confidence in $confidences, reported on or before $asOf (null: all). At
   * most $limit nodes, the root included; truncated says more were reachable. Edges are every such relationship
   * between the nodes returned, each once. No row when no entity has the id.
   */
  graphSliceAroundId: `MATCH (root:${ANY_ENTITY_LABEL} {id: $id})
CALL (root) {
  MATCH (root)-[r]-(n:${ANY_ENTITY_LABEL})
  WHERE ${sliceClaim('r')}
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop1
}
CALL (root, hop1) {
  UNWIND CASE WHEN $depth >= 2 THEN hop1 ELSE [] END AS a
  MATCH (a)-[r]-(n:${ANY_ENTITY_LABEL})
  WHERE ${sliceClaim('r')}
    AND n <> root AND NOT n IN hop1
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop2
}
CALL (root, hop1, hop2) {
  UNWIND CASE WHEN $depth >= 3 THEN hop2 ELSE [] END AS a
  MATCH (a)-[r]-(n:${ANY_ENTITY_LABEL})
  WHERE ${sliceClaim('r')}
    AND n <> root AND NOT n IN hop1 AND NOT n IN hop2
  WITH DISTINCT n
  LIMIT $limit
  RETURN collect(n) AS hop3
}
WITH root, [root] + hop1 + hop2 + hop3 AS reached
WITH root, reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:${ANY_ENTITY_LABEL})
  WHERE ${sliceClaim('r')}
    AND b IN nodes
  RETURN collect(${graphEdge('r', 'a', 'b')}) AS edges
}
RETURN root {.*, __typename: ${kindLabelCypher('root')}} AS root,
       [n IN nodes | ${graphNode('n')}] AS nodes,
       edges,
       truncated`,

  /** The relationship claim with id $id as a GraphEdge; no row when there is none. Each branch seeks its type's claim id constraint. */
  relationshipClaimById: `CALL () {
  ${perClaimType('UNION', (type) => `MATCH (a:${ANY_ENTITY_LABEL})-[r:${type} {id: $id}]->(b:${ANY_ENTITY_LABEL}) RETURN a, r, b`)}
}
RETURN ${graphEdge('r', 'a', 'b')} AS claim
LIMIT 1`,

  /**
   * The shortest paths between the entities $from and $to, at most $maxHops (1 to 6) long, over claims that are
   * not denials and were reported on or before $asOf (null: all). The first $first of them, most certain first
   * (by their weakest claim), then by the ids along the way. fromExists / toExists say whether the ends exist.
   */
  shortestPathsBetweenIds: `OPTIONAL MATCH (source:${ANY_ENTITY_LABEL} {id: $from})
OPTIONAL MATCH (target:${ANY_ENTITY_LABEL} {id: $to})
CALL (source, target) {
  WITH source, target
  WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = allShortestPaths((source)-[:${anyOf(CLAIM_TYPES)}*..6]-(target))
  WHERE length(path) <= $maxHops
    AND all(r IN relationships(path) WHERE r.confidence <> 'DENIED' AND ($asOf IS NULL OR r.reportedOn <= date($asOf)))
  WITH path, [r IN relationships(path) | ${certaintyRankCypher('r')}] AS ranks
  WITH path, reduce(weakest = 4, rank IN ranks | CASE WHEN rank < weakest THEN rank ELSE weakest END) AS certainty
  ORDER BY certainty DESC, [n IN nodes(path) | n.id]
  LIMIT $first
  RETURN collect({
    nodes: [n IN nodes(path) | ${graphNode('n')}],
    edges: [r IN relationships(path) | ${graphEdge('r', 'startNode(r)', 'endNode(r)')}]
  }) AS paths
}
RETURN source IS NOT NULL AS fromExists, target IS NOT NULL AS toExists, paths`,

  /**
   * Recomputes what each device derives from its claims:
   * - the best identity.* claim copied onto the device (DENIED claims never become the value) and its lookup
   *   keys from every non-denied claim;
   * - firstReportedOn, the earliest reportedOn of any claim about it (relationships, leaks, specs): the day the
   *   graph first knew of the device, which decides whether it exists in an asOf view.
   * Claims tied on day and certainty keep one order (by claim id), not the storage order, so the same claims
   * always give the same lookupKeys list: an import, a resumed import and a re-import agree.
   */
  refreshDeviceIdentity: `UNWIND $deviceIds AS deviceId
MATCH (d:Device {id: deviceId})
CALL (d) {
  OPTIONAL MATCH (d)-[:${SPEC_RELATIONSHIP_TYPE}]->(s:Spec)
  WHERE s.key STARTS WITH 'identity.' AND s.confidence <> 'DENIED'
  WITH s
  ORDER BY s.reportedOn DESC, ${certaintyRankCypher('s')} DESC, s.id
  WITH collect(s) AS claims
  RETURN
    [c IN claims WHERE c.key = 'identity.modelNumber' | c.value][0] AS modelNumber,
    [c IN claims WHERE c.key = 'identity.shortModelNumber' | c.value][0] AS shortModelNumber,
    [c IN claims WHERE c.key = 'identity.codename' | c.value][0] AS codename,
    [c IN claims | toLower(c.value)] AS claimedKeys
}
CALL (d) {
  OPTIONAL MATCH (d)-[link:${anyOf([...DEVICE_CLAIM_TYPES, SPEC_RELATIONSHIP_TYPE])}]-(other)
  // A spec's provenance is on the Spec node; every other claim's is on the relationship.
  RETURN min(CASE type(link) WHEN '${SPEC_RELATIONSHIP_TYPE}' THEN other.reportedOn ELSE link.reportedOn END) AS firstReportedOn
}
SET d.modelNumber = modelNumber,
    d.shortModelNumber = shortModelNumber,
    d.codename = codename,
    d.firstReportedOn = firstReportedOn,
    d.lookupKeys = reduce(keys = [], key IN [toLower(d.name)] + [a IN d.aliases | toLower(a)] + claimedKeys |
      CASE WHEN key IN keys THEN keys ELSE keys + key END)
WITH d
${syncLookupKeys('d')}`,
} as const;

export type ModelStatementName = keyof typeof MODEL_STATEMENTS;
