import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubscriptionFanOut } from '../../src/server/subscriptionFanOut.js';

/** A schema whose one subscription is fed by hand, so each event and each execution can be counted. */
const schema = buildSchema('type Query { ok: Boolean } type Subscription { tick: Int }');

function ticker() {
  // Each source stream has its own waiting readers: ending one must not end another.
  const streams = new Set<Array<(value: IteratorResult<unknown>) => void>>();
  let sources = 0;
  // graphql-js calls Subscription.tick on the root value for the source stream, then executes each event as the root.
  const root = {
    tick: () => {
      sources += 1;
      const waiting: Array<(value: IteratorResult<unknown>) => void> = [];
      streams.add(waiting);
      return {
        next: () => new Promise<IteratorResult<unknown>>((resolve) => waiting.push(resolve)),
        return: async () => {
          streams.delete(waiting);
          for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
  return {
    root,
    emit: (value: number) => {
      for (const waiting of streams) for (const resolve of waiting.splice(0)) resolve({ done: false, value: { tick: value } });
    },
    sources: () => sources,
  };
}

function fanOut(budget: number) {
  const counted = { executed: 0, delivered: 0 };
  const shared = new SubscriptionFanOut({
    budget,
    queuedResults: 10,
    eventContext: async () => ({}),
    metrics: { executed: () => (counted.executed += 1), delivered: (subscribers) => (counted.delivered += subscribers) },
  });
  return { shared, counted };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('SubscriptionFanOut', () => {
  it('runs one source and one execution per event for identical subscriptions, and hands the result to each', async () => {
    const feed = ticker();
    const { shared, counted } = fanOut(10);
    const args = { schema, document: parse('subscription { tick }'), rootValue: feed.root };
    const streams = (await Promise.all(Array.from({ length: 50 }, () => shared.subscribe('same', args, true)))) as Array<AsyncGenerator<ExecutionResult>>;
    await settle();
    expect(feed.sources()).toBe(1);
    const firsts = streams.map((stream) => stream.next());
    feed.emit(7);
    expect((await Promise.all(firsts)).map((result) => result.value?.data?.tick)).toEqual(Array(50).fill(7));
    expect(counted).toEqual({ executed: 1, delivered: 50 });

    // The last one to leave ends the source and frees its place in the budget.
    for (const stream of streams) await stream.return(undefined);
    expect(shared.size()).toBe(0);
  });

  it('refuses a distinct subscription past the budget with LIMIT_EXCEEDED, and takes it once a place is free', async () => {
    const feed = ticker();
    const { shared } = fanOut(2);
    const args = { schema, document: parse('subscription { tick }'), rootValue: feed.root };
    const first = (await shared.subscribe('a', args, true)) as AsyncGenerator<ExecutionResult>;
    await shared.subscribe(undefined, args, true);
    // Joining an existing execution costs nothing.
    const joined = (await shared.subscribe('a', args, true)) as AsyncGenerator<ExecutionResult>;
    expect(Symbol.asyncIterator in joined).toBe(true);
    const refused = (await shared.subscribe('c', args, true)) as ExecutionResult;
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'subscriptionExecutions', max: 2 });
    expect(shared.size()).toBe(2);
    await first.return(undefined);
    expect(shared.size()).toBe(2);
    await joined.return(undefined);
    expect(shared.size()).toBe(1);
    expect(Symbol.asyncIterator in (await shared.subscribe('c', args, true))).toBe(true);
  });
});
