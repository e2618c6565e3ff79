import { int } from 'neo4j-driver';
import type { Database, Row } from '../neo4j/database.js';
import { AmbiguousLookupError, NotFoundError } from '../../errors/errors.js';
import { lookupKey } from '../../model/canonical.js';
import { entityAsOf } from '../../model/claim.js';
import { withAsOf, type AsOf } from '../../model/asOf.js';
import type { QueryName } from '../neo4j/queryNames.js';
import type { PlannedReads, RootShape } from './relationshipLoader.js';
import type { EntityRecord } from '../../model/entity.js';
import { pageWindow, sortKeyKindOf, sortOrder, toPage, type Page, type PageArguments, type SortedRow } from '../../model/keyset.js';

export interface PageRequest {
  filters: Row;
  args: PageArguments;
  order: string;
  asOf: AsOf;
  countTotal: boolean;
  /** The relationship reads the selection asks for below each entity of the page, sent in the same statement. */
  plan?: PlannedReads | null;
}

const LOOKUP_RESULT: RootShape = { idsExpression: '[node.id]' };
const PAGE_RESULT: RootShape = { idsExpression: '[row IN rows | row.node.id]' };

/** Reads shared by every entity type: by id, by lookup key, and keyset pages. */
export class EntityRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read('entitiesByIds', { ids });
    return new Map(
      rows.map((row) => {
        const node = row.node as EntityRecord;
        return [node.id, node];
      }),
    );
  }

  /**
   * The entity of type `label` whose name, alias, model number, short model number, codename or
   * part number is `name`, ignoring case; AMBIGUOUS, listing the candidates, when several have it.
   */
  async byLookupKey<TRecord extends EntityRecord>(label: string, name: string, asOf: AsOf, plan: PlannedReads | null = null): Promise<TRecord | null> {
    const query = lookupKeyQuery(name);
    if (query.key === '') return null;
    const params = { label, ...query };
    const rows = plan ? await plan.run(this.db, 'entityByLookupKey', params, LOOKUP_RESULT) : await this.db.read('entityByLookupKey', params);
    const candidates = rows.map((row) => entityAsOf(row.node as TRecord, asOf)).filter((node): node is TRecord => node !== null);
    // A key two entities share (a codename two makers use) is never settled by picking one.
    if (candidates.length > 1)
      throw new AmbiguousLookupError(
        name,
        candidates.map(({ id, ...node }) => ({ id, name: 'name' in node ? String(node.name) : id })),
      );
    return candidates[0] ?? null;
  }

  /**
   * One keyset page from a `<type>sPage` query, in `order` (such as NAME_ASC), as known on `asOf`;
   * the total is counted only when `countTotal` (else 0).
   * A query that filters by an entity id returns that id as missingFilterId when no entity has it: filtering by an id
   * that is not in the graph is a NOT_FOUND, not an empty page.
   */
  async page<TRecord extends EntityRecord>(queryName: QueryName, { filters, args, order, asOf, countTotal, plan }: PageRequest): Promise<Page<TRecord>> {
    const { sortField, descending } = sortOrder(order);
    const window = pageWindow(args, sortKeyKindOf(sortField));
    // Backward reads the reverse order (the sort key's direction and the id's) from the cursor on.
    const params = {
      ...filters,
      sortField,
      descending: descending !== window.backward,
      backward: window.backward,
      asOf,
      countTotal,
      afterKey: window.afterKey,
      afterId: window.afterId,
      limit: int(window.limit + 1),
    };
    const [row] = plan ? await plan.run(this.db, queryName, params, PAGE_RESULT) : await this.db.read(queryName, params);
    if (typeof row?.missingFilterId === 'string') {
      throw new NotFoundError(`No entity with id "${row.missingFilterId}"`, row.missingFilterId);
    }
    const rows = ((row?.rows ?? []) as SortedRow<TRecord>[]).map(({ node, sortKey }) => ({ node: withAsOf(node, asOf), sortKey }));
    return toPage(rows, Number(row?.totalCount ?? 0), window);
  }
}

/**
 * Parameters of an exact lookup by canonical lower-cased name (lookupKey, as the importer stores the keys), alias or model number: the key, and the quoted
 * term the keyword full-text index takes (a phrase, so Lucene syntax in names stays literal).
 */
export function lookupKeyQuery(name: string): { key: string; luceneQuery: string } {
  const key = lookupKey(name);
  return { key, luceneQuery: `"${key.replace(/["\\]/g, '\\$&')}"` };
}
