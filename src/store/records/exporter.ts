import { open, rename, rm } from 'node:fs/promises';
import { int } from 'neo4j-driver';
import type { Database, Row } from '../neo4j/database.js';
import { toRecord } from '../../model/recordCodec.js';
import type { QueryName } from '../neo4j/queryNames.js';
import { WRITE_ORDER, type RecordType } from '../../model/records.js';
import { RECORD_TRANSFER } from '../../config/limits.js';

export interface ExportOptions {
  /** Records fetched per Cypher statement (keyset paging); default RECORD_TRANSFER.exportPageSize. */
  pageSize?: number;
  onProgress?: (exported: number, total: number) => void;
}

export interface ExportSummary {
  records: number;
  byType: Partial<Record<RecordType, number>>;
}

const PAGE_QUERY: Record<RecordType, QueryName> = {
  Source: 'exportSources',
  Brand: 'exportBrands',
  Chip: 'exportChips',
  Device: 'exportDevices',
  Partnership: 'exportPartnerships',
  Leak: 'exportLeaks',
  Relationship: 'exportRelationshipClaims',
  Spec: 'exportSpecs',
  ValidTime: 'exportValidTimes',
};

/**
 * Writes the whole graph to `file` as JSON Lines in the import format: types in write order, each sorted by
 * its id (claims by claim id), so two exports of the same graph are byte-identical and diff well.
 * Pages through Neo4j by id and writes each page as it arrives; the file appears under its name only
 * once complete. Each page is its own read, so writes made during an export may or may not be in it.
 */
export async function exportGraph(db: Database, file: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const pageSize = options.pageSize ?? RECORD_TRANSFER.exportPageSize;
  const [counts = {}] = await db.read('recordCountsByType');
  const total = WRITE_ORDER.reduce((sum, type) => sum + Number(counts[type] ?? 0), 0);
  const partial = `${file}.partial`;
  const output = await open(partial, 'w');
  const byType: Partial<Record<RecordType, number>> = {};
  let exported = 0;
  try {
    options.onProgress?.(0, total);
    for (const type of WRITE_ORDER) {
      let after = '';
      for (;;) {
        const rows = await db.read(PAGE_QUERY[type], { after, pageSize: int(pageSize) });
        if (rows.length === 0) break;
        await output.write(rows.map((row) => `${JSON.stringify(toRecord(type, row.fields as Row, { omitEmptyLists: true }))}\n`).join(''));
        exported += rows.length;
        byType[type] = (byType[type] ?? 0) + rows.length;
        // Records written during the export can push the count past the first estimate.
        options.onProgress?.(exported, Math.max(total, exported));
        if (rows.length < pageSize) break;
        after = String(rows[rows.length - 1]!.key);
      }
    }
    await output.close();
    await rename(partial, file);
  } catch (error) {
    await output.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  return { records: exported, byType };
}
