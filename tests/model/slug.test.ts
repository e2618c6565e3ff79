import { expect, it } from 'vitest';
import { slugOf } from '../../src/model/slug.js';

it('derives ids in the style of the seed data', () => {
  expect(slugOf('Leica')).toBe('leica');
  expect(slugOf('Xiaomi 12S Pro')).toBe('xiaomi-12s-pro');
  expect(slugOf('Snapdragon 8 Gen 1+')).toBe('snapdragon-8-gen-1');
  expect(slugOf('  Zeiss / Vivo: T* coating ')).toBe('zeiss-vivo-t-coating');
  expect(slugOf('Ērica Ñandú')).toBe('erica-nandu');
  expect(slugOf('Android 14.1')).toBe('android-14.1');
  expect(slugOf('!!!')).toBe('');
});

it('cuts long titles at a word boundary', () => {
  const slug = slugOf('An alleged image of the Xiaomi 12S shows Leica branding on its camera module');
  expect(slug).toBe('an-alleged-image-of-the-xiaomi-12s-shows-leica-branding-on');
  expect(slug.length).toBeLessThanOrEqual(60);
  expect(slugOf('x'.repeat(80))).toHaveLength(60);
});
