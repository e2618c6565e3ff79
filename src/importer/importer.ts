import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import {
  ImportRecord,
  WRITE_ORDER,
  expandPartialDate,
  idOf,
  referencesOf,
  type RecordOf,
  type RecordType,
} from './records.js';

export interface ImportProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
}

export class ImportValidationError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `${problems.length} invalid record(s); nothing was written:\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`)
          .join('\n'),
    );
  }
}

export interface ImportOptions {
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (written: number, total: number) => void;
}

export interface ImportSummary {
  records: number;
  byType: Partial<Record<RecordType, number>>;
  dryRun: boolean;
}

interface LocatedRecord {
  file: string;
  line: number;
  record: ImportRecord;
}

const WRITE_QUERY: Record<RecordType, string> = {
  Source: 'importSources',
  Brand: 'importBrands',
  Chip: 'importChips',
  Device: 'importDevices',
  Partnership: 'importPartnerships',
  Leak: 'importLeaks',
  Relationship: 'importRelationshipClaims',
  Spec: 'importSpecs',
};

/** JSON Lines files: a file, or every *.jsonl file of a directory in name order. */
export function listImportFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(target, name));
}

/**
 * Validates every record of the given files, then writes them in batched UNWIND transactions.
 * Any invalid record, duplicate id or dangling reference stops the import before the first write.
 * Writes are upserts by id, so importing the same files again changes nothing.
 */
export async function importFiles(db: Database, files: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const records = parseFiles(files);
  await checkReferences(db, records);
  const byType = countByType(records);
  if (options.dryRun) return { records: records.length, byType, dryRun: true };

  const batchSize = options.batchSize ?? 1_000;
  let written = 0;
  for (const type of WRITE_ORDER) {
    const rows = records.filter((located) => located.record.type === type).map((located) => toRow(located.record));
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      await db.writeTransaction((run) => run(WRITE_QUERY[type], { rows: batch }));
      written += batch.length;
      options.onProgress?.(written, records.length);
    }
  }
  const deviceIds = [...new Set(records.flatMap(({ record }) => devicesWhoseSummaryMayChange(record)))];
  for (let start = 0; start < deviceIds.length; start += batchSize) {
    const batch = deviceIds.slice(start, start + batchSize);
    await db.writeTransaction((run) => run('refreshDeviceIdentity', { deviceIds: batch }));
  }
  return { records: records.length, byType, dryRun: false };
}

function parseFiles(files: string[]): LocatedRecord[] {
  const problems: ImportProblem[] = [];
  const records: LocatedRecord[] = [];
  const definedAt = new Map<string, string>();
  for (const file of files) {
    const name = path.relative(process.cwd(), file) || file;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const line = index + 1;
        if (text.trim() === '') return;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          problems.push({ file: name, line, message: `not valid JSON: ${(error as Error).message}` });
          return;
        }
        const parsed = ImportRecord.safeParse(json);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            problems.push({ file: name, line, field: issue.path.join('.') || undefined, message: issue.message });
          }
          return;
        }
        const id = idOf(parsed.data);
        const earlier = definedAt.get(id);
        if (earlier) {
          problems.push({ file: name, line, field: 'id', message: `duplicate id "${id}", first defined at ${earlier}` });
          return;
        }
        definedAt.set(id, `${name}:${line}`);
        records.push({ file: name, line, record: parsed.data });
      });
  }
  if (problems.length > 0) throw new ImportValidationError(problems);
  return records;
}

async function checkReferences(db: Database, records: LocatedRecord[]): Promise<void> {
  const defined = new Set(records.filter(({ record }) => 'id' in record).map(({ record }) => idOf(record)));
  const outside = new Set(records.flatMap(({ record }) => referencesOf(record)).filter((id) => !defined.has(id)));
  const existing =
    outside.size === 0
      ? new Set<string>()
      : new Set((await db.read('existingEntityIds', { ids: [...outside] })).map((row) => String(row.id)));
  const problems: ImportProblem[] = [];
  for (const { file, line, record } of records) {
    for (const reference of referencesOf(record)) {
      if (!defined.has(reference) && !existing.has(reference)) {
        problems.push({ file, line, message: `refers to ${reference}, which is neither in this import nor in the graph` });
      }
    }
  }
  if (problems.length > 0) throw new ImportValidationError(problems);
}

function countByType(records: LocatedRecord[]): Partial<Record<RecordType, number>> {
  const counts: Partial<Record<RecordType, number>> = {};
  for (const { record } of records) counts[record.type] = (counts[record.type] ?? 0) + 1;
  return counts;
}

/** Devices whose identity fields or first report date (see refreshDeviceIdentity) the record can change. */
function devicesWhoseSummaryMayChange(record: ImportRecord): string[] {
  switch (record.type) {
    case 'Device':
      return [record.id];
    case 'Spec':
      return [record.device];
    case 'Leak':
      return record.devices;
    case 'Relationship':
      return [record.from, record.to].filter((id) => id.startsWith('device:'));
    default:
      return [];
  }
}

function withDate(row: Record<string, unknown>, field: string, value: string | null | undefined): void {
  const { date, precision } = expandPartialDate(value);
  row[field] = date;
  row[`${field}Precision`] = precision;
}

function lookupKeys(...values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => !!value).map((value) => value.toLowerCase()))];
}

/** The parameter row the record's write query expects. */
function toRow(record: ImportRecord): Record<string, unknown> {
  const row: Record<string, unknown> = { ...record, claimId: idOf(record) };
  if ('reportedOn' in record) withDate(row, 'reportedOn', record.reportedOn);
  switch (record.type) {
    case 'Source':
      withDate(row, 'publishedOn', record.publishedOn);
      break;
    case 'Partnership': {
      const partnership = record as RecordOf<'Partnership'>;
      withDate(row, 'announcedOn', partnership.announcedOn);
      withDate(row, 'startedOn', partnership.startedOn);
      withDate(row, 'endedOn', partnership.endedOn);
      break;
    }
    case 'Device':
      withDate(row, 'announcedOn', record.announcedOn);
      break;
    case 'Brand':
      row.lookupKeys = lookupKeys(record.name, ...record.aliases);
      break;
    case 'Chip':
      row.lookupKeys = lookupKeys(record.name, ...record.aliases, record.partNumber);
      break;
    default:
      break;
  }
  // Neo4j stores no undefined: absent optional fields become explicit nulls.
  for (const [key, value] of Object.entries(row)) if (value === undefined) row[key] = null;
  return row;
}

