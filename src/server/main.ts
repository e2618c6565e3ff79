import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config.js';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j.js';
import { startApp } from './app.js';
import { EXPLORER_PATH } from './explorerPage.js';
import { createLogger } from './logger.js';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startApp(config, log);
  const explorer = new URL(EXPLORER_PATH, app.url).href;
  console.error(`\nPartnergraph is ready: open ${explorer} (Explorer) or ${app.url} (GraphiQL) in a browser.\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down');
      app.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  if (error instanceof EmbeddedNeo4jError || error instanceof ConfigError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
