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
import { MODEL_STATEMENTS } from '../../src/store/neo4j/modelStatements.js';
import { LOOKUP_KEY } from '../../src/model/entityKinds.js';

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
  const declared = new Set<string>([...Object.keys(CLAIM_RELATIONSHIP_TYPES), ...CONTAINMENT_RELATIONSHIP_TYPES, LOOKUP_KEY.type]);
  for (const { file, text } of cypherFiles) {
    expect(file).not.toMatch(/By\w+Ids\.cypher$/);
    for (const [, types] of text.matchAll(/\[\w*:([A-Z_|]+)[\]*{ ]/g)) {
      for (const type of types!.split('|')) expect({ file, type, declared: declared.has(type) }).toEqual({ file, type, declared: true });
    }
  }
});

it('composes the statements that list every type, label or rank from the model, and writes none of them out', () => {
  const texts = Object.values(MODEL_STATEMENTS);
  for (const text of texts) expect(text).not.toMatch(/\$\{|undefined|\[object/);
  // Every claim type, and only claim types, is walked by the path finder and found by claim(id:).
  const types = Object.keys(CLAIM_RELATIONSHIP_TYPES);
  expect(MODEL_STATEMENTS.shortestPathsBetweenIds).toContain(`[:${types.join('|')}*..6]`);
  expect(MODEL_STATEMENTS.relationshipClaimById.match(/\[r:(\w+) \{id: \$id\}\]/g)).toHaveLength(types.length);
  // Export pages and counts cover the linkable types, the ones relationship records write.
  const linkable = Object.values(Relation).sort();
  expect([...MODEL_STATEMENTS.exportRelationshipClaims.matchAll(/\[r:(\w+)\]/g)].map(([, type]) => type).sort()).toEqual(linkable);
  expect(MODEL_STATEMENTS.recordCountsByType).toContain(
    `COUNT { ()-[:${Object.keys(CLAIM_RELATIONSHIP_TYPES)
      .filter((type) => linkable.includes(type as Relation))
      .join('|')}]->() } AS Relationship`,
  );
  // A change to a device moves the derived fields of the devices linked to it by any claim type that touches devices.
  expect(MODEL_STATEMENTS.entitySnapshotById).toContain('[(n)-[:MADE_BY|USES_CHIP|CAMERA_BY|COVERS|ABOUT]-(d:Device) | d.id]');
  expect(MODEL_STATEMENTS.entitySnapshotById).toContain('brands: CASE WHEN n:Partnership THEN [(x:Brand)-[:PARTY_TO]->(n) | x.id] END');
  expect(MODEL_STATEMENTS.entitySnapshotById).toContain('devices: CASE WHEN n:Leak THEN [(n)-[:ABOUT]->(x:Device) | x.id] END');
  // Claims are ranked the one way the model ranks them.
  expect(MODEL_STATEMENTS.refreshDeviceIdentity).toContain(`ORDER BY s.reportedOn DESC, ${certaintyRankCypher('s')} DESC, s.id`);
  expect(MODEL_STATEMENTS.shortestPathsBetweenIds).toContain(certaintyRankCypher('r'));
});

it('ranks claims in Cypher only through the TypeScript rule, never by hand in cypher/', () => {
  for (const { file, text } of cypherFiles) expect({ file, ranks: /CASE \w+\.confidence WHEN/.test(text) }).toEqual({ file, ranks: false });
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
