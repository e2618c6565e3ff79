import { int } from 'neo4j-driver';
import { isKnownOn } from '../../model/claim.js';
import { snapshotId, type AsOf } from '../../model/asOf.js';
import type { Confidence, EntityType, RelationshipType } from '../../model/enums.js';
import type { EntityRecord } from '../../model/entity.js';
import type { Database } from '../neo4j/database.js';
import { BadUserInputError, NotFoundError } from '../../errors/errors.js';
import type { Claim } from '../../model/claim.js';
import type { WithAsOf } from '../../model/asOf.js';

/** An entity as a node of a drawing (GraphNode in the schema). */
export interface GraphNode {
  id: string;
  entityId: string;
  type: EntityType;
  label: string;
}

/** A claim as an edge of a drawing (GraphEdge in the schema). */
export interface GraphEdge extends Claim, WithAsOf {
  __typename?: 'GraphEdge';
  claimId: string;
  type: RelationshipType;
  source: string;
  target: string;
}

export interface GraphSlice {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Path {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A node or edge as the graph queries return it: ids of the entity and the claim, today's. */
type NodeRow = Omit<GraphNode, 'entityId'>;
type EdgeRow = Omit<GraphEdge, 'claimId'>;

/**
 * Drawing nodes and edges get ids of their own ("graphNode:brand:leica", "graphEdge:<claim id>"), since the
 * entity and the claim they show already use theirs under other types; entityId, claimId, source and
 * target refer to those. Viewed as of a past day, every id is that day's snapshot id.
 */
function graphNodeOf(row: NodeRow, asOf: AsOf): GraphNode {
  return { ...row, id: snapshotId(`graphNode:${row.id}`, asOf), entityId: snapshotId(row.id, asOf) };
}

function graphEdgeOf(row: EdgeRow, asOf: AsOf): GraphEdge {
  return {
    ...row,
    id: snapshotId(`graphEdge:${row.id}`, asOf),
    claimId: snapshotId(row.id, asOf),
    source: snapshotId(row.source, asOf),
    target: snapshotId(row.target, asOf),
    // Its sources are viewed as of the same day (ClaimSourcesResolver).
    ...(asOf ? { asOf } : {}),
  };
}

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
    return {
      nodes: (row.nodes as NodeRow[]).map((node) => graphNodeOf(node, request.asOf)),
      edges: (row.edges as EdgeRow[]).map((edge) => graphEdgeOf(edge, request.asOf)),
      truncated: row.truncated as boolean,
    };
  }

  async shortestPaths(request: PathsRequest): Promise<Path[]> {
    if (request.from === request.to) throw new BadUserInputError('from and to must be different entities', 'to');
    const [row] = await this.db.read('shortestPathsBetweenIds', {
      ...request,
      maxHops: int(request.maxHops),
      first: int(request.first),
    });
    for (const [field, exists] of [
      ['from', row?.fromExists],
      ['to', row?.toExists],
    ] as const) {
      if (!exists) throw new NotFoundError(`No entity with id "${request[field]}"`, request[field]);
    }
    return (row!.paths as Array<{ nodes: NodeRow[]; edges: EdgeRow[] }>).map((path) => ({
      length: path.edges.length,
      nodes: path.nodes.map((node) => graphNodeOf(node, request.asOf)),
      edges: path.edges.map((edge) => graphEdgeOf(edge, request.asOf)),
    }));
  }

  /** The relationship claim with this id, as an edge viewed as of `asOf`, or null. */
  async edgeById(id: string, asOf: AsOf): Promise<GraphEdge | null> {
    const [row] = await this.db.read('relationshipClaimById', { id });
    return row ? { ...graphEdgeOf(row.claim as EdgeRow, asOf), __typename: 'GraphEdge' } : null;
  }
}
