import { lookupKey } from './canonical.js';

/**
 * The readable slug of a name, as entity ids use it (`device:xiaomi-12s-pro`): lower-case ASCII letters,
 * digits, dots and dashes, accents dropped, cut at a word boundary so ids derived from long titles stay short.
 */
export function slugOf(text: string, maxLength = 60): string {
  const slug = lookupKey(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/[-.]+$/, '');
}
