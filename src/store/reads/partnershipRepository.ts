import { viewedAs, type AsOf } from '../../api/types/asOf.js';
import { lookupKeyQuery } from './entityRepository.js';
import type { Database } from '../neo4j/database.js';
import type { PlannedReads, RootShape } from './relationshipLoader.js';
import { BadUserInputError, NotFoundError } from '../../errors/errors.js';
import type { Partnership, PartnershipStat, PartnershipStatsGroupBy } from '../../api/types/partnership.js';

const HISTORY_RESULT: RootShape = { idsExpression: '[partnership IN partnerships | partnership.id]' };

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  /** The brand's partnerships, oldest first; NOT_FOUND when no brand has this name or alias. */
  async historyOf(brandName: string, asOf: AsOf, plan: PlannedReads | null = null): Promise<Partnership[]> {
    const query = lookupKeyQuery(brandName);
    if (query.key === '') throw new BadUserInputError('brand must name a brand', 'brand');
    const params = { ...query, asOf };
    const [row] = plan ? await plan.run(this.db, 'partnerHistoryByBrandKey', params, HISTORY_RESULT) : await this.db.read('partnerHistoryByBrandKey', params);
    if (!row) throw new NotFoundError(`No brand is named "${brandName}"`);
    return (row.partnerships as Partnership[]).map((partnership) => viewedAs(partnership, asOf));
  }

  async stats(groupBy: PartnershipStatsGroupBy, asOf: AsOf): Promise<PartnershipStat[]> {
    return (await this.db.read('partnershipCountsByGroup', { groupBy, asOf })) as unknown as PartnershipStat[];
  }
}
