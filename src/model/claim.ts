import { withAsOf, type AsOf, type WithAsOf } from './asOf.js';
import { Confidence, type DatePrecision, type Relation } from './enums.js';
import type { EntityRecord } from './entity.js';

/**
 * A claim: provenance as stored on a relationship, a spec, a leak or a partnership. The one claim shape the
 * reads, the editor, the importer's audit, the exporter and the change feed share; the belief rule below ranks it.
 */
export interface Claim {
  id: string;
  confidence: Confidence;
  reportedOn: string;
  reportedOnPrecision: DatePrecision;
  sourceIds: string[];
}

/** A relationship claim with its relation and both ends: as claimsBetween reads it and the audit trail records it. */
export interface RelationshipClaim extends Claim {
  relation: Relation;
  from: string;
  to: string;
}

/** A relationship claim as the API returns it (a mutation's result, a claimChanged event): its ends resolve to entities by id. */
export interface RelationshipClaimNode extends Omit<RelationshipClaim, 'from' | 'to'> {
  __typename: 'RelationshipClaim';
  fromId: string;
  toId: string;
}

export function relationshipClaimNode({ from, to, ...claim }: RelationshipClaim): RelationshipClaimNode {
  return { __typename: 'RelationshipClaim', ...claim, fromId: from, toId: to };
}

export interface ClaimEdgeRecord<TNode> {
  node: TNode;
  claim: Claim;
}

/**
 * What the graph believes, written once. Claims never overwrite each other; these rules decide which
 * claim counts: for a single value, for a list, for a spec value, and on which day an entity exists.
 * The Cypher that must agree with them (ordering, ranks) is pinned to them by tests/belief.
 */

/** Claims shown as a single value rank newest first, then most certain (DENIED is as certain as CONFIRMED). */
const CERTAINTY: Record<Confidence, number> = {
  CONFIRMED: 4,
  DENIED: 4,
  REPORTED: 3,
  RUMORED: 2,
  SPECULATED: 1,
};

/** The certainty rank of `variable`'s confidence in Cypher, as CERTAINTY has it: the only form Cypher may rank claims with. */
export function certaintyRankCypher(variable: string): string {
  return `CASE ${variable}.confidence ${Object.entries(CERTAINTY)
    .map(([confidence, rank]) => `WHEN '${confidence}' THEN ${rank}`)
    .join(' ')} END`;
}

/**
 * ORDER BY terms that put the deciding claim first, as believedEdges sorts the edges a read returns: newest,
 * then most certain, then (the reads' own order on a tie) the smallest claim id. `claimId` gives the claim's id
 * expression over a claim variable, `day` the claim's day (a variable already holding it saves reading it again).
 */
export function decidingOrderCypher(claim: string, claimId: (claim: string) => string = (variable) => `${variable}.id`, day = `${claim}.reportedOn`): string {
  return `${day} DESC, ${certaintyRankCypher(claim)} DESC, ${claimId(claim)}`;
}

/**
 * ORDER BY terms of the reads' edges (newest claim first, then by claim id), over the columns decidingClaims (store/reads/belief.ts)
 * leaves for each node (`decidingDay`, `firstKey`): distinctNodes' order.
 */
export function edgeOrderCypher(): string {
  return 'decidingDay DESC, firstKey';
}

/** What the belief rule ranks a claim by. */
export type RankedClaim = Pick<Claim, 'confidence' | 'reportedOn'>;

export function compareClaims(a: RankedClaim, b: RankedClaim): number {
  if (a.reportedOn !== b.reportedOn) return a.reportedOn < b.reportedOn ? 1 : -1;
  return CERTAINTY[b.confidence] - CERTAINTY[a.confidence];
}

/** The claims about one node-pair, the deciding one first, then in the belief rule's order (decidingOrderCypher's: the id breaks ties). */
export function decidingFirst<TClaim extends RankedClaim & { id: string }>(claims: readonly TClaim[]): TClaim[] {
  return [...claims].sort((a, b) => compareClaims(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The confidences at least as strong as `minimum`; DENIED claims only pass when there is no minimum. */
export function confidencesAtLeast(minimum: Confidence | null | undefined): Confidence[] {
  const strongestFirst = [Confidence.CONFIRMED, Confidence.REPORTED, Confidence.RUMORED, Confidence.SPECULATED];
  if (!minimum) return [...strongestFirst, Confidence.DENIED];
  if (minimum === Confidence.DENIED) return [Confidence.DENIED];
  return strongestFirst.slice(0, strongestFirst.indexOf(minimum) + 1);
}

/**
 * The nodes the claims still support: a node is believed when its newest claim (the most certain on a
 * tie) is not a denial, so a later source can deny an earlier claim and a still later one confirm it
 * again. Each believed node once, with its deciding claim, best first.
 */
function believedEdges<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): ClaimEdgeRecord<TNode>[] {
  const deciding = new Map<string, ClaimEdgeRecord<TNode>>();
  for (const edge of [...edges].sort((a, b) => compareClaims(a.claim, b.claim))) {
    if (!deciding.has(edge.node.id)) deciding.set(edge.node.id, edge);
  }
  return [...deciding.values()].filter((edge) => edge.claim.confidence !== Confidence.DENIED);
}

/** The value of a single-value field: the believed node with the newest, most certain claim. */
export function bestNode<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): TNode | null {
  return believedEdges(edges)[0]?.node ?? null;
}

/** The nodes of a list field: each believed node once, in edge order. */
export function distinctNodes<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): TNode[] {
  const believed = new Set(believedEdges(edges).map((edge) => edge.node.id));
  const nodes = new Map<string, TNode>();
  for (const edge of edges) {
    if (believed.has(edge.node.id) && !nodes.has(edge.node.id)) nodes.set(edge.node.id, edge.node);
  }
  return [...nodes.values()];
}

/** The value of the newest, most certain claim for `key` that is not a denial, as refreshDeviceIdentity picks it. */
export function bestSpecValue(specs: ReadonlyArray<RankedClaim & { key: string; value: string }>, key: string): string | null {
  const claims = specs.filter((spec) => spec.key === key && spec.confidence !== Confidence.DENIED);
  claims.sort(compareClaims);
  return claims[0]?.value ?? null;
}

/** Entities that exist in every view, whatever the day. */
const ALWAYS = Symbol('always');

/** The stored property holding the day the graph first knew of an entity of each kind that has one (see knownSince). */
export const KNOWN_SINCE_PROPERTY = { Device: 'firstReportedOn', Partnership: 'reportedOn', Leak: 'reportedOn', Source: 'publishedOn' } as const;

/**
 * The day the graph first knew of an entity. Brands and chips are reference entities and sources
 * without a publication day are editorial notes: they exist in every view. Devices exist from their
 * first claim (a device no claim mentions, null, only exists today), partnerships and leaks from their
 * own report, sources from their publication.
 */
function knownSince(record: EntityRecord & Record<string, unknown>): string | null | typeof ALWAYS {
  const property = KNOWN_SINCE_PROPERTY[record.__typename as keyof typeof KNOWN_SINCE_PROPERTY] as string | undefined;
  if (property === undefined) return ALWAYS;
  const day = (record[property] as string | null | undefined) ?? null;
  return day === null && UNDATED_ALWAYS_KNOWN.has(record.__typename) ? ALWAYS : day;
}

/** Kinds whose entities without a day exist in every view (see knownSince). */
const UNDATED_ALWAYS_KNOWN: ReadonlySet<string> = new Set(['Source']);

/**
 * isKnownOn in Cypher, for a `node` of the kind `label`: whether it existed in the view of the day expression `asOf`;
 * null for a kind that exists in every view.
 */
export function knownOnOfKindCypher(node: string, label: string, asOf: string): string | null {
  const property = (KNOWN_SINCE_PROPERTY as Partial<Record<string, string>>)[label];
  if (property === undefined) return null;
  const known = `${node}.${property} <= ${asOf}`;
  return UNDATED_ALWAYS_KNOWN.has(label) ? `(${node}.${property} IS NULL OR ${known})` : known;
}

/** isKnownOn in Cypher, for a `node` of any kind: knownOnOfKindCypher's condition for its kind; other kinds always pass. */
export function knownOnCypher(node: string, asOf: string): string {
  const cases = Object.keys(KNOWN_SINCE_PROPERTY).map((label) => `WHEN ${node}:${label} THEN ${knownOnOfKindCypher(node, label, asOf)!}`);
  return `CASE ${cases.join(' ')} ELSE true END`;
}

/** Whether the entity existed in the view of `asOf`. */
export function isKnownOn(record: EntityRecord, asOf: AsOf): boolean {
  if (asOf === null) return true;
  const since = knownSince(record as EntityRecord & Record<string, unknown>);
  return since === ALWAYS || (since !== null && since <= asOf);
}

/** The entity as seen on `asOf`: tagged with the day, or null when it was not known yet. */
export function entityAsOf<TRecord extends EntityRecord>(record: TRecord | null, asOf: AsOf): (TRecord & WithAsOf) | null {
  return record && isKnownOn(record, asOf) ? withAsOf(record, asOf) : null;
}
