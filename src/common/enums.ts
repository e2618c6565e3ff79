import { registerEnumType } from 'type-graphql';

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

/** Relationship types a claim record may assert; the only types the importer writes. */
export enum Relation {
  MADE_BY = 'MADE_BY',
  USES_CHIP = 'USES_CHIP',
  CAMERA_BY = 'CAMERA_BY',
  COVERS = 'COVERS',
}

/** The entity types, as GraphQL names them. */
export enum EntityType {
  BRAND = 'BRAND',
  DEVICE = 'DEVICE',
  CHIP = 'CHIP',
  PARTNERSHIP = 'PARTNERSHIP',
  LEAK = 'LEAK',
  SOURCE = 'SOURCE',
}

/** Every relationship type a claim can have in the graph, as traversed by graph and paths. */
export enum RelationshipType {
  MADE_BY = 'MADE_BY',
  USES_CHIP = 'USES_CHIP',
  CAMERA_BY = 'CAMERA_BY',
  COVERS = 'COVERS',
  PARTY_TO = 'PARTY_TO',
  ABOUT = 'ABOUT',
}

registerEnumType(EntityType, { name: 'EntityType' });
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'MADE_BY: device or chip to brand; USES_CHIP; CAMERA_BY: device to brand; COVERS: partnership to device; PARTY_TO: brand to partnership; ABOUT: leak to device.',
});
registerEnumType(Confidence, { name: 'Confidence', description: 'How sure the graph is of a claim.' });
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precise a date is.' });
registerEnumType(BrandRole, { name: 'BrandRole' });
registerEnumType(PartnershipKind, { name: 'PartnershipKind' });
registerEnumType(DeviceStatus, { name: 'DeviceStatus' });
registerEnumType(Relation, { name: 'Relation', description: 'A relationship claim editors can link: MADE_BY (device or chip to brand), USES_CHIP, CAMERA_BY (device to brand), COVERS (partnership to device).' });

/** Claims shown as a single value rank newest first, then most certain (DENIED is as certain as CONFIRMED). */
const CERTAINTY: Record<Confidence, number> = {
  CONFIRMED: 4,
  DENIED: 4,
  REPORTED: 3,
  RUMORED: 2,
  SPECULATED: 1,
};

export interface RankedClaim {
  confidence: Confidence;
  reportedOn: string;
}

export function compareClaims(a: RankedClaim, b: RankedClaim): number {
  if (a.reportedOn !== b.reportedOn) return a.reportedOn < b.reportedOn ? 1 : -1;
  return CERTAINTY[b.confidence] - CERTAINTY[a.confidence];
}

/** The label of an entity type in the graph: BRAND -> Brand. */
export function labelOf(type: EntityType): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
}

/** The confidences at least as strong as `minimum`; DENIED claims only pass when there is no minimum. */
export function confidencesAtLeast(minimum: Confidence | null | undefined): Confidence[] {
  const strongestFirst = [Confidence.CONFIRMED, Confidence.REPORTED, Confidence.RUMORED, Confidence.SPECULATED];
  if (!minimum) return [...strongestFirst, Confidence.DENIED];
  if (minimum === Confidence.DENIED) return [Confidence.DENIED];
  return strongestFirst.slice(0, strongestFirst.indexOf(minimum) + 1);
}
