import type http from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  OperationTypeNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Access, ApiKeyring } from '../model/access.js';
import type { ChangeFeed, ChangeFeedContext } from '../store/changes/changeFeed.js';
import { PARSE_LIMITS, SUBSCRIPTION_LIMITS } from '../config/limits.js';
import { LimitExceededError, codedError } from '../errors/errors.js';
import type { AppContext } from '../api/context.js';
import { originMayConnect } from './crossOrigin.js';
import { checkOperation, recursiveSelections, type OperationMeasure } from './guardRails.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { SubscriptionFanOut } from './subscriptionFanOut.js';

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
  metrics: Pick<Metrics, 'liveConnections' | 'liveSubscriptions' | 'anonymousSubscriptions' | 'subscriptionExecutions' | 'subscriptionDeliveries'>;
  /** CORS_ORIGINS: a browser page of another origin may open a socket only if listed. */
  corsOrigins: readonly string[];
  /** The client's address as the HTTP path sees it (TRUST_PROXY), so the per-address cap counts clients, not a balancer. */
  clientAddress: (request: http.IncomingMessage) => string;
  log: Logger;
}

export interface SubscriptionServer {
  /** Open WebSockets. */
  connections(): number;
  /** Closes every socket with 1001 (going away), so clients reconnect to another replica, and stops upgrades. */
  close(): Promise<void>;
}

type Extra = { access: Access; anonymous: Map<string, boolean> };
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
  const mayConnect = originMayConnect(options.corsOrigins);
  const fanOut = new SubscriptionFanOut({
    budget: SUBSCRIPTION_LIMITS.executionsPerEvent,
    queuedResults: SUBSCRIPTION_LIMITS.queuedChanges,
    eventContext: async (subscribeContext) => {
      const { access } = subscribeContext as SubscriptionContext;
      return { ...(await createContext()), access, changeFeed };
    },
    metrics: {
      executed: () => metrics.subscriptionExecutions.inc(),
      delivered: (subscribers, anonymous) => metrics.subscriptionDeliveries.inc({ caller: anonymous ? 'anonymous' : 'keyed' }, subscribers),
    },
  });

  const onUpgrade = (request: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // A page of another origin could otherwise subscribe with its visitor's network position (CSRF over WebSocket).
    if (!mayConnect(request.headers.origin, request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const address = options.clientAddress(request);
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
        ctx.extra.anonymous = new Map();
        return true;
      },
      async onSubscribe(ctx, id, payload) {
        // The subscription being started is already counted.
        const active = Object.keys(ctx.subscriptions).length;
        if (active > SUBSCRIPTION_LIMITS.perConnection) {
          return [new LimitExceededError('subscriptionsPerConnection', SUBSCRIPTION_LIMITS.perConnection, active)];
        }
        // The limits of the HTTP path (app.ts), in its order: tokens while parsing, expanded selections before the
        // other validation rules walk the document, then the guard rails.
        let document;
        try {
          document = parse(payload.query, { maxTokens: PARSE_LIMITS.maxTokens });
        } catch (error) {
          return [codedError((error as GraphQLError).message, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
        }
        const selections = recursiveSelections(document);
        if (selections > PARSE_LIMITS.maxRecursiveSelections) {
          return [new LimitExceededError('recursiveSelections', PARSE_LIMITS.maxRecursiveSelections, selections)];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => codedError(error.message, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
        if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [codedError('Only subscriptions go over the WebSocket; send queries and mutations by HTTP POST', ApolloServerErrorCode.BAD_REQUEST)];
        }
        try {
          const measure = checkOperation(schema, document, payload.variables ?? undefined, payload.operationName);
          if (measure) onMeasured?.(measure);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const access = ctx.extra.access ?? { presented: false };
        const contextValue: SubscriptionContext = { ...(await createContext()), access, changeFeed };
        // onComplete follows every subscription that got this far, however it ends.
        metrics.liveSubscriptions.inc();
        const anonymous = roleOf(access) === 'anonymous';
        ctx.extra.anonymous?.set(id, anonymous);
        if (anonymous) metrics.anonymousSubscriptions.inc();
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      subscribe: (args) => {
        const { access } = args.contextValue as SubscriptionContext;
        const key = replaysFromCursor(args.document, args.operationName, args.variableValues)
          ? undefined
          : JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}, roleOf(access)]);
        return fanOut.subscribe(key, args, roleOf(access) === 'anonymous');
      },
      onComplete(ctx, id) {
        metrics.liveSubscriptions.dec();
        if (ctx.extra.anonymous?.get(id)) metrics.anonymousSubscriptions.dec();
        ctx.extra.anonymous?.delete(id);
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

/** What a subscription's events may show depends on the caller's role only, so executions are shared by role. */
function roleOf(access: Access): string {
  return access.presented && access.caller ? access.caller.role : 'anonymous';
}

/**
 * True when the subscription's root field has a non-null `after`: it replays its own past events first, so it cannot
 * join a stream that is already live.
 */
function replaysFromCursor(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): boolean {
  const selections = getOperationAST(document, operationName)?.selectionSet.selections ?? [];
  // Validation has let exactly one root field through; behind a fragment it is not worth finding: share nothing.
  const root = selections.length === 1 && selections[0]!.kind === Kind.FIELD ? selections[0] : undefined;
  if (!root) return true;
  const after = root.arguments?.find((argument) => argument.name.value === 'after');
  if (!after || after.value.kind === Kind.NULL) return false;
  if (after.value.kind === Kind.VARIABLE) return variables?.[after.value.name.value] != null;
  return true;
}
