import DataLoader from 'dataloader';
import type { Request } from 'express';
import { ApiKeyring, type Access } from '../access/access.js';
import type { AsOf } from '../common/asOf.js';
import { ClaimLoaders } from '../common/claimLoaders.js';
import { EntityRepository } from '../common/entityRepository.js';
import type { EntityRecord } from '../common/node.js';
import type { Database } from '../db/database.js';
import { DeviceRepository } from '../device/device.repository.js';
import { GraphEditor } from '../editing/graphEditor.js';
import { GraphRepository } from '../graph/graph.repository.js';
import { PartnershipRepository } from '../partnership/partnership.repository.js';
import { SearchRepository } from '../search/search.repository.js';
import type { SpecRecord } from '../device/spec.type.js';

export interface RequestLoaders {
  claims: ClaimLoaders;
  entities: DataLoader<string, EntityRecord | null>;
  /** Specs of devices, one loader per asOf day. */
  specs: (asOf: AsOf) => DataLoader<string, SpecRecord[]>;
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
  keyring: ApiKeyring = new ApiKeyring([]),
): (request?: { req: Request }) => Promise<AppContext> {
  const entities = new EntityRepository(db);
  const devices = new DeviceRepository(db);
  const partnerships = new PartnershipRepository(db);
  const graph = new GraphRepository(db);
  const search = new SearchRepository(db);
  const editor = new GraphEditor(db);
  return async (request) => ({
    entities,
    partnerships,
    graph,
    search,
    access: keyring.identify(request?.req.headers.authorization),
    editor,
    loaders: {
      claims: new ClaimLoaders(db),
      entities: new DataLoader(async (ids: readonly string[]) => {
        const found = await entities.byIds(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      specs: perDay((asOf) => new DataLoader((deviceIds: readonly string[]) => devices.specsByDeviceIds(deviceIds, asOf))),
    },
  });
}

function perDay<TLoader>(create: (asOf: AsOf) => TLoader): (asOf: AsOf) => TLoader {
  const byDay = new Map<AsOf, TLoader>();
  return (asOf) => {
    let loader = byDay.get(asOf);
    if (!loader) {
      loader = create(asOf);
      byDay.set(asOf, loader);
    }
    return loader;
  };
}
