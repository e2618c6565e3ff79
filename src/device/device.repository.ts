import { viewedAs, type AsOf } from '../common/asOf.js';
import type { Database } from '../db/database.js';
import type { SpecRecord } from './spec.type.js';

export class DeviceRepository {
  constructor(private readonly db: Database) {}

  async specsByDeviceIds(deviceIds: readonly string[], asOf: AsOf): Promise<SpecRecord[][]> {
    const rows = await this.db.read('specsByDeviceIds', { keys: deviceIds, asOf });
    const byDevice = new Map(rows.map((row) => [row.key as string, (row.specs as SpecRecord[]).map((spec) => viewedAs(spec, asOf))]));
    return deviceIds.map((id) => byDevice.get(id) ?? []);
  }
}
