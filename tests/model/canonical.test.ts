import { describe, expect, it } from 'vitest';
import { canonicalName, canonicalText, confusableSkeleton, isNotFutureDate, latestReportDate, lookupKey, scriptsOf } from '../../src/model/canonical.js';

function refusal(run: () => unknown): { code: unknown; message: string; codePoint?: unknown } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions.code, message, codePoint: extensions.codePoint };
  }
  throw new Error('expected a refusal');
}

describe('canonicalName', () => {
  it('NFKC-normalises, trims and collapses inner whitespace', () => {
    expect(canonicalName('Ｌｅｉｃａ')).toBe('Leica');
    expect(canonicalName('  Xiaomi \u00A0 12S\tUltra ')).toBe('Xiaomi 12S Ultra');
    expect(canonicalName('Citroe\u0308n')).toBe('Citroën');
  });

  it('refuses control, bidi and zero-width characters with BAD_USER_INPUT naming the code point', () => {
    for (const [raw, codePoint] of [
      ['Lei\u0000ca', 'U+0000'],
      ['Leica\u202Eakiel', 'U+202E'],
      ['Lei\u2066ca', 'U+2066'],
      ['Lei\u200Bca', 'U+200B'],
      ['\uFEFFLeica', 'U+FEFF'],
    ] as const) {
      const refused = refusal(() => canonicalName(raw, { field: 'input.name' }));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', codePoint });
      expect(refused.message).toContain(codePoint);
      expect(refused.message).toContain('input.name');
    }
  });

  it('refuses a name mixing Latin with Cyrillic or Greek unless allowMixedScripts', () => {
    expect(refusal(() => canonicalName('L\u0435ica')).message).toMatch(/Latin and Cyrillic/);
    expect(refusal(() => canonicalName('\u039Fppo')).message).toMatch(/Greek and Latin/);
    expect(canonicalName('L\u0435ica', { allowMixedScripts: true })).toBe('L\u0435ica');
  });

  it('lets CJK mix with one alphabet, and digits and punctuation with anything', () => {
    expect(canonicalName('小米 Xiaomi')).toBe('小米 Xiaomi');
    expect(canonicalName('ソニー Sony')).toBe('ソニー Sony');
    // Greek alpha beside Latin is a look-alike risk even in a real name: it takes the flag.
    expect(refusal(() => canonicalName('Sony α7')).message).toMatch(/Latin and Greek/);
    expect(canonicalName('Sony α7', { allowMixedScripts: true })).toBe('Sony α7');
    expect(scriptsOf('Xiaomi 12S-Pro (2022)')).toEqual(['Latin']);
    expect(scriptsOf('Яндекс 小米')).toEqual(['Cyrillic', 'CJK']);
  });
});

describe('canonicalText', () => {
  it('keeps line breaks and tabs in free text but refuses other controls and bidi overrides', () => {
    expect(canonicalText(' A leak\nwith two lines ')).toBe('A leak\nwith two lines');
    expect(refusal(() => canonicalText('a\u0007b')).codePoint).toBe('U+0007');
    expect(refusal(() => canonicalText('a\u202Db')).codePoint).toBe('U+202D');
  });
});

describe('lookupKey and confusableSkeleton', () => {
  it('gives NFD, full-width and spaced spellings one key', () => {
    const key = lookupKey('Citroën');
    expect(lookupKey('Citroe\u0308n')).toBe(key);
    expect(lookupKey('  ＣＩＴＲＯËN'.normalize('NFD'))).toBe(lookupKey('  CITROËN'));
    expect(lookupKey('Leica   Camera')).toBe('leica camera');
  });

  it('gives look-alikes across scripts one skeleton, and different names different ones', () => {
    expect(confusableSkeleton('L\u0435ica')).toBe(confusableSkeleton('Leica'));
    expect(confusableSkeleton('\u039F\u03C1\u03C1o')).toBe(confusableSkeleton('oppo'));
    expect(confusableSkeleton('Leica')).not.toBe(confusableSkeleton('Lenovo'));
  });
});

describe('report dates', () => {
  const now = new Date('2026-12-31T23:30:00Z');
  it('allows up to tomorrow (UTC) and refuses later, at any precision', () => {
    expect(latestReportDate(now)).toBe('2027-01-01');
    expect(isNotFutureDate('2027-01-01', now)).toBe(true);
    expect(isNotFutureDate('2027-01', now)).toBe(true);
    expect(isNotFutureDate('2027-01-02', now)).toBe(false);
    expect(isNotFutureDate('2028', now)).toBe(false);
    expect(isNotFutureDate('9999-12-31', now)).toBe(false);
  });
});
