import { Confidence, compareClaims } from '../common/enums.js';
import type { SpecRecord } from './spec.type.js';

/** The value of the newest, most certain claim for `key` that is not a denial, as refreshDeviceIdentity picks it. */
export function bestSpecValue(specs: SpecRecord[], key: string): string | null {
  const claims = specs.filter((spec) => spec.key === key && spec.confidence !== Confidence.DENIED);
  claims.sort(compareClaims);
  return claims[0]?.value ?? null;
}
