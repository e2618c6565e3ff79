import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { ApiKeyring } from '../model/access.js';
import { ChangeFeed } from '../store/changes/changeFeed.js';
import { ChangeSequencer } from '../store/changes/changeSequencer.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../store/neo4j/database.js';
import type { EmbeddedNeo4jError } from '../store/neo4j/embeddedNeo4j.js';
import { applyMigrations, migrationsAreApplied } from '../store/neo4j/migrations.js';
import { SupervisedNeo4j } from '../store/neo4j/neo4jSupervisor.js';
import { MAX_OPERATION_NAME_LENGTH, PARSE_LIMITS } from '../config/limits.js';
import { codeOfError, createErrorFormatter, ErrorCode, errorBody, TooLongError } from '../errors/errors.js';
import { seedGraph } from '../store/records/seed.js';
import {
  bookmarkSecret,
  BookmarkSigner,
  bookmarksFromClient,
  bookmarksToClientPlugin,
  bookmarkWaitPlugin,
  verifiedBookmarks,
  type BookmarkContext,
} from './bookmarks.js';
import { clientAddressResolver } from './clientAddress.js';
import { admissionQueue } from './admission.js';
import { createContextFactory, type AppContext } from '../api/context.js';
import { crossOriginPolicy } from './crossOrigin.js';
import { explorerApp } from './explorerApp.js';
import { IDE_PATH, SDL_PATH, graphiqlAssets, graphiqlHtml } from './graphiql.js';
import type { Logger } from './logger.js';
import { DrainingServer } from './drainingServer.js';
import { Metrics } from './metrics.js';
import { guardRailsPlugin } from './guardRails.js';
import { CompiledDocuments } from '../store/reads/compiledDocuments.js';
import { rateLimitPlugin, RateLimits, type ClientContext } from './rateLimits.js';
import { createSchema, schemaFile } from '../api/schema.js';
import { securityHeaders } from './securityHeaders.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscriptions.js';
import { warmUp } from './warmUp.js';

export interface RunningApp {
  url: string;
  /** Where Prometheus scrapes: /metrics on the API port, or on METRICS_PORT. */
  metricsUrl: string;
  db: Database;
  metrics: Metrics;
  subscriptions: SubscriptionServer;
  /** Process id of the embedded Neo4j's JVM while one runs. */
  neo4jPid(): number | undefined;
  /** Settles with the reason when the app can no longer serve (the embedded Neo4j could not be restarted). */
  failed: Promise<Error>;
  /** Stops accepting, waits for requests in flight (up to the grace period), closes the driver, then stops Neo4j. */
  stop(): Promise<void>;
}

/** Neo4j did not answer within NEO4J_STARTUP_WAIT_S at startup. */
export class Neo4jUnreachableError extends Error {}

/**
 * Starts everything `npm start` serves: the embedded Neo4j (unless NEO4J_URI names another),
 * migrations, the seed data, and the HTTP server with GraphQL, the IDE, health and metrics.
 */
export async function startApp(config: AppConfig, log: Logger): Promise<RunningApp> {
  let reportFailure: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (reportFailure = resolve));
  let embedded: SupervisedNeo4j | undefined;
  if (!config.externalNeo4j) {
    log.info({ dataDir: config.embeddedNeo4j.dataDir }, 'starting embedded Neo4j');
    const started = performance.now();
    embedded = await SupervisedNeo4j.start(config.embeddedNeo4j, {
      maxRestarts: config.reliability.maxNeo4jRestarts,
      log,
      onGiveUp: (error: EmbeddedNeo4jError) => {
        log.error({}, error.message);
        reportFailure(error);
      },
    });
    log.info({ uri: embedded.uri, pid: embedded.pid, ms: Math.round(performance.now() - started) }, 'embedded Neo4j ready');
  }
  const metrics = new Metrics();
  const connection = { ...(config.externalNeo4j ?? embedded!.connection), onQuery: metrics.observeQuery };
  const neo4jAvailable = () => embedded?.available ?? true;
  const db = new Database({ ...connection, readTimeoutMs: config.reliability.readTimeoutMs });
  try {
    await prepareGraph(new Database(connection), config, log);
    await db.pinHomeDatabase();
    const sequencer = new ChangeSequencer(db, log);
    // Entries a stopped process committed but never numbered join the log before anyone reads it.
    await sequencer.sequenceLeftovers(0);
    const changeFeed = new ChangeFeed(db, sequencer, log);
    // /ready says 503 until the warm-up is over, so a load balancer sends no user to a cold server.
    const readiness = { warming: config.warmUp };
    const { server, apollo, subscriptions } = await createHttpServer(config, db, sequencer, changeFeed, metrics, log, neo4jAvailable, () => readiness.warming);
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}${IDE_PATH}`;
    const metricsServer = config.metrics.port === undefined ? undefined : http.createServer(metricsApp(metrics, config.metrics.token));
    if (metricsServer) await new Promise<void>((resolve) => metricsServer.listen(config.metrics.port, resolve));
    const metricsPort = metricsServer ? (metricsServer.address() as AddressInfo).port : port;
    const metricsUrl = `http://localhost:${metricsPort}/metrics`;
    if (config.warmUp) {
      const warmStarted = performance.now();
      try {
        const requests = await warmUp(`http://127.0.0.1:${port}${IDE_PATH}`);
        log.info({ requests, ms: Math.round(performance.now() - warmStarted) }, 'query plans warmed');
      } catch (error) {
        log.warn({ err: error }, 'warm-up failed; serving anyway');
      }
      readiness.warming = false;
    }
    // Names and roles only: what an operator needs to see that writes are open, and to whom.
    const writers = config.apiKeys.map(({ name, role }) => `${name} (${role})`);
    if (writers.length > 0 && config.stackTraces) {
      log.warn(
        { stackTraces: true },
        'API keys are configured but error answers carry stack traces with server paths: this is a development setting. ' +
          'Set NODE_ENV=production (or STACK_TRACES=false) on a server that others reach.',
      );
    }
    log.info({ url, writers }, writers.length > 0 ? 'Partnergraph is ready' : 'Partnergraph is ready, read-only: no API_KEYS');

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        // Sockets close first (1001: clients resume elsewhere with their cursor), then the feed that filled them;
        // then the HTTP server stops accepting and lets requests in flight finish.
        await subscriptions.close();
        await changeFeed.stop();
        const { unfinished } = await server.drain(config.reliability.shutdownGraceMs);
        if (unfinished > 0) log.warn({ unfinished }, 'shutdown grace period over: closed connections with requests in flight');
        await apollo.stop();
        if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
        await db.close();
        await embedded?.stop();
        log.info('stopped');
      })();
      return stopping;
    };
    return { url, metricsUrl, db, metrics, subscriptions, neo4jPid: () => embedded?.pid, failed, stop };
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
}

/**
 * Waits for Neo4j, migrates and seeds, on a driver of its own without the read timeout: a cold
 * JVM compiles its first statements slowly, and startup must not fail for it.
 */
async function prepareGraph(db: Database, config: AppConfig, log: Logger): Promise<void> {
  try {
    await waitForNeo4j(db, config, log);
    const applied = await applyMigrations(db);
    log.info({ applied }, applied.length > 0 ? 'migrations applied' : 'migrations up to date');
    if (config.seedOnStart) {
      const summary = await seedGraph(db, config.seedPaths);
      log.info({ records: summary.records }, 'seed data loaded');
    }
  } finally {
    await db.close();
  }
}

/**
 * Serving GraphQL before Neo4j answers would only hand out errors: wait for it, retrying, up to
 * NEO4J_STARTUP_WAIT_S, then give up with a message that says what to check.
 */
async function waitForNeo4j(db: Database, config: AppConfig, log: Logger): Promise<void> {
  const deadline = performance.now() + config.reliability.neo4jStartupWaitMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.verifyConnectivity();
      return;
    } catch (error) {
      if (performance.now() >= deadline) {
        const uri = config.externalNeo4j?.uri ?? 'the embedded Neo4j';
        throw new Neo4jUnreachableError(
          `Neo4j at ${uri} did not answer within ${config.reliability.neo4jStartupWaitMs / 1000} s, so Partnergraph ` +
            'does not start. Check that it runs and that NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD are right; ' +
            'NEO4J_STARTUP_WAIT_S sets how long to wait for it.',
          { cause: error },
        );
      }
      log.warn({ attempt }, 'Neo4j does not answer yet; retrying');
      await sleep(1_000);
    }
  }
}

async function createHttpServer(
  config: AppConfig,
  db: Database,
  sequencer: ChangeSequencer,
  changeFeed: ChangeFeed,
  metrics: Metrics,
  log: Logger,
  neo4jAvailable: () => boolean,
  warming: () => boolean,
) {
  const app = express();
  app.disable('x-powered-by');
  // One setting for express (req.ip) and the client addresses the rate limits and the WebSocket cap count.
  app.set('trust proxy', config.trustProxy);
  const clientAddress = clientAddressResolver(config.trustProxy);
  app.use(securityHeaders());
  const server = new DrainingServer(app);
  const schema = await createSchema();
  const keyring = new ApiKeyring(config.apiKeys);
  const createContext = createContextFactory(db, sequencer, keyring, { plannedReads: config.plannedReads });
  const compiledDocuments = new CompiledDocuments();
  metrics.watchCompiledDocuments(compiledDocuments);
  const bookmarkSigner = new BookmarkSigner(await bookmarkSecret(db, config.bookmarkSecret));
  const formatError = createErrorFormatter({ exposeInternals: config.stackTraces });

  const apollo = new ApolloServer<AppContext & ClientContext & BookmarkContext>({
    schema,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.fieldSuggestions,
    includeStacktraceInErrorResponses: config.stackTraces,
    formatError,
    // Shutdown is ordered by main.ts: drain the HTTP server first, then stop Apollo, the driver and Neo4j.
    stopOnTerminationSignals: false,
    // Refuse an oversized document while parsing it, before validation walks it.
    parseOptions: { maxTokens: PARSE_LIMITS.maxTokens },
    maxRecursiveSelections: PARSE_LIMITS.maxRecursiveSelections,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the default cache-control plugin hooks every resolved field (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      rateLimitPlugin(new RateLimits(config.reliability)),
      guardRailsPlugin(metrics.observeOperation, compiledDocuments),
      // After the rate limits and the guard rails (responseForOperation follows didResolveOperation), in its turn.
      bookmarkWaitPlugin(db),
      bookmarksToClientPlugin(db, bookmarkSigner, () => changeFeed.nudge()),
      requestMetricsPlugin(metrics, log),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    if (!neo4jAvailable()) {
      res.status(503).json({ status: 'neo4j restarting' });
      return;
    }
    if (warming()) {
      res.status(503).json({ status: 'warming up' });
      return;
    }
    try {
      await db.verifyConnectivity();
      const migrated = await migrationsAreApplied(db);
      res.status(migrated ? 200 : 503).json({ status: migrated ? 'ready' : 'migrations pending' });
    } catch {
      res.status(503).json({ status: 'neo4j unreachable' });
    }
  });
  if (config.metrics.port === undefined) app.use(metricsApp(metrics, config.metrics.token));
  app.use(graphiqlAssets());
  app.use(explorerApp());
  app.use(IDE_PATH, crossOriginPolicy(config.corsOrigins));
  app.get(SDL_PATH, (_req, res) => {
    res.type('text/plain; charset=utf-8').sendFile(schemaFile, { headers: { 'cache-control': 'no-cache' } });
  });
  app.get(IDE_PATH, (req, res, next) => {
    // A browser asking for the page gets the IDE; GraphQL GET requests go on to Apollo.
    if (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').send(graphiqlHtml());
      return;
    }
    next();
  });
  const admission = admissionQueue(config.reliability.requestConcurrency);
  metrics.watchAdmission(admission.state);
  app.use(
    IDE_PATH,
    refuseWhileUnavailable(neo4jAvailable),
    requestDeadline(config.reliability.requestTimeoutMs),
    express.json({ limit: '1mb' }),
    refuseUnsafeRequests(),
    bookmarksFromClient(bookmarkSigner),
    // A body that is not JSON (a form post, say) reaches Apollo empty, for its CSRF check to refuse.
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
    admission.inTurn(
      expressMiddleware(apollo, {
        // The rate limits need the client's IP, which only express knows, and the key the context found.
        context: async ({ req, res }) => {
          const context = await createContext({ req });
          const keyName = context.access.presented ? context.access.caller?.name : undefined;
          return { ...context, client: { ip: clientAddress(req), keyName }, bookmarks: verifiedBookmarks(res.locals) };
        },
      }),
    ),
  );
  app.use(badRequestHandler(log));
  // express's own 404 page names only the path the client asked for; answered as JSON like everything else.
  app.use((_req, res) => sendError(res, 404, ErrorCode.NOT_FOUND, 'Not found'));
  const subscriptions = attachSubscriptionServer({
    httpServer: server,
    path: IDE_PATH,
    schema,
    createContext: () => createContext(),
    keyring,
    changeFeed,
    formatError,
    onMeasured: metrics.observeOperation,
    metrics,
    corsOrigins: config.corsOrigins,
    clientAddress,
    log,
  });
  return { server, apollo, subscriptions };
}

/** A GraphQL error answer made outside Apollo, shaped like Apollo's. */
function sendError(res: Response, status: number, code: string, message: string, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) res.setHeader('retry-after', String(retryAfterSeconds));
  res.status(status).json(errorBody(message, code));
}

/** While the embedded Neo4j restarts, answer at once instead of letting each request find out. */
function refuseWhileUnavailable(neo4jAvailable: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (neo4jAvailable()) {
      next();
      return;
    }
    sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The graph database is restarting; try again shortly.', 1);
  };
}

/**
 * Answers TIMEOUT when a request is still unanswered after `timeoutMs`. The work goes on until its
 * statements end (each read has its own Neo4j timeout); its late answer is dropped.
 */
function requestDeadline(timeoutMs: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) {
        sendError(res, 503, ErrorCode.TIMEOUT, `The request took longer than ${timeoutMs} ms and was stopped.`, 1);
      }
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/** A body that is not JSON, or too large, gets a coded 4xx instead of express's HTML 500 page. */
function badRequestHandler(log: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    // A late answer to a request the deadline already answered: nothing more to send.
    if (res.headersSent) return;
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error }, 'unhandled HTTP error');
    // A missing static file's error names its absolute path on this server.
    if (status === 404) {
      sendError(res, 404, ErrorCode.NOT_FOUND, 'Not found');
      return;
    }
    if (status === 500) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    else sendError(res, status, ApolloServerErrorCode.BAD_REQUEST, `Bad request: ${error.message ?? error.type ?? 'invalid body'}`);
  };
}

/**
 * Refusals made before anything is logged or counted, and the caching rules of answers:
 * - an operation name over MAX_OPERATION_NAME_LENGTH (the request log writes the name, even on a 429);
 * - two Authorization headers (Node keeps the first; a proxy might have used the other);
 * - answers to keyed requests may hold what only editors see, so no cache keeps them.
 */
function refuseUnsafeRequests(): RequestHandler {
  return (req, res, next) => {
    res.vary('Authorization');
    if (req.headers.authorization !== undefined) res.setHeader('cache-control', 'private, no-store');
    if ((req.headersDistinct.authorization?.length ?? 0) > 1) {
      sendError(res, 400, ApolloServerErrorCode.BAD_REQUEST, 'Send one Authorization header, not several.');
      return;
    }
    const operationName: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName ?? req.query.operationName;
    if (typeof operationName === 'string' && operationName.length > MAX_OPERATION_NAME_LENGTH) {
      const error = new TooLongError('operationName', MAX_OPERATION_NAME_LENGTH, operationName.length);
      sendError(res, 400, error.code, error.message);
      return;
    }
    next();
  };
}

/** /metrics, open or behind `Authorization: Bearer <METRICS_TOKEN>`; mounted on the API or on a server of its own. */
function metricsApp(metrics: Metrics, token: string | undefined): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const expected = token === undefined ? undefined : createHash('sha256').update(`Bearer ${token}`).digest();
  app.get('/metrics', async (req, res) => {
    const presented = createHash('sha256')
      .update(req.headers.authorization ?? '')
      .digest();
    if (expected && !timingSafeEqual(presented, expected)) {
      res.status(401).setHeader('www-authenticate', 'Bearer').type('text/plain').send('Metrics need "Authorization: Bearer <METRICS_TOKEN>".\n');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}

function requestMetricsPlugin(metrics: Metrics, log: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      metrics.graphqlRequests.inc();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = codeOfError(error);
            metrics.graphqlErrors.inc({ code });
            // Masked for the client, so the log is the only place that says what went wrong.
            if (code === ErrorCode.INTERNAL_SERVER_ERROR) log.error({ err: unwrapResolverError(error) }, 'internal error');
          }
        },
        async willSendResponse({ operationName, errors }) {
          log.info({ operationName, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0 }, 'graphql request');
        },
      };
    },
  };
}
