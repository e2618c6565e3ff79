import { withAsOf, type AsOf } from '../../model/asOf.js';
import { lookupKeyQuery } from './entityRepository.js';
import type { Database } from '../neo4j/database.js';
import type { PlannedReads, RootShape } from './relationshipLoader.js';
import { BadUserInputError, NotFoundError } from '../../errors/errors.js';
import type { EntityRecord } from '../../model/entity.js';
import type { PartnershipKind, PartnershipStatsGroupBy } from '../../model/enums.js';
import { believedSpan, isActiveDuring, validTimeClaimsOf, type PartnershipDates, type Period } from '../../model/validTime.js';
import { ValidTimeRepository } from './validTimeRepository.js';

/** A partnership as partner history reads it (Partnership in the schema). */
export interface PartnershipRecord extends Omit<EntityRecord, '__typename'>, Omit<PartnershipDates, 'id'> {
  kind: PartnershipKind;
  summary: string | null;
}

/** One group of partnershipStats. */
export interface PartnershipStatRecord {
  key: string;
  label: string;
  count: number;
}

const HISTORY_RESULT: RootShape = { idsExpression: '[partnership IN partnerships | partnership.id]' };

export class PartnershipRepository {
  private readonly validTimes: ValidTimeRepository;

  constructor(private readonly db: Database) {
    this.validTimes = new ValidTimeRepository(db);
  }

  /**
   * The brand's partnerships, oldest first; NOT_FOUND when no brand has this name or alias. With `activeDuring`,
   * only those whose span, as the claims known on `asOf` support it, may have been in force during that period.
   */
  async historyOf(brandName: string, asOf: AsOf, plan: PlannedReads | null = null, activeDuring: Period | null = null): Promise<PartnershipRecord[]> {
    const query = lookupKeyQuery(brandName);
    if (query.key === '') throw new BadUserInputError('brand must name a brand', 'brand');
    const params = { ...query, asOf };
    const [row] = plan
      ? await plan.run(this.db, 'partnerHistoryByBrandKey', this.db.cypher.forParams('partnerHistoryByBrandKey', params), params, HISTORY_RESULT)
      : await this.db.read('partnerHistoryByBrandKey', params);
    if (!row) throw new NotFoundError(`No brand is named "${brandName}"`);
    const partnerships = row.partnerships as PartnershipRecord[];
    const active = activeDuring ? await this.activeDuring(partnerships, asOf, activeDuring) : partnerships;
    return active.map((partnership) => withAsOf(partnership, asOf));
  }

  private async activeDuring(partnerships: PartnershipRecord[], asOf: AsOf, period: Period): Promise<PartnershipRecord[]> {
    const claims = await this.validTimes.claimsOf(partnerships.map((partnership) => partnership.id));
    return partnerships.filter((partnership) => isActiveDuring(believedSpan(validTimeClaimsOf(claims.get(partnership.id)!, partnership), asOf), period));
  }

  async stats(groupBy: PartnershipStatsGroupBy, asOf: AsOf): Promise<PartnershipStatRecord[]> {
    return (await this.db.read('partnershipCountsByGroup', { groupBy, asOf })) as unknown as PartnershipStatRecord[];
  }
}
