import { withAsOf, type AsOf } from '../../model/asOf.js';
import { lookupKeyQuery } from './entityRepository.js';
import type { Database } from '../neo4j/database.js';
import type { PlannedReads, RootShape } from './relationshipLoader.js';
import { BadUserInputError, NotFoundError } from '../../errors/errors.js';
import type { Claim } from '../../model/claim.js';
import type { EntityRecord } from '../../model/entity.js';
import type { DatePrecision, PartnershipKind, PartnershipStatsGroupBy } from '../../model/enums.js';

/** A partnership as partner history reads it (Partnership in the schema). */
export interface PartnershipRecord extends Omit<EntityRecord, '__typename'>, Omit<Claim, 'id'> {
  kind: PartnershipKind;
  summary: string | null;
  announcedOn: string | null;
  announcedOnPrecision: DatePrecision | null;
  startedOn: string | null;
  startedOnPrecision: DatePrecision | null;
  endedOn: string | null;
  endedOnPrecision: DatePrecision | null;
}

/** One group of partnershipStats. */
export interface PartnershipStatRecord {
  key: string;
  label: string;
  count: number;
}

const HISTORY_RESULT: RootShape = { idsExpression: '[partnership IN partnerships | partnership.id]' };

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  /** The brand's partnerships, oldest first; NOT_FOUND when no brand has this name or alias. */
  async historyOf(brandName: string, asOf: AsOf, plan: PlannedReads | null = null): Promise<PartnershipRecord[]> {
    const query = lookupKeyQuery(brandName);
    if (query.key === '') throw new BadUserInputError('brand must name a brand', 'brand');
    const params = { ...query, asOf };
    const [row] = plan
      ? await plan.run(this.db, 'partnerHistoryByBrandKey', this.db.cypher.forParams('partnerHistoryByBrandKey', params), params, HISTORY_RESULT)
      : await this.db.read('partnerHistoryByBrandKey', params);
    if (!row) throw new NotFoundError(`No brand is named "${brandName}"`);
    return (row.partnerships as PartnershipRecord[]).map((partnership) => withAsOf(partnership, asOf));
  }

  async stats(groupBy: PartnershipStatsGroupBy, asOf: AsOf): Promise<PartnershipStatRecord[]> {
    return (await this.db.read('partnershipCountsByGroup', { groupBy, asOf })) as unknown as PartnershipStatRecord[];
  }
}
