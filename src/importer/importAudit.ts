import { randomUUID } from 'node:crypto';
import type { Row } from '../db/database.js';
import type { QueryName } from '../db/queryNames.js';
import { idOf, type ImportRecord } from './records.js';

type Run = (queryName: QueryName, params?: Row) => Promise<Row[]>;

/** Who the audit trail names for an import: the files it read. Whoever ran the CLI had the database's own rights. */
export function importCaller(fileNames: string[]): { name: string; role: string } {
  return { name: `import:${fileNames.join(',')}`, role: 'admin' };
}

/** The operation audit entries and change events of an import carry. */
export const IMPORT_OPERATION = 'import';

/**
 * Writes one import batch with its audit entries, in the caller's transaction: the batch's records are read before
 * and after the write, and each one whose stored values differ gets an entry, appended as (:PendingChange) like a
 * mutation's (cypher/recordChanges.cypher), so a record that changes nothing adds none. Returns how many it wrote.
 */
export async function writeAudited(run: Run, writeQuery: QueryName, records: ImportRecord[], rows: Row[], caller: { name: string; role: string }): Promise<number> {
  const read = snapshotReader(records);
  const before = await read(run);
  await run(writeQuery, { rows });
  const after = await read(run);
  const batchId = randomUUID();
  const changes = [];
  for (const record of records) {
    const id = idOf(record);
    const [old, now] = [before.get(id) ?? null, after.get(id) ?? null];
    if (sameValues(old, now)) continue;
    const { entityId, relatedIds } = subjectOf(record);
    changes.push({
      // Entries of one batch share its transaction's time; the number keeps them in record order.
      id: `change:${batchId}.${String(changes.length + 1).padStart(6, '0')}`,
      entityId,
      relatedIds,
      before: old && JSON.stringify(old),
      after: now && JSON.stringify(now),
    });
  }
  if (changes.length > 0) await run('recordChanges', { changes, actor: caller.name, role: caller.role, operation: IMPORT_OPERATION });
  return changes.length;
}

/** The entity an entry is filed under and the others it concerns, as the editor files a mutation's entries. */
function subjectOf(record: ImportRecord): { entityId: string; relatedIds: string[] } {
  switch (record.type) {
    case 'Relationship':
      return { entityId: record.from, relatedIds: [record.to, idOf(record)] };
    case 'Spec':
      return { entityId: record.device, relatedIds: [idOf(record)] };
    case 'Partnership':
      return { entityId: record.id, relatedIds: [...new Set(record.brands)] };
    case 'Leak':
      return { entityId: record.id, relatedIds: [...new Set(record.devices)] };
    default:
      return { entityId: record.id, relatedIds: [] };
  }
}

/** Reads the stored snapshots of a batch's records (all of one type), keyed by record id, without null values. */
function snapshotReader(records: ImportRecord[]): (run: Run) => Promise<Map<string, Row>> {
  const type = records[0]?.type;
  const ids = records.map(idOf);
  const [query, params]: [QueryName, Row] =
    type === 'Relationship'
      ? ['importedClaimSnapshots', { claims: records.map((record) => record.type === 'Relationship' && { id: idOf(record), relation: record.relation, from: record.from, to: record.to }) }]
      : type === 'Spec'
        ? ['importedSpecSnapshots', { ids }]
        : ['importedEntitySnapshots', { ids }];
  return async (run) => {
    const rows = await run(query, params);
    return new Map(rows.map((row) => [String(row.id), Object.fromEntries(Object.entries(row.snapshot as Row).filter(([, value]) => value !== null))]));
  };
}

/** Whether two snapshots hold the same values, whatever the order of their keys. */
function sameValues(a: Row | null, b: Row | null): boolean {
  const canonical = (value: Row | null) => JSON.stringify(value && Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}
