import { int } from 'neo4j-driver';
import type { Logger } from 'pino';
import { CHANGE_LOG } from '../../config/limits.js';
import type { Database } from '../neo4j/database.js';

/**
 * Puts committed audit entries into the change log: each mutation writes its entries as (:PendingChange) in its own
 * transaction, and after the commit asks this process's sequencer to number them (cypher/sequenceChanges.cypher).
 * Requests that ask while a run is under way share the next run, so a burst of writers costs a few statements,
 * and the sequence's lock is held by one short auto-commit statement at a time instead of by every writer's commit.
 */
export class ChangeSequencer {
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: Pick<Logger, 'warn'>,
  ) {}

  /**
   * Resolves once the entries committed before the call are numbered. It never rejects: the mutation that asks has
   * committed, and a run that failed (Neo4j went away) leaves its entries to the next run, which numbers them after
   * what is already in the log.
   */
  sequence(): Promise<void> {
    if (this.running === undefined) return this.start();
    this.next ??= this.running.then(() => {
      this.next = undefined;
      return this.start();
    });
    return this.next;
  }

  /** Numbers the entries a process left pending for over `olderThanMs` (it stopped between a commit and its run). */
  async sequenceLeftovers(olderThanMs: number): Promise<void> {
    const [row] = await this.db.read('pendingChangeCount', { olderThanMs: int(olderThanMs) });
    if (Number(row?.pending ?? 0) > 0) await this.sequence();
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.numberAllPending()
      .catch((error: unknown) => this.log.warn({ err: error }, 'change log: numbering committed changes failed; the next run numbers them'))
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  private async numberAllPending(): Promise<void> {
    for (;;) {
      const [row] = await this.db.writeAutoCommit('sequenceChanges', { limit: int(CHANGE_LOG.sequenceBatch) });
      if (Number(row?.sequenced ?? 0) < CHANGE_LOG.sequenceBatch) return;
    }
  }
}
