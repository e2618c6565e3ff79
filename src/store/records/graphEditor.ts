import { randomBytes, randomUUID } from 'node:crypto';
import type { ZodError, ZodObject } from 'zod';
import type { Caller } from '../../model/access.js';
import { Confidence, type ChangeOperationName, type Relation } from '../../model/enums.js';
import type { EntityRecord } from '../../model/entity.js';
import type { QueryName } from '../neo4j/queryNames.js';
import type { Database, Row } from '../neo4j/database.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../../errors/errors.js';
import { RECORD_LIMITS } from '../../config/limits.js';
import {
  ImportRecord,
  LIST_FIELDS,
  RECORD_FIELDS,
  auditSubjectOf,
  devicesDerivedFrom,
  idOf,
  mixedScriptProblems,
  referencesOf,
  type RecordOf,
} from '../../model/records.js';
import { relationshipClaimOf, toRecord, toRow } from '../../model/recordCodec.js';
import { relationshipClaimNode, type Claim, type RelationshipClaim, type RelationshipClaimNode } from '../../model/claim.js';
import { idFieldOf, prefixOfLabel, type EntityLabel, type EntityPrefix } from '../../model/entityKinds.js';
import { WRITE_QUERY } from './writeQueries.js';
import type { ChangeSequencer } from '../changes/changeSequencer.js';
import type { ClaimVerdictEdit, LinkEdit, RecordLeakEdit, SourceEdit, UnlinkEdit } from './edits.js';
import { slugOf } from '../../model/slug.js';

/** At most this many claims and specs in one recordLeak, like any list of the import records. */
export const MAX_LEAK_CLAIMS = RECORD_LIMITS.list;

type Run = (queryName: QueryName, params?: Row) => Promise<Row[]>;
type PendingChange = { id: string; entityId: string; relatedIds: string[]; before: string | null; after: string | null };
type Snapshot = EntityRecord & Record<string, unknown>;
type Input = object;
type ClaimFields = Pick<LinkEdit, 'relation' | 'from' | 'to' | 'confidence' | 'reportedOn' | 'sources'>;

function recordSchema(kind: EntityLabel): ZodObject {
  return ImportRecord.options.find((option) => option.shape.type.value === kind) as unknown as ZodObject;
}

/** The fields of the kind's import record an input may set: all but `id`. */
function recordFieldNames(kind: EntityLabel): string[] {
  return RECORD_FIELDS[kind].filter((name) => name !== 'id');
}

/**
 * Every write of the API. Each public method is one transaction (retried by the driver on transient
 * errors) that validates with the import record schemas, checks that every referenced id exists, writes
 * with the import's Cypher, keeps derived device fields current and appends an audit entry per entity or
 * claim it changes. Any error rolls the whole mutation back. Once it has committed, the sequencer numbers
 * those entries into the change log before the mutation answers, so the caller's next read of the log has them.
 */
export class GraphEditor {
  constructor(
    private readonly db: Database,
    private readonly sequencer: ChangeSequencer,
  ) {}

  upsertEntity(kind: EntityLabel, input: Input, caller: Caller): Promise<Snapshot> {
    return this.edit(caller, `upsert${kind}`, async (edit) => (await edit.upsertEntity(kind, input, 'input')).entity);
  }

  deleteEntity(kind: EntityLabel, id: string, caller: Caller): Promise<boolean> {
    return this.edit(caller, `delete${kind}`, (edit) => edit.deleteEntity(kind, id));
  }

  link(input: LinkEdit, caller: Caller): Promise<RelationshipClaimNode> {
    return this.edit(caller, 'link', (edit) => edit.writeClaim(input, 'input'));
  }

  unlink(input: UnlinkEdit, caller: Caller): Promise<boolean> {
    return this.edit(caller, 'unlink', (edit) => edit.unlink(input));
  }

  /** A new CONFIRMED or DENIED claim beside the existing ones, which stay. */
  addVerdict(input: ClaimVerdictEdit, confidence: Confidence.CONFIRMED | Confidence.DENIED, caller: Caller): Promise<RelationshipClaimNode> {
    const operation = confidence === Confidence.CONFIRMED ? 'confirmClaim' : 'denyClaim';
    return this.edit(caller, operation, (edit) => edit.addVerdict(input, confidence));
  }

  recordLeak(input: RecordLeakEdit, caller: Caller): Promise<Snapshot> {
    return this.edit(caller, 'recordLeak', (edit) => edit.recordLeak(input));
  }

  /** One mutation in one transaction, its audit entries appended last (cypher/recordChanges.cypher says why). */
  private async edit<T>(caller: Caller, operation: ChangeOperationName, work: (edit: EditTransaction) => Promise<T>): Promise<T> {
    const { result, changed } = await this.db.writeTransaction(async (run) => {
      const edit = new EditTransaction(run);
      const result = await work(edit);
      return { result, changed: await edit.appendChanges(caller, operation) };
    });
    if (changed) await this.sequencer.sequence();
    return result;
  }
}

/** The steps of one mutation inside its transaction. */
class EditTransaction {
  /**
   * Audit entries of one mutation share its transaction's time; their ids (`change:<mutation>.<nnn>`) keep
   * them in the order they were written.
   */
  private readonly mutationId = randomUUID();
  private readonly changes: PendingChange[] = [];

  constructor(private readonly run: Run) {}

  /** Upserts one entity: omitted fields keep their stored values, so the merged record is what gets validated. */
  async upsertEntity(kind: EntityLabel, input: Input, field: string): Promise<{ entity: Snapshot; record: ImportRecord }> {
    const idFrom = idFieldOf(kind);
    const fields = recordFieldNames(kind);
    const given = Object.fromEntries(
      fields
        .map((name) => [name, (input as Record<string, unknown>)[name]] as const)
        // null for a list keeps what is stored, like an omitted field; an empty list clears it.
        .filter(([name, value]) => value !== undefined && !(value === null && LIST_FIELDS.has(name))),
    );
    const givenId = (input as { id?: string | null }).id;
    const canonical = validateGiven(kind, givenId ? { ...given, id: givenId } : given, field);
    const id = givenId ?? (idFrom === null ? newLeakId() : derivedId(prefixOfLabel(kind), canonical[idFrom], `${field}.${idFrom}`));

    const created = await this.lock(id);
    const before = created ? null : await this.snapshot(id);
    if (!givenId && idFrom !== null && before && typeof canonical[idFrom] === 'string' && before.entity[idFrom] !== canonical[idFrom]) {
      // "LEICA!!" derives brand:leica like "Leica" does: without an explicit id that would rename Leica.
      throw new ConflictError(
        `${field}.${idFrom} "${canonical[idFrom]}" derives the id ${id}, which ${JSON.stringify(before.entity[idFrom])} has; give input.id to update that entity, or a distinct ${idFrom}`,
        `${field}.${idFrom}`,
        id,
      );
    }
    const stored = before ? toRecord(kind, before.entity) : kind === 'Device' ? { status: 'RUMORED' } : {};
    const record = validate({ type: kind, ...stored, ...given, id }, field);
    await this.checkReferences(record, field);
    // A leak's upsert may drop devices it was about: their derived fields move too.
    await this.write(record, record.type === 'Leak' ? (before?.linkedDeviceIds ?? []) : []);
    const { entity } = await this.snapshot(id);
    // Writing what is already stored changes nothing, so the audit trail gets no entry for it.
    if (!sameValues(before?.entity ?? null, entity)) {
      this.recordChange(auditSubjectOf(record), before?.entity ?? null, entity);
    }
    return { entity, record };
  }

  async deleteEntity(kind: EntityLabel, id: string): Promise<boolean> {
    const prefix = prefixOfLabel(kind);
    if (!id.startsWith(`${prefix}:`)) throw new BadUserInputError(`delete${kind} takes a ${prefix} id such as "${prefix}:some-slug"`, 'id');
    const created = await this.lock(id);
    const before = created ? null : await this.snapshot(id);
    if (before && kind === 'Source') {
      const citing = Number((await this.run('claimsCitingSource', { sourceId: id }))[0]?.citing ?? 0);
      if (citing > 0) {
        throw new BadUserInputError(`${id} is cited by ${citing} claim(s); delete them or cite another source first`, 'id');
      }
    }
    // A missing id leaves only the lock's placeholder, which this removes.
    await this.run('deleteEntity', { id });
    if (!before) return false;
    await this.refreshDevices(before.linkedDeviceIds.filter((deviceId) => deviceId !== id));
    this.recordChange({ entityId: id, relatedIds: before.linkedDeviceIds }, before.entity, null);
    return true;
  }

  /** Upserts a relationship claim, identified like the import's by relation, ends and sources. */
  async writeClaim(claim: ClaimFields, field: string): Promise<RelationshipClaimNode> {
    const record = validate({ type: 'Relationship', ...claim }, field) as RecordOf<'Relationship'>;
    await this.checkReferences(record, field);
    const existing = await this.claimsBetween(record.relation, record.from, record.to);
    await this.write(record);
    const after = relationshipClaimOf(record);
    const before = existing.find((old) => old.id === after.id) ?? null;
    if (!sameValues(before, after)) this.recordChange(auditSubjectOf(record), before, after);
    return relationshipClaimNode(after);
  }

  async unlink(input: UnlinkEdit): Promise<boolean> {
    const existing = await this.claimsBetween(input.relation, input.from, input.to);
    const sources = input.sources ? [...input.sources].sort().join('+') : null;
    const doomed = existing.filter((claim) => sources === null || [...claim.sourceIds].sort().join('+') === sources);
    if (doomed.length === 0) return false;
    await this.run('deleteRelationshipClaims', { relation: input.relation, from: input.from, to: input.to, claimIds: doomed.map((claim) => claim.id) });
    await this.refreshDevices([input.from, input.to]);
    for (const claim of doomed) this.recordChange({ entityId: input.from, relatedIds: [input.to, claim.id] }, claim, null);
    return true;
  }

  async addVerdict(input: ClaimVerdictEdit, confidence: Confidence): Promise<RelationshipClaimNode> {
    const newSource = input.newSource ? await this.upsertSource(input.newSource, 'input.newSource') : null;
    const sources = [...new Set([...(input.sources ?? []), ...(newSource ? [newSource] : [])])];
    if (sources.length === 0) throw new BadUserInputError('A confirmation or denial needs a source: give sources or newSource', 'input.sources');
    const existing = await this.claimsBetween(input.relation, input.from, input.to);
    if (existing.length === 0) {
      throw new NotFoundError(
        `No ${input.relation} claim from ${input.from} to ${input.to} to ${confidence === Confidence.CONFIRMED ? 'confirm' : 'deny'}`,
        input.from,
      );
    }
    const claim = { relation: input.relation, from: input.from, to: input.to, confidence, reportedOn: input.reportedOn, sources };
    const id = idOf({ type: 'Relationship', ...claim });
    if (existing.some((old) => old.id === id)) {
      throw new BadUserInputError('A claim citing exactly these sources exists already; cite a new source so the old claim stays', 'input.sources');
    }
    return this.writeClaim(claim, 'input');
  }

  async recordLeak(input: RecordLeakEdit): Promise<Snapshot> {
    for (const field of ['claims', 'specs'] as const) {
      if ((input[field]?.length ?? 0) > MAX_LEAK_CLAIMS) {
        throw new BadUserInputError(`input.${field}: at most ${MAX_LEAK_CLAIMS} per leak`, `input.${field}`);
      }
    }
    const sourceId = await this.upsertSource(input.source, 'input.source');
    const sources = [...new Set([sourceId, ...(input.sources ?? [])])];
    const { entity, record } = await this.upsertEntity('Leak', { ...input, sources }, 'input');
    const leak = record as RecordOf<'Leak'>;
    const provenance = { reportedOn: leak.reportedOn, sources: leak.sources };
    for (const [index, claim] of (input.claims ?? []).entries()) {
      const { relation, from, to } = claim;
      await this.writeClaim({ relation, from, to, confidence: claim.confidence ?? leak.confidence, ...provenance }, `input.claims.${index}`);
    }
    for (const [index, spec] of (input.specs ?? []).entries()) {
      const { device, key, value, unit } = spec;
      await this.writeSpec({ device, key, value, unit, confidence: spec.confidence ?? leak.confidence, ...provenance }, `input.specs.${index}`);
    }
    return entity;
  }

  private async upsertSource(input: SourceEdit, field: string): Promise<string> {
    return (await this.upsertEntity('Source', input, field)).entity.id;
  }

  private async writeSpec(spec: Record<string, unknown>, field: string): Promise<void> {
    const record = validate({ type: 'Spec', ...spec }, field) as RecordOf<'Spec'>;
    await this.checkReferences(record, field);
    await this.write(record);
    const { type: _type, ...after } = { ...record, id: idOf(record) };
    this.recordChange(auditSubjectOf(record), null, after);
  }

  /**
   * Writes a checked record with the import's statement, then refreshes the derived fields of the devices it
   * changes and of `devicesBefore`. The editor records its own audit entries from its snapshots (recordChange),
   * so the statement's are off.
   */
  private async write(record: ImportRecord, devicesBefore: string[] = []): Promise<void> {
    await this.run(WRITE_QUERY[record.type], { rows: [toRow(record)], audit: false });
    await this.refreshDevices([...devicesBefore, ...devicesDerivedFrom(record)]);
  }

  /** Locks the id for the rest of the transaction; true when no entity had it. */
  private async lock(id: string): Promise<boolean> {
    const [row] = await this.run('lockEntity', { id });
    return row?.created === true;
  }

  private async snapshot(id: string): Promise<{ entity: Snapshot; linkedDeviceIds: string[] }> {
    const [row] = await this.run('entitySnapshotById', { id });
    const entity = Object.fromEntries(Object.entries(row!.snapshot as Row).filter(([, value]) => value !== null)) as Snapshot;
    return { entity, linkedDeviceIds: row!.linkedDeviceIds as string[] };
  }

  /** The claims of `relation` between two entities, in the shape the audit trail records. */
  private async claimsBetween(relation: Relation, from: string, to: string): Promise<RelationshipClaim[]> {
    const rows = await this.run('claimsBetween', { relation, from, to });
    return rows.map((row) => ({ relation, from, to, ...(row.claim as Claim) }));
  }

  /** Every id the record points at must exist; the error names the input field that holds a missing one. */
  private async checkReferences(record: ImportRecord, field: string): Promise<void> {
    const references = referencesOf(record);
    if (references.length === 0) return;
    const existing = new Set((await this.run('existingEntityIds', { ids: references.map(({ id }) => id) })).map((row) => String(row.id)));
    const missing = references.find(({ id }) => !existing.has(id));
    if (missing) throw new BadUserInputError(`No entity with id "${missing.id}"`, `${field}.${missing.field}`);
  }

  private async refreshDevices(ids: string[]): Promise<void> {
    const deviceIds = [...new Set(ids.filter((id) => id.startsWith('device:')))];
    if (deviceIds.length > 0) await this.run('refreshDeviceIdentity', { deviceIds });
  }

  /** Keeps an audit entry for appendChanges. */
  private recordChange({ entityId, relatedIds }: { entityId: string; relatedIds: string[] }, before: object | null, after: object | null): void {
    this.changes.push({
      id: `change:${this.mutationId}.${String(this.changes.length + 1).padStart(3, '0')}`,
      entityId,
      relatedIds: [...new Set(relatedIds)],
      before: before && JSON.stringify(before),
      after: after && JSON.stringify(after),
    });
  }

  /** Writes the audit entries recorded so far, the last statement of the transaction; false when there are none. */
  async appendChanges(caller: Caller, operation: ChangeOperationName): Promise<boolean> {
    if (this.changes.length === 0) return false;
    await this.run('recordChanges', { changes: this.changes, actor: caller.name, role: caller.role, operation });
    return true;
  }
}

/**
 * A new leak's id: 16 random hex digits. Ids derived from the summary put a tipster's words into every event,
 * cursor and audit entry that names the leak, where deleting the leak cannot take them back. Ids given or
 * made before stay valid.
 */
function newLeakId(): string {
  return `leak:${randomBytes(8).toString('hex')}`;
}

/** `prefix:slug` of the field an id derives from; a partnership's from its sorted brand slugs. */
function derivedId(prefix: EntityPrefix, value: unknown, field: string): string {
  const text = Array.isArray(value)
    ? value
        .map((id) => String(id).slice(String(id).indexOf(':') + 1))
        .sort()
        .join(' ')
    : typeof value === 'string'
      ? value
      : '';
  const slug = slugOf(text);
  if (slug === '') throw new BadUserInputError(`${field} is needed to derive the id (or give input.id); it needs a letter or digit`, field);
  return `${prefix}:${slug}`;
}

/** Parses with the import schemas; the first problem becomes BAD_USER_INPUT naming the input field. */
function validate(candidate: Record<string, unknown>, field: string): ImportRecord {
  const parsed = ImportRecord.safeParse(candidate);
  if (!parsed.success) throw inputError(parsed.error, field);
  const [mixed] = mixedScriptProblems(parsed.data);
  if (mixed) throw new BadUserInputError(`${field}.${mixed.field} ${mixed.message}`, `${field}.${mixed.field}`);
  rejectRepeatedIds(parsed.data, field);
  return parsed.data;
}

/** A list of ids naming one twice is a mistake (a "partnership" of a brand with itself), not a duplicate to drop. */
function rejectRepeatedIds(record: ImportRecord, field: string): void {
  const seen = new Map<string, string>();
  for (const { field: path, id } of referencesOf(record)) {
    const [list, index] = path.split('.');
    if (index === undefined) continue;
    const earlier = seen.get(`${list}|${id}`);
    if (earlier) throw new BadUserInputError(`${field}.${path} repeats "${id}" (also ${field}.${earlier})`, `${field}.${path}`);
    seen.set(`${list}|${id}`, path);
  }
}

/**
 * Checks the fields an upsert gives before any statement runs, so malformed input never reaches Neo4j, and
 * returns them canonical (src/model/canonical.ts) for deriving the id.
 * Required fields it leaves out may be stored already: `validate` checks the merged record.
 */
function validateGiven(kind: EntityLabel, given: Record<string, unknown>, field: string): Record<string, unknown> {
  const parsed = recordSchema(kind)
    .partial()
    .safeParse({ type: kind, ...given });
  if (!parsed.success) throw inputError(parsed.error, field);
  const canonical = parsed.data as Record<string, unknown>;
  return Object.fromEntries(Object.keys(given).map((name) => [name, canonical[name]]));
}

function inputError(error: ZodError, field: string): BadUserInputError {
  const problems = error.issues.map((issue) => ({ path: [field, ...issue.path].join('.'), message: issue.message }));
  const message = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return new BadUserInputError(message, problems[0]!.path);
}

/** Whether two snapshots hold the same values, whatever the order of their keys. */
function sameValues(a: object | null, b: object | null): boolean {
  const canonical = (value: object | null) => JSON.stringify(value && Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}
