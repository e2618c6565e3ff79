/**
 * What the screens a frontend of the graph shows most ask, as GraphQL documents: a device screen, a brand
 * screen, a partner history and a device list. The server warms them at startup (warmUp.ts), and the bench
 * times them (bench/operations.ts), so what is warmed is what is measured.
 */
/** How many devices the device list screen shows at once: its `first`. */
export const DEVICE_LIST_LENGTH = 50;

export const SCREEN_QUERIES = {
  deviceScreen: `query DeviceScreen($name: String!) {
    device(name: $name) {
      id name status announcedOn
      brand { id name }
      chip { id name }
      specs { key value unit confidence reportedOn }
      leaksConnection(first: 10) { edges { confidence reportedOn node { id summary platform } sources { id title } } }
    }
  }`,
  brandScreen: `query BrandScreen($name: String!) {
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
  deviceList: `query DeviceList { devices(first: ${DEVICE_LIST_LENGTH}) { edges { node { id name brand { id name } chip { id name } } } } }`,
} as const;
