import { OperationTypeNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ReliabilityConfig } from '../config/config.js';
import { RateLimitedError } from '../errors/errors.js';
/** Who sent a request, as the rate limits count it: always its IP, and its API key when it has a valid one. */
export interface Client {
  ip: string;
  keyName: string | undefined;
}

/** The part of a request's context the rate limits read. */
export interface ClientContext {
  client: Client;
}

type Kind = 'reads' | 'writes';

/**
 * Operations per minute per client IP and, separately, per API key (a key shared out to many
 * machines is still one budget). A fixed one-minute window held in this process's memory, so each
 * replica counts on its own (behind a balancer over N replicas a client gets up to N budgets), and a
 * restart forgiving the counts is harmless.
 */
export class RateLimits {
  private readonly limiters: Partial<Record<Kind, RateLimiterMemory>> = {};

  constructor(config: Pick<ReliabilityConfig, 'readsPerMinute' | 'writesPerMinute'>) {
    const perMinute: Record<Kind, number> = { reads: config.readsPerMinute, writes: config.writesPerMinute };
    for (const kind of ['reads', 'writes'] as const) {
      if (perMinute[kind] > 0) this.limiters[kind] = new RateLimiterMemory({ points: perMinute[kind], duration: 60 });
    }
  }

  /** Counts one operation of `kind` for the client; throws RATE_LIMITED when it is over a limit. */
  async consume(kind: Kind, client: Client): Promise<void> {
    const limiter = this.limiters[kind];
    if (!limiter) return;
    const buckets = [`ip:${client.ip}`, ...(client.keyName ? [`key:${client.keyName}`] : [])];
    const outcomes = await Promise.allSettled(buckets.map((bucket) => limiter.consume(bucket)));
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    if (refusals.length === 0) return;
    const waitMs = Math.max(
      ...refusals.map((refusal) => {
        if (refusal instanceof RateLimiterRes) return refusal.msBeforeNext;
        throw refusal;
      }),
    );
    throw new RateLimitedError(kind, Math.max(1, Math.ceil(waitMs / 1000)));
  }
}

/** Apollo plugin: counts each operation once Apollo knows whether it reads or writes, before it executes. */
export function rateLimitPlugin(limits: RateLimits): ApolloServerPlugin<ClientContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          await limits.consume(operation?.operation === OperationTypeNode.MUTATION ? 'writes' : 'reads', contextValue.client);
        },
      };
    },
  };
}
