/** The size of a page of any list or connection: first and last default to, and are capped at, these. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Hard caps on the analyst queries' size arguments. The guard rails reject requests over them before
 * any Cypher runs; the resolvers check the whole range again, lower bounds included. Sized so the largest answer stays a few
 * hundred nodes: what a drawing can show and one Cypher statement returns in milliseconds.
 */
export const ANALYST_LIMITS = {
  graph: { depth: { default: 1, max: 3 }, limit: { default: 100, max: 500 } },
  paths: { maxHops: { default: 4, max: 6 }, first: { default: 5, max: 20 } },
  search: { first: { default: 10, max: 50 } },
} as const;

/**
 * Limits on the shape of a whole operation, checked with the argument caps before it executes.
 * Sized from our own queries (the README's and the tests'): the deepest has depth 7, the most
 * aliased 5 aliases, and the analyst and page queries cost at most about 600. The costliest is
 * the depth-3 walk over a page of 20 brands (partners, devices, chips, vendors, leaks, sources):
 * about 22,900. The cost limit is about twice that; the same walk over 100 brands (114,301)
 * is refused: on a graph of the benchmark's size it would return hundreds of thousands of objects.
 */
export const OPERATION_LIMITS = {
  /** Nested fields, the top-level field counting 1; fragments add no depth. */
  depth: 10,
  /** Aliased fields, fragments expanded: each alias asks for its work again, often a statement of its own. */
  aliases: 15,
  /** The estimated number of objects the answer may hold (see src/server/guardRails.ts). */
  complexity: 50_000,
} as const;

/** What the guard rails measure of an operation, against OPERATION_LIMITS. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  complexity: number;
}

/** How many items a relationship list without `first` (such as `Brand.partners`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/** Upper caps of size arguments by `Type.field`; every other `first` and `last` is capped at MAX_PAGE_SIZE. */
export const ARGUMENT_CAPS: Record<string, Record<string, number>> = {
  'Query.graph': { depth: ANALYST_LIMITS.graph.depth.max, limit: ANALYST_LIMITS.graph.limit.max },
  'Query.paths': { maxHops: ANALYST_LIMITS.paths.maxHops.max, first: ANALYST_LIMITS.paths.first.max },
  'Query.search': { first: ANALYST_LIMITS.search.first.max },
};
export const DEFAULT_ARGUMENT_CAPS: Record<string, number> = { first: MAX_PAGE_SIZE, last: MAX_PAGE_SIZE };

/**
 * Live updates (src/server/subscriptions.ts, src/store/changes/changeFeed.ts). A subscription costs one small queue and
 * a filter test per change; the per-connection and per-address caps stop one client from holding thousands.
 */
export const SUBSCRIPTION_LIMITS = {
  /** Active subscriptions on one WebSocket; the next one gets LIMIT_EXCEEDED. */
  perConnection: 20,
  /** Open WebSockets from one remote address; the next upgrade gets HTTP 429. */
  connectionsPerAddress: 50,
  /** Changes queued for one subscriber that does not read them: past this it is ended with LIMIT_EXCEEDED and resumes with `after`. */
  queuedChanges: 1_000,
  /** How long a client may take between opening the socket and connection_init. */
  initTimeoutMs: 5_000,
  /**
   * Distinct subscription executions alive in one process, so at most this many per event: identical subscriptions
   * (document, variables, caller role) share one (src/server/subscriptionFanOut.ts). Past it a new distinct
   * subscription gets LIMIT_EXCEEDED. Our pages open a handful each; 200 keeps one write's cost to a few hundred
   * statements however many sockets are open.
   */
  executionsPerEvent: 200,
} as const;

/**
 * Read-your-writes across replicas (src/server/bookmarks.ts). A bookmark this deployment signed names a state one
 * of its replicas has seen committed; on one Neo4j or a healthy cluster it is reached at once, and a replica that
 * lags more than this answers SERVICE_UNAVAILABLE instead of holding the request and its Bolt session.
 */
export const BOOKMARK_LIMITS = {
  waitMs: 2_000,
  /** Bookmarks one header may carry. */
  perHeader: 16,
} as const;

/**
 * How import and export move records (src/store/records). A batch is one write transaction: big enough that
 * the round trips do not dominate, small enough that a failed batch is cheap to redo on resume. An export page
 * is one keyset read.
 */
export const RECORD_TRANSFER = {
  importBatchSize: 1_000,
  exportPageSize: 5_000,
} as const;

/**
 * How each API process tails the change log. The interval bounds the delay to subscribers of other replicas
 * (a process polls at once after its own mutations); an idle feed, with no subscriber, does not poll at all.
 */
export const CHANGE_FEED = {
  pollIntervalMs: 100,
  /** Changes read per statement; a full batch is followed by the next at once. */
  batchSize: 500,
  /**
   * How long the feed waits at a hole in the sequence before passing it. Numbers are handed out in consecutive
   * ranges, one statement at a time, and a rollback returns them, so a hole is only a read that raced a commit,
   * filled at the next poll, or an entry deleted by hand, which would otherwise stop the feed.
   */
  holeTimeoutMs: 5_000,
} as const;

/** How committed audit entries get their number in the change log (src/store/changes/changeSequencer.ts). */
export const CHANGE_LOG = {
  /** Entries numbered per statement; a full batch is followed by the next at once. */
  sequenceBatch: 500,
  /**
   * A pending entry older than this was left by a process that stopped between a commit and its numbering; each
   * tailing feed looks for such leftovers this often, and numbers them.
   */
  leftoverAfterMs: 5_000,
} as const;

/** How the importer reads its files: line by line, so no file is ever one string (V8 caps a string near 512 MB). */
export const IMPORT_LIMITS = {
  /** Bytes of one line; far above the longest record RECORD_LIMITS allow, and a longer line is refused unread. */
  lineBytes: 4 * 1024 * 1024,
} as const;

/** Limits on every record (README "Data and import"); longer values are rejected, never cut. */
export const RECORD_LIMITS = {
  /** Characters of a name, title, summary, alias, URL or spec value. */
  text: 2_000,
  /** Entries of a list: aliases, roles, brands, devices, sources. */
  list: 100,
  /** Characters of an id, or of a spec key. */
  id: 200,
} as const;

/**
 * Longest strings accepted in an argument or input field, by its name; every other string (names,
 * ids, days, everything an edit writes) may be as long as a record's text (RECORD_LIMITS, which the
 * editing layer checks again with its own messages). Search text is shorter: each word becomes up to
 * three Lucene clauses, and Lucene refuses a query of more than 1,024. A cursor holds a sort key (a
 * title at most) and an id, base64-encoded.
 */
export const STRING_LIMITS: { default: number; byName: Readonly<Record<string, number>> } = {
  default: RECORD_LIMITS.text,
  byName: { query: 200, after: 4_000, before: 4_000 },
};

/**
 * Limits applied while a document is parsed and validated, before the guard rails measure it.
 * The introspection query has about 160 tokens and our largest queries (README, tests) a few hundred.
 */
export const PARSE_LIMITS = {
  /** graphql-js stops parsing a document with more tokens than this. */
  maxTokens: 5_000,
  /** Apollo's cap on selections with fragments expanded; it stops fragment fan-out bombs early. */
  maxRecursiveSelections: 5_000,
} as const;

/** What one log line may hold (src/server/logger.ts): longer strings are cut, deeper values elided. */
export const LOG_LIMITS = {
  /** Characters of any string: room for a stack trace's first frames or a Cypher error, not for a client's megabyte. */
  stringChars: 2_000,
  /** Items of any array. */
  arrayItems: 50,
  /** Levels of nested objects. */
  depth: 8,
} as const;

/** Longest operation name a request may carry; a longer one is refused before it is logged or counted. */
export const MAX_OPERATION_NAME_LENGTH = 256;
