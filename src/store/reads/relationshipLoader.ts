import DataLoader from 'dataloader';
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import type { AsOf, WithAsOf } from '../../model/asOf.js';
import { decidingFirst, type Claim } from '../../model/claim.js';
import type { EntityRecord } from '../../model/entity.js';
import { encodeCursor, pageInfoOf, pageWindow, type PageArguments } from '../../model/keyset.js';
import type { Database, Row } from '../neo4j/database.js';
import { batchStatement, PLANNED_AS_OF, readsBelowNode, type ReadGroup, type ReadsBelowNode } from './cypher.js';
import type { CompiledDocument, CompiledDocuments, CompiledPlan } from './compiledDocuments.js';
import {
  ALL_SPECS,
  collectFields,
  connectionSelections,
  hitNodeProperties,
  readOfField,
  readsBelow,
  sourcePropertiesOf,
  storedPropertiesOf,
  type PAIR_CLAIM_PROPERTIES,
  type RelationshipRead,
} from './read.js';
import type { EntityLabel } from '../../model/entityKinds.js';

/** The record a relationship field hangs off, possibly read as of a past day. */
export type Parent = { id: string } & WithAsOf;

/**
 * The sources a read fetched inline with a claim (an edge, or a node or root entity that is a claim), projected for the
 * selection of that claim's `sources` field alone: not a GraphQL field. Kept on the claim, not in the request's entity
 * loader, because other fields (node(id:), a claim's `from`) read whole records there; a partial Source reaches no field
 * but the one it was projected for. That is simpler than widening every Source projection to what the whole document
 * and the code (such as asOf's knownSince) could read of a Source, and stays right when a new reader appears.
 */
export interface WithInlineSources {
  inlineSources?: readonly EntityRecord[];
}

/** A target node, projected as its read asked. */
export type TargetNode = Row & { id: string } & WithAsOf & WithInlineSources;

/** A claim with the properties its read projected (RelationshipRead.claimProperties): only those its edge's fields and cursor read. */
export type ProjectedClaim = Partial<Claim>;

/** A claim of `edges.claims`, with what the loader pages and ranks them by beside what their selection asks. */
export type PairClaim = ProjectedClaim & Pick<Claim, (typeof PAIR_CLAIM_PROPERTIES)[number]>;

/** One edge as the reads bring it back: the target node and, for reads of claims or node edges, the claim linking it. */
export interface Edge {
  node: TargetNode;
  /**
   * The claim of the edge, or of a node edge the deciding claim. Absent from reads of believed nodes and of specs (a
   * spec is its own claim), and from connections whose selection reads nothing of it.
   */
  claim?: ProjectedClaim;
  /** Of a node edge, when `edges.claims` is asked for: every claim about the node-pair. */
  claims?: PairClaim[];
  sources?: EntityRecord[];
  /** The sources of `claims`. */
  claimSources?: EntityRecord[];
  nodeSources?: EntityRecord[];
  /** Pages of the reads below this node, in the order of the read's children. */
  below?: ReturnedPage[];
}

export interface Page {
  totalCount: number;
  edges: Edge[];
  hasNextPage: boolean;
}

/** A read's result as its statement returns it (readBlock): a page, only the edges of an unpaged read, or a count. */
export type ReturnedPage = Page | Edge[] | number;

/** The Page a statement returned for `read`: results that carry less than a page are completed here, where it costs no bytes. */
function pageOf(returned: ReturnedPage): Page {
  if (typeof returned === 'number') return { totalCount: returned, edges: [], hasNextPage: false };
  if (Array.isArray(returned)) return { totalCount: 0, edges: returned, hasNextPage: false };
  return returned;
}

interface Request {
  read: RelationshipRead;
  asOf: AsOf;
  parentId: string;
}

const EMPTY: Page = { totalCount: 0, edges: [], hasNextPage: false };

/** Equal for requests of the same read, day and parent: the loader's cache key and the batch's lookup key. */
function requestKey({ read, asOf, parentId }: Request): string {
  return `${read.key}@${asOf ?? ''}@${parentId}`;
}

/**
 * Per-request relationship reads. A root field plans the relationship reads its selection asks for and
 * sends them in its own statement (`planBelow`); the pages that come back prime this loader, so the
 * field resolvers find their answer here. What no plan covered is batched: every read asked in the
 * same tick, for any relationships and parents, goes out as one statement.
 */
export class RelationshipLoader {
  private readonly loader: DataLoader<Request, Page, string>;
  /** Reads derived from a field's nodes, per asOf: graphql-js passes the same nodes for every parent. */
  private readonly readsByField = new WeakMap<readonly FieldNode[], Map<AsOf, RelationshipRead | undefined>>();
  /** The pages planned statements brought back, by requestKey: the field resolvers read them synchronously. */
  private readonly planned = new Map<string, Page>();
  private compiled: CompiledDocument | undefined;
  private built: CompiledDocuments['built'] = { plans: 0, statements: 0, measures: 0 };

  constructor(
    private readonly db: Database,
    /** false: root fields plan nothing; the field resolvers' reads, each with its subtree, go out batched. */
    private readonly planning = true,
  ) {
    this.loader = new DataLoader((requests) => this.readBatch(requests), {
      cacheKeyFn: requestKey,
    });
  }

  /** The read the field being resolved stands for. */
  readOf(info: GraphQLResolveInfo, parent: Parent): RelationshipRead {
    const asOf = parent.asOf ?? null;
    let byDay = this.readsByField.get(info.fieldNodes);
    if (!byDay) {
      byDay = new Map();
      this.readsByField.set(info.fieldNodes, byDay);
    }
    if (!byDay.has(asOf)) byDay.set(asOf, readOfField(info, info.parentType, info.fieldNodes, asOf !== null));
    const read = byDay.get(asOf);
    if (!read) throw new Error(`${info.parentType.name}.${info.fieldName} is not a relationship field`);
    return read;
  }

  /**
   * The page of `read` for `parent`: at once when a planned statement brought it (the field resolvers then
   * answer synchronously, with no promise per field), else through the batching loader.
   */
  load(read: RelationshipRead, parent: Parent): Page | Promise<Page> {
    const request = { read, asOf: parent.asOf ?? null, parentId: parent.id };
    return this.planned.get(requestKey(request)) ?? this.loader.load(request);
  }

  /** The best believed node: belief was applied in Cypher, so the page holds it alone. */
  single(info: GraphQLResolveInfo, parent: Parent): Row | null | Promise<Row | null> {
    return whenLoaded(this.load(this.readOf(info, parent), parent), (page) => page.edges[0]?.node ?? null);
  }

  /** The believed nodes (or every spec), in edge order. */
  list(info: GraphQLResolveInfo, parent: Parent): Row[] | Promise<Row[]> {
    return whenLoaded(this.load(this.readOf(info, parent), parent), nodesOf);
  }

  count(info: GraphQLResolveInfo, parent: Parent): number | Promise<number> {
    return whenLoaded(this.load(this.readOf(info, parent), parent), (page) => page.totalCount);
  }

  /** A page shaped as `<Name>Connection` (one edge per node, with its deciding claim) or `<Name>ClaimConnection` (one edge per claim). */
  connection(info: GraphQLResolveInfo, parent: Parent) {
    const read = this.readOf(info, parent);
    return whenLoaded(this.load(read, parent), (page) => connectionOf(read, page, parent));
  }

  /** Every spec of a device known on its asOf day, for fields derived from them. */
  async allSpecs(parent: Parent): Promise<Row[]> {
    return nodesOf(await this.load(ALL_SPECS, parent));
  }

  /**
   * The reads the root field being resolved selects below its entities of `label`: the entities
   * themselves, a list of them, or a connection's `edges.node`, and the entities' own stored properties it asks
   * for. null when this loader does not plan (PLANNED_READS=false).
   */
  /** The stored properties a search's selection asks of its hits, by kind (hitNodeProperties); null, whole nodes, when not planning. */
  hitProperties(info: GraphQLResolveInfo): Map<EntityLabel, string[]> | null {
    return this.planning ? hitNodeProperties(info) : null;
  }

  planBelow(info: GraphQLResolveInfo, label: EntityLabel, asOf: AsOf): PlannedReads | null {
    if (!this.planning) return null;
    const planKey = `${String(info.path.key)}|${label}|${asOf !== null}`;
    let plan = this.compiled?.plans.get(planKey);
    if (plan === undefined) {
      plan = compilePlan(info, label, asOf !== null);
      this.compiled?.plans.set(planKey, plan);
      this.built.plans += 1;
    }
    return plan && new PlannedReads(this, plan, asOf, this.built);
  }

  /** Plans and statements are kept in `compiled` (the request's document, see CompiledDocuments), and counted in `built`. */
  useCompiled(compiled: CompiledDocument, built: CompiledDocuments['built']): void {
    this.compiled = compiled;
    this.built = built;
  }

  /** Stores the pages a planned statement brought back, and those below them, for the resolvers to find. */
  primeBelow(reads: readonly RelationshipRead[], asOf: AsOf, parentId: string, pages: readonly ReturnedPage[]): void {
    reads.forEach((read, index) => {
      const returned = pages[index];
      if (returned === undefined) return;
      this.planned.set(requestKey({ read, asOf, parentId }), this.primePage(read, asOf, returned));
    });
  }

  private async readBatch(requests: readonly Request[]): Promise<Page[]> {
    const groups = new Map<string, ReadGroup & { parentIds: string[] }>();
    for (const { read, asOf, parentId } of requests) {
      const groupKey = requestKey({ read, asOf, parentId: '' });
      let group = groups.get(groupKey);
      if (!group) {
        group = { read, asOf, parentIds: [] };
        groups.set(groupKey, group);
      }
      // DataLoader hands each cache key over once, so a parent appears once per group.
      group.parentIds.push(parentId);
    }
    const ordered = [...groups.values()];
    const { text, params } = batchStatement(ordered);
    const [row] = await this.db.readText('relationships', text, params);
    const pages = new Map<string, Page>();
    ordered.forEach(({ read, asOf }, index) => {
      for (const { key, page } of (row?.[`g${index}`] ?? []) as Array<{ key: string; page: ReturnedPage }>) {
        pages.set(requestKey({ read, asOf, parentId: key }), this.primePage(read, asOf, page));
      }
    });
    return requests.map((request) => pages.get(requestKey(request)) ?? EMPTY);
  }

  /**
   * Makes a page that came back ready for the field resolvers below it: its nodes are typed (the statement leaves
   * `__typename` out, the read knows it), viewed as of the day (tagged with it), given their inline sources, and the
   * pages below them primed in turn. The edges' own sources go on the edges connectionOf makes.
   */
  private primePage(read: RelationshipRead, asOf: AsOf, returned: ReturnedPage): Page {
    const page = pageOf(returned);
    for (const edge of page.edges) {
      edge.node.__typename = read.declaration.target;
      if (asOf !== null) edge.node.asOf = asOf;
      if (edge.nodeSources) edge.node.inlineSources = edge.nodeSources;
      if (edge.below) this.primeBelow(read.children, asOf, edge.node.id, edge.below);
    }
    return page;
  }
}

/** One entity a composed root statement returns (rootStatements.ts): its node, the pages of the reads below it, its sources. */
export interface RootEntry {
  node: Row & { id: string } & WithInlineSources;
  pages?: ReturnedPage[];
  sources?: EntityRecord[];
}

/** The reads one root statement carries, and how to hand back their pages. */
export class PlannedReads {
  constructor(
    private readonly loader: RelationshipLoader,
    private readonly plan: CompiledPlan,
    readonly asOf: AsOf,
    private readonly built: CompiledDocuments['built'],
  ) {}

  get reads(): readonly RelationshipRead[] {
    return this.plan.reads;
  }

  /** The stored properties the selection asks of each root entity. */
  get properties(): readonly string[] {
    return this.plan.properties;
  }

  /**
   * Runs a root statement composed in code (rootStatements.ts, pageStatements.ts) with the reads below each entity it
   * binds: `compose` gets them below a variable it names (null when the plan reads nothing below), and is called once
   * per `shapeKey` (what, beside the plan, decides the text). The pages come back in each entry, for `prime`.
   */
  async runComposed(
    db: Database,
    name: string,
    shapeKey: string,
    compose: (below: (variable: string) => ReadsBelowNode | null) => string,
    params: Row,
  ): Promise<Row[]> {
    // Nothing planned below (the selection asks only the entities' own fields): the root alone, with no pages.
    const planned = this.plan.reads.length > 0 || this.plan.sources !== null;
    let statement = this.plan.statements.get(shapeKey);
    if (!statement) {
      let reads: ReadsBelowNode | null = null;
      const text = compose((variable) => (reads = planned ? readsBelowNode(variable, this.plan.reads, this.asOf !== null, this.plan.sources) : null));
      statement = { text, params: (reads as ReadsBelowNode | null)?.params ?? {} };
      this.plan.statements.set(shapeKey, statement);
      this.built.statements += 1;
    }
    return db.readText(planned ? `${name}+planned` : name, statement.text, {
      ...params,
      ...statement.params,
      ...(this.asOf === null ? {} : { [PLANNED_AS_OF]: this.asOf }),
    });
  }

  /** Hands the pages and sources of a composed root's entries to the field resolvers. */
  prime(entries: readonly RootEntry[]): void {
    for (const { node, pages, sources } of entries) {
      if (pages) this.loader.primeBelow(this.plan.reads, this.asOf, node.id, pages);
      if (sources) node.inlineSources = sources;
    }
  }
}

/** The plan of the root field being resolved, below its entities of `label`; null when it reads nothing below them. */
function compilePlan(info: GraphQLResolveInfo, label: EntityLabel, asOfGiven: boolean): CompiledPlan {
  const selectionSets = entitySelections(info, label);
  const reads = readsBelow(info, label, selectionSets, asOfGiven);
  const type = info.schema.getType(label) as GraphQLObjectType;
  const fields = [...collectFields(info, type, selectionSets).values()];
  // The sources of entities that are claims themselves, when selected.
  const sources = type.getFields().sources ? sourcePropertiesOf(info, fields.flat()) : null;
  const fieldNames = fields.map((nodes) => nodes[0]!.name.value);
  return { reads, sources, properties: storedPropertiesOf(type, fieldNames), statements: new Map() };
}

/** The selection sets that apply to the root field's entities of `label`: their own, or a connection's `edges.node`. */
function entitySelections(info: GraphQLResolveInfo, label: EntityLabel) {
  const returned = getNamedType(info.returnType);
  const selectionSets = info.fieldNodes.map((node) => node.selectionSet);
  // The entity itself, or an interface it implements (node(id:)), whose fragments collectFields applies by type.
  if (returned.name === label || (isAbstractType(returned) && info.schema.isSubType(returned, info.schema.getType(label) as GraphQLObjectType)))
    return selectionSets;
  if (!isObjectType(returned) || !returned.getFields().edges) return [];
  return connectionSelections(info, returned, selectionSets).nodeSelections;
}

/**
 * An edge of `<Name>ClaimConnection`: one claim about `node`, with its provenance, its sources viewed as of `asOf` as
 * its node is. Its claim has what the selection reads (its cursor, null when none is selected, is made by the caller).
 */
function claimEdge(node: TargetNode, claim: ProjectedClaim, cursor: string | null, sources: readonly EntityRecord[] | undefined, asOf: AsOf) {
  return {
    cursor,
    node,
    confidence: claim.confidence,
    reportedOn: claim.reportedOn,
    reportedOnPrecision: claim.reportedOnPrecision,
    sourceIds: claim.sourceIds,
    ...(sources ? { inlineSources: sources } : {}),
    ...(asOf ? { asOf } : {}),
  };
}

/** An edge of `<Name>Connection`: a node once, with its deciding claim, and every claim about the pair for `claims`. */
export interface NodeEdge extends ReturnType<typeof claimEdge> {
  /** Deciding claim first; empty when `claims` is not selected. */
  pairClaims: PairClaim[];
  /** The sources of pairClaims, each once, when their `sources` are selected. */
  pairClaimSources: readonly EntityRecord[] | undefined;
}

/** The cursor of a pair's claim: its day and id, which its read always projects (PAIR_CLAIM_PROPERTIES). */
function pairClaimCursor(claim: PairClaim): string {
  return encodeCursor(claim.reportedOn, claim.id);
}

function connectionOf(read: RelationshipRead, page: Page, parent: Parent) {
  const window = read.page!;
  const asOf = parent.asOf ?? null;
  const inOrder = window.backward ? [...page.edges].reverse() : page.edges;
  const edges = inOrder.map(({ node, claim = {}, claims, sources, claimSources }) => {
    // A node edge stands for its node; a claim edge for its claim. Read with the claim when a cursor is selected (CURSOR_CLAIM_PROPERTIES).
    const cursorId = read.returns === 'nodeEdges' ? node.id : claim.id;
    const cursor = claim.reportedOn === undefined || cursorId === undefined ? null : encodeCursor(claim.reportedOn, cursorId);
    const edge = claimEdge(node, claim, cursor, sources, asOf);
    return read.returns === 'nodeEdges' ? { ...edge, pairClaims: claims ? decidingFirst(claims) : [], pairClaimSources: claimSources } : edge;
  });
  return { totalCount: page.totalCount, edges, pageInfo: pageInfoOf(edges, page.hasNextPage, window) };
}

/**
 * `edges.claims` of a node edge: a page of the claims about its node-pair, deciding claim first, all of which its read
 * brought. A cursor is a claim's day and id; when that claim is gone, the page goes on from its day.
 */
export function pairClaimsPage(edge: NodeEdge, args: PageArguments) {
  const window = pageWindow(args, 'day');
  const claims = edge.pairClaims;
  const at = claims.findIndex((claim) => claim.id === window.afterId);
  let rest: PairClaim[];
  if (window.afterId === null) rest = window.backward ? [...claims].reverse() : claims;
  else if (at >= 0) rest = window.backward ? claims.slice(0, at).reverse() : claims.slice(at + 1);
  else
    rest = window.backward
      ? claims.filter((claim) => claim.reportedOn > window.afterKey!).reverse()
      : claims.filter((claim) => claim.reportedOn < window.afterKey!);
  const kept = rest.slice(0, window.limit);
  if (window.backward) kept.reverse();
  const edges = kept.map((claim) => claimEdge(edge.node, claim, pairClaimCursor(claim), edge.pairClaimSources, edge.asOf ?? null));
  return { totalCount: claims.length, edges, pageInfo: pageInfoOf(edges, rest.length > window.limit, window) };
}

/**
 * The sources a read brought with `claim` (WithInlineSources), in the order of its sourceIds, as the entity loader gives
 * them; undefined when none came with it.
 */
export function inlineSourcesOf(claim: WithInlineSources & { sourceIds?: readonly string[] | null }): EntityRecord[] | undefined {
  if (!claim.inlineSources) return undefined;
  const byId = new Map(claim.inlineSources.map((source) => [source.id, source]));
  return (claim.sourceIds ?? []).flatMap((id) => byId.get(id) ?? []);
}

function nodesOf(page: Page): Row[] {
  return page.edges.map((edge) => edge.node);
}

/** `then` for a value that may already be there: planned pages stay synchronous. */
function whenLoaded<T, U>(value: T | Promise<T>, then: (loaded: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}
