import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestWrites } from '../../helpers/editing.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * `leaks` and `sources` against a computation of their own over every leak and source in the graph: each filter,
 * both orders, read whole a page at a time forward (first/after) and backward (last/before), as of a day or not,
 * with totalCount and pageInfo on every page. On top of the seed: leaks sharing a day, platforms written in other
 * cases, leaks about two devices; sources sharing a title or a day, some with no publication day.
 */
const MARKER = 'h19pagesx';
const PHONE = `device:${MARKER}-phone`;
const TABLET = `device:${MARKER}-tablet`;
const PAGE_SIZE = 3;

const LEAKS = [
  ['a', '2019-03-01', 'RUMORED', 'Weibo', [PHONE]],
  ['b', '2019-03-01', 'REPORTED', 'WEIBO', [PHONE, TABLET]],
  ['c', '2019-03-01', 'RUMORED', null, []],
  ['d', '2019-03-02', 'SPECULATED', 'IMEI database', [TABLET]],
  ['e', '2018-12-31', 'RUMORED', 'weibo', [PHONE]],
  ['f', '2020-01-15', 'CONFIRMED', 'Twitter', [PHONE]],
  ['g', '2020-01-15', 'RUMORED', 'twitter', []],
  ['h', '2021-07-07', 'DENIED', 'Weibo', [TABLET]],
] as const;

const SOURCES = [
  ['a', `${MARKER} Alpha`, 'Verge', '2020-05-05'],
  ['b', `${MARKER} Alpha`, 'verge', null],
  ['c', `${MARKER} beta`, null, '2020-05-05'],
  ['d', `H19pagesx Gamma`, 'Other', '2019-01-01'],
  ['e', `${MARKER} delta`, 'VERGE', '2022-02-02'],
  ['f', `${MARKER} epsilon`, 'Other', null],
] as const;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.db.driver.executeQuery(
    `UNWIND $devices AS id
     CREATE (:Entity:Device {id: id, name: id, aliases: [], status: 'RUMORED', firstReportedOn: date('2018-01-01'), lookupKeys: []})`,
    { devices: [PHONE, TABLET] },
  );
  await app.db.driver.executeQuery(
    `UNWIND $leaks AS row
     CREATE (leak:Entity:Leak {id: 'leak:${MARKER}-' + row[0], summary: '${MARKER} leak', confidence: row[2], platform: row[3],
       reportedOn: date(row[1]), reportedOnPrecision: 'DAY', sourceIds: []})
     WITH leak, row
     UNWIND row[4] AS deviceId
     MATCH (device:Device {id: deviceId})
     CREATE (leak)-[:ABOUT {id: leak.id + '|' + deviceId, confidence: leak.confidence, reportedOn: leak.reportedOn, reportedOnPrecision: 'DAY', sourceIds: []}]->(device)`,
    { leaks: LEAKS.map((leak) => [...leak]) },
  );
  await app.db.driver.executeQuery(
    `UNWIND $sources AS row
     CREATE (:Entity:Source {id: 'source:${MARKER}-' + row[0], title: row[1], publisher: row[2],
       publishedOn: date(row[3]), publishedOnPrecision: CASE WHEN row[3] IS NULL THEN null ELSE 'DAY' END})`,
    { sources: SOURCES.map((source) => [...source]) },
  );
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, MARKER);
  await app.stop();
});

interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** `field(arguments)` read whole, a page at a time, each way; every page's totalCount and pageInfo checked on the way. */
async function readWhole(field: string, args: string, total: number): Promise<{ forward: string[]; backward: string[] }> {
  const query = `query($first: Int, $after: String, $last: Int, $before: String) {
    list: ${field}(${args}${args ? ', ' : ''}first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const page = async (variables: Record<string, unknown>): Promise<Connection> => {
    const { data, errors } = await app.graphql(query, variables);
    expect(errors).toBeUndefined();
    const list = data.list as Connection;
    expect(list.totalCount).toBe(total);
    expect(list.pageInfo.startCursor).toBe(list.edges[0]?.cursor ?? null);
    expect(list.pageInfo.endCursor).toBe(list.edges.at(-1)?.cursor ?? null);
    return list;
  };
  const forward: string[] = [];
  for (let after: string | null = null; ;) {
    const list = await page({ first: PAGE_SIZE, after });
    expect(list.pageInfo.hasPreviousPage).toBe(after !== null);
    forward.push(...list.edges.map((edge) => edge.node.id));
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  const backward: string[] = [];
  for (let before: string | null = null; ;) {
    const list = await page({ last: PAGE_SIZE, before });
    expect(list.pageInfo.hasNextPage).toBe(before !== null);
    backward.unshift(...list.edges.map((edge) => edge.node.id));
    if (!list.pageInfo.hasPreviousPage) break;
    before = list.pageInfo.startCursor;
  }
  return { forward, backward };
}

/** Ids in the list's order: by `key` in the order's direction, ties by id ascending; snapshot ids as of a day. */
function expectedIds<TRow extends { id: string }>(rows: TRow[], key: (row: TRow) => string, descending: boolean, asOf: string | null): string[] {
  const sorted = [...rows].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka !== kb) return ka < kb !== descending ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  return sorted.map((row) => (asOf ? `${row.id}@${asOf}` : row.id));
}

const sameText = (stored: string | null, wanted: string) => stored !== null && stored.toLowerCase() === wanted.toLowerCase();

it('answers every field of the leaks and sources it lists', async () => {
  const { data, errors } = await app.graphql(`{
    leaks(deviceId: "${TABLET}", confidence: SPECULATED) {
      edges { node { id summary platform tipster confidence reported { text precision } reportedOn sources { id } devices { id } } }
    }
    sources(publisher: "other", orderBy: PUBLISHED_ON_DESC) { edges { node { id title publisher author url published { text } publishedOn } } }
  }`);
  expect(errors).toBeUndefined();
  expect(data.leaks.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
    {
      id: `leak:${MARKER}-d`,
      summary: `${MARKER} leak`,
      platform: 'IMEI database',
      tipster: null,
      confidence: 'SPECULATED',
      reported: { text: '2019-03-02', precision: 'DAY' },
      reportedOn: '2019-03-02',
      sources: [],
      devices: [{ id: TABLET }],
    },
  ]);
  const source = (key: string, title: string, day: string | null) => ({
    id: `source:${MARKER}-${key}`,
    title,
    publisher: 'Other',
    author: null,
    url: null,
    published: day === null ? null : { text: day },
    publishedOn: day,
  });
  expect(data.sources.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
    source('d', 'H19pagesx Gamma', '2019-01-01'),
    source('f', `${MARKER} epsilon`, null),
  ]);
});

describe('leaks', () => {
  interface LeakRow {
    id: string;
    reportedOn: string;
    confidence: string;
    platform: string | null;
    devices: string[];
  }
  interface LeakFilters {
    asOf?: string;
    confidence?: string;
    platform?: string;
    reportedFrom?: string;
    reportedTo?: string;
    deviceId?: string;
  }
  const SHAPES: Array<[string, LeakFilters]> = [
    ['no filter', {}],
    ['a confidence', { confidence: 'RUMORED' }],
    ['a platform in another case', { platform: 'WEIBO' }],
    ['reported from', { reportedFrom: '2019-03-01' }],
    ['reported to', { reportedTo: '2019-03-02' }],
    ['a day range', { reportedFrom: '2019-03-01', reportedTo: '2020-01-15' }],
    ['a device', { deviceId: PHONE }],
    ['a device and a platform', { deviceId: TABLET, platform: 'weibo' }],
    ['as of a day', { asOf: '2019-03-02' }],
    ['as of a day, a device and a range', { asOf: '2020-01-15', deviceId: PHONE, reportedFrom: '2019-01-01' }],
  ];

  async function allLeaks(): Promise<LeakRow[]> {
    const { records } = await app.db.driver.executeQuery(
      `MATCH (leak:Leak)
       RETURN leak.id AS id, toString(leak.reportedOn) AS reportedOn, leak.confidence AS confidence, leak.platform AS platform,
              [(leak)-[:ABOUT]->(device:Device) | device.id] AS devices`,
    );
    return records.map((record) => record.toObject() as LeakRow);
  }

  function matches(leak: LeakRow, filters: LeakFilters): boolean {
    return (
      (filters.asOf === undefined || leak.reportedOn <= filters.asOf) &&
      (filters.confidence === undefined || leak.confidence === filters.confidence) &&
      (filters.platform === undefined || sameText(leak.platform, filters.platform)) &&
      (filters.reportedFrom === undefined || leak.reportedOn >= filters.reportedFrom) &&
      (filters.reportedTo === undefined || leak.reportedOn <= filters.reportedTo) &&
      (filters.deviceId === undefined || leak.devices.includes(filters.deviceId))
    );
  }

  it.each(SHAPES.flatMap(([name, filters]) => ['REPORTED_ON_DESC', 'REPORTED_ON_ASC'].map((order) => [name, order, filters] as const)))(
    'lists them with %s, %s',
    async (_, order, filters) => {
      const leaks = (await allLeaks()).filter((leak) => matches(leak, filters));
      expect(leaks.length).toBeGreaterThan(0);
      const expected = expectedIds(leaks, (leak) => leak.reportedOn, order.endsWith('_DESC'), filters.asOf ?? null);
      const args = [
        ...Object.entries(filters).map(([name, value]) => `${name}: ${name === 'confidence' ? value : JSON.stringify(value)}`),
        `orderBy: ${order}`,
      ];
      const { forward, backward } = await readWhole('leaks', args.join(', '), expected.length);
      expect(forward).toEqual(expected);
      expect(backward).toEqual(expected);
    },
  );

  it('is NOT_FOUND for a device no entity is', async () => {
    const { errors } = await app.graphql(`{ leaks(deviceId: "device:${MARKER}-nope") { edges { node { id } } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `device:${MARKER}-nope` });
  });
});

describe('sources', () => {
  interface SourceRow {
    id: string;
    title: string;
    publisher: string | null;
    publishedOn: string | null;
  }
  interface SourceFilters {
    asOf?: string;
    publisher?: string;
  }
  const SHAPES: Array<[string, SourceFilters]> = [
    ['no filter', {}],
    ['a publisher in another case', { publisher: 'verge' }],
    ['as of a day', { asOf: '2020-05-05' }],
    ['as of a day and a publisher', { asOf: '2020-05-04', publisher: 'VERGE' }],
  ];
  const ORDERS = ['TITLE_ASC', 'TITLE_DESC', 'PUBLISHED_ON_ASC', 'PUBLISHED_ON_DESC'];

  async function allSources(): Promise<SourceRow[]> {
    const { records } = await app.db.driver.executeQuery(
      'MATCH (source:Source) RETURN source.id AS id, source.title AS title, source.publisher AS publisher, toString(source.publishedOn) AS publishedOn',
    );
    return records.map((record) => record.toObject() as SourceRow);
  }

  function matches(source: SourceRow, filters: SourceFilters): boolean {
    // A source with no publication day is in every day's view.
    return (
      (filters.asOf === undefined || source.publishedOn === null || source.publishedOn <= filters.asOf) &&
      (filters.publisher === undefined || sameText(source.publisher, filters.publisher))
    );
  }

  it.each(SHAPES.flatMap(([name, filters]) => ORDERS.map((order) => [name, order, filters] as const)))('lists them with %s, %s', async (_, order, filters) => {
    const sources = (await allSources()).filter((source) => matches(source, filters));
    expect(sources.length).toBeGreaterThan(0);
    const descending = order.endsWith('_DESC');
    // Sources with no publication day end the list in either order.
    const key = order.startsWith('TITLE')
      ? (source: SourceRow) => source.title
      : (source: SourceRow) => source.publishedOn ?? (descending ? '0000-00-00' : '9999-99-99');
    const expected = expectedIds(sources, key, descending, filters.asOf ?? null);
    const args = [...Object.entries(filters).map(([name, value]) => `${name}: ${JSON.stringify(value)}`), `orderBy: ${order}`];
    const { forward, backward } = await readWhole('sources', args.join(', '), expected.length);
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });
});
