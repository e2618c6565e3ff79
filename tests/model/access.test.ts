import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyring } from '../../src/model/access.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { startApp } from '../../src/server/app.js';
import { graphFingerprint, neo4jEnv } from '../helpers/database.js';
import { ADMIN_KEY, EDITOR_KEY, startEditingApp } from '../helpers/editing.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

describe('API keys from the environment', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-keys-'));

  it('reads API_KEYS and API_KEYS_FILE, names each key, and keeps only digests', () => {
    const file = path.join(dir, 'keys');
    writeFileSync(file, '# editors of the night shift\neditor:night:night-shift-key-000001-b5d9f3a7c1e\n\nadmin:second-admin-key-0001-e6a2c8f4b0d\n');
    const config = loadConfig({ API_KEYS: 'editor:first-editor-key-0001-3c7e1a9f5b,admin:ops:ops-admin-key-000001-9d5b1f7c3ae', API_KEYS_FILE: file });
    expect(config.apiKeys.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'editor-1', role: 'editor' },
      { name: 'ops', role: 'admin' },
      { name: 'night', role: 'editor' },
      { name: 'admin-2', role: 'admin' },
    ]);
    expect(JSON.stringify(config)).not.toMatch(/first-editor-key|ops-admin-key|night-shift-key|second-admin-key/);
    expect(loadConfig({}).apiKeys).toEqual([]);
  });

  it('rejects malformed entries without echoing the key', () => {
    const cases: Array<[string, RegExp]> = [
      ['writer:some-long-enough-key-01-7c5e9a3f', /API_KEYS entry 1 must be "editor:<key>"/],
      ['editor:short', /at least 32 characters/],
      ['editor:a b:some-long-enough-key-01-7c5e9a3f', /key name/],
      ['editor:some-long-enough-key-01-7c5e9a3f,admin:some-long-enough-key-01-7c5e9a3f', /entry 2 repeats an earlier key/],
      ['editor:x:some-long-enough-key-01-7c5e9a3f,admin:x:other-long-enough-key-1-4b8d2f6a', /Two API keys are named "x"/],
    ];
    for (const [value, message] of cases) {
      const error = (() => {
        try {
          loadConfig({ API_KEYS: value });
        } catch (caught) {
          return caught as Error;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/some-long-enough-key|other-long-enough|short/);
    }
    expect(() => loadConfig({ API_KEYS_FILE: path.join(dir, 'missing') })).toThrow(/API_KEYS_FILE .* cannot be read: ENOENT/);
  });

  it('identifies a bearer key; anything else is an unrecognised key, and no header is a public request', () => {
    const keyring = new ApiKeyring(loadConfig({ API_KEYS: `editor:${EDITOR_KEY}` }).apiKeys);
    expect(keyring.identify(undefined)).toEqual({ presented: false });
    expect(keyring.identify(`Bearer ${EDITOR_KEY}`)).toEqual({ presented: true, caller: { name: 'editor-1', role: 'editor' } });
    expect(keyring.identify(`bearer  ${EDITOR_KEY} `)).toEqual({ presented: true, caller: { name: 'editor-1', role: 'editor' } });
    expect(keyring.identify(`Bearer ${EDITOR_KEY}x`)).toEqual({ presented: true, caller: null });
    expect(keyring.identify(`Basic ${EDITOR_KEY}`)).toEqual({ presented: true, caller: null });
    expect(keyring.identify(EDITOR_KEY)).toEqual({ presented: true, caller: null });
  });
});

describe('access control over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startEditingApp();
  });
  afterAll(() => app?.stop());

  const UPSERT = 'mutation { upsertBrand(input: { name: "Wtest Access" }) { id } }';

  it('answers UNAUTHENTICATED to a write without a key or with a wrong one, and writes nothing', async () => {
    const before = await graphFingerprint(app.db);
    const anonymous = await app.graphql(UPSERT);
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(anonymous.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    const wrong = await app.graphql(UPSERT, {}, `${EDITOR_KEY}-wrong`);
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(wrong)).not.toContain(EDITOR_KEY);
    expect(await graphFingerprint(app.db)).toBe(before);
  });

  it('answers FORBIDDEN to an editor deleting, and deletes nothing', async () => {
    const before = await graphFingerprint(app.db);
    const result = await app.graphql('mutation { deleteBrand(id: "brand:leica") }', {}, EDITOR_KEY);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(result.errors?.[0]?.message).toMatch(/needs the admin role; the key "editor-1" is an editor/);
    expect(await graphFingerprint(app.db)).toBe(before);
  });

  it('keeps reads public, with or without a key, and the audit trail for keys', async () => {
    const read = '{ brand(name: "Leica") { id } }';
    expect((await app.graphql(read)).data.brand).toEqual({ id: 'brand:leica' });
    expect((await app.graphql(read, {}, 'not-a-key-anyone-issued')).data.brand).toEqual({ id: 'brand:leica' });
    const changes = await app.graphql('{ changes { totalCount } }');
    expect(changes.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await app.graphql('{ changes { totalCount } }', {}, ADMIN_KEY)).errors).toBeUndefined();
  });

  it('is read-only when no key is configured', async () => {
    const readOnly = await startTestApp();
    try {
      const result = await readOnly.graphql(UPSERT, {}, EDITOR_KEY);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    } finally {
      await readOnly.stop();
    }
  });
});

it('never logs a key, even at debug level', async () => {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const config = loadConfig({ ...neo4jEnv(), PORT: '0', SEED_ON_START: 'false', WARM_UP: 'false', API_KEYS: `editor:${EDITOR_KEY},admin:${ADMIN_KEY}` });
  const app = await startApp(config, log);
  try {
    const url = `${new URL(app.url).origin}/graphql`;
    for (const key of [EDITOR_KEY, `${ADMIN_KEY}-wrong`, ADMIN_KEY]) {
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: 'mutation { deleteBrand(id: "brand:wtest-never-there") }' }),
      });
    }
  } finally {
    await app.stop();
  }
  expect(lines.filter((line) => line.includes('graphql request'))).toHaveLength(3);
  expect(lines.find((line) => line.includes('Partnergraph is ready'))).toContain('"writers":["editor-1 (editor)","admin-1 (admin)"]');
  expect(lines.join('')).not.toMatch(new RegExp(`${EDITOR_KEY}|${ADMIN_KEY}`));
});
