import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../config/limits.js';
import { BadUserInputError, checkRange } from '../errors/errors.js';

/** The arguments of a page: forward with first and after, or backward with last and before. */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Where a page sits in its list, as the connection's pageInfo answers it. */
export interface PageInfoRecord {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * Which rows a page asks for: `limit` rows after the cursor in the list's order, or, going backward,
 * `limit` rows before it, read in the reverse order (and put back in order by toPage).
 */
export interface PageWindow {
  limit: number;
  backward: boolean;
  /** The cursor's sort key and id; null: from the start (or, backward, from the end). */
  afterKey: SortKey | null;
  afterId: string | null;
}

/**
 * What a cursor's sort key must be, by the list order's field (`NAME` of NAME_ASC), checked before the key
 * reaches Cypher: a forged key of the wrong kind is BAD_USER_INPUT, never a failed date() in a statement.
 * `day` is an ISO day; `dayOrMissing` also takes the sentinel the page queries sort entities without a day by;
 * `instant` is a datetime as Neo4j prints it (seconds left out when zero, a zone name perhaps).
 */
const SORT_KEY_KINDS = {
  NAME: 'text',
  TITLE: 'text',
  PARTNER_COUNT: 'count',
  DEVICE_COUNT: 'count',
  LEAK_COUNT: 'count',
  REPORTED_ON: 'day',
  ANNOUNCED_ON: 'dayOrMissing',
  PUBLISHED_ON: 'dayOrMissing',
  AT: 'instant',
} as const;
export type SortKeyKind = (typeof SORT_KEY_KINDS)[keyof typeof SORT_KEY_KINDS];

/** The kind of sort key a list ordered by `sortField` issues cursors with. */
export function sortKeyKindOf(sortField: string): SortKeyKind {
  const kind = (SORT_KEY_KINDS as Record<string, SortKeyKind>)[sortField];
  if (!kind) throw new Error(`No sort key kind is declared for the order field ${sortField}`);
  return kind;
}

/** The sort keys the page queries give entities without a day (dayOrMissing in store/reads/pageStatements.ts). */
const MISSING_DAY_KEYS = new Set(['0000-00-00', '9999-99-99']);

function isSortKeyOfKind(key: SortKey, kind: SortKeyKind): boolean {
  switch (kind) {
    case 'text':
      return typeof key === 'string';
    case 'count':
      return Number.isInteger(key) && (key as number) >= 0;
    case 'dayOrMissing':
      return typeof key === 'string' && (MISSING_DAY_KEYS.has(key) || isCalendarDay(key));
    case 'day':
      return typeof key === 'string' && isCalendarDay(key);
    case 'instant':
      return (
        typeof key === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\[[\w/+-]+\])?$/.test(key) &&
        isCalendarDay(key.slice(0, 10))
      );
  }
}

/** A YYYY-MM-DD day that exists in the calendar, as Neo4j's date() parses it. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** The window a page's arguments ask for; its cursor must hold a sort key of `keyKind`. */
export function pageWindow(args: PageArguments, keyKind: SortKeyKind): PageWindow {
  const backward = isSet(args.last) || isSet(args.before);
  if (backward && (isSet(args.first) || isSet(args.after))) {
    throw new BadUserInputError('Page forward with first and after, or backward with last and before, not both', isSet(args.last) ? 'last' : 'before');
  }
  const sizeField = backward ? 'last' : 'first';
  const cursorField = backward ? 'before' : 'after';
  return { limit: pageSize(args[sizeField], sizeField), backward, ...decodeCursor(args[cursorField], keyKind, cursorField) };
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined;
}

export function pageSize(size: number | null | undefined, field = 'first'): number {
  if (size === null || size === undefined) return DEFAULT_PAGE_SIZE;
  checkRange(size, 0, MAX_PAGE_SIZE, field);
  return size;
}

/** A value a page is ordered by: a name or ISO day, or a relationship count. */
export type SortKey = string | number;

/** Keyset cursors: the sort key and id of the last row, so pages stay stable under inserts. */
export function encodeCursor(sortKey: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, keyKind: SortKeyKind, field = 'after'): { afterKey: SortKey | null; afterId: string | null } {
  if (cursor === null || cursor === undefined) return { afterKey: null, afterId: null };
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && isSortKeyOfKind(decoded[0] as SortKey, keyKind) && typeof decoded[1] === 'string') {
      return { afterKey: decoded[0] as SortKey, afterId: decoded[1] };
    }
  } catch {
    // Falls through to the error below: a cursor we did not issue.
  }
  throw new BadUserInputError(`${field} is not a cursor this API issued`, field);
}

export interface Page<TNode> {
  totalCount: number;
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: PageInfoRecord;
}

export interface SortedRow<TNode> {
  node: TNode;
  sortKey: SortKey;
}

/**
 * Builds a connection from up to `limit + 1` rows: the extra row only tells that more rows exist
 * beyond the page. Backward pages arrive in reverse order and are put back in the list's order.
 */
export function toPage<TNode extends { id: string }>(rows: SortedRow<TNode>[], totalCount: number, window: PageWindow): Page<TNode> {
  const more = rows.length > window.limit;
  const kept = rows.slice(0, window.limit);
  if (window.backward) kept.reverse();
  const edges = kept.map(({ node, sortKey }) => ({ cursor: encodeCursor(sortKey, node.id), node }));
  return { totalCount, edges, pageInfo: pageInfoOf(edges, more, window) };
}

/**
 * PageInfo of a page of `edges`, `more` telling whether rows exist beyond it in the direction read. An edge's cursor
 * is null where its read left out what cursors are made of, as it does when none is selected.
 */
export function pageInfoOf(edges: ReadonlyArray<{ cursor: string | null }>, more: boolean, window: PageWindow): PageInfoRecord {
  const fromCursor = window.afterId !== null;
  return {
    hasNextPage: window.backward ? fromCursor : more,
    hasPreviousPage: window.backward ? more : fromCursor,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/** A list order such as LEAK_COUNT_DESC, split into what the page queries take. */
export function sortOrder(order: string): { sortField: string; descending: boolean } {
  const descending = order.endsWith('_DESC');
  return { sortField: order.replace(/_(ASC|DESC)$/, ''), descending };
}
