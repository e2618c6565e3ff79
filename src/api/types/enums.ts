import { registerEnumType } from 'type-graphql';
import { describeEndpoints } from '../../model/relationships.js';
import {
  BrandRole,
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
registerEnumType(EntityType, { name: 'EntityType' });
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: `${describeEndpoints(CLAIM_TYPES)}.`,
});
registerEnumType(Confidence, { name: 'Confidence', description: 'How sure the graph is of a claim.' });
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precise a date is.' });
registerEnumType(BrandRole, { name: 'BrandRole' });
registerEnumType(PartnershipKind, { name: 'PartnershipKind' });
registerEnumType(DeviceStatus, { name: 'DeviceStatus' });
registerEnumType(Relation, { name: 'Relation', description: `A relationship claim editors can link: ${describeEndpoints(LINKABLE_TYPES)}.` });
registerEnumType(PartnershipStatsGroupBy, { name: 'PartnershipStatsGroupBy' });
registerEnumType(ValidTimeEvent, { name: 'ValidTimeEvent', description: 'What a valid-time claim says happened to a partnership, device or chip.' });
