import { withAsOf, type AsOf } from '../../model/asOf.js';
import { lookupKeyQuery } from './entityRepository.js';
import type { Database } from '../neo4j/database.js';
import type { PlannedReads, RootEntry } from './relationshipLoader.js';
import { partnerHistoryStatement } from './rootStatements.js';
import { BadUserInputError, NotFoundError } from '../../errors/errors.js';
import type { EntityRecord } from '../../model/entity.js';
import type { PartnershipKind, PartnershipStatsGroupBy } from '../../model/enums.js';
import { believedSpan, isActiveDuring, PARTNERSHIP_DATE_PROPERTIES, validTimeClaimsOf, type PartnershipDates, type Period } from '../../model/validTime.js';
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

/** Unplanned histories return whole nodes: their field resolvers may read any property. By whether a day is given. */
const UNPLANNED_HISTORY = {
  today: partnerHistoryStatement({ properties: '*', below: null, asOfGiven: false }),
  asOf: partnerHistoryStatement({ properties: '*', below: null, asOfGiven: true }),
};

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
    const asOfGiven = asOf !== null;
    // Beside what the selection asks: the dates a span is made of, when only those in force during a period are kept.
    const [row] = plan
      ? await plan.runComposed(
          this.db,
          'partnerHistoryByBrandKey',
          `${asOfGiven}|${activeDuring !== null}`,
          (below) =>
            partnerHistoryStatement({
              properties: [...plan.properties, ...(activeDuring ? PARTNERSHIP_DATE_PROPERTIES : [])],
              below: below('partnership'),
              asOfGiven,
            }),
          params,
        )
      : await this.db.readText('partnerHistoryByBrandKey', asOfGiven ? UNPLANNED_HISTORY.asOf : UNPLANNED_HISTORY.today, params);
    if (!row) throw new NotFoundError(`No brand is named "${brandName}"`);
    const entries = row.partnerships as RootEntry[];
    plan?.prime(entries);
    const partnerships = entries.map((entry) => entry.node as unknown as PartnershipRecord);
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
