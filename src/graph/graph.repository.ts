import { int } from 'neo4j-driver';
import { isKnownOn } from '../belief/belief.js';
import { type AsOf } from '../schemaTypes/asOf.js';
import type { Confidence, RelationshipType } from '../schemaTypes/enums.js';
import type { EntityRecord } from '../schemaTypes/node.js';
import type { Database } from '../db/database.js';
import { BadUserInputError, NotFoundError } from '../errors/errors.js';
import type { GraphEdge, GraphSlice, Path } from './graph.type.js';

export interface SliceRequest {
  id: string;
  depth: number;
  relationshipTypes: RelationshipType[];
  confidences: Confidence[];
  asOf: AsOf;
  limit: number;
}

export interface PathsRequest {
  from: string;
  to: string;
  maxHops: number;
  asOf: AsOf;
  first: number;
}

export class GraphRepository {
  constructor(private readonly db: Database) {}

  /** One Cypher statement, whatever the depth. */
  async slice(request: SliceRequest): Promise<GraphSlice> {
    const [row] = await this.db.read('graphSliceAroundId', { ...request, depth: int(request.depth), limit: int(request.limit) });
    if (!row || !isKnownOn(row.root as EntityRecord, request.asOf)) {
      throw new NotFoundError(`No entity with id "${request.id}"${request.asOf ? ` was known on ${request.asOf}` : ''}`, request.id);
    }
    return { nodes: row.nodes, edges: row.edges, truncated: row.truncated } as GraphSlice;
  }

  async shortestPaths(request: PathsRequest): Promise<Path[]> {
    if (request.from === request.to) throw new BadUserInputError('from and to must be different entities', 'to');
    const [row] = await this.db.read('shortestPathsBetweenIds', {
      ...request,
      maxHops: int(request.maxHops),
      first: int(request.first),
    });
    for (const [field, exists] of [['from', row?.fromExists], ['to', row?.toExists]] as const) {
      if (!exists) throw new NotFoundError(`No entity with id "${request[field]}"`, request[field]);
    }
    return (row!.paths as Array<Omit<Path, 'length'>>).map((path) => ({ ...path, length: path.edges.length }));
  }

  /** The relationship claim with this id, as an edge, or null. */
  async edgeById(id: string): Promise<GraphEdge | null> {
    const [row] = await this.db.read('relationshipClaimById', { id });
    return row ? { ...(row.claim as GraphEdge), __typename: 'GraphEdge' } : null;
  }
}
