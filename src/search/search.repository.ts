import { int } from 'neo4j-driver';
import { viewedAs, type AsOf } from '../schemaTypes/asOf.js';
import { labelOf, type EntityType } from '../schemaTypes/enums.js';
import type { EntityRecord } from '../schemaTypes/node.js';
import type { Database } from '../db/database.js';
import { toLuceneQuery } from './searchQuery.js';

export interface SearchHitRecord {
  score: number;
  node: EntityRecord;
}

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(text: string, types: EntityType[] | null, first: number, asOf: AsOf): Promise<SearchHitRecord[]> {
    const rows = await this.db.read('entitiesBySearchText', {
      luceneQuery: toLuceneQuery(text),
      labels: types?.length ? types.map(labelOf) : null,
      first: int(first),
      asOf,
    });
    return rows.map((row) => ({ score: row.score as number, node: viewedAs(row.node as EntityRecord, asOf) }));
  }
}
