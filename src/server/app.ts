import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { ApiKeyring } from '../access/access.js';
import { ChangeFeed } from '../change/changeFeed.js';
import { ChangeSequencer } from '../editing/changeSequencer.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../db/database.js';
import type { EmbeddedNeo4jError } from '../db/embeddedNeo4j.js';
import { applyMigrations, migrationsAreApplied } from '../db/migrations.js';
import { SupervisedNeo4j } from '../db/neo4jSupervisor.js';
import { PARSE_LIMITS } from '../config/limits.js';
import { createErrorFormatter, ErrorCode } from '../errors/errors.js';
import { seedGraph } from '../importer/seed.js';
import { bookmarksFromClient, bookmarksToClientPlugin } from './bookmarks.js';
import { admissionQueue } from './admission.js';
import { createContextFactory, type AppContext } from './context.js';
import { crossOriginPolicy } from './crossOrigin.js';
import { explorerPage } from './explorerPage.js';
import { IDE_PATH, SDL_PATH, graphiqlAssets, graphiqlPage } from './graphiql.js';
import type { Logger } from './logger.js';
import { DrainingServer } from './drainingServer.js';
import { Metrics } from './metrics.js';
import { guardRailsPlugin } from './guardRails.js';
import { rateLimitPlugin, RateLimits, type ClientContext } from './rateLimits.js';
import { createSchema, schemaFile } from './schema.js';
import { securityHeaders } from './securityHeaders.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscriptions.js';
import { warmUp } from './warmUp.js';

export interface RunningApp {
  url: string;
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
        await db.close();
        await embedded?.stop();
        log.info('stopped');
      })();
      return stopping;
    };
    return { url, db, metrics, subscriptions, neo4jPid: () => embedded?.pid, failed, stop };
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
      const summary = await seedGraph(db);
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
  app.use(securityHeaders());
  const server = new DrainingServer(app);
  const schema = await createSchema();
  const keyring = new ApiKeyring(config.apiKeys);
  const createContext = createContextFactory(db, sequencer, keyring, { plannedReads: config.plannedReads });
  const formatError = createErrorFormatter({ exposeInternals: config.stackTraces });

  const apollo = new ApolloServer<AppContext & ClientContext>({
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
      guardRailsPlugin(metrics.observeOperation),
      bookmarksToClientPlugin(db, () => changeFeed.nudge()),
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
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(graphiqlAssets());
  app.use(explorerPage());
  app.use(IDE_PATH, crossOriginPolicy(config.corsOrigins));
  app.get(SDL_PATH, (_req, res) => {
    res.type('text/plain; charset=utf-8').sendFile(schemaFile, { headers: { 'cache-control': 'no-cache' } });
  });
  app.get(IDE_PATH, (req, res, next) => {
    // A browser asking for the page gets the IDE; GraphQL GET requests go on to Apollo.
    if (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').send(graphiqlPage());
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
    bookmarksFromClient(db),
    // A body that is not JSON (a form post, say) reaches Apollo empty, for its CSRF check to refuse.
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
    admission.inTurn(expressMiddleware(apollo, {
      // The rate limits need the client's IP, which only express knows, and the key the context found.
      context: async ({ req }) => {
        const context = await createContext({ req });
        const keyName = context.access.presented ? context.access.caller?.name : undefined;
        return { ...context, client: { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', keyName } };
      },
    })),
  );
  app.use(badRequestHandler(log));
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
    log,
  });
  return { server, apollo, subscriptions };
}

/** A GraphQL error answer made outside Apollo, shaped like Apollo's. */
function sendError(res: Response, status: number, code: string, message: string, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) res.setHeader('retry-after', String(retryAfterSeconds));
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
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
    res.status(status).json({
      errors: [
        {
          message: status === 500 ? 'Internal server error' : `Bad request: ${error.message ?? error.type ?? 'invalid body'}`,
          extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' },
        },
      ],
    });
  };
}

function requestMetricsPlugin(metrics: Metrics, log: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      metrics.graphqlRequests.inc();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error) as { extensions?: { code?: unknown } };
            const code = error.extensions?.code ?? original?.extensions?.code;
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR });
            // Masked for the client, so the log is the only place that says what went wrong.
            if (typeof code !== 'string' || code === ErrorCode.INTERNAL_SERVER_ERROR) log.error({ err: original }, 'internal error');
          }
        },
        async willSendResponse({ operationName, errors }) {
          log.info(
            { operationName, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0 },
            'graphql request',
          );
        },
      };
    },
  };
}
