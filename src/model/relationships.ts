/**
 * Every relationship of the graph, declared once. The Cypher of relationship reads, the `x` /
 * `xConnection` field resolvers, the `Relation` / `RelationshipType` enums and the importer's and
 * editor's endpoint checks are all derived from this table (see store/reads/cypher.ts,
 * api/resolvers/relationship.resolver.ts, model/enums.ts and model/records.ts).
 */

/** The entity labels a relationship connects. */
import type { EntityLabel } from './entityKinds.js';

/**
 * The relationship types stored in the graph whose properties are a claim (confidence, reportedOn,
 * sources). `linkable` ones are claims of their own, which relationship records and the editor's
 * `link` write; the others are written with the partnership or leak they belong to.
 */
/**
 * Relationships that are not claims but hang claim nodes below their subject: a device's Spec nodes, and the
 * ValidTime claims of a partnership, device or chip (model/validTime.ts).
 */
export const CONTAINMENT_RELATIONSHIP_TYPES = ['HAS_SPEC', 'HAS_VALID_TIME'] as const;
/** The containment type from a device to its Spec claims. */
export const SPEC_RELATIONSHIP_TYPE = CONTAINMENT_RELATIONSHIP_TYPES[0];

export const CLAIM_RELATIONSHIP_TYPES = {
  MADE_BY: { linkable: true },
  USES_CHIP: { linkable: true },
  CAMERA_BY: { linkable: true },
  COVERS: { linkable: true },
  PARTY_TO: { linkable: false },
  ABOUT: { linkable: false },
} as const;

export type ClaimRelationshipType = keyof typeof CLAIM_RELATIONSHIP_TYPES;
export type LinkableRelationshipType = {
  [T in ClaimRelationshipType]: (typeof CLAIM_RELATIONSHIP_TYPES)[T]['linkable'] extends true ? T : never;
}[ClaimRelationshipType];

/**
 * How the stored graph holds a relationship:
 * - `claim`: one relationship of `type` per claim, its properties the provenance;
 * - `sharedPartnership`: brands linked through a Partnership they are both party to, the partnership's
 *   own provenance standing for the claim, one edge per partnership;
 * - `specs`: Spec nodes below a device (HAS_SPEC), each node a claim, ordered by key.
 */
export type RelationshipShape = { kind: 'claim'; type: ClaimRelationshipType; direction: 'OUT' | 'IN' } | { kind: 'sharedPartnership' } | { kind: 'specs' };

export interface RelationshipDeclaration {
  /** `<Owner>.<field>`: how loaders, plans and metrics name it. */
  readonly name: string;
  readonly owner: EntityLabel;
  readonly target: EntityLabel | 'Spec';
  readonly shape: RelationshipShape;
  /** The GraphQL field: a single value (the believed node with the best claim) or a list of believed nodes. */
  readonly field: string;
  readonly cardinality: 'single' | 'list';
  /**
   * For list relationships that page: `<field>Connection`, one edge per node carrying its deciding claim and every
   * claim about the pair, and `<field>ClaimsConnection`, one edge per claim (the analysts' view).
   */
  readonly connection: boolean;
  /** An Int field counting the relationship: every claim (`claims`) or the believed nodes (`believedNodes`). */
  readonly count?: { field: string; of: 'claims' | 'believedNodes'; description: string };
  readonly description?: string;
  readonly connectionDescription?: string;
}

/**
 * Whether each pair of nodes has at most one claim of this relationship. A claim type that is not linkable is written
 * with its claim entity only (a partnership's brands, a leak's devices), one per pair: its id is the entity's id and the
 * other node's (migration 0002 keeps it unique). The belief rule then decides each node by its one claim.
 */
export function oneClaimPerPair(declaration: RelationshipDeclaration): boolean {
  return declaration.shape.kind === 'claim' && !CLAIM_RELATIONSHIP_TYPES[declaration.shape.type].linkable;
}

const claim = (type: ClaimRelationshipType, direction: 'OUT' | 'IN'): RelationshipShape => ({ kind: 'claim', type, direction });

export const RELATIONSHIPS = [
  {
    name: 'Brand.partnerships',
    owner: 'Brand',
    target: 'Partnership',
    shape: claim('PARTY_TO', 'OUT'),
    field: 'partnerships',
    cardinality: 'list',
    connection: true,
  },
  {
    name: 'Brand.partners',
    owner: 'Brand',
    target: 'Brand',
    shape: { kind: 'sharedPartnership' },
    field: 'partners',
    cardinality: 'list',
    connection: true,
    count: { field: 'partnerCount', of: 'believedNodes', description: 'How many distinct brands it has partnerships with (denied ones left out).' },
    description: 'The other brands of its partnerships.',
    connectionDescription: 'Partners, a page at a time, one edge per partner: the partnership that decides it, and every partnership with it in edge.claims.',
  },
  {
    name: 'Brand.devices',
    owner: 'Brand',
    target: 'Device',
    shape: claim('MADE_BY', 'IN'),
    field: 'devices',
    cardinality: 'list',
    connection: true,
    description: 'Devices it makes.',
  },
  {
    name: 'Device.brand',
    owner: 'Device',
    target: 'Brand',
    shape: claim('MADE_BY', 'OUT'),
    field: 'brand',
    cardinality: 'single',
    connection: false,
    description: 'The maker, by its best claim.',
  },
  {
    name: 'Device.chip',
    owner: 'Device',
    target: 'Chip',
    shape: claim('USES_CHIP', 'OUT'),
    field: 'chip',
    cardinality: 'single',
    connection: false,
    description: 'The chip, by its best claim.',
  },
  {
    name: 'Device.cameraBrands',
    owner: 'Device',
    target: 'Brand',
    shape: claim('CAMERA_BY', 'OUT'),
    field: 'cameraBrands',
    cardinality: 'list',
    connection: true,
    description: 'Camera and optics partners (Leica, ...).',
  },
  {
    name: 'Device.leaks',
    owner: 'Device',
    target: 'Leak',
    shape: claim('ABOUT', 'IN'),
    field: 'leaks',
    cardinality: 'list',
    connection: true,
    count: { field: 'leakCount', of: 'claims', description: 'How many leaks are about it.' },
  },
  {
    name: 'Device.specs',
    owner: 'Device',
    target: 'Spec',
    shape: { kind: 'specs' },
    field: 'specs',
    cardinality: 'list',
    connection: false,
    description: 'Every reported attribute with its provenance, by key, newest claim first.',
  },
  {
    name: 'Chip.vendor',
    owner: 'Chip',
    target: 'Brand',
    shape: claim('MADE_BY', 'OUT'),
    field: 'vendor',
    cardinality: 'single',
    connection: false,
    description: 'The vendor, by its best claim.',
  },
  { name: 'Chip.devices', owner: 'Chip', target: 'Device', shape: claim('USES_CHIP', 'IN'), field: 'devices', cardinality: 'list', connection: true },
  { name: 'Leak.devices', owner: 'Leak', target: 'Device', shape: claim('ABOUT', 'OUT'), field: 'devices', cardinality: 'list', connection: true },
  { name: 'Partnership.brands', owner: 'Partnership', target: 'Brand', shape: claim('PARTY_TO', 'IN'), field: 'brands', cardinality: 'list', connection: true },
  {
    name: 'Partnership.devices',
    owner: 'Partnership',
    target: 'Device',
    shape: claim('COVERS', 'OUT'),
    field: 'devices',
    cardinality: 'list',
    connection: true,
    description: 'Devices the partnership covers (claimed, rumoured or confirmed).',
  },
] as const satisfies readonly RelationshipDeclaration[];

export type RelationshipName = (typeof RELATIONSHIPS)[number]['name'];

const BY_NAME = new Map<string, RelationshipDeclaration>(RELATIONSHIPS.map((declaration) => [declaration.name, declaration]));

export function relationship(name: RelationshipName): RelationshipDeclaration {
  return BY_NAME.get(name)!;
}

export function relationshipsOf(owner: EntityLabel): RelationshipDeclaration[] {
  return RELATIONSHIPS.filter((declaration) => declaration.owner === owner);
}

/** How a GraphQL field shows a relationship: its value, a connection of nodes, a connection of claims or a count. */
export type RelationshipFieldKind = 'value' | 'connection' | 'claimsConnection' | 'count';

/** The GraphQL field of `declaration` that shows it `as`; undefined when the relationship has no such field. */
export function relationshipFieldName(declaration: RelationshipDeclaration, as: RelationshipFieldKind): string | undefined {
  switch (as) {
    case 'value':
      return declaration.field;
    case 'connection':
      return declaration.connection ? `${declaration.field}Connection` : undefined;
    case 'claimsConnection':
      return declaration.connection ? `${declaration.field}ClaimsConnection` : undefined;
    case 'count':
      return declaration.count?.field;
  }
}

const FIELD_KINDS: readonly RelationshipFieldKind[] = ['value', 'connection', 'claimsConnection', 'count'];

/** The relationship field `fieldName` of `owner` (a list, its connections or its count), if it is one. */
export function relationshipField(owner: string, fieldName: string): { declaration: RelationshipDeclaration; as: RelationshipFieldKind } | undefined {
  for (const declaration of RELATIONSHIPS as readonly RelationshipDeclaration[]) {
    if (declaration.owner !== owner) continue;
    const as = FIELD_KINDS.find((kind) => relationshipFieldName(declaration, kind) === fieldName);
    if (as) return { declaration, as };
  }
  return undefined;
}

/** Which labels each claim relationship type connects, from the table: the importer's and editor's endpoint check. */
export function endpointsOf(type: ClaimRelationshipType): { from: EntityLabel[]; to: EntityLabel[] } {
  const from = new Set<EntityLabel>();
  const to = new Set<EntityLabel>();
  for (const declaration of RELATIONSHIPS as readonly RelationshipDeclaration[]) {
    if (declaration.shape.kind !== 'claim' || declaration.shape.type !== type || declaration.target === 'Spec') continue;
    const [start, end] = declaration.shape.direction === 'OUT' ? [declaration.owner, declaration.target] : [declaration.target, declaration.owner];
    from.add(start);
    to.add(end);
  }
  return { from: [...from], to: [...to] };
}

/** "MADE_BY: device or chip to brand; …": what each type connects, for the enums' descriptions. */
export function describeEndpoints(types: readonly ClaimRelationshipType[]): string {
  const names = (labels: EntityLabel[]) => labels.map((label) => label.toLowerCase()).join(' or ');
  return types
    .map((type) => {
      const { from, to } = endpointsOf(type);
      return `${type}: ${names(from)} to ${names(to)}`;
    })
    .join('; ');
}

/** The claim types an entity of `label` is at either end of, in CLAIM_RELATIONSHIP_TYPES order. */
export function claimTypesTouching(label: EntityLabel): ClaimRelationshipType[] {
  return (Object.keys(CLAIM_RELATIONSHIP_TYPES) as ClaimRelationshipType[]).filter((type) => {
    const { from, to } = endpointsOf(type);
    return from.includes(label) || to.includes(label);
  });
}
