import DataLoader from 'dataloader';
import { int } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { viewedAs, type AsOf, type Viewed } from './asOf.js';
import { bestNode, distinctNodes, type ClaimEdgeRecord } from './claim.js';
import { decodeCursor, encodeCursor, pageSize, type PageArgs } from './pagination.js';

export interface ClaimPage<TNode> {
  totalCount: number;
  edges: ClaimEdgeRecord<TNode>[];
  hasNextPage: boolean;
}

interface Window {
  /** The reportedOn day and claim id of the edge before the page; null: from the start. */
  afterKey: string | null;
  afterId: string | null;
  /** Page size; null: every claim, for list fields. */
  limit: number | null;
  asOf: AsOf;
  /** Whether to count every claim of the parent, not just the page. */
  countTotal: boolean;
}

/** The Cypher LIMIT standing for "no limit": relationship queries always take one. */
const UNLIMITED = 2 ** 31 - 2;

/** The record a relationship field hangs off, possibly read as of a past day. */
export type Parent = { id: string } & Viewed;
const EMPTY: ClaimPage<never> = { totalCount: 0, edges: [], hasNextPage: false };

/**
 * Per-request batching of relationship reads. All parents asking the same relationship query with
 * the same page window and the same asOf day share one Cypher statement, whatever their number.
 * Nodes come back tagged with their parent's asOf day, so time travel reaches every level.
 */
export class ClaimLoaders {
  private readonly loaders = new Map<string, DataLoader<string, ClaimPage<unknown>>>();

  constructor(private readonly db: Database) {}

  /** Every claim of the relationship, for list fields and single-value fields. */
  all<TNode>(queryName: string, parent: Parent): Promise<ClaimPage<TNode>> {
    return this.load(queryName, parent, { afterKey: null, afterId: null, limit: null, asOf: parent.asOf ?? null, countTotal: false });
  }

  /** The nodes of a list field: see distinctNodes. */
  async nodes<TNode extends { id: string }>(queryName: string, parent: Parent): Promise<TNode[]> {
    return distinctNodes((await this.all<TNode>(queryName, parent)).edges);
  }

  /** The node of a single-value field: see bestNode. */
  async best<TNode extends { id: string }>(queryName: string, parent: Parent): Promise<TNode | null> {
    return bestNode((await this.all<TNode>(queryName, parent)).edges);
  }

  /** One page of a relationship connection, edges shaped as `<Name>ClaimEdge`; totalCount is 0 unless `countTotal`. */
  async connection<TNode>(queryName: string, parent: Parent, args: PageArgs, countTotal: boolean) {
    const limit = pageSize(args.first);
    const { afterKey, afterId } = decodeCursor(args.after);
    const page = await this.load<TNode>(queryName, parent, {
      afterKey: afterKey === null ? null : String(afterKey),
      afterId,
      limit,
      asOf: parent.asOf ?? null,
      countTotal,
    });
    const edges = page.edges.map(({ node, claim }) => ({
      cursor: encodeCursor(claim.reportedOn, claim.id),
      node,
      confidence: claim.confidence,
      reportedOn: claim.reportedOn,
      reportedOnPrecision: claim.reportedOnPrecision,
      sourceIds: claim.sourceIds,
    }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private load<TNode>(queryName: string, parent: Parent, window: Window): Promise<ClaimPage<TNode>> {
    const loaderKey = [queryName, window.afterKey, window.afterId, window.limit, window.asOf, window.countTotal].join('|');
    let loader = this.loaders.get(loaderKey);
    if (!loader) {
      loader = new DataLoader(async (keys: readonly string[]) => {
        const rows = await this.db.read(queryName, {
          keys,
          afterKey: window.afterKey,
          afterId: window.afterId,
          limit: int(window.limit ?? UNLIMITED),
          asOf: window.asOf,
          countTotal: window.countTotal,
        });
        const byKey = new Map(rows.map((row) => [row.key as string, viewPage(row as unknown as ClaimPage<object>, window.asOf)]));
        return keys.map((key) => byKey.get(key) ?? EMPTY);
      });
      this.loaders.set(loaderKey, loader);
    }
    return loader.load(parent.id) as Promise<ClaimPage<TNode>>;
  }
}

function viewPage(page: ClaimPage<object>, asOf: AsOf): ClaimPage<object> {
  if (asOf === null) return page;
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: viewedAs(edge.node, asOf) })) };
}
