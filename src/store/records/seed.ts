import path from 'node:path';
import { projectRoot } from '../../config/config.js';
import type { Database } from '../neo4j/database.js';
import { importFiles, listImportFiles, type ImportOptions, type ImportSummary } from './importer.js';

/** seed/: the records of the one article the graph started from; tests that assert its exact contents load only this. */
export const seedDir = path.join(projectRoot, 'seed');

/**
 * What `npm start` and `partnergraph seed` load, in order: the article, then the imaging dataset, whose records
 * with the same ids (brand:leica, chip:sm8475...) replace the article's and keep its names, aliases and roles
 * (data/imaging/README.md). One import each, since one import refuses an id defined twice.
 */
export const defaultSeed: readonly string[] = [seedDir, path.join(projectRoot, 'data', 'imaging', 'imaging.jsonl')];

/** Loads each path (a .jsonl file or a directory of them) through the bulk importer, without audit entries (see ImportOptions.audit); loading twice changes nothing. */
export async function seedGraph(db: Database, paths: readonly string[] = defaultSeed, options: Pick<ImportOptions, 'onProgress'> = {}): Promise<ImportSummary> {
  const summaries: ImportSummary[] = [];
  for (const seedPath of paths) summaries.push(await importFiles(db, listImportFiles(seedPath), { ...options, audit: false }));
  return summaries.reduce(addSummaries);
}

function addSummaries(total: ImportSummary, next: ImportSummary): ImportSummary {
  const byType = { ...total.byType };
  for (const [type, count] of Object.entries(next.byType)) byType[type as keyof typeof byType] = (byType[type as keyof typeof byType] ?? 0) + count;
  return { ...next, records: total.records + next.records, byType };
}
