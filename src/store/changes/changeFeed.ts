import { createHmac, randomBytes } from 'node:crypto';
import { int } from 'neo4j-driver';
import type { Logger } from 'pino';
import { CHANGE_FEED, CHANGE_LOG, SUBSCRIPTION_LIMITS } from '../../config/limits.js';
import type { Database } from '../neo4j/database.js';
import type { ChangeSequencer } from './changeSequencer.js';
import { BadUserInputError, LimitExceededError } from '../../errors/errors.js';
import type { Claim, RelationshipClaim } from '../../model/claim.js';

/** One audit entry as the feed reads it from the log: `before` and `after` are JSON text or null. */
export interface LoggedChange {
  /** Its place in the change log: commit order, no gaps (cypher/sequenceChanges.cypher). */
  seq: number;
  id: string;
  at: string;
  actor: string;
  role: string;
  operation: string;
  entityId: string;
  relatedIds: string[];
  before: string | null;
  after: string | null;
}

export type ChangeFilter = (change: LoggedChange) => boolean;

export interface ChangeFeedOptions {
  pollIntervalMs: number;
  batchSize: number;
  holeTimeoutMs: number;
  queuedChanges: number;
}

const DEFAULT_OPTIONS: ChangeFeedOptions = { ...CHANGE_FEED, queuedChanges: SUBSCRIPTION_LIMITS.queuedChanges };

/**
 * Tails the (:Change) log of this process's Neo4j and fans each committed change out to this process's
 * subscribers: the transactional outbox read by every replica, with no broker between them. It polls only
 * while someone listens. Every subscriber sees the log in `seq` order, so per entity in commit order.
 */
export class ChangeFeed {
  /** The last sequence number handed to listeners; undefined while idle. */
  private position: number | undefined;
  private readonly listeners = new Set<Listener>();
  private tailing: Promise<void> | undefined;
  private starting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private holeSince: number | undefined;
  private stopped = false;
  private leftoversCheckedAt = 0;
  private readonly options: ChangeFeedOptions;

  constructor(
    private readonly db: Database,
    private readonly sequencer: ChangeSequencer,
    private readonly log: Pick<Logger, 'warn'>,
    options: Partial<ChangeFeedOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /**
   * The changes after sequence number `after` that pass `filter`, then each new one as it commits, each
   * exactly once. Without `after`, from the changes committed from now on. The stream ends when the feed
   * stops, and fails with LIMIT_EXCEEDED when its reader falls `queuedChanges` behind.
   */
  /** Whether an entity with this id exists now. */
  async entityExists(id: string): Promise<boolean> {
    return (await this.db.read('existingEntityIds', { ids: [id] })).length > 0;
  }

  /** Whether the relationship claim `id` of `relation` from one entity to another exists now. */
  async claimExists({ id, relation, from, to }: Pick<RelationshipClaim, 'id' | 'relation' | 'from' | 'to'>): Promise<boolean> {
    const rows = await this.db.read('claimsBetween', { relation, from, to });
    return rows.some((row) => (row.claim as Claim).id === id);
  }

  subscribe(after: number | null, filter: ChangeFilter): AsyncIterableIterator<LoggedChange> {
    const listener = new Listener(this.options.queuedChanges);
    const changes = this.stream(listener, after, filter);
    return {
      next: () => changes.next(),
      // Ending the listener first wakes a stream waiting for changes, so the generator can return now.
      return: (value?: unknown) => {
        listener.end();
        return changes.return(value);
      },
      throw: (error?: unknown) => {
        listener.end();
        return changes.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Polls now rather than at the next tick: this process has just committed a change. */
  nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  /** Ends every subscriber's stream and the tailing. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const listener of this.listeners) listener.end();
    this.listeners.clear();
    this.wake?.();
    await this.tailing;
  }

  private async *stream(listener: Listener, after: number | null, filter: ChangeFilter): AsyncGenerator<LoggedChange> {
    try {
      const livePosition = await this.attach(listener);
      let delivered = after ?? livePosition;
      // Everything up to livePosition is committed and already passed by the feed; after it, the listener's queue.
      for (let from = delivered; from < livePosition;) {
        const rows = await this.readLog(from, livePosition);
        if (rows.length === 0) break;
        for (const change of rows) {
          if (filter(change)) yield change;
          delivered = change.seq;
        }
        from = delivered;
      }
      for (;;) {
        const change = await listener.take();
        if (change === undefined) return;
        // A cursor from a replica whose feed is ahead of this one's skips what it has seen.
        if (change.seq <= delivered) continue;
        delivered = change.seq;
        if (filter(change)) yield change;
      }
    } finally {
      listener.end();
      this.listeners.delete(listener);
    }
  }

  /** Registers the listener and returns the position from which its queue will receive every change. */
  private async attach(listener: Listener): Promise<number> {
    if (this.stopped) throw new Error('The change feed has stopped');
    // The position is unknown only while nothing tails, so no tailing can reset it while the head is read.
    if (this.position === undefined) {
      this.starting ??= this.readHead().finally(() => (this.starting = undefined));
      await this.starting;
    }
    this.listeners.add(listener);
    this.tailing ??= this.tail();
    return this.position!;
  }

  private async readHead(): Promise<void> {
    const [head] = await this.db.read('changeLogHead');
    this.position = Number(head?.last ?? 0);
    this.holeSince = undefined;
  }

  private async tail(): Promise<void> {
    while (!this.stopped && this.listeners.size > 0) {
      let full = false;
      try {
        full = await this.poll();
      } catch (error) {
        this.log.warn({ err: error }, 'change feed: reading the change log failed; retrying');
      }
      if (!full) await this.sleep();
    }
    // Idle: the next subscriber starts again from the head, not from where this one left off.
    this.position = undefined;
    this.tailing = undefined;
  }

  /** Hands the next run of consecutive changes to every listener; true when more may be waiting. */
  private async poll(): Promise<boolean> {
    await this.numberLeftovers();
    const from = this.position!;
    const rows = await this.readLog(from, null);
    let position = from;
    for (const change of rows) {
      if (change.seq !== position + 1 && !this.passHole(position, change.seq)) break;
      this.holeSince = undefined;
      position = change.seq;
      for (const listener of this.listeners) listener.push(change);
    }
    this.position = position;
    return rows.length === this.options.batchSize && position > from;
  }

  /**
   * Entries a process committed but stopped before numbering reach no subscriber until someone numbers them; a
   * tailing feed looks for them now and then.
   */
  private async numberLeftovers(): Promise<void> {
    const now = Date.now();
    if (now - this.leftoversCheckedAt < CHANGE_LOG.leftoverAfterMs) return;
    this.leftoversCheckedAt = now;
    await this.sequencer.sequenceLeftovers(CHANGE_LOG.leftoverAfterMs);
  }

  /**
   * True when the feed should go past missing numbers. A read can race a commit and miss an entry numbered before
   * one it sees; the next poll finds it. Only a number missing for holeTimeoutMs is passed, with a warning.
   */
  private passHole(position: number, next: number): boolean {
    const now = Date.now();
    this.holeSince ??= now;
    if (now - this.holeSince < this.options.holeTimeoutMs) return false;
    this.log.warn({ missing: { from: position + 1, to: next - 1 } }, 'change feed: passing a hole in the change log');
    return true;
  }

  private async readLog(after: number, until: number | null): Promise<LoggedChange[]> {
    const rows = await this.db.read('changesAfterSeq', { after: int(after), until: until === null ? null : int(until), limit: int(this.options.batchSize) });
    return rows as unknown as LoggedChange[];
  }

  /** Waits for the poll interval, or less when nudged; a nudge during a poll cuts the next wait. */
  private sleep(): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

/** One subscriber's queue of changes not yet read. */
class Listener {
  private readonly queue: LoggedChange[] = [];
  private waiting: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;

  constructor(private readonly capacity: number) {}

  push(change: LoggedChange): void {
    if (this.ended) return;
    if (this.queue.length >= this.capacity) {
      this.failure = new LimitExceededError('queuedChanges', this.capacity, this.queue.length + 1);
      this.end();
      return;
    }
    this.queue.push(change);
    this.waiting?.();
  }

  end(): void {
    this.ended = true;
    this.waiting?.();
  }

  /** The next change, or undefined once ended; throws when the reader fell too far behind. */
  async take(): Promise<LoggedChange | undefined> {
    while (this.queue.length === 0 && !this.ended) {
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
    if (this.failure) throw this.failure;
    return this.ended ? undefined : this.queue.shift();
  }
}

/**
 * The key of tombstone ids, made at each start: a tombstone names no text and links to no id, and needs to
 * match nothing outside this process.
 */
const TOMBSTONE_KEY = randomBytes(32);

/**
 * What anonymous events show instead of the id of an entity or claim erased since: `erased:` and 16 hex digits
 * of a keyed hash. Leak, source and claim ids hold words of their summaries and titles, and erasing must
 * take those words out of public view; the same id gives the same tombstone, so events still pair up.
 */
export function tombstoneId(id: string): string {
  return `erased:${createHmac('sha256', TOMBSTONE_KEY).update(id).digest('hex').slice(0, 16)}`;
}

/** What `cursor` fields show and `after` takes: the change's sequence number, as text so it may change form. */
export function cursorOf(seq: number): string {
  return String(seq);
}

/** The sequence number of an `after` cursor; BAD_USER_INPUT for anything that is not one. */
export function seqOfCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,15}$/.test(after)) throw new BadUserInputError('after takes the cursor of an earlier event', 'after');
  return Number(after);
}

/** What the subscription resolvers need beside the request context: this process's feed. */
export interface ChangeFeedContext {
  changeFeed: ChangeFeed;
}
