import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cypherDir, splitStatements } from './cypherLibrary.js';
import type { Database } from './database.js';

const migrationsDir = path.join(cypherDir, 'migrations');

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      return {
        name: path.basename(file, '.cypher'),
        checksum: createHash('sha256').update(source).digest('hex'),
        statements: splitStatements(source),
      };
    });
}

/**
 * Applies the migrations in cypher/migrations in order and records each in the graph as a
 * (:SchemaMigration). Statements are written with IF NOT EXISTS, so a run interrupted between a
 * statement and its record is simply repeated. Returns the names applied by this call.
 */
export async function applyMigrations(db: Database, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const applied = new Set((await db.read('appliedMigrationNames')).map((row) => String(row.name)));
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    for (const statement of migration.statements) {
      await db.runSchemaStatement(statement);
    }
    await db.write('recordAppliedMigration', { name: migration.name, checksum: migration.checksum });
    newlyApplied.push(migration.name);
  }
  if (newlyApplied.length > 0) await db.runSchemaStatement('CALL db.awaitIndexes(300)');
  return newlyApplied;
}

/** True when every migration file has been applied: what /ready reports. */
export async function migrationsAreApplied(db: Database, migrations: Migration[] = readMigrations()): Promise<boolean> {
  const applied = new Set((await db.read('appliedMigrationNames')).map((row) => String(row.name)));
  return migrations.every((migration) => applied.has(migration.name));
}
