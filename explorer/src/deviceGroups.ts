/** The API's counts and pages of a brand's devices, for the groups of grouping.ts. */
import { documentOf, entityIdOf, request } from './api.js';
import type { ExplorerDeviceGroupQuery, ExplorerDeviceYearsQuery, ExplorerUndatedDevicesQuery } from './generated/graphql.js';
import { GROUP_PAGE, groupId, periodsBetween, type DeviceGroup, type DevicePeriod, type OpenedGroup } from './grouping.js';

const DEVICE_PAGE = [/* GraphQL */ `fragment ExplorerDevicePage on DeviceConnection { totalCount edges { node { id name announced { from } } } }`];

const YEARS = /* GraphQL */ `query ExplorerDeviceYears($brand: ID!, $asOf: Date, $ever: Date) {
  all: devices(brandId: $brand, asOf: $asOf, first: 1) { totalCount }
  earliest: devices(brandId: $brand, asOf: $asOf, announcedFrom: $ever, orderBy: ANNOUNCED_ON_ASC, first: 1) { ...ExplorerDevicePage }
  latest: devices(brandId: $brand, asOf: $asOf, announcedFrom: $ever, orderBy: ANNOUNCED_ON_DESC, first: 1) { ...ExplorerDevicePage }
}`;

/** Devices whose announcement day is known: the API leaves out devices with none when a range is given. */
const EVER = '0001-01-01';

/**
 * The groups of a brand's devices by announcement year, with their counts: first the range of years and how many
 * devices have no day, then one count per period (one request each, as aliases).
 */
export async function fetchDeviceGroups(brand: string, asOf: string | null): Promise<DeviceGroup[]> {
  const range = await request<ExplorerDeviceYearsQuery>(documentOf(YEARS, DEVICE_PAGE), { brand, asOf, ever: EVER });
  const [first, last] = [range.earliest.edges[0]?.node.announced?.from, range.latest.edges[0]?.node.announced?.from];
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
    const counts = await request<Record<string, ExplorerDeviceYearsQuery['all']>>(
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

const DATED = /* GraphQL */ `query ExplorerDeviceGroup($brand: ID!, $asOf: Date, $from: Date!, $to: Date!, $size: Int!) {
  page: devices(brandId: $brand, asOf: $asOf, announcedFrom: $from, announcedTo: $to, orderBy: ANNOUNCED_ON_ASC, first: $size) {
    ...ExplorerDevicePage
  }
}`;

const UNDATED = /* GraphQL */ `query ExplorerUndatedDevices($brand: ID!, $asOf: Date, $size: Int!) {
  page: devices(brandId: $brand, asOf: $asOf, orderBy: ANNOUNCED_ON_ASC, last: $size) { ...ExplorerDevicePage }
}`;

/** A page of a group's devices: the first GROUP_PAGE of a period by day, or the last of the brand's devices, which have no day. */
export async function fetchGroupDevices(group: DeviceGroup, asOf: string | null): Promise<OpenedGroup> {
  const { period } = group;
  const variables = { brand: group.brand, asOf, size: GROUP_PAGE };
  const data =
    period.from === null
      ? await request<ExplorerUndatedDevicesQuery>(documentOf(UNDATED, DEVICE_PAGE), variables)
      : await request<ExplorerDeviceGroupQuery>(documentOf(DATED, DEVICE_PAGE), {
          ...variables,
          from: `${period.from}-01-01`,
          to: `${period.to}-12-31`,
        });
  // Devices with no day come last in either order; a page from the end may still reach into dated ones.
  const devices = data.page.edges
    .map(({ node }) => node)
    .filter((node) => (period.from === null ? node.announced === null : true))
    .map((node) => ({ id: entityIdOf(node.id), label: node.name }));
  return { devices, total: group.count };
}
