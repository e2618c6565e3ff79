import { randomUUID } from 'node:crypto';
import type { Row } from '../neo4j/database.js';
import type { QueryName } from '../neo4j/queryNames.js';
import { auditSubjectOf, idOf, type ImportRecord } from '../../model/records.js';
import type { ChangeOperationName } from '../../model/enums.js';

type Run = (queryName: QueryName, params?: Row) => Promise<Row[]>;

/** Who the audit trail names for an import: the files it read. Whoever ran the CLI had the database's own rights. */
export function importCaller(fileNames: string[]): { name: string; role: string } {
  return { name: `import:${fileNames.join(',')}`, role: 'admin' };
}

/** The operation audit entries and change events of an import carry. */
export const IMPORT_OPERATION: ChangeOperationName = 'import';

/**
 * Writes one import batch in the caller's transaction and, when `caller` is given, its audit entries: the write
 * statement itself compares each record's stored values before and after its SET and returns those that changed
 * (see upsertNamedEntities in store/neo4j/modelStatements.ts), and each gets an entry, appended as (:PendingChange) like a mutation's
 * (cypher/recordChanges.cypher), so a record that changes nothing adds none. Without a caller nothing is compared.
 * Returns how many entries it wrote.
 */
export async function writeBatch(
  run: Run,
  writeQuery: QueryName,
  records: ImportRecord[],
  rows: Row[],
  caller: { name: string; role: string } | null,
): Promise<number> {
  const changed = await run(writeQuery, { rows, audit: caller !== null });
  if (caller === null || changed.length === 0) return 0;
  const recordsById = new Map(records.map((record) => [idOf(record), record]));
  const batchId = randomUUID();
  const changes = changed.map((row, index) => {
    const { entityId, relatedIds } = auditSubjectOf(recordsById.get(String(row.id))!);
    return {
      // Entries of one batch share its transaction's time; the number keeps them in record order.
      id: `change:${batchId}.${String(index + 1).padStart(6, '0')}`,
      entityId,
      relatedIds,
      before: snapshotJson(row.before),
      after: snapshotJson(row.after),
    };
  });
  await run('recordChanges', { changes, actor: caller.name, role: caller.role, operation: IMPORT_OPERATION });
  return changes.length;
}

/** A snapshot as the audit trail stores it: JSON without null values, or null for a record that did not exist. */
function snapshotJson(snapshot: unknown): string | null {
  if (snapshot === null || snapshot === undefined) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(snapshot as Row).filter(([, value]) => value !== null)));
}
