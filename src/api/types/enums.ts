import { registerEnumType } from 'type-graphql';
import { describeEndpoints } from '../../model/relationships.js';
import { labelOfType } from '../../model/entityKinds.js';
import { Role } from '../../model/access.js';
import {
  BrandRole,
  ChangeOperation,
  Confidence,
  DatePrecision,
  DeviceStatus,
  EntityType,
  PartnershipKind,
  PartnershipStatsGroupBy,
  Relation,
  RelationshipType,
  ValidTimeEvent,
  CLAIM_TYPES,
  LINKABLE_TYPES,
} from '../../model/enums.js';

/** The model's enums as GraphQL names and describes them; the schema imports this before it is built. */
/** Every value of an enum described, by the function or by the table. */
function described<TValue extends string>(values: Record<string, TValue>, describe: ((value: TValue) => string) | Record<TValue, string>) {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, { description: typeof describe === 'function' ? describe(value) : describe[value] }]),
  );
}

registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kinds of entity the graph holds.',
  valuesConfig: described(EntityType, (type) => `An entity of type ${labelOfType(type)}.`),
});
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: `${describeEndpoints(CLAIM_TYPES)}.`,
  valuesConfig: described(RelationshipType, (type) => `A claim from ${describeEndpoints([type]).slice(type.length + 2)}.`),
});
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How sure the graph is of a claim.',
  valuesConfig: described(Confidence, {
    CONFIRMED: 'Confirmed: announced or stated by a party to it. The only value that means official.',
    REPORTED: 'Reported by a source as fact, not confirmed by a party.',
    RUMORED: 'A rumour or a leak.',
    SPECULATED: 'Speculation: inferred, not reported as fact.',
    DENIED: 'Denied: said not to be so.',
  }),
});
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precise a date is.',
  valuesConfig: described(DatePrecision, { DAY: 'The day is known.', MONTH: 'Only the month is known.', YEAR: 'Only the year is known.' }),
});
registerEnumType(BrandRole, {
  name: 'BrandRole',
  description: 'What a brand does in the graph; a brand may have several roles.',
  valuesConfig: described(BrandRole, {
    PHONE_MAKER: 'Makes phones.',
    CAMERA_MAKER: 'Makes cameras.',
    OPTICS_PARTNER: 'Lends its optics or imaging name to other makers.',
    CHIP_VENDOR: 'Sells chips, such as systems on a chip.',
    CONSUMER_ELECTRONICS: 'Makes other consumer electronics.',
  }),
});
registerEnumType(PartnershipKind, {
  name: 'PartnershipKind',
  description: 'What a partnership is about.',
  valuesConfig: described(PartnershipKind, {
    SMARTPHONE_IMAGING: 'Co-engineered smartphone cameras and co-branding (Leica with Huawei, Sharp, Xiaomi).',
    CAMERA_SYSTEM: 'Cameras and lenses developed together (Leica with Panasonic).',
    LICENSING: 'A licence of a name, patents or technology.',
    COMPONENT_SUPPLY: 'One party supplies components to the other.',
    OTHER: 'Anything else.',
  }),
});
registerEnumType(DeviceStatus, {
  name: 'DeviceStatus',
  description: 'Where a device is in its life.',
  valuesConfig: described(DeviceStatus, {
    RUMORED: 'Known only from leaks and rumours.',
    ANNOUNCED: 'Announced, not yet on sale.',
    RELEASED: 'On sale.',
    DISCONTINUED: 'No longer made or sold.',
    CANCELLED: 'Announced or rumoured, then never released.',
  }),
});
registerEnumType(Relation, {
  name: 'Relation',
  description: `A relationship claim editors can link: ${describeEndpoints(LINKABLE_TYPES)}.`,
  valuesConfig: described(Relation, (type) => `A claim from ${describeEndpoints([type]).slice(type.length + 2)}.`),
});
registerEnumType(PartnershipStatsGroupBy, {
  name: 'PartnershipStatsGroupBy',
  description: 'How partnershipStats groups partnerships.',
  valuesConfig: described(PartnershipStatsGroupBy, {
    YEAR: 'The year it started, else was announced, else was first reported.',
    KIND: 'Its kind.',
    PARTNER: 'Each brand party to it.',
  }),
});
registerEnumType(ChangeOperation, {
  name: 'ChangeOperation',
  description: 'What made a change: a mutation of this API, or an import of record files.',
  valuesConfig: described(ChangeOperation, (operation) => (operation === 'import' ? 'An import of record files.' : `The ${operation} mutation.`)),
});
registerEnumType(Role, {
  name: 'ApiKeyRole',
  description: 'The role of an API key.',
  valuesConfig: described(Role, { editor: 'May add and change entities and claims.', admin: 'May also delete entities and remove claims.' }),
});
registerEnumType(ValidTimeEvent, {
  name: 'ValidTimeEvent',
  description: 'What a valid-time claim says happened to a partnership, device or chip.',
  valuesConfig: described(ValidTimeEvent, {
    STARTED: 'A partnership started: the start of its span.',
    ACTIVE: 'A partnership was in force on the day: evidence inside its span.',
    EXTENDED: 'A partnership was extended or renewed: evidence inside its span.',
    ENDED: 'A partnership ended: the end of its span.',
    LAST_DEVICE: 'The last device of a partnership came out: a note, not a bound.',
    ANNOUNCED: 'A device or chip was announced: evidence, not yet a start.',
    LAUNCH_SCHEDULED: 'A device or chip was scheduled to go on sale: a start.',
    RELEASED: 'A device or chip went on sale: a start.',
    LAUNCH_POSTPONED: 'A launch was postponed: a note, not a bound.',
    DELAYED: 'A device or chip was delayed: a note, not a bound.',
    DISCONTINUED: 'A device or chip was discontinued: an end.',
    CANCELLED: 'A device or chip was cancelled before release: an end.',
  }),
});
