import path from 'node:path';
import { projectRoot } from '../../config/config.js';
import type { Database } from '../neo4j/database.js';
import { importFiles, listImportFiles, type ImportOptions, type ImportSummary } from './importer.js';

export const seedDir = path.join(projectRoot, 'seed');

/** Loads seed/*.jsonl through the bulk importer, without audit entries (see ImportOptions.audit); loading twice changes nothing. */
export function seedGraph(db: Database, options: Pick<ImportOptions, 'onProgress'> = {}): Promise<ImportSummary> {
  return importFiles(db, listImportFiles(seedDir), { ...options, audit: false });
}
