/**
 * The kinds of entity the graph holds, declared once. Every other form is derived from this table: the
 * Neo4j label ("Brand"), the id prefix ("brand", as in "brand:leica"), the GraphQL EntityType value
 * ("BRAND"), whether an entity of the kind is itself a claim, with its own confidence, date and sources, and
 * the record field a new entity's id is derived from (brand:leica from the name "Leica").
 * A new kind starts here (docs/architecture.md lists what else it needs).
 */
export const ENTITY_KINDS = [
  { label: 'Brand', isClaim: false, idFrom: 'name' },
  { label: 'Device', isClaim: false, idFrom: 'name' },
  { label: 'Chip', isClaim: false, idFrom: 'name' },
  { label: 'Partnership', isClaim: true, idFrom: 'brands' },
  // A new leak's id is random: derived from the summary, it would quote unpublished text.
  { label: 'Leak', isClaim: true, idFrom: null },
  { label: 'Source', isClaim: false, idFrom: 'title' },
] as const;

/**
 * How exact lookups find an entity: each of its lookup keys (name, aliases, model numbers, codename, part number,
 * lower-cased: `lookupKeys`) is a node of its own, `(:LookupKey {key})-[:KEY_OF]->(entity)`, whose `key` a range
 * index seeks. A range index cannot index a list's entries one by one; a full-text index can, at a cost per
 * lookup that db hits do not show. The writes that set lookupKeys keep these nodes in step.
 */
export const LOOKUP_KEY = { label: 'LookupKey', type: 'KEY_OF' } as const;

/** The label every entity node carries beside its kind's, so one index and one constraint cover every kind. */
export const ANY_ENTITY_LABEL = 'Entity';

/** The kind label of the entity node `node` in Cypher ("Brand"), beside ANY_ENTITY_LABEL: what statements return as `__typename`. */
export function kindLabelCypher(node: string): string {
  return `[label IN labels(${node}) WHERE label <> '${ANY_ENTITY_LABEL}'][0]`;
}

export type EntityLabel = (typeof ENTITY_KINDS)[number]['label'];
export type EntityPrefix = Lowercase<EntityLabel>;
export type EntityTypeName = Uppercase<EntityLabel>;

export const ENTITY_LABELS: readonly EntityLabel[] = ENTITY_KINDS.map((kind) => kind.label);

/** The id prefix of a kind: Brand -> brand. */
export function prefixOfLabel(label: EntityLabel): EntityPrefix {
  return label.toLowerCase() as EntityPrefix;
}

/** The GraphQL EntityType value of a kind: Brand -> BRAND. */
export function typeOfLabel(label: EntityLabel): EntityTypeName {
  return label.toUpperCase() as EntityTypeName;
}

/** The kind an EntityType value names: BRAND -> Brand. */
export function labelOfType(type: EntityTypeName): EntityLabel {
  const kind = ENTITY_KINDS.find(({ label }) => typeOfLabel(label) === type);
  if (!kind) throw new Error(`No entity kind has the type ${type}`);
  return kind.label;
}

/** The record field a new entity's id is derived from; null when its id is random. */
export function idFieldOf(label: EntityLabel): string | null {
  return ENTITY_KINDS.find((kind) => kind.label === label)?.idFrom ?? null;
}

export const ENTITY_PREFIXES: readonly EntityPrefix[] = ENTITY_LABELS.map(prefixOfLabel);

/** The kind an entity id names by its prefix ("brand:leica": Brand); null when no kind has that prefix. */
export function labelOfId(id: string): EntityLabel | null {
  const prefix = id.slice(0, Math.max(id.indexOf(':'), 0));
  return ENTITY_LABELS.find((label) => prefixOfLabel(label) === prefix) ?? null;
}

/** The kinds whose entities are claims themselves (they answer claim(id:) and carry provenance). */
export const CLAIM_ENTITY_LABELS: ReadonlySet<string> = new Set(ENTITY_KINDS.filter((kind) => kind.isClaim).map((kind) => kind.label));
