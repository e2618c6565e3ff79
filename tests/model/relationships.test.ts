import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { certaintyRankCypher, compareClaims } from '../../src/model/claim.js';
import { cypherDir } from '../../src/store/neo4j/cypherLibrary.js';
import { RELATION_ENDPOINTS } from '../../src/model/records.js';
import { batchStatement } from '../../src/store/reads/cypher.js';
import { ALL_SPECS } from '../../src/store/reads/read.js';
import { CLAIM_RELATIONSHIP_TYPES, CONTAINMENT_RELATIONSHIP_TYPES, RELATIONSHIPS, endpointsOf } from '../../src/model/relationships.js';
import { Confidence, Relation, RelationshipType } from '../../src/model/enums.js';

const cypherFiles = readdirSync(cypherDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.cypher'))
  .map((file) => ({ file, text: readFileSync(path.join(cypherDir, file), 'utf8') }));

it("derives the enums and the importer's endpoint checks from the table", () => {
  expect(Object.values(RelationshipType).sort()).toEqual(Object.keys(CLAIM_RELATIONSHIP_TYPES).sort());
  expect(Object.values(Relation).sort()).toEqual(['CAMERA_BY', 'COVERS', 'MADE_BY', 'USES_CHIP']);
  expect(RELATION_ENDPOINTS.MADE_BY).toEqual({ from: ['device', 'chip'], to: 'brand' });
  expect(RELATION_ENDPOINTS.COVERS).toEqual({ from: ['partnership'], to: 'device' });
  expect(endpointsOf('PARTY_TO')).toEqual({ from: ['Brand'], to: ['Partnership'] });
  // Every type the table stores is read by some field, and every field has a unique name.
  const stored = new Set(RELATIONSHIPS.flatMap((r) => (r.shape.kind === 'claim' ? [r.shape.type] : [])));
  expect([...stored].sort()).toEqual(Object.keys(CLAIM_RELATIONSHIP_TYPES).sort());
  expect(new Set(RELATIONSHIPS.map((r) => r.name)).size).toBe(RELATIONSHIPS.length);
});

it('leaves no relationship statement in cypher/ and names only declared relationship types there', () => {
  const declared = new Set<string>([...Object.keys(CLAIM_RELATIONSHIP_TYPES), ...CONTAINMENT_RELATIONSHIP_TYPES]);
  for (const { file, text } of cypherFiles) {
    expect(file).not.toMatch(/By\w+Ids\.cypher$/);
    for (const [, types] of text.matchAll(/\[\w*:([A-Z_|]+)[\]*{ ]/g)) {
      for (const type of types!.split('|')) expect({ file, type, declared: declared.has(type) }).toEqual({ file, type, declared: true });
    }
  }
  const paths = cypherFiles.find(({ file }) => file === 'shortestPathsBetweenIds.cypher')!.text;
  expect(paths).toContain(`[:${Object.keys(CLAIM_RELATIONSHIP_TYPES).join('|')}*`);
});

it('pins every Cypher ranking of claims to the TypeScript rule', () => {
  let pinned = 0;
  for (const { file, text } of cypherFiles) {
    for (const [expression, variable] of text.matchAll(/CASE (\w+)\.confidence WHEN[^]*?END/g)) {
      expect({ file, expression }).toEqual({ file, expression: certaintyRankCypher(variable!) });
      pinned += 1;
    }
  }
  expect(pinned).toBeGreaterThanOrEqual(2);
  // The rule itself: newest first, then most certain, a denial as certain as a confirmation.
  const claim = (confidence: Confidence, reportedOn: string) => ({ confidence, reportedOn });
  expect(compareClaims(claim(Confidence.SPECULATED, '2022-06-01'), claim(Confidence.CONFIRMED, '2022-05-01'))).toBeLessThan(0);
  expect(compareClaims(claim(Confidence.REPORTED, '2022-05-01'), claim(Confidence.RUMORED, '2022-05-01'))).toBeLessThan(0);
  expect(compareClaims(claim(Confidence.DENIED, '2022-05-01'), claim(Confidence.CONFIRMED, '2022-05-01'))).toBe(0);
});

it('generates one statement for many read groups, each with its own parameters and no null guards', () => {
  const { text, params } = batchStatement([
    { read: ALL_SPECS, asOf: null, parentIds: ['device:a', 'device:b'] },
    { read: ALL_SPECS, asOf: '2022-05-20', parentIds: ['device:a'] },
  ]);
  expect(text).not.toMatch(/IS NULL OR/);
  expect(text).not.toMatch(/LIMIT/);
  expect(text.match(/UNWIND \$g\d+keys AS key/g)).toHaveLength(2);
  expect(text).toContain('date($g1asOf)');
  expect(text).not.toContain('date($g0asOf)');
  expect(text).toMatch(/RETURN g0, g1$/);
  expect(params).toEqual({ g0keys: ['device:a', 'device:b'], g1asOf: '2022-05-20', g1keys: ['device:a'] });
});
