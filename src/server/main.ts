import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config.js';
import { EmbeddedNeo4jError } from '../store/neo4j/embeddedNeo4j.js';
import { Neo4jUnreachableError, startApp, type RunningApp } from './app.js';
import { EXPLORER_PATH } from './explorerApp.js';
import { createLogger, type Logger } from './logger.js';

/** Exit code of a shutdown forced by a second signal, or of one that failed. */
const UNCLEAN_EXIT = 1;

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startApp(config, log);
  const explorer = new URL(EXPLORER_PATH, app.url).href;
  console.error(`\nPartnergraph is ready: open ${explorer} (Explorer) or ${app.url} (GraphiQL) in a browser.\n`);
  stopOnSignals(app, log);
  void app.failed.then(async (error) => {
    console.error(`\n${error.message}\n`);
    await app.stop().catch(() => {});
    process.exit(UNCLEAN_EXIT);
  });
} catch (error) {
  if (error instanceof EmbeddedNeo4jError || error instanceof ConfigError || error instanceof Neo4jUnreachableError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(UNCLEAN_EXIT);
}

/** The first SIGTERM or SIGINT stops in order (exit 0); a second one exits at once. */
function stopOnSignals(app: RunningApp, log: Logger): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      process.exit(UNCLEAN_EXIT);
    }
    signalled = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'unclean shutdown');
        process.exit(UNCLEAN_EXIT);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
