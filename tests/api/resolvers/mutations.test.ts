import { describe, expect, it } from 'vitest';
import { graphFingerprint } from '../../helpers/database.js';
import { ADMIN_KEY, EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';

const app = useEditingApp('wtest');

const editor = (query: string, variables?: Record<string, unknown>) => app().graphql(query, variables, EDITOR_KEY);
const admin = (query: string, variables?: Record<string, unknown>) => app().graphql(query, variables, ADMIN_KEY);
/** The random id recordLeak gave, for the delete test further down. */
let recordedLeakId = '';

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const result = await app().db.driver.executeQuery(cypher, params);
  return Number(result.records[0]!.get(0));
}

const UPSERT_BRAND = 'mutation($input: BrandInput!) { upsertBrand(input: $input) { id name aliases roles country } }';
const NOTE = { id: 'source:wtest-note', title: 'Wtest editors note', publishedOn: '2024-01' };

describe('upserts', () => {
  it('derives the id from the name and keeps omitted fields on a second upsert', async () => {
    const created = await editor(UPSERT_BRAND, { input: { name: 'Wtest Öptik Werke', roles: ['OPTICS_PARTNER'], country: 'DE' } });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertBrand).toEqual({
      id: 'brand:wtest-optik-werke',
      name: 'Wtest Öptik Werke',
      aliases: [],
      roles: ['OPTICS_PARTNER'],
      country: 'DE',
    });

    const renamed = await editor(UPSERT_BRAND, { input: { id: 'brand:wtest-optik-werke', name: 'Wtest Optik', aliases: ['WOW'] } });
    expect(renamed.data.upsertBrand).toEqual({
      id: 'brand:wtest-optik-werke',
      name: 'Wtest Optik',
      aliases: ['WOW'],
      roles: ['OPTICS_PARTNER'],
      country: 'DE',
    });
    // The lookup keys follow the new name and alias.
    const found = await app().graphql('{ brand(name: "wow") { id } }');
    expect(found.data.brand).toEqual({ id: 'brand:wtest-optik-werke' });
    // The old name is no longer a key: its lookup-key node went with it.
    expect((await app().graphql('{ brand(name: "Wtest Öptik Werke") { id } }')).data.brand).toBeNull();
    expect(await count("MATCH (:LookupKey)-[:KEY_OF]->(:Brand {id: 'brand:wtest-optik-werke'}) RETURN count(*)")).toBe(2);
  });

  it('is idempotent by id: the same upsert twice leaves the graph as it was after the first', async () => {
    const input = { name: 'Wtest Idem', roles: ['PHONE_MAKER'] };
    await editor(UPSERT_BRAND, { input });
    const before = await graphFingerprint(app().db);
    const again = await editor(UPSERT_BRAND, { input });
    expect(again.data.upsertBrand.id).toBe('brand:wtest-idem');
    // Nothing changed, so not even the audit trail grows.
    expect(await graphFingerprint(app().db)).toBe(before);
  });

  it('creates exactly one node from 20 concurrent upserts of the same brand', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => editor(UPSERT_BRAND, { input: { name: 'Wtest Concurrent', aliases: [`alias ${index}`] } })),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(await count("MATCH (n:Entity {id: 'brand:wtest-concurrent'}) RETURN count(n)")).toBe(1);
    expect(await count("MATCH (n:Brand {name: 'Wtest Concurrent'}) RETURN count(n)")).toBe(1);
    // Every write is audited, each seeing the one before it: one creation, 19 updates.
    expect(await count("MATCH (c:Change {entityId: 'brand:wtest-concurrent'}) WHERE c.before IS NULL RETURN count(c)")).toBe(1);
    expect(await count("MATCH (c:Change {entityId: 'brand:wtest-concurrent'}) RETURN count(c)")).toBe(20);
  });

  it('stores a Cypher-looking string verbatim and changes nothing else', async () => {
    const hostile = "x' }) DETACH DELETE n //";
    const before = await graphFingerprint(app().db);
    const result = await editor(UPSERT_BRAND, { input: { id: 'brand:wtest-hostile', name: hostile, aliases: [hostile, '`) MATCH (m) DETACH DELETE m'] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertBrand.name).toBe(hostile);
    const stored = await app().db.driver.executeQuery("MATCH (b:Brand {id: 'brand:wtest-hostile'}) RETURN b.name AS name, b.aliases AS aliases");
    expect(stored.records[0]!.get('name')).toBe(hostile);
    expect(stored.records[0]!.get('aliases')).toEqual([hostile, '`) MATCH (m) DETACH DELETE m']);
    await app().db.driver.executeQuery("MATCH (b:Brand {id: 'brand:wtest-hostile'}) OPTIONAL MATCH (b)<-[:KEY_OF]-(key:LookupKey) DETACH DELETE key, b");
    await app().db.driver.executeQuery("MATCH (c:Change {entityId: 'brand:wtest-hostile'}) DELETE c");
    expect(await graphFingerprint(app().db)).toBe(before);
  });

  it('upserts chips, sources and devices; a new device is RUMORED unless told', async () => {
    const result = await editor(
      `mutation {
        upsertChip(input: { name: "Wtest Tensor X", partNumber: "WT-100" }) { id name partNumber }
        upsertSource(input: { id: "source:wtest-note", title: "Wtest editors note", publishedOn: "2024-01" }) { id title publishedOn publishedOnPrecision }
        upsertDevice(input: { name: "Wtest Phone 1", announcedOn: "2024-03" }) { id name status announcedOn announcedOnPrecision }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      upsertChip: { id: 'chip:wtest-tensor-x', name: 'Wtest Tensor X', partNumber: 'WT-100' },
      upsertSource: { id: 'source:wtest-note', title: 'Wtest editors note', publishedOn: '2024-01-01', publishedOnPrecision: 'MONTH' },
      upsertDevice: { id: 'device:wtest-phone-1', name: 'Wtest Phone 1', status: 'RUMORED', announcedOn: '2024-03-01', announcedOnPrecision: 'MONTH' },
    });
    const chip = await app().graphql('{ chip(name: "wt-100") { id } }');
    expect(chip.data.chip).toEqual({ id: 'chip:wtest-tensor-x' });
  });

  it('upserts a partnership with its brands, id derived from them, and rejects one without provenance', async () => {
    await editor(UPSERT_BRAND, { input: { name: 'Wtest Lens' } });
    await editor(UPSERT_BRAND, { input: { name: 'Wtest Maker' } });
    const upsert = 'mutation($input: PartnershipInput!) { upsertPartnership(input: $input) { id kind confidence reportedOn brands { id } sources { id } } }';
    const missing = await editor(upsert, { input: { brands: ['brand:wtest-maker', 'brand:wtest-lens'], kind: 'LICENSING' } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confidence' });
    expect(missing.errors?.[0]?.message).toMatch(/input\.reportedOn/);
    expect(missing.errors?.[0]?.message).toMatch(/input\.sources/);

    const created = await editor(upsert, {
      input: { brands: ['brand:wtest-maker', 'brand:wtest-lens'], kind: 'LICENSING', confidence: 'RUMORED', reportedOn: '2024-02-10', sources: [NOTE.id] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertPartnership).toMatchObject({
      id: 'partnership:wtest-lens-wtest-maker',
      kind: 'LICENSING',
      confidence: 'RUMORED',
      reportedOn: '2024-02-10',
      sources: [{ id: NOTE.id }],
    });
    expect(created.data.upsertPartnership.brands.map((b: { id: string }) => b.id).sort()).toEqual(['brand:wtest-lens', 'brand:wtest-maker']);
    const partners = await app().graphql('{ brand(name: "Wtest Lens") { partners { id } } }');
    expect(partners.data.brand.partners).toEqual([{ id: 'brand:wtest-maker' }]);
  });
});

describe('links and verdicts', () => {
  const LINK = 'mutation($input: LinkInput!) { link(input: $input) { id relation confidence reportedOn from { id } to { id } sources { id } } }';
  const claim = { relation: 'USES_CHIP', from: 'device:wtest-phone-1', to: 'chip:wtest-tensor-x' };
  async function chipClaims(): Promise<string[]> {
    const result = await app().db.driver.executeQuery(
      "MATCH (:Device {id: 'device:wtest-phone-1'})-[r:USES_CHIP]->() RETURN r.confidence AS confidence ORDER BY r.reportedOn",
    );
    return result.records.map((record) => record.get('confidence'));
  }

  it("links a device to a chip with provenance and keeps the device's first report day current", async () => {
    const result = await editor(LINK, { input: { ...claim, confidence: 'RUMORED', reportedOn: '2024-01-15', sources: [NOTE.id] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.link).toEqual({
      id: 'USES_CHIP:device:wtest-phone-1->chip:wtest-tensor-x@source:wtest-note',
      relation: 'USES_CHIP',
      confidence: 'RUMORED',
      reportedOn: '2024-01-15',
      from: { id: 'device:wtest-phone-1' },
      to: { id: 'chip:wtest-tensor-x' },
      sources: [{ id: NOTE.id }],
    });
    const device = await app().graphql('{ device(name: "Wtest Phone 1") { firstReportedOn chip { id } } }');
    expect(device.data.device).toEqual({ firstReportedOn: '2024-01-15', chip: { id: 'chip:wtest-tensor-x' } });
  });

  it('changes nothing, audit trail included, when the same claim is linked again', async () => {
    const before = await graphFingerprint(app().db);
    const again = await editor(LINK, { input: { ...claim, confidence: 'RUMORED', reportedOn: '2024-01-15', sources: [NOTE.id] } });
    expect(again.errors).toBeUndefined();
    expect(await graphFingerprint(app().db)).toBe(before);
  });

  it('denies a claim with a new source: the old claim stays, the chip is no longer believed', async () => {
    const deny = await editor('mutation($input: ClaimVerdictInput!) { denyClaim(input: $input) { id confidence sources { id title } } }', {
      input: { ...claim, reportedOn: '2024-02-01', newSource: { title: 'Wtest denial post', publishedOn: '2024-02-01' } },
    });
    expect(deny.errors).toBeUndefined();
    expect(deny.data.denyClaim).toEqual({
      id: 'USES_CHIP:device:wtest-phone-1->chip:wtest-tensor-x@source:wtest-denial-post',
      confidence: 'DENIED',
      sources: [{ id: 'source:wtest-denial-post', title: 'Wtest denial post' }],
    });
    const device = await app().graphql(
      '{ now: device(name: "Wtest Phone 1") { chip { id } } then: device(name: "Wtest Phone 1", asOf: "2024-01-20") { chip { id } } }',
    );
    expect(device.data.now.chip).toBeNull();
    expect(await chipClaims()).toEqual(['RUMORED', 'DENIED']);
    expect(device.data.then.chip).toEqual({ id: 'chip:wtest-tensor-x@2024-01-20' });
  });

  it('confirms with another source, and refuses a verdict citing the sources of an existing claim', async () => {
    const verdict = 'mutation($input: ClaimVerdictInput!) { confirmClaim(input: $input) { confidence } }';
    const same = await editor(verdict, { input: { ...claim, reportedOn: '2024-03-01', sources: [NOTE.id] } });
    expect(same.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.sources' });
    const confirmed = await editor(verdict, { input: { ...claim, reportedOn: '2024-03-01', newSource: { title: 'Wtest launch event' } } });
    expect(confirmed.data.confirmClaim).toEqual({ confidence: 'CONFIRMED' });
    const device = await app().graphql('{ device(name: "Wtest Phone 1") { chip { id } } }');
    expect(device.data.device).toEqual({ chip: { id: 'chip:wtest-tensor-x' } });
    expect(await chipClaims()).toEqual(['RUMORED', 'DENIED', 'CONFIRMED']);
  });

  it('answers NOT_FOUND for a verdict on a claim that does not exist', async () => {
    const result = await editor('mutation($input: ClaimVerdictInput!) { confirmClaim(input: $input) { id } }', {
      input: { relation: 'CAMERA_BY', from: 'device:wtest-phone-1', to: 'brand:wtest-lens', reportedOn: '2024-03-01', sources: [NOTE.id] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets only admins unlink, removing the claims of that relation', async () => {
    const unlink = 'mutation($input: UnlinkInput!) { unlink(input: $input) }';
    const byEditor = await editor(unlink, { input: claim });
    expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const one = await admin(unlink, { input: { ...claim, sources: ['source:wtest-denial-post'] } });
    expect(one.data.unlink).toBe(true);
    expect(await count("MATCH (:Device {id: 'device:wtest-phone-1'})-[r:USES_CHIP]->() RETURN count(r)")).toBe(2);
    const rest = await admin(unlink, { input: claim });
    expect(rest.data.unlink).toBe(true);
    expect(await count("MATCH (:Device {id: 'device:wtest-phone-1'})-[r:USES_CHIP]->() RETURN count(r)")).toBe(0);
    expect((await admin(unlink, { input: claim })).data.unlink).toBe(false);
  });
});

describe('recordLeak', () => {
  const RECORD = 'mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id summary confidence reportedOn sources { id } } }';
  const leak = {
    summary: 'Wtest Phone 1 spotted in a certification database with a Wtest Tensor X',
    platform: 'Certification site',
    devices: ['device:wtest-phone-1'],
    confidence: 'REPORTED',
    reportedOn: '2023-12-20',
    source: { title: 'Wtest certification report', publisher: 'Wtest News', publishedOn: '2023-12-20' },
    claims: [{ relation: 'USES_CHIP', from: 'device:wtest-phone-1', to: 'chip:wtest-tensor-x' }],
    specs: [{ device: 'device:wtest-phone-1', key: 'identity.codename', value: 'wtestcode' }],
  };

  it('writes the leak, its source, its claims and specs in one transaction', async () => {
    const result = await editor(RECORD, { input: leak });
    expect(result.errors).toBeUndefined();
    recordedLeakId = result.data.recordLeak.id;
    expect(result.data.recordLeak).toEqual({
      id: expect.stringMatching(/^leak:[0-9a-f]{16}$/),
      summary: leak.summary,
      confidence: 'REPORTED',
      reportedOn: '2023-12-20',
      sources: [{ id: 'source:wtest-certification-report' }],
    });
    const device = await app().graphql(
      '{ device(name: "wtestcode") { id codename firstReportedOn chip { id } leaks { platform } specs { key value confidence } } }',
    );
    expect(device.data.device).toEqual({
      id: 'device:wtest-phone-1',
      codename: 'wtestcode',
      firstReportedOn: '2023-12-20',
      chip: { id: 'chip:wtest-tensor-x' },
      leaks: [{ platform: 'Certification site' }],
      specs: [{ key: 'identity.codename', value: 'wtestcode', confidence: 'REPORTED' }],
    });
  });

  it('writes nothing when one of its claims points at a device that does not exist', async () => {
    const before = await graphFingerprint(app().db);
    const result = await editor(RECORD, {
      input: {
        ...leak,
        summary: 'Wtest another leak',
        source: { title: 'Wtest another report' },
        claims: [{ relation: 'USES_CHIP', from: 'device:wtest-no-such-phone', to: 'chip:wtest-tensor-x' }],
      },
    });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.claims.0.from' });
    expect(result.errors?.[0]?.message).toMatch(/device:wtest-no-such-phone/);
    expect(await graphFingerprint(app().db)).toBe(before);
  });
});

describe('deletes', () => {
  it('lets only admins delete, refuses a source still cited, and answers false for a missing id', async () => {
    const byEditor = await editor('mutation { deleteBrand(id: "brand:wtest-idem") }');
    expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count("MATCH (n {id: 'brand:wtest-idem'}) RETURN count(n)")).toBe(1);

    expect((await admin('mutation { deleteBrand(id: "brand:wtest-idem") }')).data.deleteBrand).toBe(true);
    expect(await count("MATCH (n {id: 'brand:wtest-idem'}) RETURN count(n)")).toBe(0);
    // Its lookup-key nodes go with it.
    expect(await count("MATCH (k:LookupKey {key: 'wtest idem'}) RETURN count(k)")).toBe(0);
    expect((await admin('mutation { deleteBrand(id: "brand:wtest-idem") }')).data.deleteBrand).toBe(false);
    expect(await count("MATCH (n {id: 'brand:wtest-idem'}) RETURN count(n)")).toBe(0);

    const cited = await admin('mutation { deleteSource(id: "source:wtest-note") }');
    expect(cited.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    const wrongType = await admin('mutation { deleteChip(id: "brand:wtest-lens") }');
    expect(wrongType.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it("deletes a leak and moves its device's first report day to the next claim", async () => {
    const deleted = await admin('mutation($id: ID!) { deleteLeak(id: $id) }', { id: recordedLeakId });
    expect(deleted.data.deleteLeak).toBe(true);
    const device = await app().graphql('{ device(name: "Wtest Phone 1") { firstReportedOn leaks { id } } }');
    // The leak's USES_CHIP claim and spec stay, reported the same day.
    expect(device.data.device).toEqual({ firstReportedOn: '2023-12-20', leaks: [] });
    expect((await admin('mutation { deleteDevice(id: "device:wtest-phone-1") }')).data.deleteDevice).toBe(true);
    expect(await count("MATCH (s:Spec) WHERE s.id CONTAINS 'wtest-phone-1' RETURN count(s)")).toBe(0);
  });
});

describe('cost', () => {
  async function statements(run: () => Promise<unknown>): Promise<number> {
    const before = await app().queryCount();
    await run();
    return (await app().queryCount()) - before;
  }

  it('sends a handful of statements per mutation: its transaction, then one that numbers its audit entries', async () => {
    // lockEntity, importBrands, entitySnapshotById, recordChanges; after the commit, sequenceChanges.
    expect(await statements(() => editor(UPSERT_BRAND, { input: { name: 'Wtest Cost' } }))).toBe(5);
    // The same plus entitySnapshotById for the values before.
    expect(await statements(() => editor(UPSERT_BRAND, { input: { name: 'Wtest Cost', country: 'FR' } }))).toBe(6);
    // A device also refreshes its derived fields (refreshDeviceIdentity) before it is read back.
    expect(await statements(() => editor('mutation { upsertDevice(input: { name: "Wtest Cost Phone" }) { id } }'))).toBe(6);
    // existingEntityIds, claimsBetween, importRelationshipClaims, refreshDeviceIdentity, recordChanges, sequenceChanges.
    const link = {
      relation: 'CAMERA_BY',
      from: 'device:wtest-cost-phone',
      to: 'brand:wtest-cost',
      confidence: 'RUMORED',
      reportedOn: '2024',
      sources: [NOTE.id],
    };
    expect(await statements(() => editor('mutation($input: LinkInput!) { link(input: $input) { id } }', { input: link }))).toBe(6);
  });
});
