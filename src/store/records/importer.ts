import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CHANGE_LOG, IMPORT_LIMITS } from '../../config/limits.js';
import type { Database } from '../neo4j/database.js';
import { pino } from 'pino';
import { ChangeSequencer } from '../changes/changeSequencer.js';
import { importCaller, writeBatch } from './importAudit.js';
import { WRITE_QUERY } from './writeQueries.js';
import { ImportRecord, WRITE_ORDER, devicesDerivedFrom, idOf, mixedScriptProblems, referencesOf, type RecordType } from '../../model/records.js';
import { toRow } from '../../model/recordCodec.js';
import { RECORD_TRANSFER } from '../../config/limits.js';

export interface ImportProblem {
  file: string;
  /** Absent when the problem is the file itself (a symbolic link). */
  line?: number;
  field?: string;
  message: string;
}

const PROBLEMS_SHOWN = 50;

export class ImportValidationError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const records = new Set(problems.map((p) => `${p.file}:${p.line}`)).size;
    const more = problems.length - PROBLEMS_SHOWN;
    super(
      `${problems.length} problem(s) in ${records} record(s); nothing was written:\n` +
        problems
          .slice(0, PROBLEMS_SHOWN)
          .map((p) => `  ${p.file}${p.line === undefined ? '' : `:${p.line}`}${p.field ? ` ${p.field}` : ''}: ${p.message}`)
          .join('\n') +
        (more > 0 ? `\n  ... and ${more} more` : ''),
    );
  }
}

export interface ImportOptions {
  /** Validate only: parse, check every record and reference, write nothing. */
  dryRun?: boolean;
  /** Records per write transaction; default RECORD_TRANSFER.importBatchSize. */
  batchSize?: number;
  /** Called after each committed batch (and once before the first) with records written so far. */
  onProgress?: (written: number, total: number) => void;
  /** Called before the first write when an interrupted run of the same files is picked up again. */
  onResume?: (recordsDone: number, total: number) => void;
  /** Stops the import once the batch in flight has committed; running the same import again resumes there. */
  signal?: AbortSignal;
  /**
   * Audit entries and change events for what the import changes (importAudit.ts); default true. The seed goes
   * without: it is the starting content every deployment ships with, not an edit anyone made.
   */
  audit?: boolean;
}

export interface ImportSummary {
  records: number;
  byType: Partial<Record<RecordType, number>>;
  dryRun: boolean;
  /** Records an earlier, interrupted run of the same files had committed (0 for a fresh run). */
  resumedAt: number;
  /**
   * Records whose stored values this run changed (its audit entries): 0 when re-importing the same files, and
   * null when nothing was counted (a dry run, or `audit: false`).
   */
  changed: number | null;
}

/** The import stopped between two batches (see ImportOptions.signal); what was committed stays, with its checkpoint. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly recordsDone: number,
    readonly total: number,
  ) {
    super(`import interrupted after record ${recordsDone} of ${total}; run the same import again to resume there`);
  }
}

interface LocatedRecord {
  file: string;
  line: number;
  record: ImportRecord;
}

/**
 * JSON Lines files: a file, or every *.jsonl file of a directory in name order. A symbolic link is listed as
 * itself, never followed, so the import refuses it (parseFiles) instead of reading what it points to.
 */
export function listImportFiles(target: string): string[] {
  if (!lstatSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(target, name));
}

/**
 * Validates every record of the given files, then writes them in batched UNWIND transactions, in write
 * order (sources first, specs last). Any invalid record, duplicate id or dangling reference stops the import
 * before the first write. Writes are upserts by id, so importing the same files again changes nothing.
 *
 * Each batch commits together with a checkpoint, an (:ImportRun) node keyed by a hash of the files' contents
 * and counting the records done; the run's last transaction deletes it. Running an interrupted import again
 * skips the records already committed.
 *
 * Each batch also appends, in its transaction, an audit entry per record whose stored values it changed (see
 * importAudit.ts), filed under `import:<files>`; once the batch has committed, they are numbered into the change
 * log while the next batch is written, so graphChanged subscribers receive them like a mutation's.
 */
export async function importFiles(db: Database, files: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const { records, runId, fileNames } = await parseFiles(files);
  await checkReferences(db, records);
  const byType = countByType(records);
  const total = records.length;
  const [checkpoint] = await db.read('importRunProgress', { runId });
  const resumedAt = Math.min(Number(checkpoint?.recordsDone ?? 0), total);
  if (options.dryRun) return { records: total, byType, dryRun: true, resumedAt, changed: null };

  if (resumedAt > 0) options.onResume?.(resumedAt, total);
  const batchSize = options.batchSize ?? RECORD_TRANSFER.importBatchSize;
  const progress = { runId, records: total, files: fileNames };
  const caller = importCaller(fileNames);
  const audit = options.audit ?? true;
  // Numbers each batch's entries once it has committed, while the next batch is written: numbering them all at the
  // end sorted every entry still pending once per 500 numbered, which cost an audited 30,000-record import 9 s.
  const sequencer = audit ? new ChangeSequencer(db, pino({ name: 'import' }, process.stderr)) : null;
  let entriesWritten = 0;
  let unnumbered = 0;
  try {
    await writeRecords();
  } finally {
    // Subscribers get what committed, also when the import stopped part-way; a failed numbering is left to the next run.
    if (entriesWritten > 0) await sequencer?.sequence();
  }
  // The API's statements, too, are planned again on the graph the import leaves behind.
  await replanAll(db);
  return { records: total, byType, dryRun: false, resumedAt, changed: audit ? entriesWritten : null };

  async function writeRecords(): Promise<void> {
    const stopIfAborted = (done: number) => {
      if (options.signal?.aborted) throw new ImportInterruptedError(done, total);
    };
    let written = resumedAt;
    options.onProgress?.(written, total);
    let typeStart = 0;
    for (const type of WRITE_ORDER) {
      const plans = new PlansForAGrowingType(db);
      const ofType = records.filter((located) => located.record.type === type);
      const typeEnd = typeStart + ofType.length;
      for (let start = Math.max(typeStart, written); start < typeEnd; start += batchSize) {
        stopIfAborted(written);
        const batch = ofType.slice(start - typeStart, Math.min(start + batchSize, typeEnd) - typeStart).map(({ record }) => record);
        const entries = await db.writeTransaction(async (run) => {
          const recorded = await writeBatch(run, WRITE_QUERY[type], batch, batch.map(toRow), audit ? caller : null);
          await run('recordImportProgress', { ...progress, recordsDone: written + batch.length });
          return recorded;
        });
        written += batch.length;
        entriesWritten += entries;
        unnumbered += entries;
        // A numbering run per sequencer batch of entries, not per import batch: with --batch-size 1, a run (and its
        // plan, dropped by each replanning) per record slowed the import several times over. Not awaited: it never
        // rejects, and requests made while a run is under way share the next run.
        if (unnumbered >= CHANGE_LOG.sequenceBatch) {
          unnumbered = 0;
          void sequencer?.sequence();
        }
        await plans.wrote(written - typeStart);
        options.onProgress?.(written, total);
      }
      typeStart = typeEnd;
    }

    // Derived device fields depend on every claim, so they are refreshed after all records, always in full
    // (refreshing is idempotent); the last transaction also drops the checkpoint.
    const deviceIds = [...new Set(records.flatMap(({ record }) => devicesDerivedFrom(record)))];
    let refreshed = 0;
    do {
      stopIfAborted(written);
      const batch = deviceIds.slice(refreshed, refreshed + batchSize);
      refreshed += batch.length;
      const last = refreshed >= deviceIds.length;
      await db.writeTransaction(async (run) => {
        if (batch.length > 0) await run('refreshDeviceIdentity', { deviceIds: batch });
        if (last) await run('forgetImportRun', { runId });
      });
    } while (refreshed < deviceIds.length);
  }
}

/**
 * Neo4j keeps a statement's plan for at least a replan interval however much the graph grows (the embedded one for
 * NEO4J_MIN_REPLAN_S, src/config/config.ts). An import grows each record type from nothing, and a write planned on
 * none of its type stays slow: kept, it slowed a 233,721-record load from 62 s to 270 s, all of it in the leaks. So
 * each time the import has doubled the records of one type it wrote, from the first batch on, the plans are dropped.
 */
class PlansForAGrowingType {
  private replanAt = 1;

  constructor(private readonly db: Database) {}

  async wrote(recordsOfType: number): Promise<void> {
    if (recordsOfType < this.replanAt) return;
    this.replanAt = recordsOfType * 2;
    await replanAll(this.db);
  }
}

async function replanAll(db: Database): Promise<void> {
  try {
    await db.writeAutoCommit('clearQueryCaches');
  } catch {
    // A user without the privilege keeps Neo4j's own replanning: slower, never wrong.
  }
}

interface ParsedFiles {
  records: LocatedRecord[];
  /** Identifies the import by the files' contents, whatever their names: the key of its checkpoint. */
  runId: string;
  fileNames: string[];
}

/** The lines of a file as bytes, read in chunks: never the whole file, nor a line past IMPORT_LIMITS.lineBytes, in one piece. */
async function* linesOf(file: string, onChunk: (chunk: Buffer) => void): AsyncGenerator<{ line: number; bytes: Buffer | 'too long' }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const take = (piece: Buffer) => {
    pendingBytes += piece.length;
    if (pendingBytes <= IMPORT_LIMITS.lineBytes) pending.push(piece);
    else pending = [];
  };
  const finish = (): { line: number; bytes: Buffer | 'too long' } => {
    const bytes = pendingBytes > IMPORT_LIMITS.lineBytes ? 'too long' : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    line += 1;
    return { line, bytes };
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    onChunk(chunk);
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (pendingBytes > 0) yield finish();
}

/** Where a JSON text stopped parsing, without any of the text: a refused file may be one that must not be shown. */
function jsonErrorWithoutContent(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message);
  return position ? `not valid JSON (column ${Number(position[1]) + 1})` : 'not valid JSON';
}

async function parseFiles(files: string[]): Promise<ParsedFiles> {
  const problems: ImportProblem[] = [];
  const records: LocatedRecord[] = [];
  const definedAt = new Map<string, string>();
  const hash = createHash('sha256');
  const fileNames: string[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const file of files) {
    const name = path.relative(process.cwd(), file) || file;
    fileNames.push(name);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) {
      problems.push({ file: name, message: 'is a symbolic link; import the file it points to by its own path' });
      continue;
    }
    hash.update(`${stat.size}\n`);
    for await (const { line, bytes } of linesOf(file, (chunk) => hash.update(chunk))) {
      if (bytes === 'too long') {
        problems.push({ file: name, line, message: `longer than ${IMPORT_LIMITS.lineBytes} bytes` });
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        problems.push({ file: name, line, message: 'not valid UTF-8' });
        continue;
      }
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        problems.push({ file: name, line, message: jsonErrorWithoutContent(error) });
        continue;
      }
      const parsed = ImportRecord.safeParse(json, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
          problems.push({ file: name, line, field: issue.path.join('.') || undefined, message: missing ? 'is required' : issue.message });
        }
        continue;
      }
      const mixed = mixedScriptProblems(parsed.data);
      if (mixed.length > 0) {
        problems.push(...mixed.map(({ field, message }) => ({ file: name, line, field, message })));
        continue;
      }
      const id = idOf(parsed.data);
      const earlier = definedAt.get(id);
      if (earlier) {
        problems.push({
          file: name,
          line,
          field: 'id' in parsed.data ? 'id' : undefined,
          message: `duplicate ${'id' in parsed.data ? 'id' : 'claim'} "${id}", first defined at ${earlier}`,
        });
        continue;
      }
      definedAt.set(id, `${name}:${line}`);
      records.push({ file: name, line, record: parsed.data });
    }
  }
  if (problems.length > 0) throw new ImportValidationError(problems);
  return { records, runId: `import:${hash.digest('hex')}`, fileNames };
}

const REFERENCE_LOOKUP_CHUNK = 10_000;

async function checkReferences(db: Database, records: LocatedRecord[]): Promise<void> {
  const defined = new Set(records.map(({ record }) => idOf(record)));
  const outside = new Set<string>();
  for (const { record } of records) {
    for (const { id } of referencesOf(record)) if (!defined.has(id)) outside.add(id);
  }
  const wanted = [...outside];
  const existing = new Set<string>();
  for (let start = 0; start < wanted.length; start += REFERENCE_LOOKUP_CHUNK) {
    const rows = await db.read('existingEntityIds', { ids: wanted.slice(start, start + REFERENCE_LOOKUP_CHUNK) });
    for (const row of rows) existing.add(String(row.id));
  }
  const problems: ImportProblem[] = [];
  for (const { file, line, record } of records) {
    for (const { field, id } of referencesOf(record)) {
      if (!defined.has(id) && !existing.has(id)) {
        problems.push({ file, line, field, message: `refers to ${id}, which is neither in this import nor in the graph` });
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
