import { createSourceEventStream, execute, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { LimitExceededError } from '../errors/errors.js';

/** What the fan-out counts for /metrics (src/server/metrics.ts). */
export interface FanOutMetrics {
  /** One execution of a subscription document for one event, however many subscribers share it. */
  executed(): void;
  /** Results handed to `subscribers` subscribers of one execution. */
  delivered(subscribers: number, anonymous: boolean): void;
}

export interface FanOutOptions {
  /** Distinct executions alive at once, so at most this many per event (SUBSCRIPTION_LIMITS.executionsPerEvent). */
  budget: number;
  /** Results queued for one subscriber that does not read them before it is ended with LIMIT_EXCEEDED. */
  queuedResults: number;
  /** A context for one event's execution: its loaders cache that event's reads only. */
  eventContext: (subscribeContext: unknown) => Promise<unknown>;
  metrics: FanOutMetrics;
}

type Result = ExecutionResult;

/** One subscriber of a shared execution: a queue of results and whoever waits on it. */
class Member {
  private readonly queue: Result[] = [];
  private wake: (() => void) | undefined;
  private ended = false;

  constructor(private readonly maxQueued: number) {}

  push(result: Result): void {
    if (this.ended) return;
    if (this.queue.length >= this.maxQueued) {
      this.queue.length = 0;
      this.queue.push({ errors: [new LimitExceededError('queuedChanges', this.maxQueued, this.maxQueued + 1)] });
      this.ended = true;
    } else {
      this.queue.push(result);
    }
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async take(): Promise<Result | undefined> {
    while (this.queue.length === 0) {
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return this.queue.shift();
  }
}

/** One source stream, executed once per event, its result handed to every member. */
class SharedExecution {
  readonly members = new Set<Member>();

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly anonymous: boolean,
    private readonly options: FanOutOptions,
    private readonly onIdle: () => void,
  ) {}

  async pump(): Promise<void> {
    try {
      for (;;) {
        const event = await this.source.next();
        if (event.done || this.members.size === 0) break;
        const contextValue = await this.options.eventContext(this.args.contextValue);
        const result = await execute({ ...this.args, rootValue: event.value, contextValue });
        this.options.metrics.executed();
        this.options.metrics.delivered(this.members.size, this.anonymous);
        for (const member of this.members) member.push(result);
      }
    } catch (error) {
      // The source failed (a subscriber fell behind the feed, the feed stopped): every member learns it.
      const failure = error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error), { originalError: error as Error });
      for (const member of this.members) member.push({ errors: [failure] });
    } finally {
      for (const member of this.members) member.end();
      this.onIdle();
    }
  }

  leave(member: Member): void {
    this.members.delete(member);
    member.end();
    if (this.members.size === 0) {
      this.onIdle();
      void this.source.return?.();
    }
  }
}

/**
 * Subscriptions whose document, variables and caller role are the same share one source stream and one execution per
 * event, fanned out to each subscriber: 500 anonymous copies of one subscription cost one execution per write, not
 * 500. Distinct executions are capped globally (`budget`): a subscription that would start one more gets
 * LIMIT_EXCEEDED, so one event never costs more than `budget` executions.
 */
export class SubscriptionFanOut {
  private readonly shared = new Map<string, Promise<SharedExecution | Result>>();
  private unshared = 0;

  constructor(private readonly options: FanOutOptions) {}

  /** Executions alive now. */
  size(): number {
    return this.shared.size;
  }

  /**
   * Joins the execution for `key`, or starts it. A `key` of undefined never shares (a replay from a cursor must see
   * its own past events), but still counts towards the budget.
   */
  async subscribe(key: string | undefined, args: ExecutionArgs, anonymous: boolean): Promise<AsyncGenerator<Result> | Result> {
    const sharingKey = key ?? `unshared ${(this.unshared += 1)}`;
    let execution = this.shared.get(sharingKey);
    if (!execution) {
      if (this.shared.size >= this.options.budget) {
        return { errors: [new LimitExceededError('subscriptionExecutions', this.options.budget, this.shared.size + 1)] };
      }
      execution = this.start(sharingKey, args, anonymous);
      this.shared.set(sharingKey, execution);
    }
    const started = await execution;
    if (!(started instanceof SharedExecution)) return started;
    const member = new Member(this.options.queuedResults);
    started.members.add(member);
    return memberStream(member, () => started.leave(member));
  }

  private async start(key: string, args: ExecutionArgs, anonymous: boolean): Promise<SharedExecution | Result> {
    let stream: Awaited<ReturnType<typeof createSourceEventStream>>;
    try {
      stream = await createSourceEventStream(args);
    } catch (error) {
      this.shared.delete(key);
      throw error;
    }
    if (!(Symbol.asyncIterator in stream)) {
      this.shared.delete(key);
      return stream;
    }
    const source = stream[Symbol.asyncIterator]();
    let idle = false;
    const execution = new SharedExecution(source, args, anonymous, this.options, () => {
      if (idle) return;
      idle = true;
      this.shared.delete(key);
    });
    // Runs until the source ends or the last member leaves; members read what it pushes.
    queueMicrotask(() => void execution.pump());
    return execution;
  }
}

function memberStream(member: Member, leave: () => void): AsyncGenerator<Result> {
  const stream: AsyncGenerator<Result> = {
    async next() {
      const result = await member.take();
      if (result === undefined) {
        leave();
        return { done: true, value: undefined };
      }
      return { done: false, value: result };
    },
    async return() {
      leave();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      leave();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}
