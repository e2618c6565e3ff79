import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type RoutingControl,
  routing,
  type Session,
  type SessionMode,
} from 'neo4j-driver';
import { ServiceUnavailableError, TimeoutError } from '../../errors/errors.js';
import { CypherLibrary } from './cypherLibrary.js';
import type { QueryName } from './queryNames.js';

export type Row = Record<string, unknown>;

export interface QueryObserver {
  /** Called once per Cypher statement sent to Neo4j. */
  (queryName: string, durationSeconds: number): void;
}

export interface DatabaseOptions {
  uri: string;
  username?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  onQuery?: QueryObserver;
  /** Neo4j transaction timeout of each read; past it the read fails with TIMEOUT. */
  readTimeoutMs?: number;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * The app's only door to Neo4j: runs named queries from cypher/, counts every statement sent,
 * turns driver values (dates, integers) into plain JSON values and connection failures into
 * SERVICE_UNAVAILABLE.
 */
export class Database {
  readonly driver: Driver;
  private database: string | undefined;
  private readonly onQuery: QueryObserver;
  /**
   * Every session and query of the process starts from the bookmarks of the latest transaction it has seen, so
   * a read routed to any cluster member sees at least what this process wrote or read before (docs/deployment.md).
   */
  private readonly bookmarkManager: BookmarkManager = neo4j.bookmarkManager();
  private readonly readTimeoutMs: number | undefined;

  constructor(
    options: DatabaseOptions,
    readonly cypher: CypherLibrary = new CypherLibrary(),
  ) {
    const auth = options.username !== undefined ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      // Fail fast when Neo4j is down: a request gets SERVICE_UNAVAILABLE in seconds, not a hang.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: 3_000,
      disableLosslessIntegers: true,
      userAgent: 'partnergraph',
    });
    this.database = options.database;
    this.onQuery = options.onQuery ?? (() => {});
    this.readTimeoutMs = options.readTimeoutMs;
  }

  /**
   * Runs a read as an auto-commit query: RUN and PULL go out in one write and come back in one round
   * trip, where a managed transaction adds a BEGIN and a COMMIT (three socket writes, two round trips).
   * On a busy host each write costs a system call and a chance to be descheduled; a page that sends
   * six statements felt it (docs/benchmarks.md). A single read statement needs no transaction.
   */
  read(queryName: QueryName, params: Row = {}): Promise<Row[]> {
    return this.readText(queryName, this.cypher.forParams(queryName, params), params);
  }

  /** Runs a read whose text is given: generated from the relationship table (src/model/relationships.ts) by src/store/reads/cypher.ts, or a named query's; `label` names it in metrics. */
  readText(label: string, query: string, params: Row): Promise<Row[]> {
    return this.run(label, query, params, { autoCommit: neo4j.session.READ, timeout: this.readTimeoutMs });
  }

  /** Runs a write in a transaction of its own, retried by the driver on transient errors. */
  write(queryName: QueryName, params: Row = {}): Promise<Row[]> {
    return this.run(queryName, this.cypher.get(queryName), params, { retried: routing.WRITE });
  }

  /**
   * Runs a write as an auto-commit statement: Neo4j commits it as soon as it has run, so the locks it takes are
   * held for no round trip to this process. The driver does not retry it; its caller decides.
   */
  writeAutoCommit(queryName: QueryName, params: Row = {}): Promise<Row[]> {
    return this.run(queryName, this.cypher.get(queryName), params, { autoCommit: neo4j.session.WRITE });
  }

  /** Runs `work` in one write transaction, retried by the driver on transient errors. */
  async writeTransaction<T>(work: (run: (queryName: QueryName, params?: Row) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.session(neo4j.session.WRITE);
    try {
      return await session.executeWrite((tx) => work((name, params = {}) => this.run(name, this.cypher.get(name), params, { transaction: tx })));
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a literal statement; only for schema migrations, whose text comes from our own files. */
  async runSchemaStatement(statement: string): Promise<void> {
    await this.run('migration', statement, {}, { retried: routing.WRITE });
  }

  /**
   * Names the database on every session from now on: without a name the driver must resolve the
   * user's home database, which with routing URIs is work per session. An explicit NEO4J_DATABASE wins.
   */
  async pinHomeDatabase(): Promise<void> {
    if (this.database !== undefined) return;
    try {
      const { summary } = await this.driver.executeQuery('RETURN 1', {}, { routing: routing.READ });
      this.database = summary.database.name ?? undefined;
    } catch (error) {
      throw translateError(error);
    }
  }

  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw translateError(error);
    }
  }

  /** Bookmarks of the latest state this process has written or read: a client that sends them back reads at least that. */
  async bookmarks(): Promise<string[]> {
    return [...(await this.bookmarkManager.getBookmarks())];
  }

  /**
   * Waits until the cluster member reads go to holds `bookmarks` (another replica's), then keeps them for every
   * later session of the process. A bookmark Neo4j does not know fails here, before it could fail other requests.
   * Past `timeoutMs` it gives up with SERVICE_UNAVAILABLE; the session is closed once Neo4j answers.
   */
  async catchUp(bookmarks: string[], timeoutMs: number): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarks });
    const probe = session.run(this.cypher.get('bookmarkProbe'));
    const closed = probe.then(
      () => session.close(),
      () => session.close(),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new ServiceUnavailableError(`The graph database has not caught up with these bookmarks within ${timeoutMs} ms; try again shortly.`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([probe, timedOut]);
    } catch (error) {
      throw translateError(error);
    } finally {
      clearTimeout(timer);
    }
    await closed;
    await this.bookmarkManager.updateBookmarks([], bookmarks);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private session(mode: SessionMode): Session {
    return this.driver.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarkManager });
  }

  /** Every statement goes out here: counted for metrics under `label`, its records made plain, its errors translated. */
  private async run(label: string, query: string, params: Row, how: RunIn): Promise<Row[]> {
    const started = performance.now();
    const session = 'autoCommit' in how ? this.session(how.autoCommit) : null;
    try {
      const { records } =
        'transaction' in how
          ? await how.transaction.run(query, params)
          : 'retried' in how
            ? await this.driver.executeQuery(query, params, { database: this.database, routing: how.retried, bookmarkManager: this.bookmarkManager })
            : await session!.run(query, params, how.timeout ? { timeout: how.timeout } : {});
      return records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      // Inside a transaction the driver must see its own errors, to retry transient ones; writeTransaction translates what is left.
      throw 'transaction' in how ? error : translateError(error);
    } finally {
      this.onQuery(label, (performance.now() - started) / 1000);
      await session?.close();
    }
  }
}

/**
 * How a statement runs: as an auto-commit query (one round trip, no retry), in a transaction of its own that the
 * driver retries, or in the caller's managed transaction.
 */
type RunIn = { autoCommit: SessionMode; timeout?: number | undefined } | { retried: RoutingControl } | { transaction: ManagedTransaction };

function translateError(error: unknown): unknown {
  if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new TimeoutError();
  }
  // Every pooled connection busy for connectionAcquisitionTimeout: overload, which the driver reports without a code.
  if (error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out')) {
    return new ServiceUnavailableError('The graph database is too busy; try again shortly.');
  }
  if (error instanceof Neo4jError && (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.Database'))) {
    return new ServiceUnavailableError();
  }
  return error;
}

/**
 * Driver temporal values become ISO strings; maps and lists are converted recursively, in place: they
 * are fresh objects the driver decoded for this result. Scalars return at the first check, and days are
 * formatted from their fields: the driver's toString does Integer arithmetic, which showed in profiles of
 * pages with many dated nodes (docs/benchmarks.md).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = toPlain(value[index]);
    return value;
  }
  if (neo4j.isDate(value)) return isoDay(value);
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return (value as { toString(): string }).toString();
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  const map = value as Row;
  for (const key of Object.keys(map)) map[key] = toPlain(map[key]);
  return map;
}

function isoDay({ year, month, day }: { year: unknown; month: unknown; day: unknown }): string {
  const [y, m, d] = [year, month, day].map((part) => neo4j.integer.toNumber(part as number)) as [number, number, number];
  if (y < 0 || y > 9999) return new neo4j.types.Date(y, m, d).toString();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
