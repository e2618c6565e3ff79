import { int } from 'neo4j-driver';
import { withAsOf, type AsOf } from '../../model/asOf.js';
import type { EntityType } from '../../model/enums.js';
import { labelOfType } from '../../model/entityKinds.js';
import type { EntityRecord } from '../../model/entity.js';
import type { Database } from '../neo4j/database.js';
import { searchStatement } from './rootStatements.js';
import { toLuceneWordQueries } from './searchQuery.js';

export interface SearchHitRecord {
  score: number;
  node: EntityRecord;
}

export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** The best `first` hits for `text`; each node with the stored `properties` of its kind selected, or whole when null. */
  async search(
    text: string,
    types: EntityType[] | null,
    first: number,
    asOf: AsOf,
    properties: ReadonlyMap<string, readonly string[]> | null = null,
  ): Promise<SearchHitRecord[]> {
    const wordQueries = toLuceneWordQueries(text);
    const labels = types?.length ? types.map(labelOfType) : null;
    const statement = searchStatement({ words: wordQueries.length, labelsGiven: labels !== null, asOfGiven: asOf !== null, properties });
    const rows = await this.db.readText('entitiesBySearchText', statement, {
      luceneQuery: wordQueries.join(' AND '),
      wordQueries,
      labels,
      first: int(first),
      asOf,
    });
    return rows.map((row) => ({ score: row.score as number, node: withAsOf(row.node as EntityRecord, asOf) }));
  }
}
