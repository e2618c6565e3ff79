import { describe, expect, it } from 'vitest';
import { graphFingerprint } from '../../helpers/database.js';
import { EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';

const app = useEditingApp('wtest');

const LINK = 'mutation($input: LinkInput!) { link(input: $input) { id } }';
const UPSERT_BRAND = 'mutation($input: BrandInput!) { upsertBrand(input: $input) { id } }';
const UPSERT_LEAK = 'mutation($input: LeakInput!) { upsertLeak(input: $input) { id } }';
const RECORD_LEAK = 'mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id } }';
const SOURCE = 'source:partnergraph-editors';
const chipClaim = { relation: 'USES_CHIP', from: 'device:xiaomi-12s', to: 'chip:sm8475', confidence: 'RUMORED', reportedOn: '2024-01-01', sources: [SOURCE] };

/** Runs a write that must fail with `expected` extensions and leave every node, relationship and property as it was. */
async function expectRejected(query: string, variables: Record<string, unknown>, expected: Record<string, unknown>, message?: RegExp) {
  const before = await graphFingerprint(app().db);
  const result = await app().graphql(query, variables, EDITOR_KEY);
  expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions).toMatchObject(expected);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(await graphFingerprint(app().db)).toBe(before);
}

describe('wrong types, unknown enum values and malformed values', () => {
  it('refuses a number for a name and unknown roles, relations and confidences before any resolver runs', async () => {
    await expectRejected(UPSERT_BRAND, { input: { name: 5 } }, { code: 'BAD_USER_INPUT' }, /String cannot represent a non string value/);
    await expectRejected(UPSERT_BRAND, { input: { name: 'Wtest Enum', roles: ['WIZARD'] } }, { code: 'BAD_USER_INPUT' }, /"WIZARD".*BrandRole/);
    await expectRejected(LINK, { input: { ...chipClaim, relation: 'OWNS' } }, { code: 'BAD_USER_INPUT' }, /"OWNS".*Relation/);
    await expectRejected(LINK, { input: { ...chipClaim, confidence: 'SURE' } }, { code: 'BAD_USER_INPUT' }, /"SURE".*Confidence/);
    const literal = await app().graphql('mutation { upsertBrand(input: { name: "Wtest", roles: [WIZARD] }) { id } }', {}, EDITOR_KEY);
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a malformed field of an upsert before any statement reaches Neo4j', async () => {
    const before = await app().queryCount();
    await expectRejected(
      UPSERT_BRAND,
      { input: { name: 'Wtest Early', country: 'Deutschland', aliases: ['x'.repeat(2_001)] } },
      { code: 'BAD_USER_INPUT', field: 'input.aliases.0' },
    );
    // graphFingerprint reads through the driver, outside the count: the mutation itself sent no statement.
    expect((await app().queryCount()) - before).toBe(0);
  });

  it('names the field of a malformed date, country, id or URL', async () => {
    await expectRejected(LINK, { input: { ...chipClaim, reportedOn: '2024-13-01' } }, { code: 'BAD_USER_INPUT', field: 'input.reportedOn' });
    await expectRejected(UPSERT_BRAND, { input: { name: 'Wtest Country', country: 'Germany' } }, { code: 'BAD_USER_INPUT', field: 'input.country' });
    await expectRejected(UPSERT_BRAND, { input: { id: 'Brand:Wtest', name: 'Wtest' } }, { code: 'BAD_USER_INPUT', field: 'input.id' });
    await expectRejected(UPSERT_BRAND, { input: { id: 'device:xiaomi-12s', name: 'Wtest' } }, { code: 'BAD_USER_INPUT', field: 'input.id' });
    await expectRejected(UPSERT_BRAND, { input: { name: '!!!' } }, { code: 'BAD_USER_INPUT', field: 'input.name' }, /derive the id/);
    await expectRejected(
      'mutation { upsertSource(input: { title: "Wtest", url: "javascript:alert(1)" }) { id } }',
      {},
      { code: 'BAD_USER_INPUT', field: 'input.url' },
    );
  });
});

describe('missing provenance', () => {
  it('needs confidence, reportedOn and at least one source on every claim', async () => {
    await expectRejected(LINK, { input: { ...chipClaim, sources: [] } }, { code: 'BAD_USER_INPUT', field: 'input.sources' }, /at least one source/);
    await expectRejected(LINK, { input: { ...chipClaim, reportedOn: undefined } }, { code: 'BAD_USER_INPUT' }, /reportedOn/);
    await expectRejected(
      UPSERT_LEAK,
      { input: { summary: 'Wtest leak', devices: ['device:xiaomi-12s'], confidence: 'RUMORED', reportedOn: '2024' } },
      {
        code: 'BAD_USER_INPUT',
        field: 'input.sources',
      },
    );
    await expectRejected(
      'mutation($input: ClaimVerdictInput!) { denyClaim(input: $input) { id } }',
      { input: { relation: 'USES_CHIP', from: 'device:xiaomi-12s', to: 'chip:sm8475', reportedOn: '2024-01-01' } },
      { code: 'BAD_USER_INPUT', field: 'input.sources' },
    );
  });
});

describe('oversized strings and lists', () => {
  it('caps strings at 2,000 characters and lists at 100 entries, naming the field', async () => {
    await expectRejected(UPSERT_BRAND, { input: { name: 'W'.repeat(2_001) } }, { code: 'BAD_USER_INPUT', field: 'input.name' }, /2000/);
    await expectRejected(
      UPSERT_BRAND,
      { input: { name: 'Wtest Many', aliases: Array.from({ length: 101 }, (_, index) => `alias ${index}`) } },
      { code: 'BAD_USER_INPUT', field: 'input.aliases' },
      /100/,
    );
    await expectRejected(
      UPSERT_BRAND,
      { input: { name: 'Wtest Long Alias', aliases: ['ok', 'a'.repeat(2_001)] } },
      { code: 'BAD_USER_INPUT', field: 'input.aliases.1' },
    );
    await expectRejected(
      RECORD_LEAK,
      {
        input: {
          summary: 'Wtest flood',
          devices: ['device:xiaomi-12s'],
          confidence: 'RUMORED',
          reportedOn: '2024',
          source: { title: 'Wtest flood source' },
          specs: Array.from({ length: 101 }, (_, index) => ({ device: 'device:xiaomi-12s', key: `wtest.key${index}`, value: 'x' })),
        },
      },
      { code: 'BAD_USER_INPUT', field: 'input.specs' },
    );
  });
});

describe('dangling references', () => {
  it('refuses a claim about a device that does not exist, naming the field and the id', async () => {
    await expectRejected(
      LINK,
      { input: { ...chipClaim, from: 'device:wtest-nokia-9' } },
      { code: 'BAD_USER_INPUT', field: 'input.from' },
      /device:wtest-nokia-9/,
    );
    await expectRejected(LINK, { input: { ...chipClaim, sources: [SOURCE, 'source:wtest-nowhere'] } }, { code: 'BAD_USER_INPUT', field: 'input.sources.1' });
    await expectRejected(
      UPSERT_LEAK,
      { input: { summary: 'Wtest leak', devices: ['device:xiaomi-12s', 'device:wtest-ghost'], confidence: 'RUMORED', reportedOn: '2024', sources: [SOURCE] } },
      { code: 'BAD_USER_INPUT', field: 'input.devices.1' },
    );
  });

  it('refuses an id named twice in one list', async () => {
    await expectRejected(
      'mutation($input: PartnershipInput!) { upsertPartnership(input: $input) { id } }',
      { input: { brands: ['brand:leica', 'brand:leica'], kind: 'OTHER', confidence: 'RUMORED', reportedOn: '2024', sources: [SOURCE] } },
      { code: 'BAD_USER_INPUT', field: 'input.brands.1' },
      /repeats "brand:leica" \(also input.brands.0\)/,
    );
    await expectRejected(LINK, { input: { ...chipClaim, sources: [SOURCE, SOURCE] } }, { code: 'BAD_USER_INPUT', field: 'input.sources.1' });
  });

  it('refuses a relation between the wrong kinds of entity', async () => {
    await expectRejected(
      LINK,
      { input: { ...chipClaim, from: 'brand:leica' } },
      { code: 'BAD_USER_INPUT', field: 'input.from' },
      /USES_CHIP starts at a device/,
    );
  });

  it('writes nothing of a recorded leak when its last spec is invalid: not its source, not its leak', async () => {
    await expectRejected(
      RECORD_LEAK,
      {
        input: {
          summary: 'Wtest half leak',
          devices: ['device:xiaomi-12s'],
          confidence: 'RUMORED',
          reportedOn: '2024',
          source: { title: 'Wtest half source' },
          claims: [{ relation: 'USES_CHIP', from: 'device:xiaomi-12s', to: 'chip:sm8475' }],
          specs: [{ device: 'device:xiaomi-12s', key: 'not a key', value: 'x' }],
        },
      },
      { code: 'BAD_USER_INPUT', field: 'input.specs.0.key' },
    );
  });
});
