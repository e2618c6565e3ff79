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

/** A device's camera brands, one edge per claim. */
export const CAMERA_BRANDS = `query CameraBrands($name: String!) {
  device(name: $name) {
    id
    cameraBrandsConnection(first: 10) {
      edges { cursor confidence node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * Writes, with an editor key, a device whose camera brand is Leica by two claims (two sources, RUMORED
 * and SPECULATED), so its cameraBrandsConnection lists Leica twice. The seed has no such device: the
 * Xiaomi 12S has one CAMERA_BY claim. Ids contain `marker`, for removeTestWrites.
 */
export async function writeDeviceWithTwoLeicaClaims(app: TestApp, marker: string): Promise<string> {
  const name = `${marker} Phone`;
  const write = async (query: string, variables: Record<string, unknown>) => {
    const answer = await app.graphql(query, variables, EDITOR_KEY);
    if (answer.errors) throw new Error(`write failed: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const device = await write('mutation($name: String!) { upsertDevice(input: { name: $name }) { id } }', { name });
  for (const [title, confidence, reportedOn] of [
    [`${marker} tipster post`, 'RUMORED', '2024-03-01'],
    [`${marker} supply chain note`, 'SPECULATED', '2024-03-05'],
  ]) {
    const source = await write('mutation($title: String!) { upsertSource(input: { title: $title }) { id } }', { title });
    await write('mutation($input: LinkInput!) { link(input: $input) { id } }', {
      input: { relation: 'CAMERA_BY', from: device.upsertDevice.id, to: 'brand:leica', confidence, reportedOn, sources: [source.upsertSource.id] },
    });
  }
  return name;
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

/** Which claims a connection's edges show: node id and confidence, in order. */
export function claimsOf(connection: { edges: Array<{ confidence: string; node: { id: string } }> }): string[] {
  return connection.edges.map((edge) => `${edge.node.id} ${edge.confidence}`);
}
