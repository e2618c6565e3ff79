import { BadUserInputError } from '../errors/errors.js';

/*
 * Input canonicalisation: every name, alias and free text the editor or the importer stores passes through
 * here first, and lookups key on the same forms, so "Ｌｅｉｃａ", " Leica " and NFD "Leica" are one brand.
 * Pure functions over strings; nothing here touches the database. Entity resolution (aliases, homoglyph
 * matching) builds on lookupKey and confusableSkeleton.
 */

export interface CanonicalNameOptions {
  /** A name mixing scripts (Latin with Cyrillic, say) is refused unless this is true. */
  allowMixedScripts?: boolean;
  /** The input field, named in the error. */
  field?: string;
}

/** Bidi embeddings, overrides, isolates and marks: they reorder what a reader sees. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Zero-width and other invisible characters that make two equal-looking strings differ. */
// eslint-disable-next-line no-misleading-character-class -- each code point is listed on purpose, joiners and variation selectors included
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
/** C0 and C1 controls but tab, line feed and carriage return, which free text (a summary) may hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's job
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Scripts a name's letters are checked against; Common (digits, punctuation) and Inherited (combining marks)
 * belong to every script. Han, Hiragana, Katakana, Hangul and Bopomofo count as one "CJK" script that may
 * mix with one alphabet, because real brands do ("小米 Xiaomi", "ソニー Sony"): look-alikes come from
 * alphabets that share shapes with Latin (Cyrillic, Greek, Armenian...), not from CJK.
 */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
];
const SHARED_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Free text as stored: NFKC, trimmed, and refused (BAD_USER_INPUT naming the code point) when it holds a
 * control, bidi or zero-width character.
 */
export function canonicalText(raw: string, field = 'input'): string {
  const text = raw.normalize('NFKC');
  // Checked before trimming: JavaScript counts U+FEFF as whitespace.
  refuseHidden(text, field);
  return text.trim();
}

/**
 * A name or alias as stored: canonicalText with whitespace runs (tabs and line breaks too) collapsed to one
 * space, and letters of one script (plus CJK) unless `allowMixedScripts`.
 */
export function canonicalName(raw: string, { allowMixedScripts = false, field = 'name' }: CanonicalNameOptions = {}): string {
  const name = canonicalText(raw, field).replace(/\s+/gu, ' ');
  const scripts = allowMixedScripts ? [] : mixedScriptsOf(name);
  if (scripts.length > 0) throw new BadUserInputError(`${field} ${mixedScriptsMessage(scripts)}`, field, { scripts });
  return name;
}

/** The scripts a name mixes, CJK aside; empty when it keeps to one. */
export function mixedScriptsOf(name: string): string[] {
  const scripts = scriptsOf(name).filter((script) => script !== 'CJK');
  return scripts.length > 1 ? scripts : [];
}

export function mixedScriptsMessage(scripts: string[]): string {
  return `mixes the ${scripts.join(' and ')} scripts, which makes look-alike names; set allowMixedScripts: true if that is intended`;
}

/** The scripts of a string's letters, in order of first appearance; "Other" for any script not listed. */
export function scriptsOf(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (SHARED_SCRIPT.test(char) || !/\p{L}/u.test(char)) continue;
    found.add(SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  return [...found];
}

/** The key exact lookups compare: the canonical form, lower-cased. Never throws, so any query string can be looked up. */
export function lookupKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Common look-alikes of Latin letters in Cyrillic and Greek, mapped to the Latin letter. A short table, not
 * the whole of Unicode's confusables data: enough to tell that "Lеica" (Cyrillic е) looks like "Leica".
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ζ: 'z',
  '0': 'o',
  '1': 'l',
};

/**
 * A string two look-alike names share: lookupKey, accents dropped, Cyrillic and Greek look-alikes mapped to
 * Latin, and digits 0 and 1 read as o and l. For finding candidates ("is this the same brand?"), never for ids.
 */
export function confusableSkeleton(name: string): string {
  const folded = lookupKey(name).normalize('NFKD').replace(/\p{M}/gu, '');
  return [...folded]
    .map((char) => LATIN_LOOKALIKES[char] ?? char)
    .join('')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What a name resolves to: the ids it names, and whether only a look-alike spelling (homoglyphs, accents) matched. */
export interface NameResolution {
  ids: string[];
  lookalike: boolean;
}

/**
 * Entity resolution by name: every name and alias of every entity, under its lookupKey and its
 * confusableSkeleton. A name resolves by key first; only when no key matches does a look-alike count, so
 * "XIAOMI" and " xiaomi " are Xiaomi, and "Xiаomi" (Cyrillic а) is caught as looking like it. More than one
 * id is an ambiguity for the caller to report, never to settle by picking one.
 */
export class NameIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly bySkeleton = new Map<string, Set<string>>();

  add(id: string, names: Iterable<string>): void {
    for (const name of names) {
      addTo(this.byKey, lookupKey(name), id);
      const skeleton = confusableSkeleton(name);
      if (skeleton) addTo(this.bySkeleton, skeleton, id);
    }
  }

  resolve(name: string): NameResolution {
    const byKey = this.byKey.get(lookupKey(name));
    if (byKey) return { ids: [...byKey].sort(), lookalike: false };
    const bySkeleton = this.bySkeleton.get(confusableSkeleton(name));
    return { ids: bySkeleton ? [...bySkeleton].sort() : [], lookalike: bySkeleton !== undefined };
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

/** Today's date plus one day, UTC, as YYYY-MM-DD: the latest date a report or publication may carry. */
export function latestReportDate(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
}

/**
 * Whether a partial date ("2022", "2022-05", "2022-05-23") starts no later than tomorrow (UTC): a report or a
 * publication cannot come from the future, and a far-future date would outrank every real claim.
 */
export function isNotFutureDate(partialDate: string, now = new Date()): boolean {
  const [year, month = '01', day = '01'] = partialDate.split('-');
  return `${year}-${month}-${day}` <= latestReportDate(now);
}

function refuseHidden(text: string, field: string): void {
  for (const [kind, pattern] of [
    ['a control character', CONTROL_IN_TEXT],
    ['a bidirectional control', BIDI_CONTROLS],
    ['an invisible character', INVISIBLE],
  ] as const) {
    const match = pattern.exec(text);
    if (match) {
      const codePoint = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new BadUserInputError(`${field} holds ${kind}, ${codePoint}, which is not allowed`, field, { codePoint });
    }
  }
}
