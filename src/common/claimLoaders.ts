import DataLoader from 'dataloader';
import { int } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { bestNode, distinctNodes, type ClaimEdgeRecord } from './claim.js';
import { decodeCursor, encodeCursor, pageSize, type PageArgs } from './pagination.js';

export interface ClaimPage<TNode> {
  totalCount: number;
  edges: ClaimEdgeRecord<TNode>[];
  hasNextPage: boolean;
}

interface Window {
  after: string | null;
  limit: number | null;
}

const EVERYTHING: Window = { after: null, limit: null };
const EMPTY: ClaimPage<never> = { totalCount: 0, edges: [], hasNextPage: false };

/**
 * Per-request batching of relationship reads. All parents asking the same relationship query with
 * the same page window share one Cypher statement, whatever their number.
 */
export class ClaimLoaders {
  private readonly loaders = new Map<string, DataLoader<string, ClaimPage<unknown>>>();

  constructor(private readonly db: Database) {}

  /** Every claim of the relationship, for list fields and single-value fields. */
  all<TNode>(queryName: string, parentId: string): Promise<ClaimPage<TNode>> {
    return this.load(queryName, parentId, EVERYTHING);
  }

  /** The nodes of a list field: each once, denied-only ones left out. */
  async nodes<TNode extends { id: string }>(queryName: string, parentId: string): Promise<TNode[]> {
    return distinctNodes((await this.all<TNode>(queryName, parentId)).edges);
  }

  /** The node of a single-value field: the newest, most certain claim that is not a denial. */
  async best<TNode>(queryName: string, parentId: string): Promise<TNode | null> {
    return bestNode((await this.all<TNode>(queryName, parentId)).edges);
  }

  /** One page of a relationship connection, edges shaped as `<Name>ClaimEdge`. */
  async connection<TNode>(queryName: string, parentId: string, args: PageArgs) {
    const limit = pageSize(args.first);
    const { afterKey } = decodeCursor(args.after);
    const page = await this.load<TNode>(queryName, parentId, { after: afterKey, limit });
    const edges = page.edges.map(({ node, claim }) => ({
      cursor: encodeCursor(claim.id, claim.id),
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

  private load<TNode>(queryName: string, parentId: string, window: Window): Promise<ClaimPage<TNode>> {
    const loaderKey = `${queryName}|${window.after ?? ''}|${window.limit ?? ''}`;
    let loader = this.loaders.get(loaderKey);
    if (!loader) {
      loader = new DataLoader(async (keys: readonly string[]) => {
        const rows = await this.db.read(queryName, { keys, after: window.after, limit: window.limit === null ? null : int(window.limit) });
        const byKey = new Map(rows.map((row) => [row.key as string, row as unknown as ClaimPage<unknown>]));
        return keys.map((key) => byKey.get(key) ?? EMPTY);
      });
      this.loaders.set(loaderKey, loader);
    }
    return loader.load(parentId) as Promise<ClaimPage<TNode>>;
  }
}
