import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber<TEvent = any> {
  /** Every `next` payload's data field, in order of arrival. */
  events: TEvent[];
  /** Errors sent for the subscription, as the server formatted them. */
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<TEvent[]>;
  /** Resolves when the subscription ends with an error or completes. */
  ended: Promise<void>;
  unsubscribe(): void;
}

export interface SubscriptionClient {
  client: Client;
  /** The socket's close event code, once closed. */
  closed: Promise<number>;
  subscribe<TEvent = any>(query: string, variables?: Record<string, unknown>): Subscriber<TEvent>;
  dispose(): Promise<void>;
}

/** A graphql-ws client over the `ws` package (Node 20 has no global WebSocket), without retries. */
export function connectSubscriptions(baseUrl: string, connectionParams?: Record<string, unknown>): SubscriptionClient {
  let onClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    ...(connectionParams ? { connectionParams } : {}),
    on: { closed: (event) => onClosed((event as { code: number }).code) },
    onNonLazyError: () => {},
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const events: any[] = [];
      const errors: Subscriber['errors'] = [];
      const waiters: Array<() => void> = [];
      let end: () => void = () => {};
      const ended = new Promise<void>((resolve) => (end = resolve));
      const unsubscribe = client.subscribe(
        { query, ...(variables ? { variables } : {}) },
        {
          next: (result) => {
            if (result.errors) errors.push(...(result.errors as Subscriber['errors']));
            if (result.data) events.push(Object.values(result.data)[0]);
            for (const wake of waiters.splice(0)) wake();
          },
          error: (error) => {
            if (Array.isArray(error)) errors.push(...error);
            else errors.push({ message: String((error as { reason?: string }).reason ?? error) });
            end();
            for (const wake of waiters.splice(0)) wake();
          },
          complete: () => end(),
        },
      );
      return {
        events,
        errors,
        ended,
        unsubscribe,
        async received(count, timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs;
          while (events.length < count) {
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`received ${events.length} of ${count} events; errors: ${JSON.stringify(errors)}`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, left);
              waiters.push(() => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          return events.slice(0, count);
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
