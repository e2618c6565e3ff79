import { ENTITY_LABELS, typeOfLabel, type EntityLabel, type EntityTypeName } from './entityKinds.js';
import { CLAIM_RELATIONSHIP_TYPES, type ClaimRelationshipType, type LinkableRelationshipType } from './relationships.js';

/** How sure the graph is of a claim. A leak is not a launch: only CONFIRMED means announced. */
export enum Confidence {
  CONFIRMED = 'CONFIRMED',
  REPORTED = 'REPORTED',
  RUMORED = 'RUMORED',
  SPECULATED = 'SPECULATED',
  DENIED = 'DENIED',
}

/** How precise a stored date is; a MONTH date is stored as the first day of that month. */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export enum BrandRole {
  PHONE_MAKER = 'PHONE_MAKER',
  CAMERA_MAKER = 'CAMERA_MAKER',
  OPTICS_PARTNER = 'OPTICS_PARTNER',
  CHIP_VENDOR = 'CHIP_VENDOR',
  CONSUMER_ELECTRONICS = 'CONSUMER_ELECTRONICS',
}

export enum PartnershipKind {
  /** Co-engineered smartphone cameras and co-branding (Leica with Huawei, Sharp, Xiaomi). */
  SMARTPHONE_IMAGING = 'SMARTPHONE_IMAGING',
  /** Cameras and lenses developed together (Leica with Panasonic). */
  CAMERA_SYSTEM = 'CAMERA_SYSTEM',
  LICENSING = 'LICENSING',
  COMPONENT_SUPPLY = 'COMPONENT_SUPPLY',
  OTHER = 'OTHER',
}

export enum DeviceStatus {
  RUMORED = 'RUMORED',
  ANNOUNCED = 'ANNOUNCED',
  RELEASED = 'RELEASED',
  DISCONTINUED = 'DISCONTINUED',
  CANCELLED = 'CANCELLED',
}

function enumOf<const TValue extends string>(values: readonly TValue[]): { [V in TValue]: V } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [V in TValue]: V };
}

export const CLAIM_TYPES = Object.keys(CLAIM_RELATIONSHIP_TYPES) as ClaimRelationshipType[];
export const LINKABLE_TYPES = CLAIM_TYPES.filter((type): type is LinkableRelationshipType => CLAIM_RELATIONSHIP_TYPES[type].linkable);

/** Relationship types a claim record may assert on its own: what relationship records and `link` write. */
export const Relation = enumOf(LINKABLE_TYPES);
export type Relation = LinkableRelationshipType;

/** The entity types, as GraphQL names them: one per entity kind (entityKinds.ts). */
export const EntityType = enumOf(ENTITY_LABELS.map(typeOfLabel));
export type EntityType = EntityTypeName;

/** Every relationship type a claim can have in the graph, as traversed by graph and paths. */
export const RelationshipType = enumOf(CLAIM_TYPES);
export type RelationshipType = ClaimRelationshipType;

/** How partnershipStats groups partnerships. */
export enum PartnershipStatsGroupBy {
  /** The year it started, else was announced, else was first reported. */
  YEAR = 'YEAR',
  KIND = 'KIND',
  /** Each brand party to it. */
  PARTNER = 'PARTNER',
}

/**
 * What made a change in the audit trail: a mutation, named as the API names it (upsertBrand, link, ...), or an
 * import. The GraphQL enum names each in capitals: UPSERT_BRAND, LINK, IMPORT.
 */
const OPERATIONS_ON_ANY_KIND = ['link', 'unlink', 'confirmClaim', 'denyClaim', 'recordLeak', 'import'] as const;
export type ChangeOperationName = `upsert${EntityLabel}` | `delete${EntityLabel}` | (typeof OPERATIONS_ON_ANY_KIND)[number];
export const CHANGE_OPERATIONS: readonly ChangeOperationName[] = [
  ...ENTITY_LABELS.flatMap((label) => [`upsert${label}` as const, `delete${label}` as const]),
  ...OPERATIONS_ON_ANY_KIND,
];

/** The change operations as a GraphQL enum: UPSERT_BRAND stands for the stored "upsertBrand". */
export const ChangeOperation: Record<string, string> = Object.fromEntries(
  CHANGE_OPERATIONS.map((operation) => [operation.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), operation]),
);

/**
 * What a valid-time claim says happened to its subject, and on which day (see model/validTime.ts, which
 * declares the subjects each event may describe and which bound of a span it sets).
 */
export enum ValidTimeEvent {
  STARTED = 'STARTED',
  ACTIVE = 'ACTIVE',
  EXTENDED = 'EXTENDED',
  ENDED = 'ENDED',
  LAST_DEVICE = 'LAST_DEVICE',
  ANNOUNCED = 'ANNOUNCED',
  LAUNCH_SCHEDULED = 'LAUNCH_SCHEDULED',
  LAUNCH_POSTPONED = 'LAUNCH_POSTPONED',
  DELAYED = 'DELAYED',
  RELEASED = 'RELEASED',
  DISCONTINUED = 'DISCONTINUED',
  CANCELLED = 'CANCELLED',
}
