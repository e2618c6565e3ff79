import type http from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Access, ApiKeyring } from '../access/access.js';
import type { ChangeFeed, ChangeFeedContext } from '../change/changeFeed.js';
import { SUBSCRIPTION_LIMITS } from '../config/limits.js';
import { LimitExceededError } from '../errors/errors.js';
import type { AppContext } from './context.js';
import { checkOperation, type OperationMeasure } from './guardRails.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  /** Makes a request context: called once per subscription and once per event, so loaders never go stale. */
  createContext: () => Promise<AppContext>;
  keyring: ApiKeyring;
  changeFeed: ChangeFeed;
  /** Apollo's error formatter, so errors read the same over HTTP and WebSocket. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  onMeasured?: (measure: OperationMeasure) => void;
  metrics: Pick<Metrics, 'liveConnections' | 'liveSubscriptions'>;
  log: Logger;
}

export interface SubscriptionServer {
  /** Open WebSockets. */
  connections(): number;
  /** Closes every socket with 1001 (going away), so clients reconnect to another replica, and stops upgrades. */
  close(): Promise<void>;
}

type Extra = { access: Access };
type SubscriptionContext = AppContext & ChangeFeedContext;

/** How long closing sockets get to finish the close handshake before they are cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * graphql-ws on the HTTP server's `path`: subscriptions only (queries and mutations go by HTTP, where
 * mutations return bookmarks), judged by the same guard rails, capped per connection and per address.
 * A connection_init payload `{ "authorization": "Bearer <key>" }` identifies an editor as the
 * Authorization header does; an unknown key closes the socket with 4403.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { httpServer, path, schema, createContext, keyring, changeFeed, formatError, onMeasured, metrics, log } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const openByAddress = new Map<string, number>();

  const onUpgrade = (request: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const open = openByAddress.get(address) ?? 0;
    if (open >= SUBSCRIPTION_LIMITS.connectionsPerAddress) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    openByAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (openByAddress.get(address) ?? 1) - 1;
      if (left > 0) openByAddress.set(address, left);
      else openByAddress.delete(address);
    });
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      metrics.liveConnections.inc();
      webSocket.once('close', () => metrics.liveConnections.dec());
      sockets.emit('connection', webSocket, request);
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const format = (error: GraphQLError) => formatError(error.toJSON(), error);
  const graphqlWs = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: SUBSCRIPTION_LIMITS.initTimeoutMs,
      onConnect(ctx) {
        // GraphiQL sends its header editor's headers as the payload, so the name is matched ignoring case.
        const authorization = Object.entries(ctx.connectionParams ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
        const access = keyring.identify(typeof authorization === 'string' ? authorization : undefined);
        if (access.presented && !access.caller) return false;
        ctx.extra.access = access;
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        // The subscription being started is already counted.
        const active = Object.keys(ctx.subscriptions).length;
        if (active > SUBSCRIPTION_LIMITS.perConnection) {
          return [new LimitExceededError('subscriptionsPerConnection', SUBSCRIPTION_LIMITS.perConnection, active)];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [coded((error as GraphQLError).message, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => coded(error.message, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [coded('Only subscriptions go over the WebSocket; send queries and mutations by HTTP POST', ApolloServerErrorCode.BAD_REQUEST)];
        }
        try {
          const measure = checkOperation(schema, document, payload.variables ?? undefined, payload.operationName);
          if (measure) onMeasured?.(measure);
        } catch (error) {
          return [error as GraphQLError];
        }
        const contextValue: SubscriptionContext = { ...(await createContext()), access: ctx.extra.access ?? { presented: false }, changeFeed };
        // onComplete follows every subscription that got this far, however it ends.
        metrics.liveSubscriptions.inc();
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      subscribe: (args) => subscribeWithFreshContexts(args, createContext),
      onComplete() {
        metrics.liveSubscriptions.dec();
      },
      onNext(_ctx, _id, _payload, _args, result) {
        return result.errors ? { ...result, errors: result.errors.map(format) } : undefined;
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map(format);
      },
    },
    sockets,
  );

  let closing: Promise<void> | undefined;
  return {
    connections: () => sockets.clients.size,
    close() {
      closing ??= (async () => {
        httpServer.off('upgrade', onUpgrade);
        const open = [...sockets.clients];
        await graphqlWs.dispose();
        await Promise.race([
          Promise.all(open.map((socket) => new Promise((resolve) => (socket.readyState === socket.CLOSED ? resolve(null) : socket.once('close', resolve))))),
          new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
        ]);
        for (const socket of open) socket.terminate();
        log.info({ closed: open.length }, 'subscription sockets closed');
      })();
      return closing;
    },
  };
}

function coded(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * graphql-js's `subscribe`, except that each event executes with a new request context: its DataLoaders
 * cache one event's reads, never a stale object from an earlier event.
 */
async function subscribeWithFreshContexts(args: ExecutionArgs, createContext: () => Promise<AppContext>) {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const { access, changeFeed } = args.contextValue as SubscriptionContext;
  const events = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const results: AsyncGenerator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      if (event.done) return { done: true, value: undefined };
      const contextValue: SubscriptionContext = { ...(await createContext()), access, changeFeed };
      return { done: false, value: await execute({ ...args, rootValue: event.value, contextValue }) };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return results;
}
