#!/usr/bin/env node
/**
 * Converts the imaging research (data/imaging/research/*.jsonl, see research/NOTES.md) into the project's
 * import record format (src/model/records.ts): writes imaging.jsonl, its partnership and device lifecycle facts as ValidTime
 * records (valid time, src/model/validTime.ts), and not-imported.jsonl
 * (research claims with no place in the model, each with the reason). Deterministic: the same research
 * gives byte-identical output. Run: node data/imaging/build.mjs [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** --check: write nothing, fail if the checked-in output differs from what the research gives. */
const checkOnly = process.argv.includes('--check');
const readJsonl = (name) =>
  readFileSync(path.join(here, 'research', `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

const research = {
  sources: readJsonl('sources'),
  brands: readJsonl('brands'),
  chips: readJsonl('chips'),
  devices: readJsonl('devices'),
  claims: readJsonl('claims'),
};

const CONFIDENCE_RANK = { CONFIRMED: 0, REPORTED: 1, RUMORED: 2, SPECULATED: 3, DENIED: 4 };
/** Research brand roles → the model's BrandRole; the others (CARRIER, PARENT, FOUNDRY, ...) have no role in the model. */
const ROLE_MAP = { CAMERA: 'CAMERA_MAKER', CAMERA_MAKER: 'CAMERA_MAKER', PHONE: 'PHONE_MAKER', CHIP: 'CHIP_VENDOR' };

/** Research device facts kept as Spec claims: predicate → spec key and how the value is read. */
const SPEC_OF = {
  ANNOUNCED: { key: 'lifecycle.announcedOn', value: 'date' },
  LAUNCH_SCHEDULED: { key: 'lifecycle.scheduledLaunch', value: 'date' },
  LAUNCH_POSTPONED: { key: 'lifecycle.launchPostponed', value: 'summary' },
  DELAYED: { key: 'lifecycle.delayed', value: 'summary' },
  CANCELLED: { key: 'lifecycle.cancelled', value: 'summary' },
  CODENAME: { key: 'identity.codename', value: 'value' },
  MODEL_NUMBER: { key: 'identity.modelNumber', value: 'value' },
  ALIAS_OF_RUMOUR: { key: 'identity.rumouredAs', value: 'objectName' },
  CAMERA_SPEC: { key: 'camera.setup', value: 'value' },
  CAMERA_NOTE: { key: 'camera.note', value: 'summary' },
  LENS: { key: 'camera.lens', value: 'summary' },
  OPTICAL_ZOOM: { key: 'camera.opticalZoom', value: 'summary' },
  SENSOR_SIZE: { key: 'camera.sensorSize', value: 'value' },
  USES_SENSOR: { key: 'camera.mainSensor', value: 'objectName' },
  FIRST_WITH: { key: 'camera.firstWithSensor', value: 'objectName' },
  SENSOR_NOTE: { key: 'camera.sensorNote', value: 'summary' },
  ACCESSORY: { key: 'camera.accessory', value: 'summary' },
  MARKET_NOTE: { key: 'market.note', value: 'summary' },
  SALES_NOTE: { key: 'market.sales', value: 'summary' },
  CARRIER: { key: 'market.carrier', value: 'objectName' },
  RIVAL: { key: 'market.rival', value: 'objectName' },
  SOFTWARE_UPDATE: { key: 'software.update', value: 'summary' },
  MANUFACTURED_BY: { key: 'manufacturing.manufacturer', value: 'objectName' },
  SUCCESSOR: { key: 'lineage.successor', value: 'objectName' },
  PREDECESSOR: { key: 'lineage.successor', value: 'objectName' },
  BASED_ON: { key: 'lineage.basedOn', value: 'objectName' },
  DESIGN_SHARED: { key: 'design.sharedWith', value: 'objectName' },
};

/** Brand-to-brand research predicates that make or describe a partnership. */
const PARTNERSHIP_PREDICATES = new Set(['PARTNERS_WITH', 'PARTNERSHIP_STARTED', 'PARTNERSHIP_EXTENDED', 'PARTNERSHIP_ENDED']);
/** Valid-time events of a partnership, by research predicate (see README: valid time). */
const PARTNERSHIP_EVENT = { PARTNERS_WITH: 'ACTIVE', PARTNERSHIP_STARTED: 'STARTED', PARTNERSHIP_EXTENDED: 'EXTENDED', PARTNERSHIP_ENDED: 'ENDED' };
/** Valid-time events of a device or chip, by research predicate. */
const LIFECYCLE_EVENT = { ANNOUNCED: 'ANNOUNCED', LAUNCH_SCHEDULED: 'LAUNCH_SCHEDULED', LAUNCH_POSTPONED: 'LAUNCH_POSTPONED', DELAYED: 'DELAYED', CANCELLED: 'CANCELLED' };

const sourceId = (id) => `source:${id.replace(/^src:/, '')}`;
const slugOf = (id) => id.slice(id.indexOf(':') + 1);
const prefixOf = (id) => id.slice(0, id.indexOf(':'));
const byConfidenceThenDate = (a, b) => CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] || String(a.date).localeCompare(String(b.date));
const weaker = (a, b) => (CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b);

const sourcesById = new Map(research.sources.map((source) => [source.id, source]));
const brandsById = new Map(research.brands.map((brand) => [brand.id, brand]));
const chipsById = new Map(research.chips.map((chip) => [chip.id, chip]));
const devicesById = new Map(research.devices.map((device) => [device.id, device]));
/** Research names carry a status note ("Xiaomi 12 Ultra (cancelled)"); the record's status says it instead. */
const STATUS_IN_NAME = / \((cancelled|rumoured|reported)\)$/;
const nameOf = (id) => ((brandsById.get(id) ?? chipsById.get(id) ?? devicesById.get(id))?.name ?? id).replace(STATUS_IN_NAME, '');

/** A claim is reported when its earliest source was published (the research `date` is the fact's date). */
function reportedOnOf(claim) {
  const dates = claim.sources.map((id) => sourcesById.get(id)?.publishedOn).filter(Boolean);
  if (dates.length === 0) throw new Error(`claim without a dated source: ${JSON.stringify(claim)}`);
  return dates.sort()[0];
}
const provenanceOf = (claim, confidence = claim.confidence) => ({
  confidence,
  reportedOn: reportedOnOf(claim),
  sources: [...new Set(claim.sources.map(sourceId))].sort(),
});

const out = { Relationship: [], Spec: [], Leak: [], Partnership: [] };
const validTime = [];
const notImported = [];
const skip = (claim, reason) => notImported.push({ reason, claim });
/** Entities some emitted claim refers to; only those are written (an entity no source backs is left out). */
const referenced = new Set();
const refer = (...ids) => ids.forEach((id) => referenced.add(id));

const claimsAbout = new Map();
for (const claim of research.claims) {
  for (const id of [claim.subject, claim.object]) {
    if (typeof id === 'string' && id.includes(':')) claimsAbout.set(id, [...(claimsAbout.get(id) ?? []), claim]);
  }
}

// Partnerships: one record per brand pair with a PARTNERS_WITH or PARTNERSHIP_STARTED claim. The record
// holds the earliest announcement, start and end that are at least REPORTED, cites their sources and is as
// sure as the least sure of them; every partnership claim (the contradicting ones too) is also kept as its
// own ValidTime claim, since a record holds one date of each kind and no provenance per date.
const partnershipClaims = new Map();
const pairKey = (a, b) => [a, b].sort().join('|');
for (const claim of research.claims) {
  if (prefixOf(claim.subject) !== 'brand' || typeof claim.object !== 'string' || prefixOf(claim.object) !== 'brand') continue;
  const key = pairKey(claim.subject, claim.object);
  partnershipClaims.set(key, [...(partnershipClaims.get(key) ?? []), claim]);
}
/** Pairs whose partnership is about cameras and lenses rather than phones (Sony-Zeiss began with camcorders). */
const CAMERA_SYSTEM_PAIRS = new Set(['brand:leica|brand:panasonic', 'brand:pentax|brand:samsung', 'brand:kodak|brand:schneider-kreuznach', 'brand:samsung|brand:schneider-kreuznach', 'brand:sony|brand:zeiss']);
/** The earliest dated claim of a kind that is at least REPORTED: rumours do not date a partnership. */
const earliestReported = (claims, predicate) =>
  claims
    .filter((c) => c.predicate === predicate && c.date && CONFIDENCE_RANK[c.confidence] <= CONFIDENCE_RANK.REPORTED)
    .sort((a, b) => a.date.localeCompare(b.date) || CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence])[0];
const partnershipOfPair = new Map();
/** The research claims a Partnership record is made of. */
const partnershipRecordClaims = new Set();
for (const [key, claims] of [...partnershipClaims].sort(([a], [b]) => a.localeCompare(b))) {
  const announcement = earliestReported(claims, 'PARTNERS_WITH');
  const start = earliestReported(claims, 'PARTNERSHIP_STARTED');
  const end = earliestReported(claims, 'PARTNERSHIP_ENDED');
  if (!announcement && !start) continue;
  const brands = key.split('|');
  const id = `partnership:${brands.map(slugOf).join('-')}`;
  const chosen = [announcement, start, end].filter(Boolean);
  out.Partnership.push({
    type: 'Partnership',
    id,
    kind: CAMERA_SYSTEM_PAIRS.has(key) ? 'CAMERA_SYSTEM' : 'SMARTPHONE_IMAGING',
    summary: (announcement ?? start).summary,
    brands,
    announcedOn: announcement?.date ?? null,
    startedOn: start?.date ?? null,
    endedOn: end?.date ?? null,
    confidence: chosen.map((c) => c.confidence).reduce(weaker),
    reportedOn: chosen.map(reportedOnOf).sort()[0],
    sources: [...new Set(chosen.flatMap((c) => c.sources).map(sourceId))].sort(),
  });
  refer(...brands, ...chosen.flatMap((c) => c.sources.map(sourceId)));
  chosen.forEach((c) => partnershipRecordClaims.add(c));
  partnershipOfPair.set(key, id);
}

function partnershipEvent(claim, partnership) {
  const event =
    PARTNERSHIP_EVENT[claim.predicate] ??
    // A leaked or denied split is a rumoured or denied end; HMD's denial of Zeiss lenses denies the partnership
    // being active then. Other leaks and denials on a pair (an acquisition, an unnamed phone) are not about its time.
    ((claim.predicate === 'LEAK' || claim.predicate === 'DENIAL') && /split|renew/.test(claim.summary)
      ? 'ENDED'
      : claim.predicate === 'DENIAL' && /not use/.test(claim.summary)
        ? 'ACTIVE'
        : null);
  if (!event) return false;
  validTime.push({
    type: 'ValidTimeEvent',
    subject: partnership,
    event,
    on: claim.date,
    confidence: claim.confidence,
    reportedOn: reportedOnOf(claim),
    sources: provenanceOf(claim).sources,
    summary: claim.summary,
    researchPredicate: claim.predicate,
  });
  return true;
}

const leakNumber = new Map();
function leak(claim, devices) {
  const base = `leak:${slugOf(devices[0])}-${claim.date ?? 'undated'}`;
  const n = (leakNumber.get(base) ?? 0) + 1;
  leakNumber.set(base, n);
  out.Leak.push({ type: 'Leak', id: n === 1 ? base : `${base}-${n}`, summary: claim.summary, devices, ...provenanceOf(claim) });
  refer(...devices, ...provenanceOf(claim).sources);
}

function relationship(relation, from, to, claim, confidence) {
  out.Relationship.push({ type: 'Relationship', relation, from, to, ...provenanceOf(claim, confidence) });
  refer(from, to, ...provenanceOf(claim).sources);
}

/** CAMERA_BY, and COVERS when the device's maker has a partnership with the camera brand. */
function cameraBy(claim, device, brand, confidence = claim.confidence) {
  relationship('CAMERA_BY', device, brand, claim, confidence);
  const maker = devicesById.get(device)?.brand;
  const partnership = maker && partnershipOfPair.get(pairKey(maker, brand));
  if (partnership && confidence !== 'DENIED') relationship('COVERS', partnership, device, claim, confidence);
}

function spec(claim, { key, value }) {
  const text = value === 'date' ? claim.date : value === 'value' ? [claim.value].flat().filter(Boolean).join(' / ') : value === 'objectName' ? nameOf(claim.object) : claim.summary;
  if (!text) return skip(claim, `no value for ${key}`);
  out.Spec.push({ type: 'Spec', device: claim.subject, key, value: text, ...provenanceOf(claim) });
  refer(claim.subject, ...provenanceOf(claim).sources);
  // The object of a device-to-chip or device-to-device fact is named in the same source: it is backed too.
  if (['chip', 'device'].includes(prefixOf(claim.object ?? ''))) refer(claim.object);
}

/** Research claims that became at least one record of imaging.jsonl (the rest: not-imported.jsonl). */
let researchClaimsImported = 0;
const recordCount = () => out.Relationship.length + out.Spec.length + out.Leak.length;
for (const claim of research.claims) {
  const before = recordCount();
  convert(claim);
  if (recordCount() > before || partnershipRecordClaims.has(claim)) researchClaimsImported += 1;
}

function convert(claim) {
  const subject = prefixOf(claim.subject);
  const object = typeof claim.object === 'string' && claim.object.includes(':') ? prefixOf(claim.object) : null;
  const { predicate } = claim;

  if (subject === 'brand' && object === 'brand') {
    const partnership = partnershipOfPair.get(pairKey(claim.subject, claim.object));
    if (partnership && partnershipEvent(claim, partnership)) return;
    if (PARTNERSHIP_PREDICATES.has(predicate)) throw new Error(`partnership claim without a partnership: ${JSON.stringify(claim)}`);
    skip(claim, 'a note on a brand pair: the model has no claim type for it');
    return;
  }
  if (subject === 'device' && LIFECYCLE_EVENT[predicate]) {
    validTime.push({
      type: 'ValidTimeEvent',
      subject: claim.subject,
      event: LIFECYCLE_EVENT[predicate],
      on: claim.date,
      confidence: claim.confidence,
      reportedOn: reportedOnOf(claim),
      sources: provenanceOf(claim).sources,
      summary: claim.summary,
      researchPredicate: predicate,
    });
  }
  if (subject === 'device' && predicate === 'CAMERA_BY' && object === 'brand') cameraBy(claim, claim.subject, claim.object);
  else if (subject === 'device' && (predicate === 'FIRST_BRANDED_PHONE' || predicate === 'LAST_WITH') && object === 'brand') {
    cameraBy(claim, claim.subject, claim.object);
    if (predicate === 'LAST_WITH') {
      validTime.push({ type: 'ValidTimeEvent', subject: partnershipOfPair.get(pairKey(devicesById.get(claim.subject).brand, claim.object)), event: 'LAST_DEVICE', device: claim.subject, on: claim.date, ...provenanceOf(claim), summary: claim.summary, researchPredicate: predicate });
    }
  } else if (subject === 'device' && predicate === 'NOT_CAMERA_BY') {
    if (claim.confidence === 'CONFIRMED' || claim.confidence === 'REPORTED') cameraBy(claim, claim.subject, claim.object, 'DENIED');
    else skip(claim, 'a rumoured absence of a camera brand: a DENIED claim would overstate it');
  } else if (subject === 'device' && predicate === 'USES_CHIP' && object === 'chip') relationship('USES_CHIP', claim.subject, claim.object, claim);
  else if (predicate === 'LEAK' && subject === 'device') {
    leak(claim, [claim.subject]);
    if (object === 'chip') relationship('USES_CHIP', claim.subject, claim.object, claim);
    if (object === 'brand') cameraBy(claim, claim.subject, claim.object);
  } else if (predicate === 'LEAK' && subject === 'chip' && object === 'device') {
    leak(claim, [claim.object]);
    relationship('USES_CHIP', claim.object, claim.subject, claim);
  } else if (subject === 'device' && SPEC_OF[predicate]) spec(claim, SPEC_OF[predicate]);
  else if (subject === 'chip' && predicate === 'ANNOUNCED') {
    validTime.push({ type: 'ValidTimeEvent', subject: claim.subject, event: 'ANNOUNCED', on: claim.date, ...provenanceOf(claim), summary: claim.summary, researchPredicate: predicate });
  } else if (subject === 'brand' && predicate === 'ANNOUNCED' && object === 'chip') {
    validTime.push({ type: 'ValidTimeEvent', subject: claim.object, event: 'ANNOUNCED', on: claim.date, ...provenanceOf(claim), summary: claim.summary, researchPredicate: predicate });
  } else skip(claim, `${predicate} from a ${subject}${object ? ` to a ${object}` : ''}: the model has no claim type for it`);
}

// Makers and vendors: the research names them in its entity tables, not in a claim. Each gets a MADE_BY
// claim citing the sources of the best claim about that device or chip (an article about "Huawei P9" or
// "Snapdragon 888"), at most REPORTED since those articles were not re-read for the maker.
function madeBy(entityId, makerId) {
  if (!makerId || !referenced.has(entityId)) return;
  const best = (claimsAbout.get(entityId) ?? []).filter((c) => c.confidence !== 'DENIED').sort(byConfidenceThenDate)[0];
  if (!best) return;
  relationship('MADE_BY', entityId, makerId, best, weaker(best.confidence, 'REPORTED'));
}
for (const device of research.devices) madeBy(device.id, device.brand);
for (const chip of research.chips) madeBy(chip.id, chip.vendor);

// Two research claims can become the same record claim (same relation, ends and sources): keep the most confident.
function dedupe(records, keyOf) {
  const kept = new Map();
  for (const record of records) {
    const key = keyOf(record);
    const previous = kept.get(key);
    if (!previous || CONFIDENCE_RANK[record.confidence] < CONFIDENCE_RANK[previous.confidence]) kept.set(key, record);
    else if (previous) notImported.push({ reason: 'same claim as another record (relation, ends and sources), merged into it', record });
  }
  return [...kept.values()];
}
out.Relationship = dedupe(out.Relationship, (r) => `${r.relation}:${r.from}->${r.to}@${r.sources.join('+')}`);
out.Spec = dedupe(out.Spec, (r) => `${r.device}:${r.key}@${r.sources.join('+')}`);

const confirmedAbout = (id) => (claimsAbout.get(id) ?? []).some((c) => c.confidence === 'CONFIRMED' && c.subject === id);
function statusOf(device) {
  const claims = claimsAbout.get(device.id) ?? [];
  if (claims.some((c) => c.predicate === 'CANCELLED' && c.confidence === 'CONFIRMED')) return 'CANCELLED';
  return device.announcedOn || confirmedAbout(device.id) ? 'ANNOUNCED' : 'RUMORED';
}
const cameraBrands = new Set(out.Relationship.filter((r) => r.relation === 'CAMERA_BY' && r.confidence !== 'DENIED').map((r) => r.to));

// Every source a valid-time claim cites is written too.
validTime.forEach((event) => refer(...event.sources));

const entities = [
  ...research.sources
    .filter((s) => referenced.has(sourceId(s.id)))
    .map((s) => ({ type: 'Source', id: sourceId(s.id), title: s.title, publisher: s.publisher, author: s.author, url: s.url, publishedOn: s.publishedOn })),
  ...research.brands
    .filter((b) => referenced.has(b.id))
    .map((b) => ({
      type: 'Brand',
      id: b.id,
      name: b.name,
      aliases: b.aliases,
      roles: [...new Set([...b.roles.map((role) => ROLE_MAP[role]).filter(Boolean), ...(cameraBrands.has(b.id) ? ['OPTICS_PARTNER'] : [])])].sort(),
      // The model takes one ISO 3166-1 alpha-2 code; a joint venture's pair ("SE/JP" for Sony Ericsson) has none.
      country: /^[A-Z]{2}$/.test(b.country ?? '') ? b.country : null,
    })),
  ...research.chips.filter((c) => referenced.has(c.id)).map((c) => ({ type: 'Chip', id: c.id, name: c.name, aliases: [], partNumber: c.partNumber })),
  ...research.devices
    .filter((d) => referenced.has(d.id))
    .map((d) => ({ type: 'Device', id: d.id, name: d.name.replace(STATUS_IN_NAME, ''), aliases: [], status: statusOf(d), announcedOn: d.announcedOn })),
];

// The default seed loads seed/ (the article that started the graph) and then this file, whose records
// with the same ids replace the seed's (README "Data and import"). So that replacing loses nothing,
// a brand, chip or device the seed names keeps the seed's name, and its aliases and roles are the union
// of both; the status and dates stay this dataset's, which knows what happened after the article.
const seedEntities = new Map(
  readFileSync(path.join(here, '..', '..', 'seed', '001-xiaomi-12s-leica-leak.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
    .filter((record) => ['Brand', 'Chip', 'Device'].includes(record.type))
    .map((record) => [record.id, record]),
);
const union = (...lists) => [...new Set(lists.flat().filter(Boolean))];
for (const entity of entities) {
  const seed = seedEntities.get(entity.id);
  if (!seed) continue;
  entity.aliases = union(seed.aliases ?? [], entity.aliases, [entity.name]).filter((alias) => alias !== seed.name);
  entity.name = seed.name;
  if (entity.type === 'Brand') {
    entity.roles = union(seed.roles, entity.roles).sort();
    entity.country = seed.country ?? entity.country;
  }
  if (entity.type === 'Chip') entity.partNumber = seed.partNumber ?? entity.partNumber;
}

// Valid-time events become ValidTime records (src/model/validTime.ts), fields in export order; the research
// predicate they came from is in research/claims.jsonl.
const validTimeRecords = validTime.map((event) => ({
  type: 'ValidTime',
  subject: event.subject,
  event: event.event,
  on: event.on ?? undefined,
  device: event.device,
  summary: event.summary,
  confidence: event.confidence,
  reportedOn: event.reportedOn,
  sources: event.sources,
}));
const records = [...entities, ...out.Partnership, ...out.Leak, ...out.Relationship, ...out.Spec, ...validTimeRecords];
const outputs = { 'imaging.jsonl': records, 'not-imported.jsonl': notImported };
const stale = [];
for (const [name, rows] of Object.entries(outputs)) {
  const file = path.join(here, name);
  const content = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  if (!checkOnly) writeFileSync(file, content);
  else if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(name);
}
if (stale.length > 0) {
  console.error(`out of date with research/: ${stale.join(', ')}; run node data/imaging/build.mjs`);
  process.exit(1);
}

const count = (type) => records.filter((r) => r.type === type).length;
const orphans = research.devices.filter((d) => !referenced.has(d.id)).map((d) => d.id);
console.log(
  JSON.stringify(
    {
      records: records.length,
      sources: count('Source'),
      brands: count('Brand'),
      chips: count('Chip'),
      devices: count('Device'),
      partnerships: count('Partnership'),
      leaks: count('Leak'),
      relationships: count('Relationship'),
      specs: count('Spec'),
      validTimes: count('ValidTime'),
      notImported: notImported.length,
      researchClaims: research.claims.length,
      researchClaimsImported,
      devicesLeftOut: orphans,
    },
    null,
    2,
  ),
);
