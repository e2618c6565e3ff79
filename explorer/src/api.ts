/** The public GraphQL API, called exactly as any third-party frontend would. */

export type Confidence = 'CONFIRMED' | 'REPORTED' | 'RUMORED' | 'SPECULATED' | 'DENIED';
export type EntityType = 'BRAND' | 'DEVICE' | 'CHIP' | 'PARTNERSHIP' | 'LEAK' | 'SOURCE';
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedOn: string | null;
}

export interface GraphNode {
  id: string;
  type: EntityType;
  label: string;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  confidence: Confidence;
  reportedOn: string;
  reportedOnPrecision: DatePrecision;
  sources: Source[];
}

export interface Slice {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Path {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface SearchHit {
  id: string;
  type: string;
  label: string;
}

export interface PartnershipEvent {
  id: string;
  kind: string;
  confidence: Confidence;
  reportedOn: string;
  reportedOnPrecision: DatePrecision;
  announcedOn: string | null;
  announcedOnPrecision: DatePrecision | null;
  startedOn: string | null;
  startedOnPrecision: DatePrecision | null;
  endedOn: string | null;
  endedOnPrecision: DatePrecision | null;
  brands: Array<{ id: string; name: string }>;
  span: ValidSpan;
}

/** When a partnership was in force, as the API believes it; no startedOn when no claim dates it, no endedOn while it goes on. */
export interface ValidSpan {
  startedOn: string | null;
  startedOnPrecision: DatePrecision | null;
  endedOn: string | null;
  endedOnPrecision: DatePrecision | null;
  start: { event: string } | null;
  end: { event: string } | null;
}

/** An entity's own facts, as the side panel lists them. */
export type Facts = Record<string, unknown> & { __typename: string; id: string };

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

const SOURCE = 'id title publisher author url publishedOn';
// A drawing's nodes and edges have ids of their own; the Explorer draws and looks up by the entity's and claim's.
const EDGE = `id: claimId type source target confidence reportedOn reportedOnPrecision sources { ${SOURCE} }`;
const SLICE = `nodes { id: entityId type label } edges { ${EDGE} } truncated`;

export interface ViewFilters {
  asOf: string | null;
  minConfidence: Confidence | null;
}

/** The focus at `depth` and every expanded node at depth 1, in one request (aliases), merged. */
export async function fetchView(focus: string, depth: number, expanded: string[], filters: ViewFilters): Promise<Slice> {
  const roots = [{ id: focus, depth }, ...expanded.filter((id) => id !== focus).map((id) => ({ id, depth: 1 }))];
  const variables: Record<string, unknown> = { asOf: filters.asOf, minConfidence: filters.minConfidence };
  const fields = roots.map((root, index) => {
    variables[`id${index}`] = root.id;
    return `s${index}: graph(id: $id${index}, depth: ${root.depth}, asOf: $asOf, minConfidence: $minConfidence) { ${SLICE} }`;
  });
  const declarations = roots.map((_, index) => `$id${index}: ID!`).join(', ');
  const data = await request<Record<string, Slice>>(
    `query ExplorerView(${declarations}, $asOf: Date, $minConfidence: Confidence) { ${fields.join(' ')} }`,
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

const HIT_LABEL = `__typename id
  ... on Brand { name } ... on Device { name } ... on Chip { name }
  ... on Partnership { brands { name } kind } ... on Leak { summary } ... on Source { title }`;

/** A search hit as HIT_LABEL asks for it: the fields of whichever fragment matched. */
interface HitNode {
  __typename: string;
  id: string;
  name?: string | null;
  title?: string | null;
  summary?: string | null;
  kind?: string | null;
  brands?: Array<{ name: string }> | null;
}

export async function searchEntities(text: string, asOf: string | null): Promise<SearchHit[]> {
  const data = await request<{ search: Array<{ node: HitNode }> }>(
    `query ExplorerSearch($text: String!, $asOf: Date) { search(query: $text, first: 8, asOf: $asOf) { node { ${HIT_LABEL} } } }`,
    { text, asOf },
  );
  return data.search.map(({ node }) => ({
    id: entityIdOf(node.id),
    type: node.__typename,
    label: node.name ?? node.title ?? node.summary ?? node.brands?.map((brand) => brand.name).join(' × ') ?? node.id,
  }));
}

export async function fetchFacts(id: string, asOf: string | null): Promise<Facts | null> {
  const data = await request<{ node: Facts | null }>(
    `query ExplorerFacts($id: ID!) { node(id: $id) { __typename id
      ... on Brand { name country roles aliases partnerCount }
      ... on Device { name status announcedOn announcedOnPrecision modelNumber codename firstReportedOn }
      ... on Chip { name partNumber }
      ... on Partnership { kind description: summary announcedOn announcedOnPrecision startedOn startedOnPrecision endedOn endedOnPrecision confidence reportedOn reportedOnPrecision sources { ${SOURCE} } }
      ... on Leak { summary platform tipster confidence reportedOn reportedOnPrecision sources { ${SOURCE} } }
      ... on Source { title publisher author url publishedOn }
    } }`,
    { id: snapshotIdOf(id, asOf) },
  );
  return data.node && { ...data.node, id: entityIdOf(data.node.id) };
}

export async function fetchPartnerHistory(brand: string, asOf: string | null): Promise<PartnershipEvent[]> {
  const data = await request<{ partnerHistory: PartnershipEvent[] }>(
    `query ExplorerTimeline($brand: String!, $asOf: Date) { partnerHistory(brand: $brand, asOf: $asOf) {
      id kind confidence reportedOn reportedOnPrecision announcedOn announcedOnPrecision startedOn startedOnPrecision endedOn endedOnPrecision
      brands { id name } span { startedOn startedOnPrecision endedOn endedOnPrecision start { event } end { event } } } }`,
    { brand, asOf },
  );
  return data.partnerHistory.map((event) => ({ ...withEntityIds(event), brands: event.brands.map(withEntityIds) }));
}

export async function fetchPaths(from: string, to: string, asOf: string | null): Promise<Path[]> {
  const data = await request<{ paths: Path[] }>(
    `query ExplorerPaths($from: ID!, $to: ID!, $asOf: Date) { paths(from: $from, to: $to, asOf: $asOf) { length nodes { id: entityId type label } edges { ${EDGE} } } }`,
    { from, to, asOf },
  );
  return data.paths.map((path) => ({ ...path, nodes: path.nodes.map(withEntityIds), edges: path.edges.map(withEntityIds) }));
}
