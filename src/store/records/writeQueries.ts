import type { RecordType } from '../../model/records.js';
import type { QueryName } from '../neo4j/queryNames.js';

/** The statement that writes each record type, for the importer and the editor alike, so the API and an import write the same way. */
export const WRITE_QUERY: Record<RecordType, QueryName> = {
  Source: 'importSources',
  Brand: 'importBrands',
  Chip: 'importChips',
  Device: 'importDevices',
  Partnership: 'importPartnerships',
  Leak: 'importLeaks',
  Relationship: 'importRelationshipClaims',
  Spec: 'importSpecs',
  ValidTime: 'importValidTimes',
};
