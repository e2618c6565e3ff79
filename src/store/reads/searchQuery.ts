import { BadUserInputError } from '../../errors/errors.js';
import { lookupKey } from '../../model/canonical.js';

/** Shorter words would match too much by edit distance ("12" ~ "1s"). */
const MIN_FUZZY_LENGTH = 4;

/**
 * A Lucene query for each word of free text that tolerates typos and prefixes: the word exactly (ranked
 * highest), as a prefix ("2206123" finds "2206123SC") or, for longer words, within one edit ("Laica" finds
 * "Leica"). Words are letters and digits only, so Lucene syntax in the text stays inert.
 */
export function toLuceneWordQueries(text: string): string[] {
  const words = lookupKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) throw new BadUserInputError('query must contain a letter or a digit', 'query');
  return words.map((word) => {
    const alternatives = [`${word}^4`, `${word}*^2`];
    if (word.length >= MIN_FUZZY_LENGTH) alternatives.push(`${word}~1`);
    return `(${alternatives.join(' OR ')})`;
  });
}

/** The Lucene query for free text: every word must match one entity (see toLuceneWordQueries). */
export function toLuceneQuery(text: string): string {
  return toLuceneWordQueries(text).join(' AND ');
}
