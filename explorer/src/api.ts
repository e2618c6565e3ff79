/** The public GraphQL API, called exactly as any third-party frontend would. */
import type {
  Confidence,
  ExplorerEdgeFragment,
  ExplorerFactsQuery,
  ExplorerNodeFragment,
  ExplorerPathsQuery,
  ExplorerSearchQuery,
  ExplorerSliceFragment,
  ExplorerSourceFragment,
  ExplorerTimelineQuery,
} from './generated/graphql.js';

// The shapes the Explorer reads are generated from schema/schema.graphql and the operations below (npm run explorer:codegen).
export type { Confidence, DatePrecision, EntityType } from './generated/graphql.js';
export type Source = ExplorerSourceFragment;
export type GraphNode = ExplorerNodeFragment;
export type GraphEdge = ExplorerEdgeFragment;
export type Slice = ExplorerSliceFragment;
export type Path = ExplorerPathsQuery['paths'][number];
export type PartnershipEvent = ExplorerTimelineQuery['partnerHistory'][number];

/** A search hit as the Explorer lists it: the entity's id, its type and one line naming it. */
export interface SearchHit {
  id: string;
  type: string;
  label: string;
}

/** An entity's own facts, as the side panel lists them. */
export type Facts = NonNullable<ExplorerFactsQuery['node']>;

/** What went wrong, worded for the analyst; `code` is the API's extensions.code when it sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const ENDPOINT = '/graphql';

export async function request<TData>(query: string, variables: Record<string, unknown>): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The Partnergraph API cannot be reached. Is the server running?', 'API_UNREACHABLE');
  }
  let body: { data?: TData; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without a GraphQL body.`, 'API_UNREACHABLE');
  }
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  return body.data as TData;
}

/**
 * The Explorer keeps entity ids ("brand:leica") and sends the day as asOf. In a past view the API answers
 * with snapshot ids ("brand:leica@2022-05-20", docs/clients.md), which this turns back into entity ids.
 */
export function entityIdOf(id: string): string {
  return id.replace(/@\d{4}-\d{2}-\d{2}$/, '');
}

/** The id node(id:) takes for the entity as of `asOf`: its snapshot id in a past view. */
function snapshotIdOf(id: string, asOf: string | null): string {
  return asOf ? `${id}@${asOf}` : id;
}

function withEntityIds<TElement extends { id: string; source?: string; target?: string }>(element: TElement): TElement {
  const ids = { id: entityIdOf(element.id) } as Partial<TElement>;
  if (element.source !== undefined) Object.assign(ids, { source: entityIdOf(element.source), target: entityIdOf(element.target!) });
  return { ...element, ...ids };
}

/** A GraphQL document: an operation and the fragments it spreads, each once, in the order given. */
export function documentOf(...parts: Array<string | string[]>): string {
  return [...new Set(parts.flat())].join('\n');
}

// Each fragment with the fragments it spreads. The /* GraphQL */ mark is what codegen and the linter read.
const DATE = [/* GraphQL */ `fragment ExplorerDate on PartialDate { text precision from to }`];
const SOURCE = [/* GraphQL */ `fragment ExplorerSource on Source { id title publisher author url published { ...ExplorerDate } }`, ...DATE];
// A drawing's nodes and edges have ids of their own; the Explorer draws and looks up by the entity's and claim's.
const NODE = [/* GraphQL */ `fragment ExplorerNode on GraphNode { id: entityId type label }`];
const EDGE = [
  /* GraphQL */ `fragment ExplorerEdge on GraphEdge {
    id: claimId type source target confidence reported { ...ExplorerDate } sources { ...ExplorerSource }
  }`,
  ...SOURCE,
];
const SLICE = [/* GraphQL */ `fragment ExplorerSlice on GraphSlice { nodes { ...ExplorerNode } edges { ...ExplorerEdge } truncated }`, ...NODE, ...EDGE];

export interface ViewFilters {
  asOf: string | null;
  minConfidence: Confidence | null;
}

/**
 * The focus at `depth` and every expanded node at depth 1, in one request (aliases), merged. The operation is
 * made here, one alias a root; what each alias reads is the ExplorerSlice fragment.
 */
export async function fetchView(focus: string, depth: number, expanded: string[], filters: ViewFilters): Promise<Slice> {
  const roots = [{ id: focus, depth }, ...expanded.filter((id) => id !== focus).map((id) => ({ id, depth: 1 }))];
  const variables: Record<string, unknown> = { asOf: filters.asOf, minConfidence: filters.minConfidence };
  const fields = roots.map((root, index) => {
    variables[`id${index}`] = root.id;
    return `s${index}: graph(id: $id${index}, depth: ${root.depth}, asOf: $asOf, minConfidence: $minConfidence) { ...ExplorerSlice }`;
  });
  const declarations = roots.map((_, index) => `$id${index}: ID!`).join(', ');
  const data = await request<Record<string, Slice>>(
    documentOf(`query ExplorerView(${declarations}, $asOf: Date, $minConfidence: Confidence) { ${fields.join(' ')} }`, SLICE),
    variables,
  );
  return mergeSlices(Object.values(data));
}

export function mergeSlices(slices: Slice[]): Slice {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const slice of slices) {
    for (const node of slice.nodes.map(withEntityIds)) nodes.set(node.id, node);
    for (const edge of slice.edges.map(withEntityIds)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: slices.some((slice) => slice.truncated) };
}

const SEARCH = /* GraphQL */ `query ExplorerSearch($text: String!, $asOf: Date) {
  search(query: $text, first: 8, asOf: $asOf) {
    node {
      __typename id
      ... on Brand { name } ... on Device { name } ... on Chip { name }
      ... on Partnership { brands { id name } kind } ... on Leak { summary } ... on Source { title }
    }
  }
}`;

export async function searchEntities(text: string, asOf: string | null): Promise<SearchHit[]> {
  const data = await request<ExplorerSearchQuery>(SEARCH, { text, asOf });
  return data.search.map(({ node }) => ({
    id: entityIdOf(node.id),
    type: node.__typename,
    label: labelOf(node) ?? node.id,
  }));
}

/** One line naming a search hit: its name, title or summary, or a partnership's parties. */
function labelOf(node: ExplorerSearchQuery['search'][number]['node']): string | null {
  switch (node.__typename) {
    case 'Brand':
    case 'Device':
    case 'Chip':
      return node.name;
    case 'Source':
      return node.title;
    case 'Leak':
      return node.summary;
    case 'Partnership':
      return node.brands.map((brand) => brand.name).join(' × ');
  }
}

const FACTS = /* GraphQL */ `query ExplorerFacts($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Brand { name country roles aliases partnerCount }
    ... on Device { name status announced { ...ExplorerDate } modelNumber codename firstReportedOn }
    ... on Chip { name partNumber }
    ... on Partnership {
      kind description: summary announced { ...ExplorerDate } started { ...ExplorerDate } ended { ...ExplorerDate }
      confidence reported { ...ExplorerDate } sources { ...ExplorerSource }
    }
    ... on Leak { summary platform tipster confidence reported { ...ExplorerDate } sources { ...ExplorerSource } }
    ... on Source { title publisher author url published { ...ExplorerDate } }
  }
}`;

export async function fetchFacts(id: string, asOf: string | null): Promise<Facts | null> {
  const data = await request<ExplorerFactsQuery>(documentOf(FACTS, SOURCE), { id: snapshotIdOf(id, asOf) });
  return data.node && { ...data.node, id: entityIdOf(data.node.id) };
}

const TIMELINE = /* GraphQL */ `query ExplorerTimeline($brand: String!, $asOf: Date) {
  partnerHistory(brand: $brand, asOf: $asOf) {
    id kind confidence reported { ...ExplorerDate } announced { ...ExplorerDate } started { ...ExplorerDate } ended { ...ExplorerDate }
    brands { id name }
    span { startedOn startedOnPrecision endedOn endedOnPrecision start { event } end { event } }
  }
}`;

export async function fetchPartnerHistory(brand: string, asOf: string | null): Promise<PartnershipEvent[]> {
  const data = await request<ExplorerTimelineQuery>(documentOf(TIMELINE, DATE), { brand, asOf });
  return data.partnerHistory.map((event) => ({ ...withEntityIds(event), brands: event.brands.map(withEntityIds) }));
}

const PATHS = /* GraphQL */ `query ExplorerPaths($from: ID!, $to: ID!, $asOf: Date) {
  paths(from: $from, to: $to, asOf: $asOf) { length nodes { ...ExplorerNode } edges { ...ExplorerEdge } }
}`;

export async function fetchPaths(from: string, to: string, asOf: string | null): Promise<Path[]> {
  const data = await request<ExplorerPathsQuery>(documentOf(PATHS, NODE, EDGE), { from, to, asOf });
  return data.paths.map((path) => ({ ...path, nodes: path.nodes.map(withEntityIds), edges: path.edges.map(withEntityIds) }));
}
