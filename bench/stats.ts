/** Summaries over rounds: a figure of the bench is the median of its rounds, with the spread beside it. */

export interface Spread {
  min: number;
  max: number;
}

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

/** Lowest and highest of `values`, skipping what is not a number (a round a contestant did not run); null for none. */
export function spread(values: number[]): Spread | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return { min: Math.min(...finite), max: Math.max(...finite) };
}

/**
 * The ratio of two figures in each round, then their median and spread. A ratio of the same round
 * compares contestants measured seconds apart, so what the shared machine did meanwhile cancels out
 * far better than in a ratio of two medians.
 */
export function roundRatios(numerators: number[], denominators: number[]): { perRound: number[]; median: number; spread: Spread | null } {
  if (numerators.length !== denominators.length)
    throw new Error(`ratios need as many numerators as denominators (${numerators.length} vs ${denominators.length})`);
  const perRound = numerators.map((numerator, index) => numerator / denominators[index]!);
  return { perRound, median: median(perRound), spread: spread(perRound) };
}

/** The contestant order of round `round` (0-based): the list rotated by one per round, so no contestant always runs first, on a cold cache, or last. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const by = round % items.length;
  return [...items.slice(by), ...items.slice(0, by)];
}
