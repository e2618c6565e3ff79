import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../context.js';
import { bestSpecValue } from '../../model/claim.js';
import { Device } from '../types/device.js';
import type { SpecRecord } from '../types/spec.js';

/** Device identity fields: today's values are stored on the device, a past view reads them from its specs. */
@Resolver(() => Device)
export class DeviceIdentityResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The best identity.modelNumber claim; see specs for all claims and their provenance.' })
  modelNumber(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.modelNumber', device.modelNumber, loaders);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The best identity.shortModelNumber claim.' })
  shortModelNumber(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.shortModelNumber', device.shortModelNumber, loaders);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The best identity.codename claim.' })
  codename(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.codename', device.codename, loaders);
  }
}

/** Today's identity values are stored on the device; a past view picks the best claim known then. */
async function identityAsOf(device: Device, key: string, storedValue: string | null, loaders: AppContext['loaders']) {
  if (!device.asOf) return storedValue;
  return bestSpecValue((await loaders.relationships.allSpecs(device)) as unknown as SpecRecord[], key);
}
