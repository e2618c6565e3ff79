import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordType } from '../src/model/records.js';
import { Random, Zipf } from './random.js';

/**
 * A deterministic synthetic data set in the import format (JSON Lines), sized by `scale`:
 * scale 1 is about 1,000 brands, 50,000 devices, 2,000 chips, 5,000 partnerships, 100,000 leaks,
 * 150,000 sources and 1M relationships. Skewed like the real market: brands, chips and devices are
 * drawn by Zipf rank, so a few brands make most devices, carry most leaks and have most partners.
 *
 * Single-valued facts (a device's maker and chip) never conflict and partnerships are never denied,
 * so a contestant without a notion of belief (@neo4j/graphql) can give the same answers as ours.
 */

export const SIZES_AT_SCALE_1 = {
  brands: 1_000,
  chips: 2_000,
  devices: 50_000,
  partnerships: 5_000,
  leaks: 100_000,
  sources: 150_000,
} as const;

/** Floors so even a tiny scale has a graph worth querying. */
const MINIMUM_SIZES: Record<keyof typeof SIZES_AT_SCALE_1, number> = {
  brands: 20,
  chips: 10,
  devices: 100,
  partnerships: 20,
  leaks: 200,
  sources: 300,
};

/** Specs per device, uniform in this range: with ~280k other edges this gives ~1M relationships at scale 1. */
const SPECS_PER_DEVICE = { min: 8, max: 21 };

export interface GeneratedDataSet {
  dir: string;
  files: string[];
  scale: number;
  seed: number;
  sizes: Record<keyof typeof SIZES_AT_SCALE_1, number>;
  records: number;
  byType: Partial<Record<RecordType, number>>;
  /** Relationships the graph will hold once loaded (claims, PARTY_TO, ABOUT, HAS_SPEC). */
  relationships: number;
}

export function sizesFor(scale: number): GeneratedDataSet['sizes'] {
  const entries = Object.entries(SIZES_AT_SCALE_1).map(([key, size]) => [
    key,
    Math.max(MINIMUM_SIZES[key as keyof typeof SIZES_AT_SCALE_1], Math.round(size * scale)),
  ]);
  return Object.fromEntries(entries) as GeneratedDataSet['sizes'];
}

/** About how many records a scale gives, to pick the scale of a file of a given size. */
export function recordsPerUnitScale(): number {
  const s = SIZES_AT_SCALE_1;
  const specs = s.devices * ((SPECS_PER_DEVICE.min + SPECS_PER_DEVICE.max) / 2);
  const relationshipRecords = s.devices * (1.25 + 0.85 * 1.3 + 0.2) + s.chips + s.partnerships * 1.5;
  return s.brands + s.chips + s.devices + s.partnerships + s.leaks + s.sources + relationshipRecords + specs;
}

const SYLLABLES = [
  'ka',
  'lo',
  'vex',
  'tri',
  'nor',
  'zen',
  'mi',
  'ra',
  'sol',
  'qua',
  'bel',
  'dor',
  'fi',
  'gan',
  'hu',
  'jo',
  'ly',
  'mar',
  'nex',
  'or',
  'pi',
  'ron',
  'sa',
  'tek',
  'ul',
  'vo',
  'wy',
  'xa',
  'yu',
  'zo',
];
const LINES = ['Nova', 'Edge', 'Note', 'Pro', 'Max', 'Lite', 'Air', 'Ultra', 'Neo', 'Flip', 'Fold', 'Zen', 'Pulse', 'Aero', 'Prime'];
const CHIP_SERIES = ['Core', 'Dimension', 'Helio', 'Orbit', 'Axon', 'Vertex'];
const COUNTRIES = ['CN', 'US', 'KR', 'JP', 'DE', 'TW', 'FI', 'SE', 'IN', 'GB', 'FR', 'CH'];
const PUBLISHERS = [
  'GSMArena',
  'The Verge',
  'Android Authority',
  'Gizmochina',
  'XDA Developers',
  'Engadget',
  'MySmartPrice',
  'Notebookcheck',
  'Weibo digest',
  'AnandTech',
];
const PLATFORMS = ['Weibo', 'X', 'IMEI database', 'TENAA', 'FCC', '3C certification', 'Geekbench', 'Reddit', 'Telegram'];
const LEAK_TOPICS = [
  'renders',
  'camera module',
  'battery capacity',
  'benchmark score',
  'launch date',
  'price',
  'display panel',
  'charging speed',
  'colour options',
  'chip',
];
const SPEC_KEYS: Array<{ key: string; unit: string | null; value: (random: Random) => string }> = [
  { key: 'identity.modelNumber', unit: null, value: (r) => `${r.int(2000000, 2999999)}${r.pick(['SC', 'G', 'C', 'I'])}` },
  { key: 'identity.codename', unit: null, value: (r) => word(r, 3) },
  { key: 'display.sizeInches', unit: 'in', value: (r) => (5.5 + r.int(0, 25) / 10).toFixed(1) },
  { key: 'display.refreshRateHz', unit: 'Hz', value: (r) => r.pick(['60', '90', '120', '144']) },
  { key: 'display.panel', unit: null, value: (r) => r.pick(['LTPO AMOLED', 'OLED', 'IPS LCD', 'flexible curved']) },
  { key: 'display.resolution', unit: null, value: (r) => r.pick(['HD+', 'full-HD+', 'QHD+']) },
  { key: 'battery.capacityMah', unit: 'mAh', value: (r) => String(r.int(30, 60) * 100) },
  { key: 'charging.wiredWatts', unit: 'W', value: (r) => r.pick(['18', '33', '67', '80', '120']) },
  { key: 'camera.main.megapixels', unit: 'MP', value: (r) => r.pick(['12', '48', '50', '64', '108', '200']) },
  { key: 'camera.ultrawide.megapixels', unit: 'MP', value: (r) => r.pick(['8', '12', '13', '50']) },
  { key: 'camera.telephoto.zoom', unit: 'x', value: (r) => r.pick(['2', '3', '5', '10']) },
  { key: 'memory.ramGb', unit: 'GB', value: (r) => r.pick(['4', '6', '8', '12', '16']) },
  { key: 'storage.baseGb', unit: 'GB', value: (r) => r.pick(['64', '128', '256', '512']) },
  { key: 'body.weightGrams', unit: 'g', value: (r) => String(r.int(150, 240)) },
  { key: 'body.thicknessMm', unit: 'mm', value: (r) => (7 + r.int(0, 20) / 10).toFixed(1) },
  { key: 'body.ipRating', unit: null, value: (r) => r.pick(['IP53', 'IP67', 'IP68']) },
  { key: 'software.launchOs', unit: null, value: (r) => r.pick(['Android 12', 'Android 13', 'Android 14', 'Android 15']) },
  { key: 'connectivity.wifi', unit: null, value: (r) => r.pick(['Wi-Fi 6', 'Wi-Fi 6E', 'Wi-Fi 7']) },
  { key: 'audio.speakers', unit: null, value: (r) => r.pick(['mono', 'stereo']) },
  { key: 'price.launchUsd', unit: 'USD', value: (r) => String(r.int(10, 150) * 10 - 1) },
  { key: 'lifecycle.stage', unit: null, value: (r) => r.pick(['under development', 'mass production', 'certified']) },
];

function word(random: Random, syllables: number): string {
  let text = '';
  for (let i = 0; i < syllables; i += 1) text += random.pick(SYLLABLES);
  return text;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const FIRST_DAY = Date.UTC(2010, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

function dayNear(random: Random, centre: number, spreadDays: number): number {
  const day = centre + random.int(-spreadDays, spreadDays) * DAY_MS;
  return Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
}

function anyDay(random: Random): number {
  return FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS;
}

/** An ISO day, or (one time in `monthOnly`) just its month: reports are not always precise. */
function isoDate(random: Random, time: number, monthOnly = 0.15): string {
  const iso = new Date(time).toISOString();
  return random.chance(monthOnly) ? iso.slice(0, 7) : iso.slice(0, 10);
}

type Provenance = { confidence: 'CONFIRMED' | 'REPORTED' | 'RUMORED' | 'SPECULATED' | 'DENIED'; reportedOn: string; sources: string[] };

interface Brand {
  id: string;
  name: string;
  devices: number[];
  deviceZipf?: Zipf;
}

/** Buffers lines per file and appends them in chunks, so scale 1 never holds a million lines in memory. */
class JsonLinesWriter {
  private readonly buffers = new Map<string, string[]>();
  readonly byType: Partial<Record<RecordType, number>> = {};
  records = 0;

  constructor(private readonly dir: string) {}

  /** Records are checked by the importer's zod schemas when loaded, not here. */
  write(file: string, record: { type: RecordType } & Record<string, unknown>): void {
    let buffer = this.buffers.get(file);
    if (!buffer) {
      buffer = [];
      this.buffers.set(file, buffer);
      writeFileSync(path.join(this.dir, file), '');
    }
    buffer.push(JSON.stringify(record));
    this.byType[record.type] = (this.byType[record.type] ?? 0) + 1;
    this.records += 1;
    if (buffer.length >= 10_000) this.flush(file);
  }

  flush(file: string): void {
    const buffer = this.buffers.get(file);
    if (!buffer || buffer.length === 0) return;
    writeFileSync(path.join(this.dir, file), `${buffer.join('\n')}\n`, { flag: 'a' });
    buffer.length = 0;
  }

  close(): string[] {
    for (const file of this.buffers.keys()) this.flush(file);
    return [...this.buffers.keys()].sort().map((file) => path.join(this.dir, file));
  }
}

export interface GenerateOptions {
  scale: number;
  seed: number;
  dir: string;
  progress?: (line: string) => void;
}

export function generateDataSet({ scale, seed, dir, progress = () => {} }: GenerateOptions): GeneratedDataSet {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = new Random(seed);
  const sizes = sizesFor(scale);
  const out = new JsonLinesWriter(dir);
  let relationships = 0;

  progress(
    `generating scale ${scale} (seed ${seed}): ${Object.entries(sizes)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );

  const sourceIds: string[] = [];
  for (let i = 0; i < sizes.sources; i += 1) {
    const publisher = PUBLISHERS[i % PUBLISHERS.length]!;
    const id = `source:${slug(publisher)}-${i + 1}`;
    sourceIds.push(id);
    out.write('1-sources.jsonl', {
      type: 'Source',
      id,
      title: `${publisher}: ${capitalized(word(random, 2))} ${random.pick(LEAK_TOPICS)} report ${i + 1}`,
      publisher,
      author: random.chance(0.7) ? `${capitalized(word(random, 2))} ${capitalized(word(random, 3))}` : null,
      url: `https://example.com/${slug(publisher)}/${i + 1}`,
      publishedOn: random.chance(0.9) ? isoDate(random, anyDay(random), 0.05) : null,
    });
  }
  const cite = (): Provenance['sources'] => {
    const first = sourceIds[random.int(0, sourceIds.length - 1)]!;
    if (!random.chance(0.2)) return [first];
    const second = sourceIds[random.int(0, sourceIds.length - 1)]!;
    return second === first ? [first] : [first, second];
  };
  const provenance = (day: number, confidences: Partial<Record<Provenance['confidence'], number>>): Provenance => ({
    confidence: random.weighted(confidences as Record<Provenance['confidence'], number>),
    reportedOn: isoDate(random, day),
    sources: cite(),
  });

  const brands: Brand[] = [];
  const names = new Set<string>();
  const chipVendors: Brand[] = [];
  const cameraBrands: Brand[] = [];
  for (let i = 0; i < sizes.brands; i += 1) {
    let name = capitalized(word(random, random.int(2, 3)));
    while (names.has(name)) name = `${name}${random.pick(SYLLABLES)}`;
    names.add(name);
    const brand: Brand = { id: `brand:${slug(name)}`, name, devices: [] };
    const roles: Array<'PHONE_MAKER' | 'CAMERA_MAKER' | 'OPTICS_PARTNER' | 'CHIP_VENDOR' | 'CONSUMER_ELECTRONICS'> = [];
    if (i % 20 === 3) {
      roles.push('CHIP_VENDOR');
      chipVendors.push(brand);
    } else if (i % 20 === 7) {
      roles.push('CAMERA_MAKER', 'OPTICS_PARTNER');
      cameraBrands.push(brand);
    } else {
      roles.push('PHONE_MAKER');
      if (random.chance(0.3)) roles.push('CONSUMER_ELECTRONICS');
    }
    brands.push(brand);
    out.write('2-brands.jsonl', {
      type: 'Brand',
      id: brand.id,
      name,
      aliases: random.chance(0.4) ? [`${name} ${random.pick(['Inc.', 'Ltd.', 'Group', 'Mobile'])}`] : [],
      roles,
      country: random.pick(COUNTRIES),
    });
  }

  const chips: Array<{ id: string; vendor: Brand }> = [];
  const vendorZipf = new Zipf(chipVendors.length, 1.2);
  const chipsPerVendor = new Map<string, number>();
  for (let i = 0; i < sizes.chips; i += 1) {
    const vendor = chipVendors[vendorZipf.sample(random)]!;
    const sequence = (chipsPerVendor.get(vendor.id) ?? 0) + 1;
    chipsPerVendor.set(vendor.id, sequence);
    const series = CHIP_SERIES[sequence % CHIP_SERIES.length]!;
    const name = `${vendor.name} ${series} ${Math.ceil(sequence / CHIP_SERIES.length)}`;
    const id = `chip:${slug(name)}`;
    chips.push({ id, vendor });
    out.write('3-chips.jsonl', {
      type: 'Chip',
      id,
      name,
      aliases: [],
      partNumber: `${vendor.name.slice(0, 2).toUpperCase()}${1000 + i}`,
    });
    const day = anyDay(random);
    out.write('7-relationships.jsonl', { type: 'Relationship', relation: 'MADE_BY', from: id, to: vendor.id, ...provenance(day, { CONFIRMED: 1 }) });
    relationships += 1;
  }

  const brandZipf = new Zipf(brands.length, 1.1);
  const chipZipf = new Zipf(chips.length, 1.0);
  const deviceIds: string[] = [];
  const deviceDays: number[] = [];
  const devicesPerBrandLine = new Map<string, number>();
  for (let i = 0; i < sizes.devices; i += 1) {
    const maker = brands[brandZipf.sample(random)]!;
    const line = LINES[maker.devices.length % LINES.length]!;
    const number = (devicesPerBrandLine.get(`${maker.id}|${line}`) ?? 0) + 1;
    devicesPerBrandLine.set(`${maker.id}|${line}`, number);
    const name = `${maker.name} ${line} ${number}`;
    const id = `device:${slug(name)}`;
    maker.devices.push(i);
    deviceIds.push(id);
    const status = random.weighted({ RELEASED: 50, ANNOUNCED: 20, RUMORED: 15, DISCONTINUED: 12, CANCELLED: 3 });
    const day = anyDay(random);
    deviceDays.push(day);
    out.write('4-devices.jsonl', {
      type: 'Device',
      id,
      name,
      aliases: random.chance(0.1) ? [`${maker.name} ${line}${number}`] : [],
      status,
      announcedOn: status === 'RUMORED' ? null : isoDate(random, day, 0.1),
    });

    const claimsOf = (relation: 'MADE_BY' | 'USES_CHIP' | 'CAMERA_BY', to: string, secondChance: number) => {
      const first = provenance(dayNear(random, day, 200), { CONFIRMED: 5, REPORTED: 3, RUMORED: 1 });
      out.write('7-relationships.jsonl', { type: 'Relationship', relation, from: id, to, ...first });
      relationships += 1;
      if (random.chance(secondChance)) {
        const second = provenance(dayNear(random, day, 200), { CONFIRMED: 2, REPORTED: 3, RUMORED: 2, SPECULATED: 1 });
        if (second.sources.join() !== first.sources.join()) {
          out.write('7-relationships.jsonl', { type: 'Relationship', relation, from: id, to, ...second });
          relationships += 1;
        }
      }
    };
    claimsOf('MADE_BY', maker.id, 0.25);
    if (random.chance(0.85)) claimsOf('USES_CHIP', chips[chipZipf.sample(random)]!.id, 0.3);
    if (cameraBrands.length > 0 && random.chance(0.2)) claimsOf('CAMERA_BY', random.pick(cameraBrands).id, 0);

    const specCount = random.int(SPECS_PER_DEVICE.min, SPECS_PER_DEVICE.max);
    const keys = [...SPEC_KEYS];
    for (let k = 0; k < specCount && keys.length > 0; k += 1) {
      const spec = keys.splice(random.int(0, keys.length - 1), 1)[0]!;
      out.write('8-specs.jsonl', {
        type: 'Spec',
        device: id,
        key: spec.key,
        value: spec.value(random),
        unit: spec.unit,
        ...provenance(dayNear(random, day, 300), { CONFIRMED: 3, REPORTED: 3, RUMORED: 3, SPECULATED: 1, DENIED: 0.2 }),
      });
      relationships += 1;
    }
    if ((i + 1) % 10_000 === 0) progress(`  ${i + 1}/${sizes.devices} devices`);
  }

  const deviceOf = (brand: Brand): number => {
    brand.deviceZipf ??= new Zipf(brand.devices.length, 1.0);
    return brand.devices[brand.deviceZipf.sample(random)]!;
  };
  const brandWithDevices = (): Brand => {
    for (;;) {
      const brand = brands[brandZipf.sample(random)]!;
      if (brand.devices.length > 0) return brand;
    }
  };

  const partnerZipf = new Zipf(brands.length, 1.3);
  const otherZipf = new Zipf(brands.length, 0.6);
  for (let i = 0; i < sizes.partnerships; i += 1) {
    const first = brands[partnerZipf.sample(random)]!;
    let second = brands[otherZipf.sample(random)]!;
    while (second === first) second = brands[otherZipf.sample(random)]!;
    const id = `partnership:${slug(first.name)}-${slug(second.name)}-${i + 1}`;
    const day = anyDay(random);
    const dated = random.weighted({ started: 3, announced: 5, both: 2, none: 1 });
    out.write('5-partnerships.jsonl', {
      type: 'Partnership',
      id,
      kind: random.weighted({ SMARTPHONE_IMAGING: 4, CAMERA_SYSTEM: 1, LICENSING: 2, COMPONENT_SUPPLY: 3, OTHER: 1 }),
      summary: `${first.name} and ${second.name} work together on ${random.pick(LEAK_TOPICS)}.`,
      brands: [first.id, second.id],
      announcedOn: dated === 'announced' || dated === 'both' ? isoDate(random, day, 0.3) : null,
      startedOn: dated === 'started' || dated === 'both' ? isoDate(random, dayNear(random, day, 90), 0.3) : null,
      ...provenance(day, { CONFIRMED: 12, REPORTED: 4, RUMORED: 3, SPECULATED: 1 }),
    });
    relationships += 2;
    const covered = new Set<number>();
    const coverCount = random.int(0, 3);
    for (let k = 0; k < coverCount; k += 1) {
      const party = random.chance(0.5) ? first : second;
      if (party.devices.length > 0) covered.add(deviceOf(party));
    }
    for (const device of covered) {
      out.write('7-relationships.jsonl', {
        type: 'Relationship',
        relation: 'COVERS',
        from: id,
        to: deviceIds[device]!,
        ...provenance(dayNear(random, day, 60), { CONFIRMED: 3, REPORTED: 2, RUMORED: 2, SPECULATED: 1 }),
      });
      relationships += 1;
    }
  }

  for (let i = 0; i < sizes.leaks; i += 1) {
    const brand = brandWithDevices();
    const devices = new Set([deviceOf(brand)]);
    const extra = random.weighted({ none: 75, one: 20, two: 5 });
    for (let k = 0; k < (extra === 'none' ? 0 : extra === 'one' ? 1 : 2); k += 1) devices.add(deviceOf(brand));
    const main = [...devices][0]!;
    const topic = random.pick(LEAK_TOPICS);
    out.write('6-leaks.jsonl', {
      type: 'Leak',
      id: `leak:l${i + 1}`,
      summary: `Alleged ${topic} of the ${brand.name} device ${deviceIds[main]!.slice('device:'.length)} surfaced (${word(random, 2)}).`,
      platform: random.chance(0.9) ? random.pick(PLATFORMS) : null,
      tipster: random.chance(0.6) ? `@${word(random, 2)}${random.int(1, 99)}` : null,
      devices: [...devices].map((device) => deviceIds[device]!),
      ...provenance(dayNear(random, deviceDays[main]!, 365), { REPORTED: 4, RUMORED: 4, SPECULATED: 2, CONFIRMED: 1, DENIED: 0.4 }),
    });
    relationships += devices.size;
    if ((i + 1) % 25_000 === 0) progress(`  ${i + 1}/${sizes.leaks} leaks`);
  }

  const files = out.close();
  progress(`generated ${out.records} records (${relationships} relationships) in ${dir}`);
  return { dir, files, scale, seed, sizes, records: out.records, byType: out.byType, relationships };
}
