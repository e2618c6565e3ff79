import type { ModelStatementName } from './modelStatements.js';

/**
 * The statements in cypher/*.cypher, by file name without extension. Code names a statement with a
 * QueryName, so a misspelt or deleted one fails to compile; tests/store/neo4j/queryNames.test.ts keeps this
 * list equal to the directory. The statements composed from the model (modelStatements.ts) are named too.
 */
export const QUERY_NAMES = [
  'appliedMigrationNames',
  'bookmarkProbe',
  'changeLogHead',
  'changesAfterSeq',
  'changesPage',
  'claimsBetween',
  'claimsCitingSource',
  'clearQueryCaches',
  'deleteEntity',
  'deleteRelationshipClaims',
  'deploymentSecret',
  'existingEntityIds',
  'exportBrands',
  'exportChips',
  'exportDevices',
  'exportLeaks',
  'exportPartnerships',
  'exportSources',
  'exportSpecs',
  'exportValidTimes',
  'forgetImportRun',
  'importDevices',
  'importLeaks',
  'importPartnerships',
  'importRelationshipClaims',
  'importRunProgress',
  'importSources',
  'importSpecs',
  'importValidTimes',
  'lockEntity',
  'partnershipCountsByGroup',
  'pendingChangeCount',
  'recordAppliedMigration',
  'recordChanges',
  'recordImportProgress',
  'registryResolutionIndex',
  'sequenceChanges',
  'validTimeClaimsOfSubjects',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number] | ModelStatementName;
