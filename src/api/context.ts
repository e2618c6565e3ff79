import DataLoader from 'dataloader';
import type { Request } from 'express';
import { ApiKeyring, type Access } from '../model/access.js';
import { EntityRepository } from '../store/reads/entityRepository.js';
import type { EntityRecord } from '../model/entity.js';
import type { Database } from '../store/neo4j/database.js';
import type { ChangeSequencer } from '../store/changes/changeSequencer.js';
import { GraphEditor } from '../store/records/graphEditor.js';
import { GraphRepository } from '../store/reads/graphRepository.js';
import { PartnershipRepository } from '../store/reads/partnershipRepository.js';
import { SearchRepository } from '../store/reads/searchRepository.js';
import { RelationshipLoader } from '../store/reads/relationshipLoader.js';
import { ValidTimeRepository } from '../store/reads/validTimeRepository.js';
import type { ValidTimeClaimRecord } from '../model/validTime.js';

export interface RequestLoaders {
  relationships: RelationshipLoader;
  entities: DataLoader<string, EntityRecord | null>;
  /** Every valid-time claim about a partnership, device or chip, by its id. */
  validTimes: DataLoader<string, ValidTimeClaimRecord[]>;
}

export interface AppContext {
  entities: EntityRepository;
  partnerships: PartnershipRepository;
  graph: GraphRepository;
  search: SearchRepository;
  loaders: RequestLoaders;
  /** The API key the request presented, if any: reads ignore it, writes need it. */
  access: Access;
  editor: GraphEditor;
}

/** Repositories live as long as the app; loaders are made anew for each request so no data leaks between requests. */
export function createContextFactory(
  db: Database,
  sequencer: ChangeSequencer,
  keyring: ApiKeyring = new ApiKeyring([]),
  { plannedReads = true }: { plannedReads?: boolean } = {},
): (request?: { req: Request }) => Promise<AppContext> {
  const entities = new EntityRepository(db);
  const partnerships = new PartnershipRepository(db);
  const graph = new GraphRepository(db);
  const search = new SearchRepository(db);
  const validTimes = new ValidTimeRepository(db);
  const editor = new GraphEditor(db, sequencer);
  return async (request) => ({
    entities,
    partnerships,
    graph,
    search,
    access: keyring.identify(request?.req.headers.authorization),
    editor,
    loaders: createLoaders(db, entities, validTimes, plannedReads),
  });
}

function createLoaders(db: Database, entities: EntityRepository, validTimes: ValidTimeRepository, plannedReads: boolean): RequestLoaders {
  const entityLoader = new DataLoader(async (ids: readonly string[]) => {
    const found = await entities.byIds(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const validTimeLoader = new DataLoader(async (ids: readonly string[]) => {
    const claims = await validTimes.claimsOf(ids);
    return ids.map((id) => claims.get(id)!);
  });
  return { entities: entityLoader, validTimes: validTimeLoader, relationships: new RelationshipLoader(db, plannedReads) };
}
