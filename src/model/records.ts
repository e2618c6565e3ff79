import { z } from 'zod';
import { BrandRole, Confidence, DeviceStatus, PartnershipKind, Relation, ValidTimeEvent } from './enums.js';
import { VALID_TIME_EVENTS } from './validTime.js';
import { endpointsOf } from './relationships.js';
import { ENTITY_PREFIXES, prefixOfLabel, type EntityPrefix } from './entityKinds.js';
import { RECORD_LIMITS } from '../config/limits.js';
import { canonicalName, canonicalText, isNotFutureDate, latestReportDate, mixedScriptsMessage, mixedScriptsOf } from './canonical.js';

/**
 * The record format shared by seed files and bulk import: JSON Lines, one entity or claim per line,
 * discriminated by `type`. Ids are readable and stable (`brand:leica`), never Neo4j element ids.
 */

const { text: MAX_TEXT, list: MAX_LIST, id: MAX_ID } = RECORD_LIMITS;

const slug = '[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?';
const entityId = (prefix: EntityPrefix) =>
  z
    .string()
    .max(MAX_ID)
    .regex(new RegExp(`^${prefix}:${slug}$`), `must look like "${prefix}:some-slug" (lower-case letters, digits, dots and dashes)`);

/** Runs a canonicaliser of src/model/canonical.ts, its error becoming the field's validation issue. */
const canonicalised = (canonicalise: (raw: string) => string) =>
  z
    .string()
    .max(MAX_TEXT)
    .transform((raw, ctx) => {
      try {
        return canonicalise(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^input /, '') });
        return z.NEVER;
      }
    })
    .pipe(z.string().min(1, 'must not be empty'));

const text = canonicalised((raw) => canonicalText(raw, 'it'));
const optionalText = text.nullish();
/** Names and aliases; whether they may mix scripts is checked per record (mixedScriptProblems). */
const nameText = canonicalised((raw) => canonicalName(raw, { allowMixedScripts: true, field: 'it' }));
/** Set on a Brand, Chip or Device whose name or aliases mix scripts on purpose; stored, so export keeps it. */
const allowMixedScripts = z.boolean().nullish();

/** A date, possibly partial: "2022-05-23", "2022-05" or "2022". */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY')
  .refine((value) => {
    const [year, month = '01', day = '01'] = value.split('-');
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
  }, 'is not a calendar date');

/** When something was reported or published: no later than tomorrow (UTC). */
const reportedDate = partialDate.refine((value) => isNotFutureDate(value), { error: () => `must not be after ${latestReportDate()} (tomorrow, UTC)` });

const provenance = {
  confidence: z.enum(Confidence),
  reportedOn: reportedDate,
  sources: z.array(entityId('source')).min(1, 'needs at least one source').max(MAX_LIST),
};

const SourceRecord = z.strictObject({
  type: z.literal('Source'),
  id: entityId('source'),
  title: text,
  publisher: optionalText,
  author: optionalText,
  url: z
    .url({ protocol: /^https?$/ })
    .max(MAX_TEXT)
    .nullish(),
  publishedOn: reportedDate.nullish(),
});

const BrandRecord = z.strictObject({
  type: z.literal('Brand'),
  id: entityId('brand'),
  name: nameText,
  aliases: z.array(nameText).max(MAX_LIST).default([]),
  allowMixedScripts,
  roles: z.array(z.enum(BrandRole)).max(MAX_LIST).default([]),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"')
    .nullish(),
});

const ChipRecord = z.strictObject({
  type: z.literal('Chip'),
  id: entityId('chip'),
  name: nameText,
  aliases: z.array(nameText).max(MAX_LIST).default([]),
  allowMixedScripts,
  partNumber: optionalText,
});

const DeviceRecord = z.strictObject({
  type: z.literal('Device'),
  id: entityId('device'),
  name: nameText,
  aliases: z.array(nameText).max(MAX_LIST).default([]),
  allowMixedScripts,
  status: z.enum(DeviceStatus),
  announcedOn: partialDate.nullish(),
});

const PartnershipRecord = z.strictObject({
  type: z.literal('Partnership'),
  id: entityId('partnership'),
  kind: z.enum(PartnershipKind),
  summary: optionalText,
  brands: z.array(entityId('brand')).min(2, 'a partnership links at least two brands').max(MAX_LIST),
  announcedOn: partialDate.nullish(),
  startedOn: partialDate.nullish(),
  endedOn: partialDate.nullish(),
  ...provenance,
});

const LeakRecord = z.strictObject({
  type: z.literal('Leak'),
  id: entityId('leak'),
  summary: text,
  platform: optionalText,
  tipster: optionalText,
  devices: z.array(entityId('device')).min(1).max(MAX_LIST),
  ...provenance,
});

/** Which entity types each relation may connect, from the relationship table: from → to. */
export const RELATION_ENDPOINTS = Object.fromEntries(
  Object.values(Relation).map((relation) => {
    const { from, to } = endpointsOf(relation);
    return [relation, { from: from.map(prefixOfLabel), to: prefixOfLabel(to[0]!) }];
  }),
) as Record<Relation, { from: EntityPrefix[]; to: EntityPrefix }>;

const anyEntityId = z
  .string()
  .max(MAX_ID)
  .regex(new RegExp(`^(${ENTITY_PREFIXES.join('|')}):${slug}$`), 'must be an entity id such as "brand:leica"');

const RelationshipRecord = z
  .strictObject({
    type: z.literal('Relationship'),
    relation: z.enum(Relation),
    from: anyEntityId,
    to: anyEntityId,
    ...provenance,
  })
  .superRefine((record, ctx) => {
    const endpoints = RELATION_ENDPOINTS[record.relation];
    if (!endpoints.from.includes(prefixOf(record.from))) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `${record.relation} starts at a ${endpoints.from.join(' or ')}` });
    }
    if (prefixOf(record.to) !== endpoints.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `${record.relation} ends at a ${endpoints.to}` });
    }
  });

const SpecRecord = z.strictObject({
  type: z.literal('Spec'),
  device: entityId('device'),
  key: z
    .string()
    .max(MAX_ID)
    .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, 'must be a dotted key such as "display.refreshRateHz"'),
  value: text,
  unit: optionalText,
  ...provenance,
});

/**
 * A valid-time claim (model/validTime.ts): on which day its subject started, was in force, ended, launched
 * or was cancelled, with its own provenance; `on` is null when the source gives no day.
 */
const ValidTimeRecord = z
  .strictObject({
    type: z.literal('ValidTime'),
    subject: anyEntityId,
    event: z.enum(ValidTimeEvent),
    on: partialDate.nullish(),
    device: entityId('device').nullish(),
    summary: optionalText,
    ...provenance,
  })
  .superRefine((record, ctx) => {
    const { subjects } = VALID_TIME_EVENTS[record.event];
    if (!subjects.includes(prefixOf(record.subject))) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: `${record.event} is about a ${subjects.join(' or ')}` });
    }
    if (record.device && record.event !== ValidTimeEvent.LAST_DEVICE) {
      ctx.addIssue({ code: 'custom', path: ['device'], message: `only a ${ValidTimeEvent.LAST_DEVICE} event names a device` });
    }
  });

export const ImportRecord = z.discriminatedUnion('type', [
  SourceRecord,
  BrandRecord,
  ChipRecord,
  DeviceRecord,
  PartnershipRecord,
  LeakRecord,
  RelationshipRecord,
  SpecRecord,
  ValidTimeRecord,
]);
export type ImportRecord = z.infer<typeof ImportRecord>;
export type RecordType = ImportRecord['type'];
export type RecordOf<T extends RecordType> = Extract<ImportRecord, { type: T }>;

/** Each record type's fields in the order its schema declares them, which export writes and the seed files use. */
export const RECORD_FIELDS = Object.fromEntries(
  ImportRecord.options.map((schema) => [schema.shape.type.value, Object.keys(schema.shape).filter((field) => field !== 'type')]),
) as Partial<Record<RecordType, readonly string[]>> as { [T in RecordType]: ReadonlyArray<Exclude<keyof RecordOf<T>, 'type'>> };

/** A field's schema without its optional, nullable and default wrappers. */
function innerSchema(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault
    ? innerSchema(schema.def.innerType as z.ZodType)
    : schema;
}

function fieldsWhose(test: (schema: z.ZodType) => boolean): ReadonlySet<string> {
  return new Set(
    ImportRecord.options.flatMap((schema) =>
      Object.entries(schema.shape as Record<string, z.ZodType>)
        .filter(([, field]) => test(innerSchema(field)))
        .map(([name]) => name),
    ),
  );
}

/** Record fields holding a partial date, stored as a date plus a `<field>Precision`. */
export const PARTIAL_DATE_FIELDS = fieldsWhose((schema) => schema === partialDate || schema === reportedDate);

/** Record fields holding a list (aliases, roles, ids). */
export const LIST_FIELDS = fieldsWhose((schema) => schema instanceof z.ZodArray);

/** Write order: everything a record points at is written before it. */
export const WRITE_ORDER: RecordType[] = ['Source', 'Brand', 'Chip', 'Device', 'Partnership', 'Leak', 'Relationship', 'Spec', 'ValidTime'];

export function prefixOf(id: string): EntityPrefix {
  return id.slice(0, id.indexOf(':')) as EntityPrefix;
}

/** The ids a record points at, which must exist in the same import or in the graph, each with its field path. */
export function referencesOf(record: ImportRecord): Array<{ field: string; id: string }> {
  const list = (field: string, ids: string[]) => ids.map((id, index) => ({ field: `${field}.${index}`, id }));
  switch (record.type) {
    case 'Partnership':
      return [...list('brands', record.brands), ...list('sources', record.sources)];
    case 'Leak':
      return [...list('devices', record.devices), ...list('sources', record.sources)];
    case 'Relationship':
      return [{ field: 'from', id: record.from }, { field: 'to', id: record.to }, ...list('sources', record.sources)];
    case 'Spec':
      return [{ field: 'device', id: record.device }, ...list('sources', record.sources)];
    case 'ValidTime':
      return [{ field: 'subject', id: record.subject }, ...(record.device ? [{ field: 'device', id: record.device }] : []), ...list('sources', record.sources)];
    default:
      return [];
  }
}

/**
 * The devices whose derived fields (identity fields and first report date: refreshDeviceIdentity in store/neo4j/modelStatements.ts) writing
 * the record can change: a device itself and every device the record refers to (a spec's, a leak's, a relationship's
 * device ends). A partnership refers to none: its COVERS claims are Relationship records.
 */
export function devicesDerivedFrom(record: ImportRecord): string[] {
  return [idOf(record), ...referencesOf(record).map(({ id }) => id)].filter((id) => prefixOf(id) === 'device');
}

/**
 * The entity an audit entry about writing the record is filed under, and the other entities and claims it
 * concerns: a claim is filed under its subject, a partnership or a leak also concerns its brands or devices.
 * The editor and the importer file their entries the same way, so one entity's history shows both.
 */
export function auditSubjectOf(record: ImportRecord): { entityId: string; relatedIds: string[] } {
  switch (record.type) {
    case 'Relationship':
      return { entityId: record.from, relatedIds: [record.to, idOf(record)] };
    case 'Spec':
      return { entityId: record.device, relatedIds: [idOf(record)] };
    case 'ValidTime':
      return { entityId: record.subject, relatedIds: [idOf(record)] };
    case 'Partnership':
      return { entityId: record.id, relatedIds: [...new Set(record.brands)] };
    case 'Leak':
      return { entityId: record.id, relatedIds: [...new Set(record.devices)] };
    default:
      return { entityId: record.id, relatedIds: [] };
  }
}

/** The id a record defines: the entity's own, or a derived claim id that makes re-imports idempotent. */
export function idOf(record: ImportRecord): string {
  switch (record.type) {
    case 'Relationship':
      return `${record.relation}:${record.from}->${record.to}@${[...record.sources].sort().join('+')}`;
    case 'Spec':
      return `spec:${record.device.slice('device:'.length)}:${record.key}@${[...record.sources].sort().join('+')}`;
    case 'ValidTime':
      // A denial is a claim of its own, even when the article that reports a rumour also reports its denial.
      return `${record.event}:${record.subject}:${record.on ?? 'undated'}${record.confidence === Confidence.DENIED ? ':denied' : ''}@${[...record.sources].sort().join('+')}`;
    default:
      return record.id;
  }
}

/**
 * The names and aliases of a Brand, Chip or Device that mix scripts (see src/model/canonical.ts) when the
 * record does not say `allowMixedScripts: true`, each with its field path.
 */
export function mixedScriptProblems(record: ImportRecord): Array<{ field: string; message: string }> {
  if (!('name' in record) || !('aliases' in record) || record.allowMixedScripts) return [];
  const named = [{ field: 'name', value: record.name }, ...record.aliases.map((value, index) => ({ field: `aliases.${index}`, value }))];
  return named.flatMap(({ field, value }) => {
    const scripts = mixedScriptsOf(value);
    return scripts.length > 0 ? [{ field, message: mixedScriptsMessage(scripts) }] : [];
  });
}
