/** The API's counts and pages of a brand's devices, for the groups of grouping.ts. */
import { entityIdOf, request } from './api.js';
import { GROUP_PAGE, groupId, periodsBetween, type DeviceGroup, type DevicePeriod, type OpenedGroup } from './grouping.js';

interface CountOnly {
  totalCount: number;
}
interface DeviceDays {
  totalCount: number;
  edges: Array<{ node: { id: string; name: string; announcedOn: string | null } }>;
}

/** Devices whose announcement day is known: the API leaves out devices with none when a range is given. */
const EVER = '0001-01-01';

/**
 * The groups of a brand's devices by announcement year, with their counts: first the range of years and how many
 * devices have no day, then one count per period (one request each, as aliases).
 */
export async function fetchDeviceGroups(brand: string, asOf: string | null): Promise<DeviceGroup[]> {
  const range = await request<{ all: CountOnly; earliest: DeviceDays; latest: DeviceDays }>(
    `query ExplorerDeviceYears($brand: ID!, $asOf: Date, $ever: Date) {
      all: devices(brandId: $brand, asOf: $asOf, first: 1) { totalCount }
      earliest: devices(brandId: $brand, asOf: $asOf, announcedFrom: $ever, orderBy: ANNOUNCED_ON_ASC, first: 1) { totalCount edges { node { id name announcedOn } } }
      latest: devices(brandId: $brand, asOf: $asOf, announcedFrom: $ever, orderBy: ANNOUNCED_ON_DESC, first: 1) { totalCount edges { node { id name announcedOn } } }
    }`,
    { brand, asOf, ever: EVER },
  );
  const [first, last] = [range.earliest.edges[0]?.node.announcedOn, range.latest.edges[0]?.node.announcedOn];
  const periods = first && last ? periodsBetween(Number(first.slice(0, 4)), Number(last.slice(0, 4))) : [];
  const groups: DeviceGroup[] = [];
  if (periods.length > 0) {
    const variables: Record<string, unknown> = { brand, asOf };
    const fields = periods.map((period, index) => {
      variables[`from${index}`] = `${period.from}-01-01`;
      variables[`to${index}`] = `${period.to}-12-31`;
      return `p${index}: devices(brandId: $brand, asOf: $asOf, announcedFrom: $from${index}, announcedTo: $to${index}, first: 1) { totalCount }`;
    });
    const declarations = periods.map((_, index) => `$from${index}: Date, $to${index}: Date`).join(', ');
    const counts = await request<Record<string, CountOnly>>(
      `query ExplorerDeviceCounts($brand: ID!, $asOf: Date, ${declarations}) { ${fields.join(' ')} }`,
      variables,
    );
    periods.forEach((period, index) => {
      const count = counts[`p${index}`]!.totalCount;
      if (count > 0) groups.push({ id: groupId(brand, period), brand, period, count });
    });
  }
  const undated = range.all.totalCount - range.earliest.totalCount;
  const unknown: DevicePeriod = { label: null, from: null, to: null };
  if (undated > 0) groups.push({ id: groupId(brand, unknown), brand, period: unknown, count: undated });
  return groups;
}

/** A page of a group's devices: the first GROUP_PAGE of a period by day, or the last of the brand's devices, which have no day. */
export async function fetchGroupDevices(group: DeviceGroup, asOf: string | null): Promise<OpenedGroup> {
  const { period } = group;
  const page =
    period.from === null
      ? `devices(brandId: $brand, asOf: $asOf, orderBy: ANNOUNCED_ON_ASC, last: ${GROUP_PAGE})`
      : `devices(brandId: $brand, asOf: $asOf, announcedFrom: "${period.from}-01-01", announcedTo: "${period.to}-12-31", orderBy: ANNOUNCED_ON_ASC, first: ${GROUP_PAGE})`;
  const data = await request<{ page: DeviceDays }>(
    `query ExplorerDeviceGroup($brand: ID!, $asOf: Date) { page: ${page} { totalCount edges { node { id name announcedOn } } } }`,
    { brand: group.brand, asOf },
  );
  // Devices with no day come last in either order; a page from the end may still reach into dated ones.
  const devices = data.page.edges
    .map(({ node }) => node)
    .filter((node) => (period.from === null ? node.announcedOn === null : true))
    .map((node) => ({ id: entityIdOf(node.id), label: node.name }));
  return { devices, total: group.count };
}
