import { knownOnOfKindCypher } from '../../model/claim.js';
import { ANY_ENTITY_LABEL, type EntityLabel } from '../../model/entityKinds.js';
import { oneClaimPerPair, relationship, type RelationshipDeclaration, type RelationshipName } from '../../model/relationships.js';
import type { Row } from '../neo4j/database.js';
import { believedEdges, bestNode } from './belief.js';
import { claimPattern, entriesBelow, type ReadsBelowNode } from './cypher.js';
import { call, collectOf, countOf, cypher, existsOf, match, printQuery, returnClause, withClause, type Clause, type Expression } from '../query/ast.js';

/**
 * Keyset pages of brands, chips, devices, leaks and sources, composed in the query AST (store/query/ast.ts): their filters and sorts declared per kind,
 * the relationship ones derived from the relationship table and the belief rule (model/claim.ts), so
 * `devices(brandId:)` keeps what `Device.brand` shows and PARTNER_COUNT counts what `Brand.partnerCount`
 * does. The keyset window is written once for all of them. Each shape (filters present, asOf given or
 * not, order, direction, cursor or not, total wanted or not) gives its own text, so each gets its own plan
 * and the plan cache hits; user values stay parameters.
 */

/** A statement's shape: what is given, never the values. `asOf` is the Cypher day expression, or null for today. */
interface Shape {
  asOf: string | null;
  /** The direction the statement scans in: the list's order, reversed when paging backward. */
  descending: boolean;
  backward: boolean;
}

/** Whether the list itself is in descending order, whichever way the statement scans it. */
const listDescending = (shape: Shape) => shape.descending !== shape.backward;

/** A filter: applies when its parameter is set. */
interface Filter {
  param: string;
  /** What `node`'s own properties must satisfy. */
  condition?: (shape: Shape) => Expression;
  /**
   * What `node`'s relationships must hold, as the belief rule shows them: checked after every own-property
   * condition, on the nodes those leave only, as the rule runs for each node it checks. None of the two when the
   * candidates alone are the filter.
   */
  holds?: (shape: Shape) => Expression;
  /** Clauses that find the candidates from the filter's entity, instead of scanning the label; `where`: what they must meet. */
  candidates?: (where: readonly Expression[]) => Clause[];
  /** Whether the parameter is an entity id, which must exist (missingFilterId). */
  isId?: true;
}

/**
 * How a cursor's key (text, or an ISO day for a date property) compares with an indexed property, and the bound
 * that makes the planner read a page without a cursor from the index, in its order.
 */
const INDEXED_TYPES = {
  text: { value: (param: string) => param, unbounded: (property: string, descending: boolean) => (descending ? null : `${property} >= ''`) },
  date: { value: (param: string) => `date(${param})`, unbounded: (property: string) => `${property} IS NOT NULL` },
};

interface Sort {
  /** The sort key over `node`, as the cursor carries it. */
  key: (shape: Shape) => Expression;
  /** The property sorted by, when the key is it (a date as its ISO day): a range index on it then gives the order. */
  indexed?: { property: string; type: keyof typeof INDEXED_TYPES };
}

interface PageDeclaration {
  label: EntityLabel;
  filters: Filter[];
  /** The label of the entities filter ids name. */
  filterIdsOf?: EntityLabel | typeof ANY_ENTITY_LABEL;
  sorts: Record<string, Sort>;
}

/**
 * The candidates of a filter by the entity `$param` at the other end of the relationship `name`: the nodes some
 * claim links to it, each once, whatever the claims say (the filter's condition, if any, applies belief).
 */
function linkedTo(name: RelationshipName, param: string): (where: readonly Expression[]) => Clause[] {
  const declaration = relationship(name);
  const pattern = claimPattern(declaration, `node:${declaration.owner}`, 'filtered', 'link');
  return (where) => [match(pattern.match, `filtered.id = $${param}`), withClause(['node'], { distinct: true, where })];
}

/** A day sort key over `node.property`: unknown days end the list in either order, so a page from the end (`last`) starts with them. */
function dayOrMissing(property: string) {
  return (shape: Shape) => `coalesce(toString(node.${property}), '${listDescending(shape) ? '0000-00-00' : '9999-99-99'}')`;
}

/** The relationship `name` of `node`, with its claims as known on the shape's day. */
function claimsOf(name: RelationshipName, shape: Shape, targetCondition?: string) {
  const declaration: RelationshipDeclaration = relationship(name);
  const pattern = claimPattern(declaration, 'node', 'target', 'c');
  const claims = [match(pattern.match, targetCondition ?? null, shape.asOf === null ? null : `c.reportedOn <= ${shape.asOf}`)];
  const claimId = (claim: string) => claimPattern(declaration, 'node', 'target', claim).claimId;
  return { declaration, claims, of: { claimId, oneClaimEach: oneClaimPerPair(declaration) } };
}

/**
 * Whether the relationship `name` of `node` holds the entity `$param`, as its field shows it: the single
 * value's best node, or one of a list's believed nodes.
 */
function holds(name: RelationshipName, param: string, shape: Shape): Expression {
  if (relationship(name).cardinality === 'single') {
    const { claims, of } = claimsOf(name, shape);
    return cypher`${collectOf([...bestNode(claims, 'target', 'c', of), returnClause(['target.id'])])} = [$${param}]`;
  }
  const { claims, of } = claimsOf(name, shape, `target.id = $${param}`);
  return cypher`${countOf([...believedEdges(claims, 'target', 'c', of), returnClause(['target'])])} > 0`;
}

/** How many nodes the relationship `name` of `node` holds, as its list shows them: its believed nodes. */
function believedCountOf(name: RelationshipName, shape: Shape): Expression {
  const { claims, of } = claimsOf(name, shape);
  return countOf([...believedEdges(claims, 'target', 'c', of), returnClause(['target'])]);
}

/** The relationship's count field, as it counts: every claim, or the believed nodes. */
function countFieldOf(name: RelationshipName, shape: Shape): Expression {
  if (relationship(name).count?.of === 'claims') return countOf(claimsOf(name, shape).claims);
  return believedCountOf(name, shape);
}

const byName: Sort = { key: () => 'node.name', indexed: { property: 'name', type: 'text' } };

const PAGES: Record<'brandsPage' | 'chipsPage' | 'devicesPage' | 'leaksPage' | 'sourcesPage', PageDeclaration> = {
  brandsPage: {
    label: 'Brand',
    filters: [
      { param: 'role', condition: () => '$role IN node.roles' },
      { param: 'country', condition: () => 'node.country = $country' },
    ],
    sorts: {
      NAME: byName,
      PARTNER_COUNT: { key: (shape) => countFieldOf('Brand.partners', shape) },
    },
  },
  chipsPage: {
    label: 'Chip',
    filters: [{ param: 'vendorId', holds: (shape) => holds('Chip.vendor', 'vendorId', shape), isId: true }],
    filterIdsOf: 'Brand',
    sorts: {
      NAME: byName,
      // Chip.devices has no count field: its believed devices, as the list shows them.
      DEVICE_COUNT: { key: (shape) => believedCountOf('Chip.devices', shape) },
    },
  },
  devicesPage: {
    label: 'Device',
    filters: [
      {
        param: 'brandId',
        holds: (shape) => holds('Device.brand', 'brandId', shape),
        candidates: linkedTo('Device.brand', 'brandId'),
        isId: true,
      },
      { param: 'chipId', holds: (shape) => holds('Device.chip', 'chipId', shape), isId: true },
      { param: 'cameraBrandId', holds: (shape) => holds('Device.cameraBrands', 'cameraBrandId', shape), isId: true },
      { param: 'status', condition: () => 'node.status = $status' },
      { param: 'announcedFrom', condition: () => 'node.announcedOn >= date($announcedFrom)' },
      { param: 'announcedTo', condition: () => 'node.announcedOn <= date($announcedTo)' },
    ],
    sorts: {
      NAME: byName,
      ANNOUNCED_ON: { key: dayOrMissing('announcedOn') },
      LEAK_COUNT: { key: (shape) => countFieldOf('Device.leaks', shape) },
    },
    filterIdsOf: ANY_ENTITY_LABEL,
  },
  leaksPage: {
    label: 'Leak',
    filters: [
      { param: 'confidence', condition: () => 'node.confidence = $confidence' },
      { param: 'platform', condition: () => 'toLower(node.platform) = toLower($platform)' },
      { param: 'reportedFrom', condition: () => 'node.reportedOn >= date($reportedFrom)' },
      { param: 'reportedTo', condition: () => 'node.reportedOn <= date($reportedTo)' },
      // Any leak about the device, as Device.leaks lists them.
      { param: 'deviceId', candidates: linkedTo('Leak.devices', 'deviceId'), isId: true },
    ],
    filterIdsOf: 'Device',
    // Newest first, the usual order, reads the leak_reported_on index backwards and stops after the page.
    sorts: { REPORTED_ON: { key: () => 'toString(node.reportedOn)', indexed: { property: 'reportedOn', type: 'date' } } },
  },
  sourcesPage: {
    label: 'Source',
    filters: [{ param: 'publisher', condition: () => 'toLower(node.publisher) = toLower($publisher)' }],
    sorts: {
      TITLE: { key: () => 'node.title', indexed: { property: 'title', type: 'text' } },
      PUBLISHED_ON: { key: dayOrMissing('publishedOn') },
    },
  },
};

export type GeneratedPageName = keyof typeof PAGES;

export function isGeneratedPage(name: string): name is GeneratedPageName {
  return name in PAGES;
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/**
 * The statement of one page for these parameters (those EntityRepository.page sends): `totalCount`
 * (0 unless `countTotal`), `rows` of entries `{node, sortKey, pages?, sources?}`, and `missingFilterId`, a filter id
 * no entity has. Each node comes with its stored `properties` ('*': all of them), days as ISO strings
 * (nodeProjection); the cursor is made of the sort key and the id, so a page needs no other property than those the
 * selection answers from. The reads planned `below` each node of the page expand from it, after the window is cut.
 */
export function pageStatement(name: GeneratedPageName, params: Row, properties: readonly string[] | '*', below: ReadsBelowNode | null = null): string {
  const page = PAGES[name];
  const shape: Shape = { asOf: isSet(params.asOf) ? 'date($asOf)' : null, descending: params.descending === true, backward: params.backward === true };
  const filters = page.filters.filter((filter) => isSet(params[filter.param]));
  const start = filters.find((filter) => filter.candidates);
  // The start's own belief check comes last: its candidates are already linked to the entity.
  const checked = [...filters.filter((filter) => filter !== start), ...(start ? [start] : [])];
  for (const filter of checked) {
    if (filter !== start && !filter.condition && !filter.holds)
      throw new Error(`${name}: the filter ${filter.param} checks nothing once another chose the candidates`);
  }
  // Only the nodes that existed in the view of the day (isKnownOn's rule, model/claim.ts).
  const knownOn = shape.asOf === null ? null : knownOnOfKindCypher('node', page.label, shape.asOf);
  const conditions = [...(knownOn === null ? [] : [knownOn]), ...checked.flatMap((filter) => (filter.condition ? [filter.condition(shape)] : []))];
  // A clause of its own: in the WHERE of the candidates' MATCH, the planner ran the rule before the cheap conditions.
  const beliefChecks = checked.flatMap((filter) => (filter.holds ? [filter.holds(shape)] : []));
  const believed = beliefChecks.length > 0 ? [withClause(['node'], { where: beliefChecks })] : [];
  const sortField = String(params.sortField);
  const sort = page.sorts[sortField];
  if (!sort) throw new Error(`${name} has no order ${sortField}`);
  const afterGiven = isSet(params.afterId);
  const candidates = start?.candidates ?? ((where: readonly Expression[]) => [match(`(node:${page.label})`, ...where)]);

  const windowConditions: Expression[] = [...conditions];
  // The sort key is an indexed property: bound it from the cursor on, so the index gives the order.
  const [keyAfter, idAfter] = [shape.descending ? '<' : '>', shape.backward ? '<' : '>'];
  const indexed = start ? undefined : sort.indexed;
  let sortKey = 'sortKey';
  let afterKey = '$afterKey';
  if (indexed) {
    const { value, unbounded } = INDEXED_TYPES[indexed.type];
    [sortKey, afterKey] = [`node.${indexed.property}`, value('$afterKey')];
    const bound = afterGiven ? `${sortKey} ${keyAfter}= ${afterKey}` : unbounded(sortKey, shape.descending);
    if (bound) windowConditions.unshift(bound);
  }
  const key = sort.key(shape);
  // By the alias when it is the indexed property itself: ordered by `node.name` after the projection, the planner
  // sorted every candidate instead of keeping the index's order (PartialTop). A day as text is not the index's value.
  const orderKey = indexed && key !== sortKey ? sortKey : 'sortKey';
  const order = [`${orderKey}${shape.descending ? ' DESC' : ''}`, `node.id${shape.backward ? ' DESC' : ''}`];
  const { clauses: reads, entry } = entriesBelow('node', page.label, properties, below, order, ['sortKey']);
  const window: Clause[] = [
    ...candidates(windowConditions),
    ...believed,
    withClause(['node', cypher`${key} AS sortKey`], {
      where: [afterGiven ? `${sortKey} ${keyAfter} ${afterKey} OR (${sortKey} = ${afterKey} AND node.id ${idAfter} $afterId)` : null],
    }),
    withClause(['node', 'sortKey'], { orderBy: order, limit: '$limit' }),
    ...reads,
    returnClause([cypher`collect(${entry}) AS rows`]),
  ];

  const ids = filters.filter((filter) => filter.isId).map((filter) => `$${filter.param}`);
  const missing = ids.length === 0 ? 'null' : cypher`[id IN [${ids.join(', ')}] WHERE NOT ${existsOf([match(`(:${page.filterIdsOf} {id: id})`)])}][0]`;
  const counted = params.countTotal === true;
  return printQuery([
    ...(counted ? [call([], [...candidates(conditions), ...believed, returnClause(['count(node) AS totalCount'])])] : []),
    call([], window),
    returnClause([counted ? 'totalCount' : '0 AS totalCount', 'rows', cypher`${missing} AS missingFilterId`]),
  ]);
}
