import { lookupKey } from './canonical.js';
import type { RelationshipClaim } from './claim.js';
import type { DatePrecision } from './enums.js';
import { PARTIAL_DATE_FIELDS, RECORD_FIELDS, idOf, type ImportRecord, type RecordOf, type RecordType } from './records.js';

/**
 * How a record is stored, written once for the importer, the editor and the exporter. A record's row is the
 * parameter its write statement (cypher/import<Type>.cypher) takes, under the names the graph stores it with:
 * `claimId` the id the record defines (idOf), a partial date as a day plus `<field>Precision`, `sources` as
 * `sourceIds`, and a brand's or chip's `lookupKeys`. A stored node or claim, read back with its properties,
 * is a row too, so toRecord(type, toRow(record)) is the record again.
 */
export type StoredRow = Record<string, unknown>;

/** Record fields stored under another name. */
const STORED_AS: Readonly<Record<string, string>> = { sources: 'sourceIds' };

/**
 * Stored properties that hold a day (Neo4j DATE): each partial date's day, and a device's derived firstReportedOn.
 * Reads project them as ISO strings in Cypher (`toString`), so no driver Date reaches JavaScript.
 */
export const STORED_DATE_PROPERTIES: ReadonlySet<string> = new Set([...PARTIAL_DATE_FIELDS, 'firstReportedOn']);

/** The fields a record type is found by (src/store/reads/rootStatements.ts), stored as canonical lookup keys. */
const LOOKUP_KEY_FIELDS: Partial<Record<RecordType, readonly string[]>> = {
  Brand: ['name', 'aliases'],
  Chip: ['name', 'aliases', 'partNumber'],
};

/** The row the record's write statement takes, which is what it stores. */
export function toRow(record: ImportRecord): StoredRow {
  const row: StoredRow = { ...record, claimId: idOf(record) };
  for (const field of RECORD_FIELDS[record.type] as readonly string[]) {
    const value = row[field];
    if (PARTIAL_DATE_FIELDS.has(field)) {
      const { date, precision } = expandPartialDate(value as string | null | undefined);
      row[field] = date;
      row[`${field}Precision`] = precision;
    }
    const storedAs = STORED_AS[field];
    if (storedAs) {
      delete row[field];
      row[storedAs] = value;
    }
  }
  const keyed = LOOKUP_KEY_FIELDS[record.type];
  if (keyed) row.lookupKeys = lookupKeys(keyed.flatMap((field) => row[field] as string | string[] | null | undefined));
  // Neo4j stores no undefined: absent optional fields become explicit nulls.
  for (const [key, value] of Object.entries(row)) if (value === undefined) row[key] = null;
  return row;
}

/**
 * The record a stored node or claim holds, not yet validated: dates back in their partial form ("2022-05"), absent
 * (null) values left out. Export also leaves out empty lists, which import defaults.
 */
export function toRecord(type: RecordType, stored: StoredRow, { omitEmptyLists = false } = {}): Record<string, unknown> {
  const record: Record<string, unknown> = { type };
  for (const field of RECORD_FIELDS[type] as readonly string[]) {
    const value = PARTIAL_DATE_FIELDS.has(field)
      ? collapsePartialDate(stored[field] as string | null | undefined, stored[`${field}Precision`] as string | null | undefined)
      : stored[STORED_AS[field] ?? field];
    if (value === null || value === undefined || (omitEmptyLists && Array.isArray(value) && value.length === 0)) continue;
    record[field] = value;
  }
  return record;
}

/** The relationship claim a Relationship record stores, as the audit trail records a written claim. */
export function relationshipClaimOf(record: RecordOf<'Relationship'>): RelationshipClaim {
  const row = toRow(record);
  return {
    from: record.from,
    to: record.to,
    id: row.claimId as string,
    relation: record.relation,
    confidence: record.confidence,
    reportedOn: row.reportedOn as string,
    reportedOnPrecision: row.reportedOnPrecision as DatePrecision,
    sourceIds: record.sources,
  };
}

function lookupKeys(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => !!value).map(lookupKey))];
}

/** A partial date "2022-04" is stored as 2022-04-01 with precision MONTH. */
export function expandPartialDate(value: string | null | undefined): { date: string | null; precision: string | null } {
  if (!value) return { date: null, precision: null };
  const parts = value.split('-');
  const precision = parts.length === 3 ? 'DAY' : parts.length === 2 ? 'MONTH' : 'YEAR';
  const [year, month = '01', day = '01'] = parts;
  return { date: `${year}-${month}-${day}`, precision };
}

/** The inverse of expandPartialDate: 2022-04-01 with precision MONTH is "2022-04" again. */
export function collapsePartialDate(date: string | null | undefined, precision: string | null | undefined): string | null {
  if (!date) return null;
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}
