import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadUserInputError, checkRange } from '../errors/errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  checkRange(first, 0, MAX_PAGE_SIZE, 'first');
  return first;
}

/** A value a page is ordered by: a name or ISO day, or a relationship count. */
export type SortKey = string | number;

/** Keyset cursors: the sort key and id of the last row, so pages stay stable under inserts. */
export function encodeCursor(sortKey: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): { afterKey: SortKey | null; afterId: string | null } {
  if (cursor === null || cursor === undefined) return { afterKey: null, afterId: null };
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || Number.isInteger(decoded[0])) &&
      typeof decoded[1] === 'string'
    ) {
      return { afterKey: decoded[0] as SortKey, afterId: decoded[1] as string };
    }
  } catch {
    // Falls through to the error below: a cursor we did not issue.
  }
  throw new BadUserInputError('after is not a cursor this API issued', 'after');
}

export interface Page<TNode> {
  totalCount: number;
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: PageInfo;
}

export interface SortedRow<TNode> {
  node: TNode;
  sortKey: SortKey;
}

/** Builds a connection from `limit + 1` rows: the extra row only tells that a next page exists. */
export function toPage<TNode extends { id: string }>(rows: SortedRow<TNode>[], totalCount: number, size: number): Page<TNode> {
  const edges = rows.slice(0, size).map(({ node, sortKey }) => ({ cursor: encodeCursor(sortKey, node.id), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

type Direction = 'ASC' | 'DESC';

/**
 * The orders of a list as a GraphQL enum: `<FIELD>_ASC` and `<FIELD>_DESC` for each field, such as
 * NAME_ASC or PARTNER_COUNT_DESC. The page queries take them apart with sortOrder.
 */
export function createOrderEnum<const TField extends string>(name: string, fields: readonly TField[], description: string) {
  const values = Object.fromEntries(
    fields.flatMap((field) => [`${field}_ASC`, `${field}_DESC`]).map((value) => [value, value]),
  ) as { [TValue in `${TField}_${Direction}`]: TValue };
  registerEnumType(values, { name, description });
  return values;
}

/** A list order such as LEAK_COUNT_DESC, split into what the page queries take. */
export function sortOrder(order: string): { sortField: string; descending: boolean } {
  const descending = order.endsWith('_DESC');
  return { sortField: order.replace(/_(ASC|DESC)$/, ''), descending };
}
