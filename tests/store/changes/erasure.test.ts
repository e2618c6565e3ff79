import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';
import { connectSubscriptions } from '../../helpers/subscriptions.js';

const app = useEditingApp('werase');

const editor = (query: string, variables?: Record<string, unknown>) => app().graphql(query, variables, EDITOR_KEY);
const admin = (query: string, variables?: Record<string, unknown>) => app().graphql(query, variables, ADMIN_KEY);

// Replayed from the log's head before this test's writes: other test files (imports, the CLI) leave entries of their own.
const GRAPH_CHANGED = (after: string) => `subscription { graphChanged(after: "${after}") { entityId entityType operation cursor } }`;
const LEAK_RECORDED = (after: string) => `subscription { leakRecorded(after: "${after}") { leakId operation leak { id } } }`;
const CLAIM_CHANGED = (after: string) =>
  `subscription { claimChanged(entityId: "chip:werase-chip", after: "${after}") { operation claimId fromId toId claim { confidence reportedOn sources { id } } } }`;
const TOMBSTONE = /^erased:[0-9a-f]{16}$/;
const SUMMARY = 'Private tipster werase says the Werase Phone uses a Werase Chip';

/** The log's last sequence number, as a cursor. */
async function logHead(): Promise<string> {
  return String((await app().db.read('changeLogHead'))[0]!.last);
}

/** Replays the log from a cursor over a real WebSocket, anonymously or with a key. */
async function replay<T>(query: string, count: number, key?: string): Promise<T[]> {
  const client = connectSubscriptions(app().baseUrl, key ? { authorization: `Bearer ${key}` } : undefined);
  try {
    return await client.subscribe<T>(query).received(count);
  } finally {
    await client.dispose();
  }
}

describe('erased data in public replays', () => {
  it('shows a deleted leak and an unlinked claim to anonymous clients only as tombstones, and in full to editors', async () => {
    const head = await logHead();
    await editor('mutation { upsertDevice(input: { name: "Werase Phone" }) { id } }');
    await editor('mutation { upsertChip(input: { name: "Werase Chip" }) { id } }');
    const recorded = await editor('mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id } }', {
      input: {
        summary: SUMMARY,
        devices: ['device:werase-phone'],
        confidence: 'RUMORED',
        reportedOn: '2024-03-01',
        source: { title: 'Werase tipster post', publishedOn: '2024-03-01' },
        claims: [{ relation: 'USES_CHIP', from: 'device:werase-phone', to: 'chip:werase-chip' }],
      },
    });
    expect(recorded.errors).toBeUndefined();
    const leakId: string = recorded.data.recordLeak.id;
    // A new leak's id quotes none of its summary.
    expect(leakId).toMatch(/^leak:[0-9a-f]{16}$/);
    expect((await admin(`mutation { deleteLeak(id: "${leakId}") }`)).data.deleteLeak).toBe(true);
    expect((await admin('mutation { unlink(input: { relation: USES_CHIP, from: "device:werase-phone", to: "chip:werase-chip" }) }')).data.unlink).toBe(true);

    // upsertDevice, upsertChip, recordLeak (source, leak, claim), deleteLeak, unlink.
    type Event = { entityId: string; entityType: string; operation: string; cursor: string };
    const fullEvents = await replay<Event>(GRAPH_CHANGED(head), 7, EDITOR_KEY);
    const publicEvents = await replay<Event>(GRAPH_CHANGED(head), 7);
    expect(fullEvents.filter((event) => event.entityId === leakId).map((event) => event.operation)).toEqual(['RECORD_LEAK', 'DELETE_LEAK']);
    expect(JSON.stringify(publicEvents)).not.toContain(leakId);
    const leakEvents = publicEvents.filter((event) => event.entityType === 'LEAK');
    expect(leakEvents.map((event) => event.operation)).toEqual(['RECORD_LEAK', 'DELETE_LEAK']);
    expect(leakEvents.every((event) => TOMBSTONE.test(event.entityId))).toBe(true);
    // Entities still there keep their ids, and both views have the same events in the same order.
    expect(publicEvents.map((event) => event.cursor)).toEqual(fullEvents.map((event) => event.cursor));
    expect(publicEvents.filter((event) => event.entityType === 'DEVICE').map((event) => event.entityId)).toContain('device:werase-phone');

    const [leakRecorded] = await replay<{ leakId: string; leak: null }>(LEAK_RECORDED(head), 1);
    expect(leakRecorded).toEqual({ leakId: expect.stringMatching(TOMBSTONE), operation: 'RECORD_LEAK', leak: null });
    const [editorLeakRecorded] = await replay<{ leakId: string }>(LEAK_RECORDED(head), 1, EDITOR_KEY);
    expect(editorLeakRecorded!.leakId).toBe(leakId);

    type ClaimEvent = {
      operation: string;
      claimId: string;
      fromId: string;
      toId: string;
      claim: { confidence: string; reportedOn: string; sources: Array<{ id: string }> } | null;
    };
    const publicClaims = await replay<ClaimEvent>(CLAIM_CHANGED(head), 2);
    expect(publicClaims.map((event) => event.operation)).toEqual(['RECORD_LEAK', 'UNLINK']);
    for (const event of publicClaims) {
      expect(event).toMatchObject({ claimId: expect.stringMatching(TOMBSTONE), fromId: 'device:werase-phone', toId: 'chip:werase-chip', claim: null });
    }
    expect(JSON.stringify(publicClaims)).not.toMatch(/RUMORED|2024-03-01|werase-tipster-post/);
    const editorClaims = await replay<ClaimEvent>(CLAIM_CHANGED(head), 2, EDITOR_KEY);
    expect(editorClaims[0]).toMatchObject({
      claimId: 'USES_CHIP:device:werase-phone->chip:werase-chip@source:werase-tipster-post',
      claim: { confidence: 'RUMORED', reportedOn: '2024-03-01', sources: [{ id: 'source:werase-tipster-post' }] },
    });
  });
});
