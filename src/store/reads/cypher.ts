import { int } from 'neo4j-driver';
import type { Row } from '../neo4j/database.js';
import type { RelationshipRead, SourceProperties } from './read.js';
import { edgeOrderCypher } from '../../model/claim.js';
import { oneClaimPerPair, type RelationshipDeclaration } from '../../model/relationships.js';
import { STORED_DATE_PROPERTIES } from '../../model/recordCodec.js';
import { believedEdges, bestNode, decidingClaims } from './belief.js';
import {
  call,
  collectOf,
  countOf,
  cypher,
  mapOf,
  match,
  printQuery,
  returnClause,
  unwind,
  withClause,
  type Call,
  type Clause,
  type Expression,
  type Subquery,
} from '../query/ast.js';

/**
 * Relationship reads, composed in the query AST (store/query/ast.ts) from the relationship table. A read becomes one
 * CALL block below a bound parent variable, with its reads below each target node nested inside it; so a whole
 * selection tree is one statement. Each combination of window, asOf and selection gives its own statement text (no
 * `$x IS NULL OR …` guards), so each text gets a plan made for it, and parameter types never vary, so the plan cache hits.
 */

/** A statement under construction: its parameters, named by the block that uses them. */
class Statement {
  readonly params: Row = {};

  constructor(readonly asOfParam: string | null) {}

  param(name: string, value: unknown): string {
    this.params[name] = value;
    return `$${name}`;
  }
}

/**
 * Where a relationship's claims are in the stored graph, and how its edges sort (newest claim first). `count` counts
 * its claims, or the distinct nodes they link to, known on the `asOf` expression ('' for today).
 */
export function claimPattern(declaration: RelationshipDeclaration, parent: string, node: string, claim: string) {
  const { shape, target } = declaration;
  const counter =
    (countMatch: string, countedNode: string) =>
    (asOf: string, of: 'claims' | 'nodes' = 'claims'): Subquery =>
      countOf([
        match(countMatch, asOf === '' ? null : `counted.reportedOn <= ${asOf}`),
        ...(of === 'nodes' ? [returnClause([countedNode], { distinct: true })] : []),
      ]);
  switch (shape.kind) {
    case 'claim': {
      const [left, right] = shape.direction === 'OUT' ? ['-', '->'] : ['<-', '-'];
      return {
        match: `(${parent})${left}[${claim}:${shape.type}]${right}(${node}:${target})`,
        claimId: `${claim}.id`,
        count: counter(`(${parent})${left}[counted:${shape.type}]${right}(countedNode:${target})`, 'countedNode'),
        order: [`${claim}.reportedOn DESC`, `${claim}.id`],
      };
    }
    case 'sharedPartnership':
      return {
        match: `(${parent})-[:PARTY_TO]->(${claim}:Partnership)<-[:PARTY_TO]-(${node}:${target})`,
        // Two partnerships with the same brand are two claims: the claim is the partnership, seen from this partner.
        claimId: `${claim}.id + '|' + ${node}.id`,
        count: counter(`(${parent})-[:PARTY_TO]->(counted:Partnership)<-[:PARTY_TO]-(countedNode:${target})`, 'countedNode'),
        order: [`${claim}.reportedOn DESC`, `${claim}.id + '|' + ${node}.id`],
      };
    case 'specs':
      return {
        match: `(${parent})-[:HAS_SPEC]->(${node}:Spec)`,
        claimId: `${node}.id`,
        count: counter(`(${parent})-[:HAS_SPEC]->(counted:Spec)`, 'counted'),
        order: [`${node}.key`, `${node}.reportedOn DESC`, `${node}.id`],
      };
  }
}

/** The Source nodes whose ids are the list `idsExpression`, with the stored `properties` (see SourceProperties). */
function sourcesOf(idsExpression: string, properties: SourceProperties): Subquery {
  return collectOf([
    unwind(idsExpression, 'sourceId'),
    match('(source:Source {id: sourceId})'),
    returnClause([nodeProjection('source', 'Source', properties)]),
  ]);
}

/** Map projection entries of the stored `properties` of `variable`: days as ISO strings (`toString` in Cypher), so the driver decodes no Date for them. */
function storedEntries(variable: string, properties: readonly string[]): string[] {
  return properties.map((property) => (STORED_DATE_PROPERTIES.has(property) ? `${property}: toString(${variable}.${property})` : `.${property}`));
}

/**
 * The map projection of `node` (of type `label`): `id`, the stored `properties` ('*': all of them) and, unless the
 * reader knows the type already (`withTypename` false), `__typename`.
 */
export function nodeProjection(node: string, label: string, properties: readonly string[] | '*', withTypename = true): string {
  const typename = withTypename ? [`__typename: '${label}'`] : [];
  if (properties === '*') return `${node} {${['.*', ...typename].join(', ')}}`;
  const others = properties.filter((property) => property !== 'id');
  return `${node} {${['.id', ...storedEntries(node, others), ...typename].join(', ')}}`;
}

/** The Source nodes of every claim in the list `claims`, each once, with the stored `properties`. */
function sourcesOfAll(claims: string, properties: SourceProperties): Subquery {
  return collectOf([
    unwind(claims, 'pairClaim'),
    unwind('pairClaim.sourceIds', 'sourceId'),
    match('(source:Source {id: sourceId})'),
    returnClause([nodeProjection('source', 'Source', properties)], { distinct: true }),
  ]);
}

/** A read's target nodes come without `__typename`: the loader knows their type from the read (pageOf). */
function projection(read: RelationshipRead, node: string): string {
  return nodeProjection(node, read.declaration.target, read.properties, false);
}

/**
 * `CALL (parent) { … RETURN … AS result }` for one read: `{totalCount, edges, hasNextPage}` for a page, only the
 * edges when the read is not paged and counts nothing, only the count for a count read (pageOf in
 * relationshipLoader.ts makes each a Page). Each edge is
 * `{node, claim?, claims?, sources?, claimSources?, nodeSources?, below?}`, `below` holding the pages of the reads
 * below its node, in the order of `read.children`. Reads of believed nodes apply the belief rule here and return one
 * edge per node without its claim; reads of node edges return one edge per node with its deciding claim (and, asked
 * for, all its claims); count reads return only `totalCount`. A claim comes with the properties its read lists
 * (`claimProperties`, `edgeClaims`), and not at all when it lists none; sources with the Source properties asked.
 */
function readBlock(statement: Statement, read: RelationshipRead, parent: string, path: string, result: string): Call {
  const node = `n${path}`;
  const claim = read.declaration.shape.kind === 'specs' ? node : `c${path}`;
  const pattern = claimPattern(read.declaration, parent, node, claim);
  const claimIdOf = (variable: string) => claimPattern(read.declaration, parent, node, variable).claimId;
  const claimsOf = { claimId: claimIdOf, oneClaimEach: oneClaimPerPair(read.declaration) };
  // Only what the edge's fields and cursor read: a claim's `id` is its claim id (of a partnership seen from a partner, with the partner's).
  const claimProjection = (variable: string, properties: readonly string[]) => {
    const id = properties.includes('id') ? [`id: ${claimIdOf(variable)}`] : [];
    return `${variable} {${[
      ...id,
      ...storedEntries(
        variable,
        properties.filter((property) => property !== 'id'),
      ),
    ].join(', ')}}`;
  };
  const withClaim = read.claimProperties.length > 0 && read.declaration.shape.kind !== 'specs';
  const asOf = statement.asOfParam === null ? '' : `date($${statement.asOfParam})`;
  const known = asOf === '' ? null : `${claim}.reportedOn <= ${asOf}`;
  const claims = [match(pattern.match, known)];

  if (read.returns === 'count') {
    const count =
      read.declaration.count?.of === 'believedNodes' ? countOf([...believedEdges(claims, node, claim, claimsOf), returnClause([node])]) : countOf(claims);
    // The parent is a grouping key of the count's own aggregation: project it beside the count.
    return call([parent], [withClause([parent, cypher`${count} AS counted`]), returnClause([`counted AS ${result}`])]);
  }

  const backward = read.page?.backward ?? false;
  /** The keyset condition of the page: rows after the cursor (before it, backward), by day and then by id. */
  const afterCursor = (day: string, id: string) => {
    if (!read.page || read.page.afterId === null) return null;
    const afterKey = statement.param(`after${path}Key`, read.page.afterKey);
    const afterId = statement.param(`after${path}Id`, read.page.afterId);
    const [older, greater] = backward ? ['>', '<'] : ['<', '>'];
    return `(${day} ${older} date(${afterKey}) OR (${day} = date(${afterKey}) AND ${id} ${greater} ${afterId}))`;
  };
  const limit = read.page ? statement.param(`limit${path}`, int(read.page.limit)) : null;
  const overLimit = limit && `${limit} + 1`;
  // Backward pages read the reverse order from the cursor on; the loader puts them back in order.
  const inDirection = (terms: readonly string[]) => (backward ? terms.map(reversed) : terms);

  // The window is collected in an inner block, so a parent without claims still gets its one row.
  const window: Clause[] = [];
  let order: readonly string[];
  let carried: string[];
  const edge: [string, Expression][] = [['node', projection(read, node)]];
  if (read.returns === 'believedNodes' || read.returns === 'bestNode') {
    const rule = read.returns === 'bestNode' ? bestNode : believedEdges;
    window.push(...rule(claims, node, claim, claimsOf));
    carried = [node, 'decidingDay', 'firstKey'];
    order = [edgeOrderCypher()];
    if (read.returns === 'believedNodes') window.push(withClause(carried, { orderBy: order }));
  } else if (read.returns === 'nodeEdges') {
    // One edge per node, by its newest day (its deciding claim's) and then its id: a node's cursor does not depend on which of its claims came first.
    window.push(...decidingClaims(claims, node, claim, claimsOf));
    const cursor = afterCursor('decidingDay', `${node}.id`);
    if (cursor) window.push(withClause([node, 'claims', 'deciding', 'decidingDay'], { where: [cursor] }));
    carried = [node, 'deciding', 'decidingDay', ...(read.edgeClaims ? ['claims'] : [])];
    order = inDirection(['decidingDay DESC', `${node}.id`]);
    window.push(withClause(carried, { orderBy: order, limit: overLimit }));
    if (withClaim) edge.push(['claim', claimProjection('deciding', read.claimProperties)]);
    if (read.edgeSources) edge.push(['sources', sourcesOf('deciding.sourceIds', read.edgeSources)]);
    // In the belief rule's order (decidingClaims'), as the loader's decidingFirst also puts them.
    if (read.edgeClaims) edge.push(['claims', `[pairClaim IN claims | ${claimProjection('pairClaim', read.edgeClaims)}]`]);
    if (read.edgeClaimSources) edge.push(['claimSources', sourcesOfAll('claims', read.edgeClaimSources)]);
  } else {
    order = inDirection(pattern.order);
    carried = [node, ...(claim === node ? [] : [claim])];
    window.push(match(pattern.match, known, afterCursor(`${claim}.reportedOn`, pattern.claimId)));
    window.push(withClause(carried, { orderBy: order, limit: overLimit }));
    if (withClaim) edge.push(['claim', claimProjection(claim, read.claimProperties)]);
    if (read.edgeSources) edge.push(['sources', sourcesOf(`${claim}.sourceIds`, read.edgeSources)]);
  }
  const below = read.children.map((_child, index) => `r${path}_${index}`);
  read.children.forEach((child, index) => window.push(readBlock(statement, child, node, `${path}_${index}`, below[index]!)));
  // CALL blocks promise no row order: sort again before collecting.
  if (below.length > 0) window.push(withClause([...carried, ...below], { orderBy: order }));
  if (read.nodeSources) edge.push(['nodeSources', sourcesOf(`${node}.sourceIds`, read.nodeSources)]);
  if (below.length > 0) edge.push(['below', `[${below.join(', ')}]`]);
  window.push(returnClause([cypher`collect(${mapOf(edge)}) AS window`]));

  const totalCount: Expression = read.countTotal ? pattern.count(asOf, read.returns === 'nodeEdges' ? 'nodes' : 'claims') : '0';
  const page = limit
    ? mapOf([
        ['totalCount', totalCount],
        ['edges', `window[0..${limit}]`],
        ['hasNextPage', `size(window) > ${limit}`],
      ])
    : read.countTotal
      ? mapOf([
          ['totalCount', totalCount],
          ['edges', 'window'],
          ['hasNextPage', 'false'],
        ])
      : 'window';
  return call([parent], [call([parent], window), returnClause([cypher`${page} AS ${result}`])]);
}

function reversed(orderTerm: string): string {
  return orderTerm.endsWith(' DESC') ? orderTerm.slice(0, -' DESC'.length) : `${orderTerm} DESC`;
}

/** One group of a batched relationship statement: a read, the parents it is asked for, the day. */
export interface ReadGroup {
  read: RelationshipRead;
  asOf: string | null;
  parentIds: readonly string[];
}

/**
 * One statement for every read group a request's loaders asked for in the same tick, however many
 * relationships and parents: `RETURN g0, g1, …`, each a list of `{key, page}`.
 */
export function batchStatement(groups: readonly ReadGroup[]): { text: string; params: Row } {
  const params: Row = {};
  const blocks = groups.map(({ read, asOf, parentIds }, index) => {
    const statement = new Statement(asOf === null ? null : `g${index}asOf`);
    if (asOf !== null) statement.param(`g${index}asOf`, asOf);
    const keys = statement.param(`g${index}keys`, parentIds);
    const block = readBlock(statement, read, 'parent', `g${index}`, 'page');
    Object.assign(params, statement.params);
    return call(
      [],
      [unwind(keys, 'key'), match(`(parent:${read.declaration.owner} {id: key})`), block, returnClause([`collect({key: key, page: page}) AS g${index}`])],
    );
  });
  return { text: printQuery([...blocks, returnClause(groups.map((_, index) => `g${index}`))]), params };
}

/** The reads below a bound node, as a root statement composes them: its CALL blocks, then the columns they leave. */
export interface ReadsBelowNode {
  /** CALL blocks, one per read, each below the bound variable. */
  blocks: Call[];
  /** The variables the blocks leave, one per read: a root statement carries them to its entries. */
  columns: string[];
  /** A list expression of the reads' pages, in the order of the reads. */
  pages: string;
  /** The node's own sources (it is a claim and they are selected), or null. */
  sources: Subquery | null;
  /** The reads' own parameters; the caller adds the root's, and the day as `plannedAsOf` when one is given. */
  params: Row;
}

/**
 * The reads below `parent`, a node the root statement has bound: the reads expand from it, with no match by id.
 * Their block variables are `r<index>`, `np<index>…`, `cp<index>…`: a root statement must not use those names.
 */
export function readsBelowNode(parent: string, reads: readonly RelationshipRead[], asOfGiven: boolean, sources: SourceProperties | null): ReadsBelowNode {
  const statement = new Statement(asOfGiven ? PLANNED_AS_OF : null);
  const columns = reads.map((_, index) => `r${index}`);
  const blocks = reads.map((read, index) => readBlock(statement, read, parent, `p${index}`, columns[index]!));
  return {
    blocks,
    columns,
    pages: `[${columns.join(', ')}]`,
    sources: sources && sourcesOf(`${parent}.sourceIds`, sources),
    params: statement.params,
  };
}

/**
 * The entries of a root statement's entities, once the rows of `variable` are in `order`: the reads below each, then
 * the rows in that order again (CALL blocks promise no row order), each as its entry `{node, …columns, pages?,
 * sources?}` (RootEntry), `node` with the stored `properties` of its `label`, and the row's `columns` beside it.
 */
export function entriesBelow(
  variable: string,
  label: string,
  properties: readonly string[] | '*',
  below: ReadsBelowNode | null,
  order: readonly Expression[],
  columns: readonly string[] = [],
): { clauses: Clause[]; entry: Expression } {
  const entry: [string, Expression][] = [['node', nodeProjection(variable, label, properties)], ...columns.map((column): [string, string] => [column, column])];
  if (!below) return { clauses: [], entry: mapOf(entry) };
  entry.push(['pages', below.pages]);
  if (below.sources) entry.push(['sources', below.sources]);
  const clauses: Clause[] = [...below.blocks];
  if (below.columns.length > 0) clauses.push(withClause([variable, ...columns, ...below.columns], { orderBy: order }));
  return { clauses, entry: mapOf(entry) };
}

/** The parameter that carries the day of a planned statement. */
export const PLANNED_AS_OF = 'plannedAsOf';
