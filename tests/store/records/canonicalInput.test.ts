import { describe, expect, it } from 'vitest';
import { graphFingerprint } from '../../helpers/database.js';
import { EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';

const app = useEditingApp('wcanon');

const UPSERT_BRAND = 'mutation($input: BrandInput!) { upsertBrand(input: $input) { id name aliases } }';
const UPSERT_SOURCE = 'mutation($input: SourceInput!) { upsertSource(input: $input) { id } }';
const LINK = 'mutation($input: LinkInput!) { link(input: $input) { id } }';
const RECORD_LEAK = 'mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id } }';
const BRAND_BY_NAME = 'query($name: String!) { brand(name: $name) { id name } }';
const SOURCE = 'source:partnergraph-editors';

async function expectRejected(query: string, variables: Record<string, unknown>, expected: Record<string, unknown>, message?: RegExp) {
  const before = await graphFingerprint(app().db);
  const result = await app().graphql(query, variables, EDITOR_KEY);
  expect(result.errors?.[0]?.extensions).toMatchObject(expected);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(await graphFingerprint(app().db)).toBe(before);
}

async function leicaByName(name: string) {
  return (await app().graphql(BRAND_BY_NAME, { name })).data?.brand;
}

describe('a name whose derived id another entity has', () => {
  it('is a CONFLICT, never a rename of brand:leica', async () => {
    await expectRejected(UPSERT_BRAND, { input: { name: 'LEICA!!' } }, { code: 'CONFLICT', field: 'input.name', id: 'brand:leica' }, /give input.id/);
    expect(await leicaByName('Leica')).toEqual({ id: 'brand:leica', name: 'Leica' });
  });

  it('is the same name once canonical: full-width "Ｌｅｉｃａ" writes Leica as it is', async () => {
    const result = await app().graphql(UPSERT_BRAND, { input: { name: 'Ｌｅｉｃａ' } }, EDITOR_KEY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.upsertBrand).toMatchObject({ id: 'brand:leica', name: 'Leica' });
    expect(await leicaByName('Leica')).toEqual({ id: 'brand:leica', name: 'Leica' });
  });

  it('stays a rename when the caller gives the id', async () => {
    const created = await app().graphql(UPSERT_BRAND, { input: { name: 'Wcanon Renamed' } }, EDITOR_KEY);
    expect(created.data?.upsertBrand.id).toBe('brand:wcanon-renamed');
    const renamed = await app().graphql(UPSERT_BRAND, { input: { id: 'brand:wcanon-renamed', name: 'WCANON renamed!' } }, EDITOR_KEY);
    expect(renamed.data?.upsertBrand).toMatchObject({ id: 'brand:wcanon-renamed', name: 'WCANON renamed!' });
  });
});

describe('names and aliases as stored', () => {
  it('are NFKC, trimmed, with inner whitespace collapsed', async () => {
    const result = await app().graphql(UPSERT_BRAND, { input: { name: '  Wcanon \u00A0 Ｃａｍｅｒａ ', aliases: [' Wcanon\tCam '] } }, EDITOR_KEY);
    expect(result.data?.upsertBrand).toEqual({ id: 'brand:wcanon-camera', name: 'Wcanon Camera', aliases: ['Wcanon Cam'] });
  });

  it('refuse control, bidi-override and zero-width characters, naming the code point', async () => {
    for (const [name, codePoint] of [
      ['Wcanon\u0000Nul', 'U+0000'],
      ['Wcanon \u202Eevil', 'U+202E'],
      ['Wcanon\u200BZero', 'U+200B'],
    ] as const) {
      await expectRejected(UPSERT_BRAND, { input: { name } }, { code: 'BAD_USER_INPUT', field: 'input.name' }, new RegExp(codePoint.replace('+', '\\+')));
    }
    await expectRejected(
      UPSERT_BRAND,
      { input: { name: 'Wcanon Alias', aliases: ['ok', 'Lei\u2066ca'] } },
      { code: 'BAD_USER_INPUT', field: 'input.aliases.1' },
      /U\+2066/,
    );
  });

  it('refuse a Latin name with a Cyrillic look-alike letter unless allowMixedScripts is set', async () => {
    await expectRejected(UPSERT_BRAND, { input: { name: 'Wcanon L\u0435ica' } }, { code: 'BAD_USER_INPUT', field: 'input.name' }, /Latin and Cyrillic/);
    await expectRejected(
      UPSERT_BRAND,
      { input: { name: 'Wcanon Mix', aliases: ['\u039Fppo'] } },
      { code: 'BAD_USER_INPUT', field: 'input.aliases.0' },
      /Greek and Latin/,
    );
    const intended = await app().graphql(UPSERT_BRAND, { input: { name: 'Wcanon L\u0435ica', allowMixedScripts: true } }, EDITOR_KEY);
    expect(intended.errors).toBeUndefined();
    expect(intended.data?.upsertBrand.name).toBe('Wcanon L\u0435ica');
    const cjk = await app().graphql(UPSERT_BRAND, { input: { name: 'Wcanon 小米 Xiaomi' } }, EDITOR_KEY);
    expect(cjk.errors).toBeUndefined();
  });
});

describe('lookups by name', () => {
  it('normalise like writes: NFD, full-width and spaced forms find the brand', async () => {
    await app().graphql(UPSERT_BRAND, { input: { name: 'Wcanon Citroën' } }, EDITOR_KEY);
    expect((await leicaByName('Wcanon Citroën'.normalize('NFD')))?.id).toBe('brand:wcanon-citroen');
    expect((await leicaByName('ｗｃａｎｏｎ  ＣＩＴＲＯËＮ'))?.id).toBe('brand:wcanon-citroen');
    expect((await leicaByName('Ｌｅｉｃａ'))?.id).toBe('brand:leica');
  });
});

describe('dates from the future', () => {
  const claim = { relation: 'USES_CHIP', from: 'device:xiaomi-12s', to: 'chip:sm8475', confidence: 'RUMORED', sources: [SOURCE] };

  it('are refused for what is reported or published', async () => {
    await expectRejected(
      UPSERT_SOURCE,
      { input: { title: 'Wcanon future', publishedOn: '9999-12-31' } },
      { code: 'BAD_USER_INPUT', field: 'input.publishedOn' },
      /tomorrow/,
    );
    await expectRejected(LINK, { input: { ...claim, reportedOn: '9999-12-31' } }, { code: 'BAD_USER_INPUT', field: 'input.reportedOn' }, /tomorrow/);
    await expectRejected(
      RECORD_LEAK,
      {
        input: {
          summary: 'Wcanon future leak',
          devices: ['device:xiaomi-12s'],
          confidence: 'RUMORED',
          reportedOn: '9999-12-31',
          source: { id: SOURCE, title: 'Partnergraph editors: publicly announced partnerships and products, recorded without a citation' },
        },
      },
      { code: 'BAD_USER_INPUT', field: 'input.reportedOn' },
      /tomorrow/,
    );
  });

  it('allow tomorrow (UTC), for a report published in a time zone ahead', async () => {
    const now = new Date();
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
    const result = await app().graphql(UPSERT_SOURCE, { input: { title: 'Wcanon tomorrow', publishedOn: tomorrow } }, EDITOR_KEY);
    expect(result.errors).toBeUndefined();
  });
});
