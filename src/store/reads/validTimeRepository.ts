import type { Database } from '../neo4j/database.js';
import type { ValidTimeClaimRecord } from '../../model/validTime.js';

/** Neo4j stores no null: the optional fields of a stored claim come back absent. */
function withNulls(claim: ValidTimeClaimRecord): ValidTimeClaimRecord {
  return { ...claim, on: claim.on ?? null, onPrecision: claim.onPrecision ?? null, summary: claim.summary ?? null, deviceId: claim.deviceId ?? null };
}

export class ValidTimeRepository {
  constructor(private readonly db: Database) {}

  /** Every valid-time claim about each subject (none: an empty list), whatever its report day. */
  async claimsOf(subjectIds: readonly string[]): Promise<Map<string, ValidTimeClaimRecord[]>> {
    const rows = await this.db.read('validTimeClaimsOfSubjects', { ids: [...new Set(subjectIds)] });
    const bySubject = new Map<string, ValidTimeClaimRecord[]>(subjectIds.map((id) => [id, []]));
    for (const row of rows) bySubject.set(String(row.subjectId), (row.claims as ValidTimeClaimRecord[]).map(withNulls));
    return bySubject;
  }
}
