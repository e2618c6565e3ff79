import { EDITOR_KEY } from '../helpers/editing.js';
import type { TestApp } from '../helpers/testApp.js';

/**
 * The operations every client test sends, as plain strings, and the raw HTTP answer each client's cached
 * answer is compared with. Ids are selected everywhere, as a client developer would, so that every
 * normalised cache can key its records.
 */

/** The README's time-travel query (README "Time travel"), with ids. */
export const LEICA_BEFORE_AND_AFTER = `query LeicaBeforeAndAfter {
  before: brand(name: "Leica", asOf: "2022-05-20") { id partners { id name } }
  after: brand(name: "Leica", asOf: "2022-05-23") { id partners { id name } }
}`;

export const LEICA_TODAY = `query LeicaToday { brand(name: "Leica") { id name partners { id name } } }`;

const TWELVE_S_FIELDS = 'id name modelNumber codename chip { id name }';
export const TWELVE_S_TODAY = `query TwelveSToday { device(name: "Xiaomi 12S") { ${TWELVE_S_FIELDS} } }`;
export const TWELVE_S_IN_MAY_2022 = `query TwelveSInMay2022 { device(name: "Xiaomi 12S", asOf: "2022-05-20") { ${TWELVE_S_FIELDS} } }`;

/** One page of Leica's partners, today or as of a day; `first: 1` so two pages are two requests. */
export const LEICA_PARTNERS_PAGE = `query LeicaPartnersPage($asOf: Date, $after: String) {
  brand(name: "Leica", asOf: $asOf) {
    id
    partnersConnection(first: 1, after: $after) {
      edges { cursor confidence node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** The Xiaomi 12S's camera brands, today or as of a day: one edge per node, every claim about it in `claims`. */
export const TWELVE_S_CAMERA_BRANDS = `query TwelveSCameraBrands($asOf: Date) {
  device(name: "Xiaomi 12S", asOf: $asOf) {
    id
    cameraBrandsConnection(first: 10) {
      edges {
        cursor
        confidence
        node { id name }
        claims(first: 10) { totalCount edges { cursor confidence reported { text precision } sources { id title } } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * Writes, with an editor key, a second and weaker claim that the Xiaomi 12S's camera is Leica's: SPECULATED, reported
 * 2022-05-20 by a source of its own, beside the seed's RUMORED claim of 2022-05-25 (the seed alone has one claim per
 * pair). Today the seed's claim decides; as of 2022-05-22 this one is the only claim known. The source's id contains
 * `marker`, and so does the claim's, for removeTestWrites.
 */
export async function writeWeakerLeicaClaim(app: TestApp, marker: string): Promise<void> {
  const write = async (query: string, variables: Record<string, unknown>) => {
    const answer = await app.graphql(query, variables, EDITOR_KEY);
    if (answer.errors) throw new Error(`write failed: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const source = await write('mutation($title: String!) { upsertSource(input: { title: $title }) { id } }', { title: `${marker} supply chain note` });
  await write('mutation($input: LinkInput!) { link(input: $input) { id } }', {
    input: {
      relation: 'CAMERA_BY',
      from: 'device:xiaomi-12s',
      to: 'brand:leica',
      confidence: 'SPECULATED',
      reportedOn: '2022-05-20',
      sources: [source.upsertSource.id],
    },
  });
}

/** The first `first` brands by name, to page the root connection. */
export const BRANDS_PAGE = `query BrandsPage($first: Int!, $after: String) {
  brands(first: $first, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A POST straight to the server, bypassing every cache: the answer the cached ones must equal. */
export async function rawAnswer<TData = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<TData> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown[] };
  if (body.errors) throw new Error(`raw answer has errors: ${JSON.stringify(body.errors)}`);
  return body.data as TData;
}

/** Drops the `__typename` fields a client adds to its documents, so answers compare field for field. */
export function withoutTypenames<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === '__typename' ? undefined : inner))) as T;
}

/** Which links a connection of nodes shows: node id, the deciding claim's confidence, then every claim's in `claims`, in order. */
export function linksOf(connection: {
  edges: Array<{ confidence: string; node: { id: string }; claims: { edges: Array<{ confidence: string }> } }>;
}): string[] {
  return connection.edges.map((edge) => `${edge.node.id} ${edge.confidence} [${edge.claims.edges.map((claim) => claim.confidence).join(' ')}]`);
}

/** Which claims a connection's edges show: node id and confidence, in order. */
export function claimsOf(connection: { edges: Array<{ confidence: string; node: { id: string } }> }): string[] {
  return connection.edges.map((edge) => `${edge.node.id} ${edge.confidence}`);
}
