import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_KEY, EDITOR_KEY, removeTestWrites, startEditingApp } from '../../helpers/editing.js';
import type { TestApp } from '../../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startEditingApp();
  await app.db.driver.executeQuery('MATCH (c) WHERE c:Change OR c:PendingChange DELETE c');
});
afterAll(async () => {
  await removeTestWrites(app.db, 'wtest');
  await app?.stop();
});

const CHANGES = `query($since: DateTime, $entityId: ID, $first: Int, $after: String) {
  changes(since: $since, entityId: $entityId, first: $first, after: $after) {
    totalCount
    edges { cursor node { id at actor role operation entityId relatedIds before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;

it('records who, when, what, before and after for every write, oldest first', async () => {
  const started = new Date().toISOString();
  await app.graphql('mutation { upsertBrand(input: { name: "Wtest Audit", country: "DE" }) { id } }', {}, EDITOR_KEY);
  await app.graphql('mutation { upsertBrand(input: { id: "brand:wtest-audit", name: "Wtest Audit AG" }) { id } }', {}, EDITOR_KEY);
  await app.graphql('mutation { deleteBrand(id: "brand:wtest-audit") }', {}, ADMIN_KEY);

  const { data, errors } = await app.graphql(CHANGES, { entityId: 'brand:wtest-audit' }, EDITOR_KEY);
  expect(errors).toBeUndefined();
  expect(data.changes.totalCount).toBe(3);
  const nodes = data.changes.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
  expect(nodes.map((node: Record<string, unknown>) => [node.operation, node.actor, node.role])).toEqual([
    ['UPSERT_BRAND', 'editor-1', 'EDITOR'],
    ['UPSERT_BRAND', 'editor-1', 'EDITOR'],
    ['DELETE_BRAND', 'root', 'ADMIN'],
  ]);
  expect(nodes[0].before).toBeNull();
  expect(nodes[0].after).toMatchObject({ id: 'brand:wtest-audit', name: 'Wtest Audit', country: 'DE', __typename: 'Brand' });
  expect(nodes[1].before).toMatchObject({ name: 'Wtest Audit', country: 'DE' });
  expect(nodes[1].after).toMatchObject({ name: 'Wtest Audit AG', country: 'DE' });
  expect(nodes[2].before).toMatchObject({ name: 'Wtest Audit AG' });
  expect(nodes[2].after).toBeNull();
  for (const node of nodes) expect(node.at >= started.slice(0, 19)).toBe(true);
  // The audit trail names keys, never stores them.
  const stored = await app.db.driver.executeQuery('MATCH (c:Change) RETURN properties(c) AS props');
  expect(JSON.stringify(stored.records.map((r) => r.get('props')))).not.toMatch(new RegExp(`${EDITOR_KEY}|${ADMIN_KEY}`));
});

it('finds claim changes from either end, and pages with keyset cursors and since', async () => {
  await app.graphql('mutation { upsertSource(input: { title: "Wtest audit source" }) { id } }', {}, EDITOR_KEY);
  await app.graphql('mutation { upsertChip(input: { name: "Wtest Audit Chip" }) { id } }', {}, EDITOR_KEY);
  await app.graphql('mutation { upsertBrand(input: { name: "Wtest Audit Vendor" }) { id } }', {}, EDITOR_KEY);
  const link = await app.graphql(
    'mutation { link(input: { relation: MADE_BY, from: "chip:wtest-audit-chip", to: "brand:wtest-audit-vendor", confidence: REPORTED, reportedOn: "2024", sources: ["source:wtest-audit-source"] }) { id } }',
    {},
    EDITOR_KEY,
  );
  expect(link.errors).toBeUndefined();
  const byVendor = await app.graphql(CHANGES, { entityId: 'brand:wtest-audit-vendor' }, EDITOR_KEY);
  expect(byVendor.data.changes.edges.map((edge: { node: { operation: string } }) => edge.node.operation)).toEqual(['UPSERT_BRAND', 'LINK']);
  const linkChange = byVendor.data.changes.edges[1].node;
  expect(linkChange.entityId).toBe('chip:wtest-audit-chip');
  expect(linkChange.after).toMatchObject({
    relation: 'MADE_BY',
    from: 'chip:wtest-audit-chip',
    to: 'brand:wtest-audit-vendor',
    confidence: 'REPORTED',
    reportedOnPrecision: 'YEAR',
  });

  const all = await app.graphql(CHANGES, { first: 100 }, EDITOR_KEY);
  const ids = all.data.changes.edges.map((edge: { node: { id: string } }) => edge.node.id);
  expect(ids).toHaveLength(7);
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: any = await app.graphql(CHANGES, { first: 3, after }, EDITOR_KEY);
    expect(page.data.changes.totalCount).toBe(7);
    seen.push(...page.data.changes.edges.map((edge: { node: { id: string } }) => edge.node.id));
    after = page.data.changes.pageInfo.hasNextPage ? page.data.changes.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(ids);

  const lastAt = all.data.changes.edges[6].node.at;
  const since = await app.graphql(CHANGES, { since: lastAt }, EDITOR_KEY);
  expect(since.data.changes.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(ids[6]);
  expect(since.data.changes.totalCount).toBeLessThan(7);
  const future = await app.graphql(CHANGES, { since: '2999-01-01T00:00:00Z' }, EDITOR_KEY);
  expect(future.data.changes).toMatchObject({ totalCount: 0, edges: [] });
});

it('records nothing for a write that fails', async () => {
  const before = await app.graphql(CHANGES, {}, EDITOR_KEY);
  const failed = await app.graphql('mutation { upsertBrand(input: { name: "Wtest Bad", country: "Germany" }) { id } }', {}, EDITOR_KEY);
  expect(failed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.country' });
  const after = await app.graphql(CHANGES, {}, EDITOR_KEY);
  expect(after.data.changes.totalCount).toBe(before.data.changes.totalCount);
});

it('lists the changes of one recordLeak in the order they were written', async () => {
  await app.graphql('mutation { upsertDevice(input: { name: "Wtest Audit Phone" }) { id } }', {}, EDITOR_KEY);
  const since = new Date(Date.now() - 1_000).toISOString();
  const leak = await app.graphql(
    `mutation { recordLeak(input: {
      summary: "Wtest audit leak", devices: ["device:wtest-audit-phone"], confidence: RUMORED, reportedOn: "2024-06",
      source: { title: "Wtest audit leak source" },
      claims: [{ relation: CAMERA_BY, from: "device:wtest-audit-phone", to: "brand:wtest-audit-vendor" }],
      specs: [{ device: "device:wtest-audit-phone", key: "wtest.audit", value: "1" }]
    }) { id } }`,
    {},
    EDITOR_KEY,
  );
  expect(leak.errors).toBeUndefined();
  const { data } = await app.graphql(CHANGES, { since }, EDITOR_KEY);
  const written = data.changes.edges
    .map((edge: { node: { operation: string; entityId: string; relatedIds: string[] } }) => edge.node)
    .filter((node: { operation: string }) => node.operation === 'RECORD_LEAK');
  expect(written.map((node: { entityId: string }) => node.entityId)).toEqual([
    'source:wtest-audit-leak-source',
    leak.data.recordLeak.id,
    'device:wtest-audit-phone',
    'device:wtest-audit-phone',
  ]);
  expect(written[1].relatedIds).toEqual(['device:wtest-audit-phone']);
  expect(written[2].relatedIds).toContain('brand:wtest-audit-vendor');
  expect(written[3].relatedIds).toEqual(['spec:wtest-audit-phone:wtest.audit@source:wtest-audit-leak-source']);
});
