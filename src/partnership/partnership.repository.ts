import { viewedAs, type AsOf } from '../common/asOf.js';
import { lookupKeyQuery } from '../common/entityRepository.js';
import type { Database } from '../db/database.js';
import { BadUserInputError, NotFoundError } from '../errors/errors.js';
import type { Partnership, PartnershipStat, PartnershipStatsGroupBy } from './partnership.type.js';

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  /** The brand's partnerships, oldest first; NOT_FOUND when no brand has this name or alias. */
  async historyOf(brandName: string, asOf: AsOf): Promise<Partnership[]> {
    const query = lookupKeyQuery(brandName);
    if (query.key === '') throw new BadUserInputError('brand must name a brand', 'brand');
    const [row] = await this.db.read('partnerHistoryByBrandKey', { ...query, asOf });
    if (!row) throw new NotFoundError(`No brand is named "${brandName}"`);
    return (row.partnerships as Partnership[]).map((partnership) => viewedAs(partnership, asOf));
  }

  async stats(groupBy: PartnershipStatsGroupBy, asOf: AsOf): Promise<PartnershipStat[]> {
    return (await this.db.read('partnershipCountsByGroup', { groupBy, asOf })) as unknown as PartnershipStat[];
  }
}
