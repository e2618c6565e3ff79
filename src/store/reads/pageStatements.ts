import { believedEdgesCypher, bestNodeCypher, knownOnOfKindCypher } from '../../model/claim.js';
import { ANY_ENTITY_LABEL, type EntityLabel } from '../../model/entityKinds.js';
import { relationship, type RelationshipDeclaration, type RelationshipName } from '../../model/relationships.js';
import type { Row } from '../neo4j/database.js';
import { claimPattern, nodeProjection } from './cypher.js';

/**
 * Keyset pages of brands, chips, devices, leaks and sources, composed in code: their filters and sorts declared per kind,
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
  condition?: (shape: Shape) => string;
  /**
   * What `node`'s relationships must hold, as the belief rule shows them: checked after every own-property
   * condition, on the nodes those leave only, as the rule runs for each node it checks. None of the two when the
   * candidates alone are the filter.
   */
  holds?: (shape: Shape) => string;
  /** A MATCH that finds the candidates from the filter's entity, instead of scanning the label. */
  candidates?: string;
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
  key: (shape: Shape) => string;
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
function linkedTo(name: RelationshipName, param: string): string {
  const declaration = relationship(name);
  const { match } = claimPattern(declaration, `node:${declaration.owner}`, 'filtered', 'link');
  return `MATCH ${match} WHERE filtered.id = $${param} WITH DISTINCT node`;
}

/** A day sort key over `node.property`: unknown days end the list in either order, so a page from the end (`last`) starts with them. */
function dayOrMissing(property: string) {
  return (shape: Shape) => `coalesce(toString(node.${property}), '${listDescending(shape) ? '0000-00-00' : '9999-99-99'}')`;
}

/** The relationship `name` of `node`, with its claims as known on the shape's day. */
function claimsOf(name: RelationshipName, shape: Shape, targetCondition?: string) {
  const declaration: RelationshipDeclaration = relationship(name);
  const pattern = claimPattern(declaration, 'node', 'target', 'c');
  const conditions = [targetCondition, shape.asOf === null ? undefined : `c.reportedOn <= ${shape.asOf}`].filter(Boolean);
  const match = `MATCH ${pattern.match}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  const claimId = (claim: string) => claimPattern(declaration, 'node', 'target', claim).claimId;
  return { declaration, match, claimId };
}

/**
 * Whether the relationship `name` of `node` holds the entity `$param`, as its field shows it: the single
 * value's best node, or one of a list's believed nodes.
 */
function holds(name: RelationshipName, param: string, shape: Shape): string {
  if (relationship(name).cardinality === 'single') {
    const { match, claimId } = claimsOf(name, shape);
    return `COLLECT { ${bestNodeCypher(match, 'target', 'c', claimId)} RETURN target.id } = [$${param}]`;
  }
  const { match, claimId } = claimsOf(name, shape, `target.id = $${param}`);
  return `COUNT { ${believedEdgesCypher(match, 'target', 'c', claimId)} RETURN target } > 0`;
}

/** How many nodes the relationship `name` of `node` holds, as its list shows them: its believed nodes. */
function believedCountOf(name: RelationshipName, shape: Shape): string {
  const { match, claimId } = claimsOf(name, shape);
  return `COUNT { ${believedEdgesCypher(match, 'target', 'c', claimId)} RETURN target }`;
}

/** The relationship's count field, as it counts: every claim, or the believed nodes. */
function countOf(name: RelationshipName, shape: Shape): string {
  if (relationship(name).count?.of === 'claims') return `COUNT { ${claimsOf(name, shape).match} }`;
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
      PARTNER_COUNT: { key: (shape) => countOf('Brand.partners', shape) },
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
      LEAK_COUNT: { key: (shape) => countOf('Device.leaks', shape) },
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
 * (0 unless `countTotal`), `rows` of `{node, sortKey}`, and `missingFilterId`, a filter id no entity has. Each node
 * comes with its stored `properties` ('*': all of them), days as ISO strings (nodeProjection); the cursor is made
 * of the sort key and the id, so a page needs no other property than those the selection answers from.
 */
export function pageStatement(name: GeneratedPageName, params: Row, properties: readonly string[] | '*'): string {
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
  const believed = beliefChecks.length > 0 ? [`WITH node WHERE ${beliefChecks.join('\n  AND ')}`] : [];
  const sortField = String(params.sortField);
  const sort = page.sorts[sortField];
  if (!sort) throw new Error(`${name} has no order ${sortField}`);
  const afterGiven = isSet(params.afterId);
  const candidates = start?.candidates ?? `MATCH (node:${page.label})`;

  const window: string[] = [candidates];
  const windowConditions = [...conditions];
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
  if (windowConditions.length > 0) window.push(`WHERE ${windowConditions.join('\n  AND ')}`);
  window.push(...believed, `WITH node, ${sort.key(shape)} AS sortKey`);
  if (afterGiven) window.push(`WHERE ${sortKey} ${keyAfter} ${afterKey} OR (${sortKey} = ${afterKey} AND node.id ${idAfter} $afterId)`);
  // By the alias when it is the indexed property itself: ordered by `node.name` after the projection, the planner
  // sorted every candidate instead of keeping the index's order (PartialTop). A day as text is not the index's value.
  const orderKey = indexed && sort.key(shape) !== sortKey ? sortKey : 'sortKey';
  window.push(
    `WITH node, sortKey ORDER BY ${orderKey}${shape.descending ? ' DESC' : ''}, node.id${shape.backward ? ' DESC' : ''}`,
    'LIMIT $limit',
    `RETURN collect({node: ${nodeProjection('node', page.label, properties)}, sortKey: sortKey}) AS rows`,
  );

  const lines: string[] = [];
  if (params.countTotal === true) {
    lines.push(
      'CALL () {',
      indent([candidates, ...(conditions.length > 0 ? [`WHERE ${conditions.join('\n  AND ')}`] : []), ...believed, 'RETURN count(node) AS totalCount']),
      '}',
    );
  }
  lines.push('CALL () {', indent(window), '}');
  const ids = filters.filter((filter) => filter.isId).map((filter) => `$${filter.param}`);
  const missing = ids.length === 0 ? 'null' : `[id IN [${ids.join(', ')}] WHERE NOT EXISTS { MATCH (:${page.filterIdsOf} {id: id}) }][0]`;
  lines.push(`RETURN ${params.countTotal === true ? 'totalCount' : '0 AS totalCount'}, rows, ${missing} AS missingFilterId`);
  return lines.join('\n');
}

function indent(lines: readonly string[]): string {
  return lines
    .join('\n')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
