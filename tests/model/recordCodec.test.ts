import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import {
  compareClaims,
  relationshipClaimNode,
  type Claim,
  type RankedClaim,
  type RelationshipClaim,
  type RelationshipClaimNode,
} from '../../src/model/claim.js';
import { relationshipClaimOf, toRecord, toRow } from '../../src/model/recordCodec.js';
import {
  ImportRecord,
  LIST_FIELDS,
  PARTIAL_DATE_FIELDS,
  RECORD_FIELDS,
  WRITE_ORDER,
  devicesDerivedFrom,
  idOf,
  prefixOf,
  referencesOf,
  type RecordOf,
} from '../../src/model/records.js';
import type { ChangeFeed } from '../../src/store/changes/changeFeed.js';
import type { GraphEditor } from '../../src/store/records/graphEditor.js';
import { listImportFiles } from '../../src/store/records/importer.js';
import { seedDir } from '../../src/store/records/seed.js';
import type { ClaimChangedResolver } from '../../src/api/resolvers/changeSubscription.resolver.js';

/** Every line of the seed and of the imaging data set, as written and as the import parses it. */
const lines = [...listImportFiles(seedDir), path.join(projectRoot, 'data/imaging/imaging.jsonl')].flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ file: path.basename(file), line, record: ImportRecord.parse(JSON.parse(line)) })),
);
const records = lines.map(({ record }) => record);
const claimRecords = records.filter((record) => (RECORD_FIELDS[record.type] as readonly string[]).includes('confidence'));
const relationships = records.filter((record): record is RecordOf<'Relationship'> => record.type === 'Relationship');

/** The schemas take a null field as absent, and the store keeps no null: the two are the same record. */
const withoutNulls = (record: object) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));

describe('record codec (src/model/recordCodec.ts), declared once for the importer, the editor and the exporter', () => {
  it('reads the data sets with every record type', () => {
    expect(new Set(records.map((record) => record.type))).toEqual(new Set(WRITE_ORDER));
  });

  it('round-trips every record of the seed and the imaging data set: record → row → record is the record', () => {
    for (const record of records) expect(toRecord(record.type, toRow(record))).toEqual(withoutNulls(record));
  });

  it('gives back the seed lines byte for byte in the form export writes', () => {
    for (const { file, line, record } of lines.filter(({ file }) => file !== 'imaging.jsonl')) {
      expect(JSON.stringify(toRecord(record.type, toRow(record), { omitEmptyLists: true })), file).toBe(line);
    }
  });

  it('stores what the schemas declare: a day and a precision per partial date, sourceIds, the claim id, no undefined', () => {
    for (const record of records) {
      const row = toRow(record);
      expect(row.claimId).toBe(idOf(record));
      for (const field of RECORD_FIELDS[record.type] as readonly string[]) {
        if (PARTIAL_DATE_FIELDS.has(field) && row[field] !== null) {
          expect(row[field]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(['DAY', 'MONTH', 'YEAR']).toContain(row[`${field}Precision`]);
        }
        if (LIST_FIELDS.has(field)) expect(Array.isArray(row[field === 'sources' ? 'sourceIds' : field])).toBe(true);
      }
      expect(row).not.toHaveProperty('sources');
      expect(Object.values(row)).not.toContain(undefined);
    }
    expect([...PARTIAL_DATE_FIELDS].sort()).toEqual(['announcedOn', 'endedOn', 'on', 'publishedOn', 'reportedOn', 'startedOn']);
    expect([...LIST_FIELDS].sort()).toEqual(['aliases', 'brands', 'devices', 'roles', 'sources']);
  });

  it('derives the devices a record moves from what it refers to', () => {
    for (const record of records) {
      const own = record.type === 'Device' ? [record.id] : [];
      const referred = referencesOf(record)
        .map(({ id }) => id)
        .filter((id) => prefixOf(id) === 'device');
      expect(devicesDerivedFrom(record)).toEqual([...own, ...referred]);
    }
  });
});

describe('one Claim type (src/model/claim.ts) with the belief rule', () => {
  it('is the shape every claim record stores, and the one the belief rule ranks', () => {
    const claims: Claim[] = claimRecords.map((record) => {
      const row = toRow(record);
      return {
        id: row.claimId as string,
        confidence: row.confidence as Claim['confidence'],
        reportedOn: row.reportedOn as string,
        reportedOnPrecision: row.reportedOnPrecision as Claim['reportedOnPrecision'],
        sourceIds: row.sourceIds as string[],
      };
    });
    for (const claim of claims) {
      expect(claim.reportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(claim.sourceIds.length).toBeGreaterThan(0);
    }
    const ranked = [...claims].sort(compareClaims);
    for (let index = 1; index < ranked.length; index += 1) expect(ranked[index - 1]!.reportedOn >= ranked[index]!.reportedOn).toBe(true);
    expectTypeOf<Claim>().toExtend<RankedClaim>();
  });

  it("is what the editor's audit records, what the exporter reads back and what claimChanged returns", () => {
    for (const record of relationships) {
      const stored = relationshipClaimOf(record);
      expect(Object.keys(stored).sort()).toEqual(['confidence', 'from', 'id', 'relation', 'reportedOn', 'reportedOnPrecision', 'sourceIds', 'to']);
      // The exporter reads a stored claim with the same codec: the audit's claim is the record again.
      expect(toRecord('Relationship', { ...stored })).toEqual(record);
      const node = relationshipClaimNode(JSON.parse(JSON.stringify(stored)) as RelationshipClaim);
      expect(node).toMatchObject({ __typename: 'RelationshipClaim', id: idOf(record), fromId: record.from, toId: record.to });
    }
    expectTypeOf<ReturnType<GraphEditor['link']>>().resolves.toEqualTypeOf<RelationshipClaimNode>();
    expectTypeOf<ReturnType<ClaimChangedResolver['claim']>>().toEqualTypeOf<RelationshipClaimNode | null>();
    expectTypeOf<Parameters<ChangeFeed['claimExists']>[0]>().toEqualTypeOf<Pick<RelationshipClaim, 'id' | 'relation' | 'from' | 'to'>>();
  });
});
