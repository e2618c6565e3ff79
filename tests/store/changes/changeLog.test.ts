import { describe, expect, it } from 'vitest';
import { CHANGE_LOG } from '../../../src/config/limits.js';
import { ChangeSequencer } from '../../../src/store/changes/changeSequencer.js';
import { EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';
import { connectSubscriptions } from '../../helpers/subscriptions.js';

const app = useEditingApp('wlog');

const GRAPH_CHANGED = 'subscription($after: String) { graphChanged(types: [BRAND], after: $after) { entityId at cursor } }';
const CHANGE_RECORDED = 'subscription($after: String) { changeRecorded(types: [BRAND], after: $after) { id entityId at before after cursor } }';
/**
 * The held writes below append audit entries for brands they never create. Anonymous subscribers see an entity
 * that does not exist only as a tombstone (docs/security.md), so the ordering is watched by an editor, who sees ids.
 */
const EDITOR_SUBSCRIBER = { authorization: `Bearer ${EDITOR_KEY}` };
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const upsertBrand = (name: string, alias: string) =>
  app().graphql('mutation($name: String!, $alias: String!) { upsertBrand(input: { name: $name, aliases: [$alias] }) { id } }', { name, alias }, EDITOR_KEY);

async function logHead(): Promise<number> {
  return Number((await app().db.read('changeLogHead'))[0]!.last);
}

async function logSince(head: number): Promise<Array<{ seq: number; id: string }>> {
  const result = await app().db.driver.executeQuery('MATCH (c:Change) WHERE c.seq > $head RETURN c.seq AS seq, c.id AS id ORDER BY seq', { head });
  return result.records.map((record) => ({ seq: Number(record.get('seq')), id: record.get('id') as string }));
}

/**
 * A write transaction that begins now (fixing its `at`), then waits for `release` before it appends its audit
 * entry and commits: the transaction that took its timestamp earlier and commits later. Like a mutation, it asks
 * the sequencer to number its entry once it has committed.
 */
function heldWrite(entityId: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let began!: () => void;
  const begun = new Promise<void>((resolve) => (began = resolve));
  const committed = app()
    .db.writeTransaction(async (run) => {
      await run('changeLogHead');
      began();
      await released;
      const changes = [{ id: `change:${entityId}.001`, entityId, relatedIds: [], before: null, after: JSON.stringify({ id: entityId }) }];
      await run('recordChanges', { changes, actor: 'held-writer', role: 'editor', operation: 'upsertBrand' });
    })
    .then(() => new ChangeSequencer(app().db, { warn: () => {} }).sequence());
  return { begun, release, committed };
}

describe('the change log cursor', () => {
  it('delivers a transaction that began earlier but committed later, after the one committed first', async () => {
    const client = connectSubscriptions(app().baseUrl, EDITOR_SUBSCRIBER);
    try {
      const live = client.subscribe(GRAPH_CHANGED);
      await settle();
      const head = await logHead();
      const early = heldWrite('brand:wlog-early');
      await early.begun;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await upsertBrand('Wlog Late', 'late')).errors).toBeUndefined();
      const [late] = await live.received(1);
      early.release();
      await early.committed;
      const [, delivered] = await live.received(2);

      expect([late.entityId, delivered.entityId]).toEqual(['brand:wlog-late', 'brand:wlog-early']);
      // The trap was real: the later commit carries the earlier time, so "after the last time seen" would skip it.
      expect(Date.parse(delivered.at)).toBeLessThan(Date.parse(late.at));
      expect([Number(late.cursor), Number(delivered.cursor)]).toEqual([head + 1, head + 2]);
      // A client that had seen the late one and resumes from its cursor gets the early one, once.
      const resumed = client.subscribe(GRAPH_CHANGED, { after: late.cursor });
      expect(await resumed.received(1)).toEqual([delivered]);
      await settle();
      expect(resumed.events).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });

  it('numbers what a process committed but stopped before numbering, and a tailing feed delivers it', async () => {
    const client = connectSubscriptions(app().baseUrl, EDITOR_SUBSCRIBER);
    try {
      const live = client.subscribe(GRAPH_CHANGED);
      await settle();
      const head = await logHead();
      const changes = [{ id: 'change:brand:wlog-leftover.001', entityId: 'brand:wlog-leftover', relatedIds: [], before: null, after: '{}' }];
      // The mutation's transaction commits, and its process is gone before it asks the sequencer.
      const committed = Date.now();
      await app().db.writeTransaction((run) => run('recordChanges', { changes, actor: 'stopped-writer', role: 'editor', operation: 'upsertBrand' }));
      expect(await logSince(head)).toEqual([]);

      const [event] = await live.received(1, CHANGE_LOG.leftoverAfterMs * 2 + 5_000);
      expect(event).toMatchObject({ entityId: 'brand:wlog-leftover', cursor: String(head + 1) });
      expect(Date.now() - committed).toBeGreaterThanOrEqual(CHANGE_LOG.leftoverAfterMs);
      expect(await logSince(head)).toEqual([{ seq: head + 1, id: 'change:brand:wlog-leftover.001' }]);
    } finally {
      await client.dispose();
    }
  });

  it('gives every subscriber every change exactly once, in commit order, under concurrent writers and resumes', async () => {
    const entities = ['Wlog Alpha', 'Wlog Beta', 'Wlog Gamma', 'Wlog Delta'];
    const writesPerEntity = 8;
    const editorClient = connectSubscriptions(app().baseUrl, { authorization: `Bearer ${EDITOR_KEY}` });
    const publicClient = connectSubscriptions(app().baseUrl);
    try {
      const head = await logHead();
      const audited = editorClient.subscribe(CHANGE_RECORDED);
      const first = publicClient.subscribe(GRAPH_CHANGED);
      await settle();

      // Concurrent upserts of four brands, each write changing its aliases, and three held transactions released
      // while the others commit, so `at` order and commit order disagree.
      const held = ['brand:wlog-held-1', 'brand:wlog-held-2', 'brand:wlog-held-3'].map(heldWrite);
      await Promise.all(held.map((write) => write.begun));
      const writes = entities.flatMap((name) => Array.from({ length: writesPerEntity }, (_, index) => upsertBrand(name, `${name} ${index}`)));
      const total = entities.length * writesPerEntity + held.length;

      // The public subscriber leaves after ten events and comes back with its last cursor while writes go on.
      const part = await first.received(10);
      first.unsubscribe();
      // Each held transaction has committed before the next is released, so their commit order is known on a busy machine too.
      held[0]!.release();
      await held[0]!.committed;
      const second = publicClient.subscribe(GRAPH_CHANGED, { after: part.at(-1)!.cursor });
      // A late joiner replays everything from before the first write.
      const joiner = publicClient.subscribe(GRAPH_CHANGED, { after: String(head) });
      held[1]!.release();
      await held[1]!.committed;
      expect((await Promise.all(writes)).flatMap((result) => result.errors ?? [])).toEqual([]);
      held[2]!.release();
      await Promise.all(held.map((write) => write.committed));

      const log = await logSince(head);
      expect(log).toHaveLength(total);
      expect(log.map((entry) => entry.seq)).toEqual(Array.from({ length: total }, (_, index) => head + 1 + index));
      const expected = log.map((entry) => String(entry.seq));

      const resumedTail = await second.received(total - part.length);
      expect([...part, ...resumedTail].map((event) => event.cursor)).toEqual(expected);
      expect((await joiner.received(total)).map((event) => event.cursor)).toEqual(expected);
      const changes = await audited.received(total);
      expect(changes.map((change) => change.cursor)).toEqual(expected);
      expect(changes.map((change) => change.id)).toEqual(log.map((entry) => entry.id));
      await settle();
      expect([second.events.length, joiner.events.length, audited.events.length]).toEqual([total - part.length, total, total]);

      // Commit order per entity: each change starts from the state the one before it left.
      for (const name of entities) {
        const own = changes.filter((change) => change.entityId === `brand:${name.toLowerCase().replace(' ', '-')}`);
        expect(own).toHaveLength(writesPerEntity);
        expect(own[0].before).toBeNull();
        for (let index = 1; index < own.length; index += 1) expect(own[index].before).toEqual(own[index - 1].after);
      }
      // And the held transactions, which began first, were delivered in the order they committed, not by time.
      const heldDelivered = changes.filter((change) => change.entityId.startsWith('brand:wlog-held'));
      expect(heldDelivered.map((change) => change.entityId)).toEqual(['brand:wlog-held-1', 'brand:wlog-held-2', 'brand:wlog-held-3']);
      const deliveredBefore = changes.slice(0, changes.indexOf(heldDelivered[0]));
      expect(deliveredBefore.filter((change) => Date.parse(change.at) > Date.parse(heldDelivered[0].at)).length).toBeGreaterThanOrEqual(10);
    } finally {
      await editorClient.dispose();
      await publicClient.dispose();
    }
  });
});
