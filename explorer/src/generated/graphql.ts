/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** What a brand does in the graph; a brand may have several roles. */
export type BrandRole =
  /** Makes cameras. */
  | 'CAMERA_MAKER'
  /** Sells chips, such as systems on a chip. */
  | 'CHIP_VENDOR'
  /** Makes other consumer electronics. */
  | 'CONSUMER_ELECTRONICS'
  /** Lends its optics or imaging name to other makers. */
  | 'OPTICS_PARTNER'
  /** Makes phones. */
  | 'PHONE_MAKER';

/** How sure the graph is of a claim. */
export type Confidence =
  /** Confirmed: announced or stated by a party to it. The only value that means official. */
  | 'CONFIRMED'
  /** Denied: said not to be so. */
  | 'DENIED'
  /** Reported by a source as fact, not confirmed by a party. */
  | 'REPORTED'
  /** A rumour or a leak. */
  | 'RUMORED'
  /** Speculation: inferred, not reported as fact. */
  | 'SPECULATED';

/** How precise a date is. */
export type DatePrecision =
  /** The day is known. */
  | 'DAY'
  /** Only the month is known. */
  | 'MONTH'
  /** Only the year is known. */
  | 'YEAR';

/** Where a device is in its life. */
export type DeviceStatus =
  /** Announced, not yet on sale. */
  | 'ANNOUNCED'
  /** Announced or rumoured, then never released. */
  | 'CANCELLED'
  /** No longer made or sold. */
  | 'DISCONTINUED'
  /** On sale. */
  | 'RELEASED'
  /** Known only from leaks and rumours. */
  | 'RUMORED';

/** The kinds of entity the graph holds. */
export type EntityType =
  /** An entity of type Brand. */
  | 'BRAND'
  /** An entity of type Chip. */
  | 'CHIP'
  /** An entity of type Device. */
  | 'DEVICE'
  /** An entity of type Leak. */
  | 'LEAK'
  /** An entity of type Partnership. */
  | 'PARTNERSHIP'
  /** An entity of type Source. */
  | 'SOURCE';

/** What a partnership is about. */
export type PartnershipKind =
  /** Cameras and lenses developed together (Leica with Panasonic). */
  | 'CAMERA_SYSTEM'
  /** One party supplies components to the other. */
  | 'COMPONENT_SUPPLY'
  /** A licence of a name, patents or technology. */
  | 'LICENSING'
  /** Anything else. */
  | 'OTHER'
  /** Co-engineered smartphone cameras and co-branding (Leica with Huawei, Sharp, Xiaomi). */
  | 'SMARTPHONE_IMAGING';

/** MADE_BY: device or chip to brand; USES_CHIP: device to chip; CAMERA_BY: device to brand; COVERS: partnership to device; PARTY_TO: brand to partnership; ABOUT: leak to device. */
export type RelationshipType =
  /** A claim from leak to device. */
  | 'ABOUT'
  /** A claim from device to brand. */
  | 'CAMERA_BY'
  /** A claim from partnership to device. */
  | 'COVERS'
  /** A claim from device or chip to brand. */
  | 'MADE_BY'
  /** A claim from brand to partnership. */
  | 'PARTY_TO'
  /** A claim from device to chip. */
  | 'USES_CHIP';

/** What a valid-time claim says happened to a partnership, device or chip. */
export type ValidTimeEvent =
  /** A partnership was in force on the day: evidence inside its span. */
  | 'ACTIVE'
  /** A device or chip was announced: evidence, not yet a start. */
  | 'ANNOUNCED'
  /** A device or chip was cancelled before release: an end. */
  | 'CANCELLED'
  /** A device or chip was delayed: a note, not a bound. */
  | 'DELAYED'
  /** A device or chip was discontinued: an end. */
  | 'DISCONTINUED'
  /** A partnership ended: the end of its span. */
  | 'ENDED'
  /** A partnership was extended or renewed: evidence inside its span. */
  | 'EXTENDED'
  /** The last device of a partnership came out: a note, not a bound. */
  | 'LAST_DEVICE'
  /** A launch was postponed: a note, not a bound. */
  | 'LAUNCH_POSTPONED'
  /** A device or chip was scheduled to go on sale: a start. */
  | 'LAUNCH_SCHEDULED'
  /** A device or chip went on sale: a start. */
  | 'RELEASED'
  /** A partnership started: the start of its span. */
  | 'STARTED';

export type ExplorerDateFragment = { text: string, precision: DatePrecision, from: string, to: string };

export type ExplorerSourceFragment = { id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null };

export type ExplorerNodeFragment = { type: EntityType, label: string, id: string };

export type ExplorerEdgeFragment = { type: RelationshipType, source: string, target: string, confidence: Confidence, id: string, reported: { text: string, precision: DatePrecision, from: string, to: string }, sources: Array<{ id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null }> };

export type ExplorerSliceFragment = { truncated: boolean, nodes: Array<{ type: EntityType, label: string, id: string }>, edges: Array<{ type: RelationshipType, source: string, target: string, confidence: Confidence, id: string, reported: { text: string, precision: DatePrecision, from: string, to: string }, sources: Array<{ id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null }> }> };

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
  asOf?: string | null | undefined;
}>;


export type ExplorerSearchQuery = { search: Array<{ node:
      | { __typename: 'Brand', name: string, id: string }
      | { __typename: 'Chip', name: string, id: string }
      | { __typename: 'Device', name: string, id: string }
      | { __typename: 'Leak', summary: string, id: string }
      | { __typename: 'Partnership', kind: PartnershipKind, id: string, brands: Array<{ id: string, name: string }> }
      | { __typename: 'Source', title: string, id: string }
     }> };

export type ExplorerFactsQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerFactsQuery = { node:
    | { __typename: 'Brand', name: string, country: string | null, roles: Array<BrandRole>, aliases: Array<string>, partnerCount: number, id: string }
    | { __typename: 'Chip', name: string, partNumber: string | null, id: string }
    | { __typename: 'Device', name: string, status: DeviceStatus, modelNumber: string | null, codename: string | null, firstReportedOn: string | null, id: string, announced: { text: string, precision: DatePrecision, from: string, to: string } | null }
    | { __typename: 'Leak', summary: string, platform: string | null, tipster: string | null, confidence: Confidence, id: string, reported: { text: string, precision: DatePrecision, from: string, to: string }, sources: Array<{ id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null }> }
    | { __typename: 'Partnership', kind: PartnershipKind, confidence: Confidence, id: string, description: string | null, announced: { text: string, precision: DatePrecision, from: string, to: string } | null, started: { text: string, precision: DatePrecision, from: string, to: string } | null, ended: { text: string, precision: DatePrecision, from: string, to: string } | null, reported: { text: string, precision: DatePrecision, from: string, to: string }, sources: Array<{ id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null }> }
    | { __typename: 'Source', title: string, publisher: string | null, author: string | null, url: string | null, id: string, published: { text: string, precision: DatePrecision, from: string, to: string } | null }
   | null };

export type ExplorerTimelineQueryVariables = Exact<{
  brand: string;
  asOf?: string | null | undefined;
}>;


export type ExplorerTimelineQuery = { partnerHistory: Array<{ id: string, kind: PartnershipKind, confidence: Confidence, reported: { text: string, precision: DatePrecision, from: string, to: string }, announced: { text: string, precision: DatePrecision, from: string, to: string } | null, started: { text: string, precision: DatePrecision, from: string, to: string } | null, ended: { text: string, precision: DatePrecision, from: string, to: string } | null, brands: Array<{ id: string, name: string }>, span: { startedOn: string | null, startedOnPrecision: DatePrecision | null, endedOn: string | null, endedOnPrecision: DatePrecision | null, start: { event: ValidTimeEvent } | null, end: { event: ValidTimeEvent } | null } }> };

export type ExplorerPathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  asOf?: string | null | undefined;
}>;


export type ExplorerPathsQuery = { paths: Array<{ length: number, nodes: Array<{ type: EntityType, label: string, id: string }>, edges: Array<{ type: RelationshipType, source: string, target: string, confidence: Confidence, id: string, reported: { text: string, precision: DatePrecision, from: string, to: string }, sources: Array<{ id: string, title: string, publisher: string | null, author: string | null, url: string | null, published: { text: string, precision: DatePrecision, from: string, to: string } | null }> }> }> };

export type ExplorerDevicePageFragment = { totalCount: number, edges: Array<{ node: { id: string, name: string, announced: { from: string } | null } }> };

export type ExplorerDeviceYearsQueryVariables = Exact<{
  brand: string | number;
  asOf?: string | null | undefined;
  ever?: string | null | undefined;
}>;


export type ExplorerDeviceYearsQuery = { all: { totalCount: number }, earliest: { totalCount: number, edges: Array<{ node: { id: string, name: string, announced: { from: string } | null } }> }, latest: { totalCount: number, edges: Array<{ node: { id: string, name: string, announced: { from: string } | null } }> } };

export type ExplorerDeviceGroupQueryVariables = Exact<{
  brand: string | number;
  asOf?: string | null | undefined;
  from: string;
  to: string;
  size: number;
}>;


export type ExplorerDeviceGroupQuery = { page: { totalCount: number, edges: Array<{ node: { id: string, name: string, announced: { from: string } | null } }> } };

export type ExplorerUndatedDevicesQueryVariables = Exact<{
  brand: string | number;
  asOf?: string | null | undefined;
  size: number;
}>;


export type ExplorerUndatedDevicesQuery = { page: { totalCount: number, edges: Array<{ node: { id: string, name: string, announced: { from: string } | null } }> } };
