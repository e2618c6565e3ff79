import type { EmbeddedNeo4jConfig } from '../../config/config.js';
import { boltPortOf, EmbeddedNeo4jError, startEmbeddedNeo4j, type JvmExit, type Neo4jConnection, type RunningNeo4j } from './embeddedNeo4j.js';

/** Waits before restart attempts 1, 2, 3 ...; the last one repeats. */
export const RESTART_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000] as const;
/** A restarted Neo4j that stays up this long has recovered: its failures stop counting. */
const STABLE_AFTER_MS = 60_000;

/** The logger calls the supervisor makes (pino's signature). */
export interface SupervisorLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SupervisorOptions {
  /** Restarts in a row that may fail (or die within a minute) before giving up. */
  maxRestarts: number;
  log: SupervisorLog;
  /** Called once, when restarting has failed `maxRestarts` times in a row: the app should exit non-zero. */
  onGiveUp(error: EmbeddedNeo4jError): void;
}

/**
 * Keeps an embedded Neo4j running: when its JVM exits without being asked to, logs it at error
 * level, reports it unavailable and starts it again on the same store and the same Bolt port (so
 * drivers reconnect by themselves), waiting longer after each failure (RESTART_BACKOFF_MS).
 */
export class SupervisedNeo4j {
  private current: RunningNeo4j | undefined;
  private stopping = false;
  private failuresInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private stableTimer: NodeJS.Timeout | undefined;
  private downSince: number | undefined;
  private lastError: Error | undefined;

  private constructor(
    private readonly config: EmbeddedNeo4jConfig,
    private readonly options: SupervisorOptions,
    /** Where and as whom to connect; restarts keep the password, so drivers reconnect by themselves. */
    readonly connection: Neo4jConnection,
  ) {}

  get uri(): string {
    return this.connection.uri;
  }

  /** Starts Neo4j; a first start that fails is not retried: its error is the caller's to report. */
  static async start(config: EmbeddedNeo4jConfig, options: SupervisorOptions): Promise<SupervisedNeo4j> {
    const first = await startEmbeddedNeo4j(config, (line) => options.log.info({}, line));
    // Restarts reuse the port the first start bound, even when it was picked freely.
    const supervised = new SupervisedNeo4j({ ...config, boltPort: boltPortOf(first.uri), boltPortFallback: false }, options, {
      uri: first.uri,
      username: first.username,
      password: first.password,
    });
    supervised.watch(first);
    return supervised;
  }

  /** False from the moment the JVM died until a restarted one accepts connections. */
  get available(): boolean {
    return this.current !== undefined && !this.stopping;
  }

  /** Process id of the running JVM, if one runs. */
  get pid(): number | undefined {
    return this.current?.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.stableTimer);
    await this.current?.stop();
  }

  private watch(running: RunningNeo4j): void {
    this.current = running;
    void running.exited.then((exit) => {
      if (this.current === running) this.current = undefined;
      if (!this.stopping) this.onUnexpectedExit(exit);
    });
  }

  private onUnexpectedExit(exit: JvmExit): void {
    clearTimeout(this.stableTimer);
    this.downSince ??= performance.now();
    this.options.log.error(
      { code: exit.code, signal: exit.signal },
      'the embedded Neo4j exited unexpectedly; requests get SERVICE_UNAVAILABLE until it is restarted',
    );
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.failuresInARow >= this.options.maxRestarts) {
      this.giveUp();
      return;
    }
    const delayMs = RESTART_BACKOFF_MS[Math.min(this.failuresInARow, RESTART_BACKOFF_MS.length - 1)]!;
    this.failuresInARow += 1;
    this.options.log.warn({ attempt: this.failuresInARow, delayMs }, 'restarting the embedded Neo4j');
    this.restartTimer = setTimeout(() => void this.restart(), delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      const running = await startEmbeddedNeo4j(this.config, () => {}, this.connection.password);
      if (this.stopping) {
        await running.stop();
        return;
      }
      this.watch(running);
      const downMs = Math.round(performance.now() - (this.downSince ?? performance.now()));
      this.downSince = undefined;
      this.options.log.info({ pid: running.pid, downMs }, 'the embedded Neo4j is back');
      this.stableTimer = setTimeout(() => (this.failuresInARow = 0), STABLE_AFTER_MS);
      this.stableTimer.unref();
    } catch (error) {
      this.options.log.error({ attempt: this.failuresInARow, err: error }, 'restarting the embedded Neo4j failed');
      this.lastError = error instanceof Error ? error : new Error(String(error));
      this.scheduleRestart();
    }
  }

  private giveUp(): void {
    this.stopping = true;
    const reason = this.lastError ? ` The last attempt said: ${this.lastError.message}` : '';
    this.options.onGiveUp(
      new EmbeddedNeo4jError(
        `The embedded Neo4j died and ${this.options.maxRestarts} restarts in a row failed, so Partnergraph ` +
          `gives up and exits for an outer supervisor to take over (NEO4J_MAX_RESTARTS sets how many).${reason}`,
      ),
    );
  }
}
