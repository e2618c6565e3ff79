import { CypherLibrary } from '../src/store/neo4j/cypherLibrary.js';
import { DEVICE_LIST_LENGTH, SCREEN_QUERIES } from '../src/server/screenQueries.js';
import { toLuceneQuery } from '../src/store/reads/searchQuery.js';
import { benchCypher } from './load.js';

/**
 * The bench's fixed suite. Each operation is one GraphQL document for our API, the same question for
 * @neo4j/graphql (or null where it cannot ask it), and the hand-written Cypher for the same answer.
 * Each contestant's answer is reduced to one canonical shape, so "same answer" is a string comparison:
 * ordered lists stay in order, sets are sorted by id.
 */

type Json = any;
export type Params = Record<string, unknown>;

export interface Variant {
  /** What the variant is about, for messages. */
  label: string;
  /** GraphQL variables, for ours and the peer. */
  variables: Params;
  /** Cypher parameters of the raw contestant. */
  raw: Params;
}

export interface Operation {
  name: string;
  description: string;
  ours: { query: string; canonical(data: Json): unknown };
  peer: { query: string; canonical(data: Json): unknown } | { unsupported: string };
  raw: { cypher: string; canonical(rows: Json[]): unknown };
  variants: Variant[];
}

/** What the bench picked from the loaded data (see benchLandmarks.cypher). */
export interface Landmarks {
  devicesByLeaks: Array<{ id: string; name: string; codename: string | null; modelNumber: string | null }>;
  brandsByDevices: Array<{ id: string; name: string }>;
  mostPartnered: { id: string; name: string };
  firstChip: { id: string; name: string; partNumber: string | null };
}

const ref = (node: Json) => (node ? { id: node.id, name: node.name } : null);
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const uniqueById = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];

/** A single-valued field the peer can only model as a list: its one distinct node, or every one if they conflict. */
function single(nodes: Json[]): unknown {
  const distinct = uniqueById(nodes.map(ref) as Array<{ id: string; name: string }>);
  return distinct.length <= 1 ? (distinct[0] ?? null) : { conflicting: byId(distinct) };
}

/** Picks a few entities spread over the popularity ranks: the head, the middle and the tail of the Zipf curve. */
function spread<T>(items: T[], ranks: number[]): T[] {
  const picked = new Set<number>();
  for (const rank of ranks) picked.add(Math.min(items.length - 1, Math.max(0, rank)));
  return [...picked].map((index) => items[index]!);
}

/** A one-letter typo in the middle of a word, which the full-text search must forgive. */
function typo(word: string): string {
  const index = Math.floor(word.length / 2);
  const replacement = word[index] === 'a' ? 'e' : 'a';
  return word.slice(0, index) + replacement + word.slice(index + 1);
}

const leakEdges = (edges: Json[]) =>
  edges.map((edge: Json) => ({
    confidence: edge.confidence,
    reportedOn: edge.reportedOn,
    node: { id: edge.node.id, summary: edge.node.summary, platform: edge.node.platform ?? null },
    sources: byId(edge.sources.map((source: Json) => ({ id: source.id, title: source.title }))),
  }));

const specs = (items: Json[]) =>
  items.map((spec: Json) => ({ key: spec.key, value: spec.value, unit: spec.unit ?? null, confidence: spec.confidence, reportedOn: spec.reportedOn }));

const devicePage = (device: Json, brand: unknown, chip: unknown, specList: Json[], leaks: Json[]) =>
  device
    ? {
        id: device.id,
        name: device.name,
        status: device.status,
        announcedOn: device.announcedOn ?? null,
        brand,
        chip,
        specs: specs(specList),
        leaks: leakEdges(leaks),
      }
    : null;

const partnership = (p: Json) => ({
  id: p.id,
  kind: p.kind,
  confidence: p.confidence,
  startedOn: p.startedOn ?? null,
  announcedOn: p.announcedOn ?? null,
  brands: byId(p.brands.map(ref)),
  devices: byId(p.devices.map(ref)),
  sources: byId(p.sources.map((source: Json) => ({ id: source.id, title: source.title }))),
});

const graphSlice = (slice: Json) => ({
  nodes: byId(slice.nodes.map((node: Json) => ({ id: node.id, type: node.type, label: node.label }))),
  edges: byId(
    slice.edges.map((edge: Json) => ({
      id: edge.id,
      type: edge.type,
      source: edge.source,
      target: edge.target,
      confidence: edge.confidence,
      reportedOn: edge.reportedOn,
    })),
  ),
  truncated: slice.truncated,
});

/** A variant asking about one entity by its name, for ours, the peer and raw Cypher alike. */
const byName = ({ name }: { name: string }): Variant => ({ label: name, variables: { name }, raw: { name } });

const GRAPH_DEPTH = 2;
const GRAPH_LIMIT = 100;
const SEARCH_FIRST = 10;

const FILTERED_PAGE = 20;
const FILTERED_STATUS = 'RELEASED';
const FILTERED_FROM = '2016-01-01';

export function benchOperations(landmarks: Landmarks): Operation[] {
  const appCypher = new CypherLibrary();
  const devices = spread(landmarks.devicesByLeaks, [0, 10, 100, 1000, Math.floor(landmarks.devicesByLeaks.length / 2)]);
  const brands = spread(landmarks.brandsByDevices, [0, 1, 5, 20, 100]);
  const searches = [
    typo(landmarks.brandsByDevices[0]!.name),
    landmarks.devicesByLeaks[0]!.name.split(' ').slice(0, 2).join(' ').slice(0, -1),
    landmarks.devicesByLeaks.find((device) => device.codename)?.codename,
    landmarks.firstChip.partNumber?.slice(0, 4),
  ].filter((text): text is string => !!text);

  return [
    {
      name: 'devicePage',
      description: 'device, brand, chip, specs, latest 10 leaks with their sources',
      ours: {
        query: SCREEN_QUERIES.deviceScreen,
        canonical: (data) => {
          const d = data.device;
          return devicePage(d, ref(d?.brand), ref(d?.chip), d?.specs ?? [], d?.leaksConnection.edges ?? []);
        },
      },
      peer: {
        query: `query DevicePage($name: String!) {
          devices(where: { name: { eq: $name } }) {
            id name status announcedOn
            brand { id name }
            chip { id name }
            specs(sort: [{ key: ASC }, { reportedOn: DESC }, { id: ASC }]) { key value unit confidence reportedOn }
            leaksConnection(first: 10, sort: [{ edge: { reportedOn: DESC } }, { edge: { id: ASC } }]) {
              edges { properties { confidence reportedOn } node { id summary platform sources { id title } } }
            }
          }
        }`,
        canonical: (data) => {
          const d = data.devices[0];
          const leaks = (d?.leaksConnection.edges ?? []).map((edge: Json) => ({ ...edge.properties, node: edge.node, sources: edge.node.sources }));
          return devicePage(d, single(d?.brand ?? []), single(d?.chip ?? []), d?.specs ?? [], leaks);
        },
      },
      raw: {
        cypher: benchCypher.get('rawDevicePage'),
        canonical: ([row]) => (row ? devicePage(row.device, row.brand, row.chip, row.specs, row.leaks) : null),
      },
      variants: devices.map(byName),
    },
    {
      name: 'brandPage',
      description: 'brand, its partners, first 20 devices with their chips',
      ours: {
        // The brand screen with its devices one edge per maker claim, as raw and the peer list them: the screen's
        // own devicesConnection has one edge per device, an answer neither of them gives.
        query: SCREEN_QUERIES.brandScreen.replace('devicesConnection(', 'devicesClaimsConnection('),
        canonical: (data) =>
          data.brand && {
            ...ref(data.brand),
            partners: byId(data.brand.partners.map(ref)),
            devices: data.brand.devicesClaimsConnection.edges.map((edge: Json) => ({ ...ref(edge.node), chip: ref(edge.node.chip) })),
          },
      },
      peer: {
        query: `query BrandPage($name: String!) {
          brands(where: { name: { eq: $name } }) {
            id name
            partnerships { brands { id name } }
            devicesConnection(first: 20, sort: [{ edge: { reportedOn: DESC } }, { edge: { id: ASC } }]) {
              edges { node { id name chip { id name } } }
            }
          }
        }`,
        canonical: (data) => {
          const brand = data.brands[0];
          if (!brand) return null;
          const partners = brand.partnerships.flatMap((p: Json) => p.brands).filter((b: Json) => b.id !== brand.id);
          return {
            ...ref(brand),
            partners: byId(uniqueById(partners.map(ref))),
            devices: brand.devicesConnection.edges.map((edge: Json) => ({ ...ref(edge.node), chip: single(edge.node.chip) })),
          };
        },
      },
      raw: {
        cypher: benchCypher.get('rawBrandPage'),
        canonical: ([row]) =>
          row && {
            ...ref(row.brand),
            partners: byId(row.partners.map(ref)),
            devices: row.devices.map((device: Json) => ({ ...ref(device), chip: ref(device.chip) })),
          },
      },
      variants: brands.map(byName),
    },
    {
      name: 'partnerHistory',
      description: 'partnerHistory of the brand with the most partners, with brands, devices, sources',
      ours: {
        query: SCREEN_QUERIES.partnerHistory,
        canonical: (data) => data.partnerHistory.map(partnership),
      },
      peer: {
        query: `query PartnerHistory($name: String!) {
          brands(where: { name: { eq: $name } }) {
            partnerships(sort: [{ historyDate: ASC }, { id: ASC }]) {
              id kind confidence startedOn announcedOn
              brands { id name } devices { id name } sources { id title }
            }
          }
        }`,
        canonical: (data) => (data.brands[0]?.partnerships ?? []).map(partnership),
      },
      raw: {
        cypher: benchCypher.get('rawPartnerHistory'),
        canonical: (rows) => rows.map((row) => partnership(row.partnership)),
      },
      variants: [byName(landmarks.mostPartnered)],
    },
    {
      name: 'graphSlice',
      description: `graph(id, depth: ${GRAPH_DEPTH}), limit ${GRAPH_LIMIT} nodes`,
      ours: {
        query: `query GraphSlice($id: ID!) {
          graph(id: $id, depth: ${GRAPH_DEPTH}, limit: ${GRAPH_LIMIT}) {
            nodes { id: entityId type label } edges { id: claimId type source target confidence reportedOn } truncated
          }
        }`,
        canonical: (data) => graphSlice(data.graph),
      },
      peer: {
        unsupported:
          'no variable-depth traversal: a selection set has a fixed shape per type, so a breadth-first slice over every ' +
          'relationship type, deduplicated, with a node limit and a truncated flag cannot be asked',
      },
      raw: {
        // Our API answers this with one hand-written statement already: the floor is that statement sent directly.
        cypher: appCypher.get('graphSliceAroundId'),
        canonical: ([row]) => graphSlice(row),
      },
      variants: devices.map((device) => ({
        label: device.id,
        variables: { id: device.id },
        raw: {
          id: device.id,
          depth: GRAPH_DEPTH,
          limit: GRAPH_LIMIT,
          relationshipTypes: ['MADE_BY', 'USES_CHIP', 'CAMERA_BY', 'COVERS', 'PARTY_TO', 'ABOUT'],
          confidences: ['CONFIRMED', 'REPORTED', 'RUMORED', 'SPECULATED', 'DENIED'],
          asOf: null,
        },
      })),
    },
    {
      name: 'search',
      description: `search(query, first: ${SEARCH_FIRST}): typos and prefixes, every entity type`,
      ours: {
        query: `query Search($query: String!) { search(query: $query, first: ${SEARCH_FIRST}) { score node { id } } }`,
        canonical: (data) => data.search.map((hit: Json) => ({ id: hit.node.id, score: Number(hit.score.toFixed(5)) })),
      },
      peer: {
        unsupported:
          '@fulltext gives one query field per type over an index of that type, with the Lucene phrase passed through: no ' +
          'search across every type of one shared index, and typo/prefix tolerance only if the client writes Lucene syntax',
      },
      raw: {
        cypher: benchCypher.get('rawSearch'),
        canonical: (rows) => rows.map((row) => ({ id: row.node.id, score: Number(row.score.toFixed(5)) })),
      },
      variants: searches.map((text) => ({ label: text, variables: { query: text }, raw: { luceneQuery: toLuceneQuery(text), first: SEARCH_FIRST } })),
    },
    {
      name: 'deviceListPage',
      description: `first ${DEVICE_LIST_LENGTH} devices by name, with brand and chip`,
      ours: {
        query: SCREEN_QUERIES.deviceList,
        canonical: (data) => data.devices.edges.map((edge: Json) => ({ ...ref(edge.node), brand: ref(edge.node.brand), chip: ref(edge.node.chip) })),
      },
      peer: {
        query: `query DeviceListPage {
          devicesConnection(first: ${DEVICE_LIST_LENGTH}, sort: [{ name: ASC }, { id: ASC }]) { edges { node { id name brand { id name } chip { id name } } } }
        }`,
        canonical: (data) =>
          data.devicesConnection.edges.map((edge: Json) => ({ ...ref(edge.node), brand: single(edge.node.brand), chip: single(edge.node.chip) })),
      },
      raw: {
        cypher: benchCypher.get('rawDeviceListPage'),
        canonical: (rows) => rows.map(({ device }) => ({ ...ref(device), brand: ref(device.brand), chip: ref(device.chip) })),
      },
      variants: [{ label: 'first page', variables: {}, raw: { first: DEVICE_LIST_LENGTH } }],
    },
    {
      name: 'filteredDeviceList',
      description: `devices of a brand, status ${FILTERED_STATUS}, announced since ${FILTERED_FROM}, newest announcement first, ${FILTERED_PAGE}`,
      ours: {
        query: `query FilteredDevices($brandId: ID!, $from: Date!) {
          devices(brandId: $brandId, status: ${FILTERED_STATUS}, announcedFrom: $from, orderBy: ANNOUNCED_ON_DESC, first: ${FILTERED_PAGE}) {
            edges { node { id name status announcedOn } }
          }
        }`,
        canonical: (data) => data.devices.edges.map((edge: Json) => edge.node),
      },
      peer: {
        query: `query FilteredDevices($brandId: ID!, $from: Date!) {
          devicesConnection(
            first: ${FILTERED_PAGE}
            where: { status: { eq: "${FILTERED_STATUS}" }, announcedOn: { gte: $from }, brand: { some: { id: { eq: $brandId } } } }
            sort: [{ announcedOn: DESC }, { id: ASC }]
          ) { edges { node { id name status announcedOn } } }
        }`,
        canonical: (data) => data.devicesConnection.edges.map((edge: Json) => edge.node),
      },
      raw: {
        cypher: benchCypher.get('rawFilteredDeviceList'),
        canonical: (rows) => rows.map((row) => row.device),
      },
      variants: spread(landmarks.brandsByDevices, [0, 2, 10]).map((brand) => ({
        label: brand.name,
        variables: { brandId: brand.id, from: FILTERED_FROM },
        raw: { brandId: brand.id, status: FILTERED_STATUS, announcedFrom: FILTERED_FROM, first: FILTERED_PAGE },
      })),
    },
  ];
}
