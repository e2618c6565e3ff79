import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ENTITY_LABELS, type EntityLabel } from '../../model/entityKinds.js';
import { pageWindow } from '../../model/keyset.js';
import { storedPropertiesOfPartialDate } from '../../model/partialDate.js';
import { relationship, relationshipField, type RelationshipDeclaration } from '../../model/relationships.js';
import { PARTNERSHIP_DATE_PROPERTIES } from '../../model/validTime.js';
import { selectedFields } from './selectionWalker.js';

/**
 * One relationship read: which relationship, which window of its claims, and what to bring back for
 * each edge, down to the reads below each target node. Reads are planned from the GraphQL selection,
 * so the field resolver and the root's plan derive the same read, and the same `key`, from one field.
 */
export interface RelationshipRead {
  readonly declaration: RelationshipDeclaration;
  /**
   * What comes back for each parent, belief applied in Cypher where a field needs it: each node once with its
   * deciding claim (connections), every claim as an edge (claims connections, specs), each believed node once
   * (list fields), the best believed node (single values), or only the count (count fields).
   */
  readonly returns: 'nodeEdges' | 'claims' | 'believedNodes' | 'bestNode' | 'count';
  /**
   * null: every claim (single values, lists and counts); else one keyset page, newest claim first: `limit` edges
   * after the cursor, or, `backward`, before it (read oldest first). A cursor is the edge's day and its claim's id,
   * or, for `nodeEdges`, its node's newest day and the node's id.
   */
  readonly page: { limit: number; backward: boolean; afterKey: string | null; afterId: string | null } | null;
  readonly countTotal: boolean;
  /** Target node properties to project beside id and __typename; '*' for all of them. */
  readonly properties: readonly string[] | '*';
  /**
   * The properties of each edge's claim (a node edge's deciding claim) to project, `id` being the claim's id: what the
   * Claim fields selected on the edges are answered from, and what a cursor is made of when one is selected
   * (CURSOR_CLAIM_PROPERTIES). Empty: the edges carry no claim (believed nodes, specs, counts, connections that ask none).
   */
  readonly claimProperties: readonly string[];
  /** The Source nodes of each edge's claim, fetched inline with the Source properties their selection asks; null: not selected. */
  readonly edgeSources: SourceProperties | null;
  /** `nodeEdges` only: the properties of every claim about each edge's node-pair (`edges.claims`), null when not selected. */
  readonly edgeClaims: readonly string[] | null;
  /** The Source nodes of those claims, fetched inline as edgeSources are. */
  readonly edgeClaimSources: SourceProperties | null;
  /** The Source nodes of each target node that is itself a claim (leaks, partnerships, specs), fetched inline as edgeSources are. */
  readonly nodeSources: SourceProperties | null;
  /** Reads below each target node. */
  readonly children: readonly RelationshipRead[];
  /** Identity of the read: equal keys read the same thing. */
  readonly key: string;
}

/**
 * The stored Source properties a claim's `sources` selection is answered from, beside id and __typename (sourcePropertiesOf).
 * Sources fetched inline with a claim are projected with these alone, so they are handed to that claim's `sources` field
 * only (see inlineSourcesOf), never to the request's entity loader, which other fields read whole records from.
 */
export type SourceProperties = readonly string[];

/** What a claim edge's cursor is made of, by what the read returns: a claim's day and id, or a node edge's deciding day (and its node's id). */
export const CURSOR_CLAIM_PROPERTIES = { claims: ['id', 'reportedOn'], nodeEdges: ['reportedOn'] } as const;

/** What `edges.claims` pages and ranks a node-pair's claims by (pairClaimsPage), whatever their selection asks. */
export const PAIR_CLAIM_PROPERTIES = ['confidence', 'id', 'reportedOn'] as const;

/** What a resolver knows about the field it resolves: enough to plan below it. */
export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

/** Device fields that, viewed as of a past day, come from the spec claims known then. */
export const IDENTITY_FIELDS: Readonly<Record<string, string>> = {
  modelNumber: 'identity.modelNumber',
  shortModelNumber: 'identity.shortModelNumber',
  codename: 'identity.codename',
};

/** Every spec of a device with all its properties: what the identity fields need as of a day. */
export const ALL_SPECS: RelationshipRead = makeRead({
  declaration: relationship('Device.specs'),
  returns: 'claims',
  page: null,
  countTotal: false,
  properties: '*',
  claimProperties: [],
  edgeSources: null,
  edgeClaims: null,
  edgeClaimSources: null,
  nodeSources: null,
  children: [],
});

/**
 * The fields selected on an object of `type` by `fieldNodes`' selection sets, grouped by response key
 * as graphql-js executes them: through fragments whose type condition the type satisfies, minus what
 * @skip/@include leave out.
 */
export function collectFields(
  context: SelectionContext,
  type: GraphQLObjectType,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const appliesTo = (typeCondition: string | undefined) => typeConditionApplies(context, typeCondition, type);
  for (const selection of selectedFields(selectionSets, { fragments: context.fragments, variableValues: context.variableValues, appliesTo }).keys()) {
    const responseKey = selection.alias?.value ?? selection.name.value;
    fields.set(responseKey, [...(fields.get(responseKey) ?? []), selection]);
  }
  return fields;
}

/** The relationship reads of the fields selected on an object of `typeName`, one per response key. */
export function readsBelow(
  context: SelectionContext,
  typeName: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
  asOfGiven: boolean,
): RelationshipRead[] {
  const type = context.schema.getType(typeName);
  if (!isObjectType(type)) return [];
  const reads: RelationshipRead[] = [];
  let identityAsOf = false;
  for (const fieldNodes of collectFields(context, type, selectionSets).values()) {
    const fieldName = fieldNodes[0]!.name.value;
    if (asOfGiven && typeName === 'Device' && fieldName in IDENTITY_FIELDS) identityAsOf = true;
    const read = readUnlessArgumentsInvalid(() => readOfField(context, type, fieldNodes, asOfGiven));
    if (read) reads.push(read);
  }
  if (identityAsOf) reads.push(ALL_SPECS);
  return reads;
}

/**
 * A field whose arguments are invalid (a client's mistake, a GraphQLError such as BAD_USER_INPUT) is left out
 * of the plan: its own resolver then reports the error at its path, and the rest of the answer stands. Any
 * other error is a bug, and propagates.
 */
function readUnlessArgumentsInvalid(plan: () => RelationshipRead | undefined): RelationshipRead | undefined {
  try {
    return plan();
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

/** The read a relationship field of `parentType` stands for, or undefined when it is not one. */
export function readOfField(
  context: SelectionContext,
  parentType: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
  asOfGiven: boolean,
): RelationshipRead | undefined {
  const fieldName = fieldNodes[0]!.name.value;
  const found = relationshipField(parentType.name, fieldName);
  const fieldDefinition = parentType.getFields()[fieldName];
  if (!found || !fieldDefinition) return undefined;
  const { declaration, as } = found;
  const subSelections = fieldNodes.map((node) => node.selectionSet);
  const unpaged = { page: null, countTotal: false, claimProperties: [], edgeSources: null, edgeClaims: null, edgeClaimSources: null };
  if (as === 'count') {
    return makeRead({ declaration, returns: 'count', ...unpaged, properties: [], nodeSources: null, children: [] });
  }
  if (as === 'value') {
    const returns = declaration.shape.kind === 'specs' ? 'claims' : declaration.cardinality === 'single' ? 'bestNode' : 'believedNodes';
    return readOfNodes(context, declaration, { returns, ...unpaged }, subSelections, asOfGiven);
  }

  // Relationship connections are ordered by the claims' reportedOn.
  const window = pageWindow(getArgumentValues(fieldDefinition, fieldNodes[0]!, context.variableValues), 'day');
  const page = { ...window, afterKey: window.afterKey === null ? null : String(window.afterKey) };
  const connectionType = getNamedType(fieldDefinition.type) as GraphQLObjectType;
  const { nodeSelections, claimFields, cursors, edgeSources, countTotal, claims } = connectionSelections(context, connectionType, subSelections);
  const returns = as === 'connection' ? 'nodeEdges' : 'claims';
  const claimProperties = [...claimFields, ...(cursors ? CURSOR_CLAIM_PROPERTIES[returns] : [])];
  // `edges.claims` are paged and ranked in the loader, by properties of their own, whatever their selection asks.
  const edgeClaims = {
    edgeClaims: claims && [...claims.claimFields, ...PAIR_CLAIM_PROPERTIES],
    edgeClaimSources: claims?.edgeSources ?? null,
  };
  // `edges.claims` shows the same node as its edge: one projection of it serves both selections.
  return readOfNodes(
    context,
    declaration,
    { returns, page, countTotal, claimProperties, edgeSources, ...edgeClaims },
    [...nodeSelections, ...(claims?.nodeSelections ?? [])],
    asOfGiven,
  );
}

function readOfNodes(
  context: SelectionContext,
  declaration: RelationshipDeclaration,
  edges: Pick<RelationshipRead, 'returns' | 'page' | 'countTotal' | 'claimProperties' | 'edgeSources' | 'edgeClaims' | 'edgeClaimSources'>,
  nodeSelections: readonly (SelectionSetNode | undefined)[],
  asOfGiven: boolean,
): RelationshipRead {
  const targetType = context.schema.getType(declaration.target) as GraphQLObjectType;
  const nodeFields = [...collectFields(context, targetType, nodeSelections).values()];
  const fieldNames = new Set(nodeFields.map((nodes) => nodes[0]!.name.value));
  const nodeSources = sourcePropertiesOf(context, nodeFields.flat());
  const properties = storedPropertiesOf(targetType, fieldNames);
  const children = readsBelow(context, declaration.target, nodeSelections, asOfGiven);
  return makeRead({ declaration, ...edges, properties, nodeSources, children });
}

/**
 * The Source properties the `sources` fields among `fields` (selected on a claim) are answered from, or null when
 * there are none. Sources have no relationship fields: nothing is read below them.
 */
export function sourcePropertiesOf(context: SelectionContext, fields: readonly FieldNode[]): SourceProperties | null {
  const sourcesFields = fields.filter((node) => node.name.value === 'sources');
  if (sourcesFields.length === 0) return null;
  return selectedStoredProperties(
    context,
    context.schema.getType('Source') as GraphQLObjectType,
    sourcesFields.map((node) => node.selectionSet),
  );
}

/**
 * The stored properties selected on the `node` of each hit a root field returns (search's SearchHit), by the node's kind:
 * what storedPropertiesOf gives for the fields that apply to that kind.
 */
export function hitNodeProperties(info: GraphQLResolveInfo): Map<EntityLabel, string[]> {
  const hitType = getNamedType(info.returnType) as GraphQLObjectType;
  const hitFields = [
    ...collectFields(
      info,
      hitType,
      info.fieldNodes.map((node) => node.selectionSet),
    ).values(),
  ].flat();
  const nodeSelections = hitFields.filter((node) => node.name.value === 'node').map((node) => node.selectionSet);
  return new Map(ENTITY_LABELS.map((label) => [label, selectedStoredProperties(info, info.schema.getType(label) as GraphQLObjectType, nodeSelections)]));
}

/** The stored properties the fields `selectionSets` select on an object of `type` are answered from (storedPropertiesOf). */
function selectedStoredProperties(context: SelectionContext, type: GraphQLObjectType, selectionSets: readonly (SelectionSetNode | undefined)[]): string[] {
  return storedPropertiesOf(
    type,
    [...collectFields(context, type, selectionSets).values()].map((nodes) => nodes[0]!.name.value),
  );
}

/** Fields whose resolvers compute them from other stored properties: those properties. */
const DERIVED_FROM: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Partnership: { span: PARTNERSHIP_DATE_PROPERTIES, validTimes: PARTNERSHIP_DATE_PROPERTIES },
};

/**
 * The stored properties the fields `fieldNames` of `type` are answered from, beside `id`: a field's own property,
 * `sourceIds` for `sources`, a PartialDate field's day and precision (`started`: `startedOn`, `startedOnPrecision`),
 * what a derived field is computed from; nothing for relationship fields (reads of their own) and `__typename`.
 */
export function storedPropertiesOf(type: GraphQLObjectType, fieldNames: Iterable<string>): string[] {
  const properties: string[] = [];
  for (const name of fieldNames) {
    if (name === '__typename' || relationshipField(type.name, name)) continue;
    const derived = DERIVED_FROM[type.name]?.[name];
    if (name === 'sources') properties.push('sourceIds');
    else if (derived) properties.push(...derived);
    else if (getNamedType(type.getFields()[name]?.type)?.name === 'PartialDate') properties.push(...storedPropertiesOfPartialDate(name));
    else properties.push(name);
  }
  return properties;
}

interface ConnectionSelections {
  nodeSelections: (SelectionSetNode | undefined)[];
  /** The stored claim properties the Claim fields selected on the edges are answered from (confidence, reported, sources…). */
  claimFields: string[];
  /** Whether an edge's cursor is selected, on the edge or as pageInfo's startCursor or endCursor. */
  cursors: boolean;
  edgeSources: SourceProperties | null;
  countTotal: boolean;
  /** What the edges' `claims` connection asks (of a connection of nodes), null when it is not selected. */
  claims: ConnectionSelections | null;
}

/** Fields of PageInfo that are an edge's cursor. */
const CURSOR_FIELDS = new Set(['startCursor', 'endCursor']);

/**
 * What a selection of a connection type asks of its edges: the selections of `edges.node`, the claim's fields and its
 * cursor, edge sources, totalCount, `edges.claims`.
 */
export function connectionSelections(
  context: SelectionContext,
  connectionType: GraphQLObjectType,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): ConnectionSelections {
  const connectionFields = selected(collectFields(context, connectionType, selectionSets));
  const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
  const edgeSelections = connectionFields.filter((node) => node.name.value === 'edges').map((node) => node.selectionSet);
  const edgeFields = selected(collectFields(context, edgeType, edgeSelections));
  const claimsField = edgeType.getFields().claims;
  const claimsSelections = edgeFields.filter((node) => node.name.value === 'claims').map((node) => node.selectionSet);
  const pageInfoField = connectionType.getFields().pageInfo;
  const pageInfoSelections = connectionFields.filter((node) => node.name.value === 'pageInfo').map((node) => node.selectionSet);
  const pageInfoFields =
    pageInfoField && pageInfoSelections.length > 0
      ? selected(collectFields(context, getNamedType(pageInfoField.type) as GraphQLObjectType, pageInfoSelections))
      : [];
  // The fields an edge has from the Claim interface are answered from its claim; the edge's own (cursor, node, claims) are not.
  const claimInterface = edgeType.getInterfaces().find((type) => type.name === 'Claim');
  const claimFieldNames = edgeFields.map((node) => node.name.value).filter((name) => claimInterface?.getFields()[name] !== undefined);
  return {
    nodeSelections: edgeFields.filter((node) => node.name.value === 'node').map((node) => node.selectionSet),
    claimFields: storedPropertiesOf(edgeType, claimFieldNames),
    cursors: edgeFields.some((node) => node.name.value === 'cursor') || pageInfoFields.some((node) => CURSOR_FIELDS.has(node.name.value)),
    edgeSources: sourcePropertiesOf(context, edgeFields),
    countTotal: connectionFields.some((node) => node.name.value === 'totalCount'),
    claims:
      claimsField && claimsSelections.length > 0 ? connectionSelections(context, getNamedType(claimsField.type) as GraphQLObjectType, claimsSelections) : null,
  };
}

function selected(fields: Map<string, FieldNode[]>): FieldNode[] {
  return [...fields.values()].flat();
}

/** Each property once, in one order: equal selections give equal keys and statement texts. */
function propertySet(properties: readonly string[]): string[];
function propertySet(properties: readonly string[] | null): string[] | null;
function propertySet(properties: readonly string[] | null): string[] | null {
  return properties && [...new Set(properties)].sort();
}

function makeRead(read: Omit<RelationshipRead, 'key'>): RelationshipRead {
  const sets = {
    properties: read.properties === '*' ? '*' : propertySet(read.properties),
    claimProperties: propertySet(read.claimProperties),
    edgeSources: propertySet(read.edgeSources),
    edgeClaims: propertySet(read.edgeClaims),
    edgeClaimSources: propertySet(read.edgeClaimSources),
    nodeSources: propertySet(read.nodeSources),
  } as const;
  const key = JSON.stringify([
    read.declaration.name,
    read.returns,
    read.page && [read.page.limit, read.page.backward, read.page.afterKey, read.page.afterId],
    read.countTotal,
    sets.properties,
    sets.claimProperties,
    sets.edgeSources,
    sets.edgeClaims,
    sets.edgeClaimSources,
    sets.nodeSources,
    read.children.map((child) => child.key),
  ]);
  return { ...read, ...sets, key };
}

function typeConditionApplies(context: SelectionContext, typeCondition: string | undefined, type: GraphQLObjectType): boolean {
  if (!typeCondition || typeCondition === type.name) return true;
  const conditionType = context.schema.getType(typeCondition);
  return conditionType !== undefined && isAbstractType(conditionType) && context.schema.isSubType(conditionType, type);
}
