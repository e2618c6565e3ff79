import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { ApiKeyring } from '../access/access.js';
import { ChangeFeed } from '../change/changeFeed.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../db/database.js';
import { startEmbeddedNeo4j, type RunningNeo4j } from '../db/embeddedNeo4j.js';
import { applyMigrations, migrationsAreApplied } from '../db/migrations.js';
import { createErrorFormatter, ErrorCode } from '../errors/errors.js';
import { seedGraph } from '../importer/seed.js';
import { bookmarksFromClient, bookmarksToClientPlugin } from './bookmarks.js';
import { createContextFactory, type AppContext } from './context.js';
import { IDE_PATH, graphiqlAssets, graphiqlPage } from './graphiql.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { guardRailsPlugin } from './guardRails.js';
import { createSchema } from './schema.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscriptions.js';

export interface RunningApp {
  url: string;
  db: Database;
  metrics: Metrics;
  subscriptions: SubscriptionServer;
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` serves: the embedded Neo4j (unless NEO4J_URI names another),
 * migrations, the seed data, and the HTTP server with GraphQL, the IDE, health and metrics.
 */
export async function startApp(config: AppConfig, log: Logger): Promise<RunningApp> {
  let embedded: RunningNeo4j | undefined;
  if (!config.externalNeo4j) {
    log.info({ dataDir: config.embeddedNeo4j.dataDir }, 'starting embedded Neo4j');
    const started = performance.now();
    embedded = await startEmbeddedNeo4j(config.embeddedNeo4j, (line) => log.info(line));
    log.info({ uri: embedded.uri, ms: Math.round(performance.now() - started) }, 'embedded Neo4j ready');
  }
  const metrics = new Metrics();
  const db = new Database({
    ...(config.externalNeo4j ?? { uri: embedded!.uri }),
    onQuery: metrics.observeQuery,
  });

  try {
    const applied = await applyMigrations(db);
    log.info({ applied }, applied.length > 0 ? 'migrations applied' : 'migrations up to date');
    if (config.seedOnStart) {
      const summary = await seedGraph(db);
      log.info({ records: summary.records }, 'seed data loaded');
    }
    const changeFeed = new ChangeFeed(db, log);
    const { server, apollo, subscriptions } = await createHttpServer(config, db, changeFeed, metrics, log);
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}${IDE_PATH}`;
    // Names and roles only: what an operator needs to see that writes are open, and to whom.
    const writers = config.apiKeys.map(({ name, role }) => `${name} (${role})`);
    log.info({ url, writers }, writers.length > 0 ? 'Partnergraph is ready' : 'Partnergraph is ready, read-only: no API_KEYS');

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        // Sockets close first (1001: clients resume elsewhere with their cursor), then the feed that filled them;
        // the drain plugin stops accepting connections and waits for in-flight requests.
        await subscriptions.close();
        await changeFeed.stop();
        await apollo.stop();
        await db.close();
        await embedded?.stop();
        log.info('stopped');
      })();
      return stopping;
    };
    return { url, db, metrics, subscriptions, stop };
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
}

async function createHttpServer(config: AppConfig, db: Database, changeFeed: ChangeFeed, metrics: Metrics, log: Logger) {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const schema = await createSchema();
  const keyring = new ApiKeyring(config.apiKeys);
  const createContext = createContextFactory(db, keyring);
  const formatError = createErrorFormatter({ exposeInternals: !config.production });

  const apollo = new ApolloServer<AppContext>({
    schema,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.fieldSuggestions,
    includeStacktraceInErrorResponses: !config.production,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the default cache-control plugin hooks every resolved field (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
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
  app.get(IDE_PATH, (req, res, next) => {
    // A browser asking for the page gets the IDE; GraphQL GET requests go on to Apollo.
    if (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').send(graphiqlPage());
      return;
    }
    next();
  });
  app.use(
    IDE_PATH,
    express.json({ limit: '1mb' }),
    bookmarksFromClient(db),
    expressMiddleware(apollo, { context: createContext }),
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

/** A body that is not JSON, or too large, gets a coded 4xx instead of express's HTML 500 page. */
function badRequestHandler(log: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
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
