#!/usr/bin/env node
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { Database } from '../db/database.js';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../db/embeddedNeo4j.js';
import { applyMigrations } from '../db/migrations.js';
import { importFiles, ImportValidationError, listImportFiles } from '../importer/importer.js';
import { seedGraph } from '../importer/seed.js';
import { createSchema, emitSchemaFile } from '../server/schema.js';

const HELP = `partnergraph: the partnership knowledge graph's command line

Usage: npx partnergraph <command> [options]

Commands:
  import <file|dir> [--dry-run]   Load JSON Lines records (the seed file format; a directory means
                                  every *.jsonl in it, in name order). Validates everything first:
                                  any invalid record, duplicate id or dangling reference writes
                                  nothing. --dry-run only validates.
  seed                            Load the bundled seed data (seed/*.jsonl); loading twice changes nothing.
  emit-schema                     Write schema/schema.graphql from the TypeGraphQL classes.
  help                            Show this text.

The database is the embedded Neo4j (data in NEO4J_DATA_DIR, default ./data/neo4j; stop \`npm start\`
first, since both cannot open it at once), or the server named by NEO4J_URI with NEO4J_USERNAME,
NEO4J_PASSWORD and NEO4J_DATABASE.
`;

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const progress = (line: string) => console.error(line);
  const embedded = config.externalNeo4j ? undefined : await startEmbeddedNeo4j(config.embeddedNeo4j, progress);
  const db = new Database(config.externalNeo4j ?? { uri: embedded!.uri });
  try {
    await applyMigrations(db);
    return await work(db);
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

function reportProgress(written: number, total: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r  ${written}/${total} records written`);
  else if (written === total) console.error(`  ${written}/${total} records written`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'emit-schema':
      console.log(`wrote ${emitSchemaFile(await createSchema())}`);
      return 0;
    case 'seed': {
      const summary = await withDatabase((db) => seedGraph(db));
      console.log(`seeded ${summary.records} records`);
      return 0;
    }
    case 'import': {
      const target = rest[0];
      if (!target) {
        console.error('import needs a file or directory\n');
        console.error(HELP);
        return 2;
      }
      const files = listImportFiles(path.resolve(target));
      const summary = await withDatabase((db) =>
        importFiles(db, files, { dryRun: values['dry-run'], onProgress: reportProgress }),
      );
      console.log(`${summary.dryRun ? 'validated' : 'imported'} ${summary.records} records: ${JSON.stringify(summary.byType)}`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n`);
      console.error(HELP);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportValidationError || error instanceof EmbeddedNeo4jError || error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
