/**
 * The pages a frontend of the graph asks most, as GraphQL documents: a device page, a brand page, a
 * partner history and a device list. The server warms them at startup (warmUp.ts), and the bench
 * times them (bench/operations.ts), so what is warmed is what is measured.
 */
export const DEVICE_LIST_PAGE_SIZE = 50;

export const PAGE_QUERIES = {
  devicePage: `query DevicePage($name: String!) {
    device(name: $name) {
      id name status announcedOn
      brand { id name }
      chip { id name }
      specs { key value unit confidence reportedOn }
      leaksConnection(first: 10) { edges { confidence reportedOn node { id summary platform } sources { id title } } }
    }
  }`,
  brandPage: `query BrandPage($name: String!) {
    brand(name: $name) {
      id name
      partners { id name }
      devicesConnection(first: 20) { edges { node { id name chip { id name } } } }
    }
  }`,
  partnerHistory: `query PartnerHistory($name: String!) {
    partnerHistory(brand: $name) {
      id kind confidence startedOn announcedOn
      brands { id name } devices { id name } sources { id title }
    }
  }`,
  deviceListPage: `query DeviceListPage { devices(first: ${DEVICE_LIST_PAGE_SIZE}) { edges { node { id name brand { id name } chip { id name } } } } }`,
} as const;
