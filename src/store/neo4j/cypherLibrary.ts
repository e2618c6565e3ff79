import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/config.js';
import { MODEL_STATEMENTS } from './modelStatements.js';
import type { QueryName } from './queryNames.js';

export const cypherDir = path.join(projectRoot, 'cypher');

/**
 * Every query in a directory of .cypher files (by default cypher/, named by QueryName), read once at startup, addressed by
 * file name without extension; for cypher/, also the statements composed from the model (modelStatements.ts), by their names.
 */
export class CypherLibrary<TName extends string = QueryName> {
  private readonly queries: ReadonlyMap<string, string>;

  constructor(dir: string = cypherDir, composed: Readonly<Record<string, string>> = dir === cypherDir ? MODEL_STATEMENTS : {}) {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.cypher'))
      .map((file) => [path.basename(file, '.cypher'), readFileSync(path.join(dir, file), 'utf8')] as const);
    const both = files.filter(([name]) => name in composed).map(([name]) => name);
    if (both.length > 0) throw new Error(`Statements both in ${dir} and composed from the model: ${both.join(', ')}`);
    this.queries = new Map([...files, ...Object.entries(composed)]);
  }

  get(name: TName): string {
    const query = this.queries.get(name);
    if (query === undefined) throw new Error(`No Cypher query named "${name}" in ${cypherDir}`);
    return query;
  }

  /** The query's text for these parameters: see resolveNullGuards. */
  forParams(name: TName, params: Record<string, unknown>): string {
    return resolveNullGuards(this.get(name), params);
  }
}

/**
 * Optional filters are written `($x IS NULL OR …)` (or right after WHERE), which keeps one readable file
 * per query. Sent as they are, one cached plan must serve every combination, and the OR defeats index
 * seeks. Each guard is resolved for the parameters given: dropped when $x is set, `true OR` when it is
 * null (which the planner folds away). So each combination of filters present gets its own text and plan.
 */
export function resolveNullGuards(query: string, params: Record<string, unknown>): string {
  return query.replace(/(\(|WHERE )\$(\w+) IS NULL OR /g, (_, opening: string, name: string) =>
    params[name] === null || params[name] === undefined ? `${opening}true OR ` : opening,
  );
}

/** Splits a migration file into statements: one per `;` that ends a line. Comments (`//`) are dropped. */
export function splitStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
