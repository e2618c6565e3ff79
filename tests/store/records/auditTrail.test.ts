import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/store/records/importer.js';
import { EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';
import { connectSubscriptions } from '../../helpers/subscriptions.js';

/** The import CLI's writes leave an audit trail and raise change events like any mutation's. */
const app = useEditingApp('wimp');
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-import-audit-'));

const GRAPH_CHANGED = 'subscription { graphChanged { entityId entityType operation cursor } }';
const CHANGES =
  'query($entityId: ID) { changes(entityId: $entityId, first: 50) { totalCount edges { node { actor role operation entityId relatedIds before after } } } }';

const records = [
  { type: 'Source', id: 'source:wimp-note', title: 'Wimp note' },
  { type: 'Brand', id: 'brand:wimp-one', name: 'Wimp One', country: 'DE' },
  { type: 'Device', id: 'device:wimp-phone', name: 'Wimp Phone', status: 'RUMORED' },
  {
    type: 'Relationship',
    relation: 'MADE_BY',
    from: 'device:wimp-phone',
    to: 'brand:wimp-one',
    confidence: 'CONFIRMED',
    reportedOn: '2026-01',
    sources: ['source:wimp-note'],
  },
];

function jsonl(name: string, lines: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
  return file;
}

const changeCount = async () =>
  Number((await app().db.driver.executeQuery('MATCH (c) WHERE c:Change OR c:PendingChange RETURN count(c) AS n')).records[0]!.get('n'));

describe('an import', () => {
  it('raises graphChanged events for what it wrote, keeps audit entries an editor reads, and adds none when re-imported', async () => {
    const client = connectSubscriptions(app().baseUrl);
    try {
      const subscriber = client.subscribe(GRAPH_CHANGED);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const file = jsonl('wimp.jsonl', records);
      await importFiles(app().db, [file], { batchSize: 2 });

      const events = await subscriber.received(4, 10_000);
      expect(events.map((event) => [event.entityId, event.entityType, event.operation])).toEqual([
        ['source:wimp-note', 'SOURCE', 'IMPORT'],
        ['brand:wimp-one', 'BRAND', 'IMPORT'],
        ['device:wimp-phone', 'DEVICE', 'IMPORT'],
        ['device:wimp-phone', 'DEVICE', 'IMPORT'],
      ]);

      const brand = await app().graphql(CHANGES, { entityId: 'brand:wimp-one' }, EDITOR_KEY);
      const entries = brand.data.changes.edges.map((edge: any) => edge.node);
      expect(entries.map((entry: any) => [entry.actor, entry.role, entry.entityId, entry.before])).toEqual([
        [`import:${path.relative(process.cwd(), file)}`, 'ADMIN', 'brand:wimp-one', null],
        [`import:${path.relative(process.cwd(), file)}`, 'ADMIN', 'device:wimp-phone', null],
      ]);
      expect(entries[0].after).toMatchObject({ id: 'brand:wimp-one', name: 'Wimp One', country: 'DE' });
      expect(entries[1].after).toMatchObject({ relation: 'MADE_BY', from: 'device:wimp-phone', to: 'brand:wimp-one', confidence: 'CONFIRMED' });

      // The same file again changes nothing, so it adds no entry and raises no event.
      const logged = await changeCount();
      await importFiles(app().db, [jsonl('wimp-again.jsonl', records)]);
      expect(await changeCount()).toBe(logged);

      // A changed record gets one entry, with its values before and after.
      await importFiles(app().db, [jsonl('wimp-changed.jsonl', [{ ...records[1], country: 'FR' }])]);
      expect(await changeCount()).toBe(logged + 1);
      const [, , , , changed] = await subscriber.received(5, 10_000);
      expect(subscriber.events).toHaveLength(5);
      expect(changed.entityId).toBe('brand:wimp-one');
      const after = await app().graphql(CHANGES, { entityId: 'brand:wimp-one' }, EDITOR_KEY);
      const last = after.data.changes.edges.at(-1).node;
      expect([last.before.country, last.after.country]).toEqual(['DE', 'FR']);
    } finally {
      await client.dispose();
    }
  }, 90_000);
});
